import { BLOCK_SIZE } from '../../definition/constants.js';
import { chunkStart, scatterChunkCount } from '../../definition/scatterChunks.js';
import type { ActiveLines, MatrixSpec, ProductTarget } from '../../types.js';
import { JOB } from '../abi/index.js';
import { scatterSplit, workNs } from './cost.js';
import { addZeros, deliverPiece, needsSpare } from './deliver.js';
import { prepare, writeSpec, type Prepared } from './job.js';
import { copyColumns } from './inputs.js';
import { limits } from './limits.js';
import { planPieces } from './pieces.js';
import { closeCall, openCall, runJob, type Call } from './runtime.js';

/**
 * Scatter products on the wasm kernels (src/kernels/assembly/scatter.ts): the active lines and
 * their values are copied into kernel memory, the job run, the result delivered. A product whose
 * buffers exceed limits.pieceBytes is computed in pieces: windows of blocks of output positions
 * and ranges of batch columns (every output element's sum is the same wherever it is computed).
 */

/** Results from this size (floats) are touched while the workers run (see scatterPiece). */
const PREFAULT_FLOATS = 1 << 18;
/** Room for the alignment of a piece's buffers. */
const SLACK = 6 * 64;

export function wasmScatter(spec: MatrixSpec, active: ActiveLines, target: ProductTarget): void {
  const m = prepare(spec);
  const { lines, values, k } = active;
  const n = lines.length;
  if (n === 0 || m.empty) {
    if (target.accumulate) addZeros(target.out);
    else target.out.fill(0);
    return;
  }
  const length = m.length;
  const chunks = scatterChunkCount(n, length, m.table.effectiveProb);
  // Floats per output position and column: the output, the partial sums of chunks, a spare.
  const perPosition = 1 + (chunks > 1 ? 1 : 0) + (needsSpare(target, k) ? 1 : 0);
  const inputs = n * 4 + (values === null ? 0 : n * k * 4) + (chunks + 1) * 4 + SLACK;
  const call = openCall(workNs(n, length, m.table, k, spec.law.kind));
  try {
    if (inputs + length * k * 4 * perPosition <= limits.pieceBytes) {
      scatterPiece(call, m, active, chunks, target, 0, k, 0, m.blocks);
    } else {
      scatterPieces(call, m, active, chunks, target, perPosition);
    }
  } finally {
    closeCall(call);
  }
}

/** A product too large for one piece, in ranges of columns and windows of blocks. */
function scatterPieces(
  call: Call,
  m: Prepared,
  active: ActiveLines,
  chunks: number,
  target: ProductTarget,
  perPosition: number,
): void {
  const { lines, values, k } = active;
  const n = lines.length;
  const pieces = planPieces(
    k,
    m.blocks,
    (columns) => n * 4 + (values === null ? 0 : n * columns * 4) + (chunks + 1) * 4 + SLACK,
    (columns) => Math.min(m.length, BLOCK_SIZE) * columns * 4 * perPosition,
    'a scatter product',
  );
  for (let c0 = 0; c0 < k; c0 += pieces.columns) {
    const width = Math.min(pieces.columns, k - c0);
    for (let b0 = 0; b0 < m.blocks; b0 += pieces.blocks) {
      scatterPiece(call, m, active, chunks, target, c0, width, b0, Math.min(m.blocks, b0 + pieces.blocks));
    }
  }
}

/** Columns [c0, c0 + width) of the output positions of blocks [b0, b1). */
function scatterPiece(
  call: Call,
  m: Prepared,
  active: ActiveLines,
  chunks: number,
  target: ProductTarget,
  c0: number,
  width: number,
  b0: number,
  b1: number,
): void {
  const { lines, values, k } = active;
  const n = lines.length;
  const length = m.length;
  const p0 = b0 * BLOCK_SIZE;
  const positions = Math.min(length, b1 * BLOCK_SIZE) - p0;
  const outBytes = positions * width * 4;
  const params = writeSpec(call, m, JOB.scatter);
  const heap = call.heap;
  heap.startCall();
  const activeAt = heap.take(n * 4);
  const valuesAt = values === null ? 0 : heap.take(n * width * 4);
  const outAt = heap.take(outBytes);
  const partialAt = chunks > 1 ? heap.take(outBytes) : 0;
  const startsAt = heap.take((chunks + 1) * 4);
  const spareAt = needsSpare(target, k) ? heap.take(outBytes) : 0;
  const { u32, f32 } = call.kernels; // after every take: an unshared memory's views change as it grows
  u32.set(lines, activeAt >> 2);
  if (values !== null) copyColumns(f32, values, n, k, c0, width, valuesAt);
  if (chunks === 1) {
    u32[startsAt >> 2] = 0;
    u32[(startsAt >> 2) + 1] = n;
  } else {
    for (let c = 0; c <= chunks; c++) u32[(startsAt >> 2) + c] = chunkStart(c, chunks, n);
  }
  params.k = width;
  params.active = activeAt;
  params.values = valuesAt;
  params.out = outAt;
  params.partial = partialAt;
  params.chunks = chunks;
  params.chunkStarts = startsAt;
  params.blockStart = b0;
  params.blockEnd = b1;
  // A freshly allocated result's pages cost about a microsecond each to touch: on several threads,
  // the caller touches them while the workers start, instead of after the job.
  const out = target.out;
  const whole = width === k && positions === length;
  const prefault = whole && target.fresh && call.threads > 1 && out.length >= PREFAULT_FLOATS;
  const connections = n * length * m.table.effectiveProb;
  params.split = prefault ? scatterSplit(call.threads, connections, m.spec.law.kind, k, out.length) : 0;
  runJob(call, prefault ? () => out.fill(0) : undefined);
  deliverPiece(call, outAt, spareAt, target, length, k, p0, positions, c0, width);
}
