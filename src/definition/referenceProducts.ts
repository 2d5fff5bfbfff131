import { lineCount, lineLength } from './matrixSpec.js';
import { walkLine } from './lineWalk.js';
import { gapTable } from './gapTable.js';
import { chunkStart, scatterChunkCount } from './scatterChunks.js';
import type { ActiveLines, MatrixSpec } from '../types.js';

/**
 * The reference products: plain loops over `walkLine`, defining the exact float32 result that
 * every backend must reproduce bit for bit.
 *
 * A product is either a scatter or a gather over lines, with a batch of k values per element:
 *
 *  - scatter: out[position, c] += f32(x[line, c] * w) for each active line (one whose k values
 *    are not all zero) in increasing order, accumulated in float32, split into chunks as in
 *    scatterChunks.ts. (x @ R, R @ X with k columns for C, ...: the event-driven products.)
 *  - gather: out[line, c] = f32(sum over positions, in increasing order, of w * y[position, c]),
 *    accumulated in double. (R @ x, x @ C, ...)
 *
 * Inputs are float32 values; layouts are element-major: value c of element e is at e * k + c.
 */

export function referenceScatter(spec: MatrixSpec, active: ActiveLines): Float32Array {
  const length = lineLength(spec);
  const { lines, values, k } = active;
  const chunks = scatterChunkCount(lines.length, length, gapTable(spec.prob).effectiveProb);
  const out = new Float32Array(length * k);
  for (let chunk = 0; chunk < chunks; chunk++) {
    const partial = chunk === 0 ? out : new Float32Array(length * k);
    const end = chunkStart(chunk + 1, chunks, lines.length);
    for (let a = chunkStart(chunk, chunks, lines.length); a < end; a++) {
      walkLine(spec, lines[a]!, length, (position, weight) => {
        for (let c = 0; c < k; c++) {
          const x = values === null ? 1 : values[a * k + c]!;
          partial[position * k + c]! += Math.fround(x * weight);
        }
      });
    }
    if (partial !== out) for (let i = 0; i < out.length; i++) out[i]! += partial[i]!;
  }
  return out;
}

export function referenceGather(spec: MatrixSpec, y: Float32Array, k: number): Float32Array {
  const lines = lineCount(spec);
  const length = lineLength(spec);
  const out = new Float32Array(lines * k);
  const sums = new Float64Array(k);
  for (let line = 0; line < lines; line++) {
    sums.fill(0);
    walkLine(spec, line, length, (position, weight) => {
      for (let c = 0; c < k; c++) sums[c]! += weight * y[position * k + c]!;
    });
    for (let c = 0; c < k; c++) out[line * k + c] = sums[c]!;
  }
  return out;
}

/** Number of stored connections, walked line by line without materialising anything. */
export function referenceNnz(spec: MatrixSpec): number {
  const length = lineLength(spec);
  let count = 0;
  for (let line = 0, lines = lineCount(spec); line < lines; line++) {
    walkLine(spec, line, length, () => {
      count++;
    });
  }
  return count;
}

/**
 * Connections of lines [start, end): line-major CSR over (lines x positions), counted in a first
 * walk and written into typed arrays of the exact size in a second. `beforeFill` sees the count
 * before those arrays are allocated (and may throw to refuse).
 */
export function referenceLines(
  spec: MatrixSpec,
  start = 0,
  end = lineCount(spec),
  beforeFill?: (entries: number) => void,
): { indptr: Float64Array; indices: Uint32Array; data: Float32Array } {
  const length = lineLength(spec);
  const indptr = new Float64Array(end - start + 1);
  for (let line = start; line < end; line++) {
    let count = 0;
    walkLine(spec, line, length, () => {
      count++;
    });
    indptr[line - start + 1] = indptr[line - start]! + count;
  }
  const entries = indptr[end - start]!;
  beforeFill?.(entries);
  const indices = new Uint32Array(entries);
  const data = new Float32Array(entries);
  let at = 0;
  for (let line = start; line < end; line++) {
    walkLine(spec, line, length, (position, weight) => {
      indices[at] = position;
      data[at++] = weight;
    });
  }
  return { indptr, indices, data };
}
