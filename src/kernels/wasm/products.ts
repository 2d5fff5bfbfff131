import { lineCount, lineLength } from '../../definition/matrixSpec.js';
import { gapTable, type GapTable } from '../../definition/gapTable.js';
import { chunkStart, scatterChunkCount } from '../../definition/scatterChunks.js';
import { lawAffine } from '../../definition/weights/weightLaw.js';
import { BLOCK_SIZE } from '../../definition/constants.js';
import { GATHER_MAX_K, JOB, LAW, MAX_THREADS, MEMORY, THREAD_LINE } from '../abi/index.js';
import { planThreads, runJob, runtime } from './runtime.js';
import type { ActiveLines, LineConnections, MatrixSpec, ProductTarget } from '../../types.js';
import { deliver } from '../target.js';
import type { ParamBlock } from './params.js';

/**
 * The four products on the wasm kernels: inputs are copied into the shared memory, the job's
 * parameters written in the parameter block, the job run (on one or more threads), the outputs copied out.
 */

/** Rough cost model (ns, one thread, measured) deciding whether a call is worth the worker threads. */
const NS_PER_CONNECTION = 2.5;
/** Per connection with its weight: normal weights cost most (the ziggurat's rare paths stall a lane). */
const NS_PER_WEIGHTED: Record<MatrixSpec['law']['kind'], number> = { scalar: 1.7, uniform: 2.5, normal: 4.5 };
const NS_PER_COLUMN = 0.6;
const NS_PER_BLOCK = 60;

/** Scatter cost per extra column of a batch, and of touching one fresh page of a result. */
const SCATTER_NS_PER_COLUMN = 0.2;
const NS_PER_PAGE = 1200;

/**
 * Where thread 0's share of a parallel scatter starts, in 1/65536 of a block (params.split): thread 0
 * first touches the result's pages, so it gets that much less of the work (any split gives the
 * same result; this one only evens the threads' time).
 */
function scatterSplit(
  threads: number,
  connections: number,
  nsPerConnection: number,
  k: number,
  floats: number,
): number {
  const work = connections * (nsPerConnection + SCATTER_NS_PER_COLUMN * (k - 1));
  const touch = ((floats * 4) / 4096) * NS_PER_PAGE;
  const mine = Math.max(0, (1 - ((threads - 1) * touch) / work) / threads);
  return Math.round((1 - mine) * 65536);
}

/** Results from this size (floats) are touched while the workers run (wasmScatter). */
const PREFAULT_FLOATS = 1 << 18;
/** Lines per counting pass and connections per fill pass of lines(). */
const COUNT_SLICE_LINES = 1 << 22;
const FILL_SLICE_ENTRIES = 1 << 23;

/** p = 0, or so small that every gap is a whole block: no connection anywhere. */
function isEmptyTable(table: GapTable): boolean {
  return table.limits.length === BLOCK_SIZE && table.limits[BLOCK_SIZE - 1] === 0xffffffff;
}

function blocksOf(length: number): number {
  return Math.ceil(length / BLOCK_SIZE);
}

function workNs(
  lines: number,
  length: number,
  table: GapTable,
  k: number,
  perConnection = NS_PER_CONNECTION,
): number {
  const connections = lines * length * table.effectiveProb;
  return connections * (perConnection + NS_PER_COLUMN * (k - 1)) + lines * blocksOf(length) * NS_PER_BLOCK;
}

/** A finite estimate of 1 / log2(1 - p) (the kernels check every estimate against the table). */
function inverseLog2q(prob: number): number {
  const inv = 1 / Math.log2(1 - prob);
  return Number.isFinite(inv) ? Math.max(inv, -1e30) : -1e30;
}

function writeSpec(spec: MatrixSpec, table: GapTable, kind: number): ParamBlock {
  const { kernels, heap } = runtime();
  const padded = heap.table(table);
  const params = kernels.params;
  const [a, b] = lawAffine(spec.law);
  params.kind = kind;
  params.seedLo = spec.seedLo;
  params.seedHi = spec.seedHi;
  params.law = LAW[spec.law.kind];
  params.lawA = a;
  params.lawB = b;
  params.table = padded.address;
  params.tableLen = padded.length;
  params.guide = padded.guide;
  params.invLog2q = inverseLog2q(table.prob);
  params.lineCount = lineCount(spec);
  params.lineLength = lineLength(spec);
  params.k = 1;
  params.chunks = 1;
  params.values = 0;
  params.counts = 0;
  return params;
}

export function wasmScatter(spec: MatrixSpec, active: ActiveLines, target: ProductTarget): void {
  const length = lineLength(spec);
  const { lines, values, k } = active;
  const n = lines.length;
  const table = gapTable(spec.prob);
  if (n === 0 || length === 0 || isEmptyTable(table)) {
    if (!target.accumulate) target.out.fill(0);
    return;
  }
  const chunks = scatterChunkCount(n, length, table.effectiveProb);
  const outBytes = length * k * 4;
  const threads = planThreads(workNs(n, length, table, k, NS_PER_WEIGHTED[spec.law.kind]));
  const { kernels, heap } = runtime();
  const params = writeSpec(spec, table, JOB.scatter);
  const transpose = target.batchMajor && k > 1;
  const [activeAt, valuesAt, outAt, partialAt, startsAt, transposedAt] = heap.call([
    n * 4,
    values === null ? 0 : n * k * 4,
    outBytes,
    chunks > 1 ? outBytes : 0,
    (chunks + 1) * 4,
    transpose ? outBytes : 0,
  ]) as [number, number, number, number, number, number];
  const buffer = kernels.buffer;
  new Uint32Array(buffer, activeAt, n).set(lines);
  if (values !== null) new Float32Array(buffer, valuesAt, n * k).set(values.subarray(0, n * k));
  const starts = new Uint32Array(buffer, startsAt, chunks + 1);
  for (let c = 0; c <= chunks; c++) starts[c] = chunkStart(c, chunks, n);
  params.k = k;
  params.active = activeAt;
  params.values = values === null ? 0 : valuesAt;
  params.out = outAt;
  params.partial = partialAt;
  params.chunks = chunks;
  params.chunkStarts = startsAt;
  // A freshly allocated result's pages cost about a microsecond each to touch: on several threads,
  // the caller touches them while the workers start, instead of after the job.
  const out = target.out;
  const prefault = target.fresh && threads > 1 && out.length >= PREFAULT_FLOATS;
  const connections = n * length * table.effectiveProb;
  params.split = prefault
    ? scatterSplit(threads, connections, NS_PER_WEIGHTED[spec.law.kind], k, out.length)
    : 0;
  runJob(threads, prefault ? () => out.fill(0) : undefined);
  // Batch-major results (k rows of `length`) are transposed in wasm memory, then delivered once.
  if (transpose) kernels.exports.transposeF32(outAt, transposedAt, length, k);
  const result = new Float32Array(runtime().kernels.buffer, transpose ? transposedAt : outAt, length * k);
  deliver(result, length * k, 1, target);
}

export function wasmGather(spec: MatrixSpec, y: Float32Array, k: number, target: ProductTarget): void {
  const lines = lineCount(spec);
  const length = lineLength(spec);
  const table = gapTable(spec.prob);
  if (lines === 0 || length === 0 || isEmptyTable(table)) {
    if (!target.accumulate) target.out.fill(0);
    return;
  }
  if (k <= GATHER_MAX_K) {
    deliver(gatherColumns(spec, table, y, k, lines, length), lines, k, target);
    return;
  }
  // Very wide batches are done a slice of columns at a time (each column is independent).
  const whole = new Float32Array(lines * k);
  for (let c0 = 0; c0 < k; c0 += GATHER_MAX_K) {
    const width = Math.min(GATHER_MAX_K, k - c0);
    const part = gatherColumns(spec, table, sliceColumns(y, length, k, c0, width), width, lines, length);
    for (let line = 0; line < lines; line++)
      whole.set(part.subarray(line * width, (line + 1) * width), line * k + c0);
  }
  deliver(whole, lines, k, target);
}

function sliceColumns(y: Float32Array, rows: number, k: number, c0: number, width: number): Float32Array {
  const slice = new Float32Array(rows * width);
  for (let r = 0; r < rows; r++) slice.set(y.subarray(r * k + c0, r * k + c0 + width), r * width);
  return slice;
}

/** The gather of k columns, as a view of kernel memory (valid until the next call). */
function gatherColumns(
  spec: MatrixSpec,
  table: GapTable,
  y: Float32Array,
  k: number,
  lines: number,
  length: number,
): Float32Array {
  const threads = planThreads(workNs(lines, length, table, k, NS_PER_WEIGHTED[spec.law.kind]));
  const { kernels, heap } = runtime();
  const params = writeSpec(spec, table, JOB.gather);
  const [yAt, outAt] = heap.call([length * k * 4, lines * k * 4]) as [number, number];
  new Float32Array(kernels.buffer, yAt, length * k).set(y.subarray(0, length * k));
  params.k = k;
  params.y = yAt;
  params.out = outAt;
  params.lineStart = 0;
  params.lineEnd = lines;
  runJob(threads);
  return new Float32Array(runtime().kernels.buffer, outAt, lines * k);
}

/** Counts per line of [start, end) into `counts[0 ..]` (when given); returns their total. */
function countLines(
  spec: MatrixSpec,
  table: GapTable,
  start: number,
  end: number,
  counts: Float64Array | null,
): number {
  const threads = planThreads(workNs(end - start, lineLength(spec), table, 1) * 0.6);
  const { kernels, heap } = runtime();
  const params = writeSpec(spec, table, JOB.count);
  const [countsAt] = heap.call([counts === null ? 0 : (end - start) * 4]) as [number];
  params.counts = counts === null ? 0 : countsAt;
  params.lineStart = start;
  params.lineEnd = end;
  const lines = new Float64Array(
    kernels.buffer,
    MEMORY.fields.threadLines.offset,
    (MAX_THREADS * THREAD_LINE.bytes) / 8,
  );
  const stride = THREAD_LINE.bytes / 8;
  const result = THREAD_LINE.fields.result.offset / 8;
  for (let t = 0; t < MAX_THREADS; t++) lines[t * stride + result] = 0;
  runJob(threads);
  if (counts !== null) counts.set(new Uint32Array(kernels.buffer, countsAt, end - start));
  let total = 0;
  for (let t = 0; t < MAX_THREADS; t++) total += lines[t * stride + result]!;
  return total;
}

export function wasmNnz(spec: MatrixSpec): number {
  const lines = lineCount(spec);
  const table = gapTable(spec.prob);
  if (lines === 0 || lineLength(spec) === 0 || isEmptyTable(table)) return 0;
  let total = 0;
  for (let start = 0; start < lines; start += COUNT_SLICE_LINES) {
    total += countLines(spec, table, start, Math.min(lines, start + COUNT_SLICE_LINES), null);
  }
  return total;
}

export function wasmLines(
  spec: MatrixSpec,
  first: number,
  last: number,
  beforeFill?: (entries: number) => void,
): LineConnections {
  const table = gapTable(spec.prob);
  const indptr = new Float64Array(last - first + 1);
  if (last <= first || lineLength(spec) === 0 || isEmptyTable(table)) {
    beforeFill?.(0);
    return { indptr, indices: new Uint32Array(0), data: new Float32Array(0) };
  }
  // Pass 1: counts per line (indptr[line - first + 1]), then their running sum.
  for (let start = first; start < last; start += COUNT_SLICE_LINES) {
    const counts = indptr.subarray(start - first + 1);
    countLines(spec, table, start, Math.min(last, start + COUNT_SLICE_LINES), counts);
  }
  const lines = last - first;
  for (let line = 0; line < lines; line++) indptr[line + 1]! += indptr[line]!;
  const nnz = indptr[lines]!;
  beforeFill?.(nnz);
  const indices = new Uint32Array(nnz);
  const data = new Float32Array(nnz);
  // Pass 2: the connections, a slice of lines at a time.
  let start = 0;
  while (start < lines) {
    let end = start + 1;
    while (end < lines && indptr[end + 1]! - indptr[start]! <= FILL_SLICE_ENTRIES) end++;
    fillLines(spec, table, first, start, end, indptr, indices, data);
    start = end;
  }
  return { indptr, indices, data };
}

/** Connections of lines first + [start, end) at their offsets in indptr (relative to first). */
function fillLines(
  spec: MatrixSpec,
  table: GapTable,
  first: number,
  start: number,
  end: number,
  indptr: Float64Array,
  indices: Uint32Array,
  data: Float32Array,
): void {
  const threads = planThreads(workNs(end - start, lineLength(spec), table, 1));
  const { kernels, heap } = runtime();
  const from = indptr[start]!;
  const entries = indptr[end]! - from;
  const params = writeSpec(spec, table, JOB.fill);
  const [offsetsAt, indicesAt, dataAt] = heap.call([(end - start) * 4, entries * 4, entries * 4]) as [
    number,
    number,
    number,
  ];
  const offsets = new Uint32Array(kernels.buffer, offsetsAt, end - start);
  for (let line = start; line < end; line++) offsets[line - start] = indptr[line]! - from;
  params.offsets = offsetsAt;
  params.indices = indicesAt;
  params.data = dataAt;
  params.lineStart = first + start;
  params.lineEnd = first + end;
  runJob(threads);
  indices.set(new Uint32Array(kernels.buffer, indicesAt, entries), from);
  data.set(new Float32Array(kernels.buffer, dataAt, entries), from);
}
