import { JitconnTooLargeError } from '../errors.js';
import { BLOCK_SIZE } from '../definition/constants.js';
import { gapTable } from '../definition/gapTable.js';
import { lineCount, lineLength } from '../definition/matrixSpec.js';
import type { Backend, LineConnections, MatrixSpec } from '../types.js';
import { allocateFloat32, checkMaterialisable } from './allocate.js';

/** Compressed sparse rows of the realised matrix. */
export interface CsrMatrix {
  readonly indptr: Uint32Array;
  readonly indices: Uint32Array;
  readonly data: Float32Array;
  readonly shape: [number, number];
}

/** Limits for the methods that materialise a matrix. */
export interface MaterialiseOptions {
  /**
   * Most memory to allocate, in 4-byte units (float32 elements): default 2^28 (1 GiB). It covers
   * everything the method allocates: the result and its index arrays, and any working copy.
   */
  readonly maxElements?: number;
}

/** Default budget of todense() and tocsr(), in 4-byte units (1 GiB). */
export const DEFAULT_MAX_ELEMENTS = 2 ** 28;
/** Expected connections per slice of lines that todense() materialises at a time. */
const DENSE_SLICE_ENTRIES = 2 ** 22;
/** Largest expected count of connections or of line blocks that nnz() will walk (about a minute). */
export const NNZ_MAX_WORK = 2 ** 36;

function expectedConnections(spec: MatrixSpec): number {
  return spec.rows * spec.cols * gapTable(spec.prob).effectiveProb;
}

/** A count that is almost surely below the real one: expected minus six standard deviations. */
function surelyAtLeast(expected: number): number {
  return Math.max(0, expected - 6 * Math.sqrt(expected));
}

/** The number of connections, refusing (before any work) a count that would take minutes. */
export function countConnections(backend: Backend, spec: MatrixSpec): number {
  const connections = expectedConnections(spec);
  const blocks = lineCount(spec) * Math.ceil(lineLength(spec) / BLOCK_SIZE);
  if (connections > NNZ_MAX_WORK || blocks > NNZ_MAX_WORK) {
    throw new JitconnTooLargeError(
      `nnz() of a ${spec.rows} x ${spec.cols} matrix with p = ${spec.prob} would walk about ` +
        `${connections.toExponential(2)} connections in ${blocks.toExponential(2)} blocks, more than the ` +
        `2^36 (6.9e10) that nnz() walks (about a minute); its expected value is rows * cols * p = ${connections.toExponential(6)}`,
    );
  }
  return backend.nnz(spec);
}

/** The dense row-major matrix, materialised a slice of lines at a time. */
export function toDense(backend: Backend, spec: MatrixSpec, maxElements: number): Float32Array {
  const { rows, cols } = spec;
  const lines = lineCount(spec);
  const length = lineLength(spec);
  const perLine = length * gapTable(spec.prob).effectiveProb + 1;
  const sliceLines = Math.max(1, Math.floor(DENSE_SLICE_ENTRIES / perLine));
  // The dense array, and one slice's connections (indices, weights, line pointers in f64).
  const sliceUnits = 2 * Math.min(sliceLines, lines) * perLine + 2 * (Math.min(sliceLines, lines) + 1);
  checkMaterialisable(rows * cols + sliceUnits, maxElements, `todense() of a ${rows} x ${cols} matrix`);
  const dense = allocateFloat32(rows * cols, 'todense()');
  const lineStride = spec.orientation === 'row' ? cols : 1;
  const positionStride = spec.orientation === 'row' ? 1 : cols;
  for (let start = 0; start < lines; start += sliceLines) {
    const end = Math.min(lines, start + sliceLines);
    const { indptr, indices, data } = backend.lines(spec, start, end);
    for (let line = start; line < end; line++) {
      const base = line * lineStride;
      for (let e = indptr[line - start]!; e < indptr[line - start + 1]!; e++) {
        dense[base + indices[e]! * positionStride] = data[e]!;
      }
    }
  }
  return dense;
}

/**
 * Compressed sparse rows. Everything it allocates is counted against `maxElements` before it is
 * allocated: the line pointers of the walk (f64), the row pointers, the indices and weights, and
 * for a C matrix the column-major copy the counting sort reads from.
 */
export function toCsr(backend: Backend, spec: MatrixSpec, maxElements: number): CsrMatrix {
  const { rows, cols } = spec;
  const lines = lineCount(spec);
  const row = spec.orientation === 'row';
  const fixed = (lines + 1) * 2 + (rows + 1) + (row ? 0 : rows);
  const perEntry = row ? 2 : 4;
  const what = `tocsr() of a ${rows} x ${cols} matrix with p = ${spec.prob}`;
  checkMaterialisable(fixed + perEntry * surelyAtLeast(expectedConnections(spec)), maxElements, what);
  const beforeFill = (entries: number) => {
    if (entries > 2 ** 32 - 1) {
      throw new JitconnTooLargeError(
        `${what} has ${entries} connections; CSR row pointers are Uint32 (at most 2^32 - 1)`,
      );
    }
    checkMaterialisable(fixed + perEntry * entries, maxElements, what);
  };
  const connections = backend.lines(spec, 0, lines, beforeFill);
  if (row) {
    return {
      indptr: Uint32Array.from(connections.indptr),
      indices: connections.indices,
      data: connections.data,
      shape: [rows, cols],
    };
  }
  return { ...transposeLines(connections, cols, rows), shape: [rows, cols] };
}

/** Turn line-major connections (lines x positions) into position-major CSR (a counting sort). */
function transposeLines(
  lines: LineConnections,
  lineCount: number,
  positions: number,
): { indptr: Uint32Array; indices: Uint32Array; data: Float32Array } {
  const indptr = new Uint32Array(positions + 1);
  for (const position of lines.indices) indptr[position + 1]!++;
  for (let i = 0; i < positions; i++) indptr[i + 1]! += indptr[i]!;
  const next = indptr.slice(0, positions);
  const indices = new Uint32Array(lines.indices.length);
  const data = new Float32Array(lines.indices.length);
  for (let line = 0; line < lineCount; line++) {
    for (let e = lines.indptr[line]!; e < lines.indptr[line + 1]!; e++) {
      const slot = next[lines.indices[e]!]!++;
      indices[slot] = line;
      data[slot] = lines.data[e]!;
    }
  }
  return { indptr, indices, data };
}
