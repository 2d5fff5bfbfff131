import { BLOCK_SIZE } from '../../definition/constants.js';
import type { MatrixSpec, ProductTarget } from '../../types.js';
import { GATHER_MAX_K, JOB } from '../abi/index.js';
import { JitconnTooLargeError } from '../../errors.js';
import { workNs } from './cost.js';
import { addZeros, deliverPiece, needsSpare } from './deliver.js';
import { blocksOf, prepare, writeSpec, type Prepared } from './job.js';
import { copyColumns } from './inputs.js';
import { limits } from './limits.js';
import { closeCall, openCall, runJob, type Call } from './runtime.js';

/**
 * Gather products on the wasm kernels (src/kernels/assembly/gather.ts): the operand is copied
 * into kernel memory, the job run, the result delivered. A product whose buffers exceed
 * limits.pieceBytes (or wider than GATHER_MAX_K columns) is computed in pieces: ranges of batch
 * columns and of lines, and windows of blocks of the operand's positions, a line's f64 sums
 * carried from one window to the next, so every line's sum is the one of the whole walk.
 */

interface GatherPieces {
  readonly columns: number;
  readonly blocks: number;
  readonly lines: number;
}

function planGather(lines: number, length: number, k: number, spare: boolean): GatherPieces {
  const budget = limits.pieceBytes;
  const totalBlocks = blocksOf(length);
  // Operand bytes of `blocks` blocks, and bytes per line of output (f32, spare, f64 carried sums).
  const yBytes = (columns: number, blocks: number) => Math.min(length, blocks * BLOCK_SIZE) * columns * 4;
  const lineBytes = (columns: number, carry: boolean) => columns * (4 + (spare ? 4 : 0) + (carry ? 8 : 0));
  let columns = Math.min(k, GATHER_MAX_K);
  if (yBytes(columns, totalBlocks) + lines * lineBytes(columns, false) <= budget) {
    return { columns, blocks: totalBlocks, lines };
  }
  const half = budget / 2;
  while (columns > 1 && (yBytes(columns, 1) > half || lineBytes(columns, true) > half)) {
    columns = Math.ceil(columns / 2);
  }
  if (yBytes(columns, 1) > half || lineBytes(columns, true) > half) {
    throw new JitconnTooLargeError(
      `a gather product needs more than the ${budget} bytes a wasm kernel lays out per piece, even one column and one block at a time`,
    );
  }
  const blocks = Math.min(totalBlocks, Math.floor(half / yBytes(columns, 1)));
  const carry = blocks < totalBlocks;
  const rows = Math.max(1, Math.floor((budget - yBytes(columns, blocks)) / lineBytes(columns, carry)));
  return { columns, blocks, lines: Math.min(lines, rows) };
}

interface Gather {
  readonly m: Prepared;
  readonly y: Float32Array;
  readonly k: number;
  readonly target: ProductTarget;
}

export function wasmGather(spec: MatrixSpec, y: Float32Array, k: number, target: ProductTarget): void {
  const m = prepare(spec);
  if (m.empty) {
    if (target.accumulate) addZeros(target.out);
    else target.out.fill(0);
    return;
  }
  const { lines, length } = m;
  const pieces = planGather(lines, length, k, needsSpare(target, k));
  const totalBlocks = m.blocks;
  const call = openCall(workNs(lines, length, m.table, k, spec.law.kind));
  const job: Gather = { m, y, k, target };
  try {
    for (let c0 = 0; c0 < k; c0 += pieces.columns) {
      const width = Math.min(pieces.columns, k - c0);
      for (let l0 = 0; l0 < lines; l0 += pieces.lines) {
        const l1 = Math.min(lines, l0 + pieces.lines);
        const heap = call.heap;
        heap.startCall();
        const carry = pieces.blocks < totalBlocks ? heap.take((l1 - l0) * width * 8) : 0;
        for (let b0 = 0; b0 < totalBlocks; b0 += pieces.blocks) {
          const b1 = Math.min(totalBlocks, b0 + pieces.blocks);
          gatherPiece(call, job, c0, width, l0, l1, b0, b1, carry);
        }
      }
    }
  } finally {
    closeCall(call);
  }
}

/**
 * Columns [c0, c0 + width) of lines [l0, l1) over the window of blocks [b0, b1): sums come from
 * `carry` unless the window is the first, and go back there unless it is the last.
 */
function gatherPiece(
  call: Call,
  job: Gather,
  c0: number,
  width: number,
  l0: number,
  l1: number,
  b0: number,
  b1: number,
  carry: number,
): void {
  const { m, y, k, target } = job;
  const { lines, length } = m;
  const last = b1 * BLOCK_SIZE >= length;
  const p0 = b0 * BLOCK_SIZE;
  const positions = Math.min(length, b1 * BLOCK_SIZE) - p0;
  const rows = l1 - l0;
  const params = writeSpec(call, m, JOB.gather);
  const heap = call.heap;
  const mark = heap.mark();
  const yAt = heap.take(positions * width * 4);
  const outAt = last ? heap.take(rows * width * 4) : 0;
  const spareAt = last && needsSpare(target, k) ? heap.take(rows * width * 4) : 0;
  copyColumns(call.kernels.f32, y, positions, k, c0, width, yAt, p0);
  params.k = width;
  params.y = yAt;
  params.out = outAt;
  params.lineStart = l0;
  params.lineEnd = l1;
  params.blockStart = b0;
  params.blockEnd = b1;
  params.sumsIn = b0 === 0 ? 0 : carry;
  params.sumsOut = last ? 0 : carry;
  runJob(call);
  if (last) deliverPiece(call, outAt, spareAt, target, lines, k, l0, rows, c0, width);
  heap.release(mark);
}
