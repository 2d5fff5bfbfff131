import { BLOCK_SIZE } from '../../definition/constants.js';
import type { LineConnections, MatrixSpec } from '../../types.js';
import { JOB, MAX_THREADS, MEMORY, THREAD_LINE } from '../abi/index.js';
import { workNs } from './cost.js';
import { prepare, writeSpec, type Prepared } from './job.js';
import { limits } from './limits.js';
import { closeCall, openCall, runJob, type Call } from './runtime.js';

/**
 * Structure on the wasm kernels (src/kernels/assembly/lines.ts): connection counts (nnz, CSR
 * line pointers) a slice of lines at a time, and the connections themselves a slice of entries
 * at a time (limits.countSliceLines, limits.fillSliceEntries); a line with more connections than
 * a slice is filled a window of blocks at a time.
 */

const RESULT_STRIDE = THREAD_LINE.bytes / 8;
const RESULT_AT = (MEMORY.fields.threadLines.offset + THREAD_LINE.fields.result.offset) / 8;

/**
 * Connections of lines [start, end) within the window of blocks [b0, b1): per line into
 * `counts[0 ..]` when given; returns their total.
 */
function countLines(
  call: Call,
  m: Prepared,
  start: number,
  end: number,
  counts: Float64Array | null,
  b0 = 0,
  b1 = m.blocks,
): number {
  const params = writeSpec(call, m, JOB.count);
  call.heap.startCall();
  const countsAt = counts === null ? 0 : call.heap.take((end - start) * 4);
  params.counts = countsAt;
  params.lineStart = start;
  params.lineEnd = end;
  params.blockStart = b0;
  params.blockEnd = b1;
  const f64 = call.kernels.f64;
  for (let t = 0; t < MAX_THREADS; t++) f64[RESULT_AT + t * RESULT_STRIDE] = 0;
  runJob(call);
  if (counts !== null) counts.set(call.kernels.u32.subarray(countsAt >> 2, (countsAt >> 2) + end - start));
  let total = 0;
  for (let t = 0; t < MAX_THREADS; t++) total += f64[RESULT_AT + t * RESULT_STRIDE]!;
  return total;
}

export function wasmNnz(spec: MatrixSpec): number {
  const m = prepare(spec);
  if (m.empty) return 0;
  const lines = m.lines;
  const call = openCall(workNs(lines, m.length, m.table, 1) * 0.6);
  try {
    let total = 0;
    for (let start = 0; start < lines; start += limits.countSliceLines) {
      total += countLines(call, m, start, Math.min(lines, start + limits.countSliceLines), null);
    }
    return total;
  } finally {
    closeCall(call);
  }
}

export function wasmLines(
  spec: MatrixSpec,
  first: number,
  last: number,
  beforeFill?: (entries: number) => void,
): LineConnections {
  const m = prepare(spec);
  const indptr = new Float64Array(last - first + 1);
  if (last <= first || m.empty) {
    beforeFill?.(0);
    return { indptr, indices: new Uint32Array(0), data: new Float32Array(0) };
  }
  const lines = last - first;
  const call = openCall(workNs(lines, m.length, m.table, 1));
  try {
    // Pass 1: counts per line (indptr[line - first + 1]), then their running sum.
    for (let start = first; start < last; start += limits.countSliceLines) {
      const counts = indptr.subarray(start - first + 1);
      countLines(call, m, start, Math.min(last, start + limits.countSliceLines), counts);
    }
    for (let line = 0; line < lines; line++) indptr[line + 1]! += indptr[line]!;
    const nnz = indptr[lines]!;
    beforeFill?.(nnz);
    const connections = { indptr, indices: new Uint32Array(nnz), data: new Float32Array(nnz) };
    // Pass 2: the connections, a slice of lines at a time.
    let start = 0;
    while (start < lines) {
      let end = start + 1;
      while (end < lines && indptr[end + 1]! - indptr[start]! <= limits.fillSliceEntries) end++;
      if (end === start + 1 && indptr[end]! - indptr[start]! > limits.fillSliceEntries) {
        fillLongLine(call, m, first + start, connections, indptr[start]!);
      } else {
        fillLines(call, m, first, start, end, connections);
      }
      start = end;
    }
    return connections;
  } finally {
    closeCall(call);
  }
}

/**
 * Connections of lines first + [start, end) in the window of blocks [b0, b1), at their offsets in
 * indptr (relative to first; `from` where the window's entries start, by default the slice's).
 */
function fillLines(
  call: Call,
  m: Prepared,
  first: number,
  start: number,
  end: number,
  into: LineConnections,
  b0 = 0,
  b1 = m.blocks,
  from = into.indptr[start]!,
  entries = into.indptr[end]! - from,
): void {
  const params = writeSpec(call, m, JOB.fill);
  const heap = call.heap;
  heap.startCall();
  const offsetsAt = heap.take((end - start) * 4);
  const indicesAt = heap.take(entries * 4);
  const dataAt = heap.take(entries * 4);
  const { u32, f32 } = call.kernels;
  for (let line = start; line < end; line++) u32[(offsetsAt >> 2) + line - start] = into.indptr[line]! - from;
  params.offsets = offsetsAt;
  params.indices = indicesAt;
  params.data = dataAt;
  params.lineStart = first + start;
  params.lineEnd = first + end;
  params.blockStart = b0;
  params.blockEnd = b1;
  runJob(call);
  into.indices.set(u32.subarray(indicesAt >> 2, (indicesAt >> 2) + entries), from);
  into.data.set(f32.subarray(dataAt >> 2, (dataAt >> 2) + entries), from);
}

/** The connections of one line with more than a slice of them, a window of blocks at a time. */
function fillLongLine(call: Call, m: Prepared, line: number, into: LineConnections, from: number): void {
  const blocks = m.blocks;
  // A block holds at most BLOCK_SIZE connections.
  const window = Math.max(1, Math.floor(limits.fillSliceEntries / BLOCK_SIZE));
  for (let b0 = 0; b0 < blocks; b0 += window) {
    const b1 = Math.min(blocks, b0 + window);
    const entries = countLines(call, m, line, line + 1, null, b0, b1);
    const single = { indptr: Float64Array.of(from, from + entries), indices: into.indices, data: into.data };
    fillLines(call, m, line, 0, 1, single, b0, b1, from, entries);
    from += entries;
  }
}
