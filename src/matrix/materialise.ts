import { JitconnTooLargeError } from '../errors.js';
import { BLOCK_SIZE } from '../definition/constants.js';
import { gapTable } from '../definition/gapTable.js';
import { lineCount, lineLength } from '../definition/matrixSpec.js';
import type { Backend, LineConnections, MatrixSpec } from '../types.js';
import { allocateFloat32, checkMaterialisable } from './allocate.js';

/**
 * Compressed sparse rows of the realised matrix, what `tocsr()` returns: the layout of
 * scipy.sparse.csr_matrix (`csr_matrix((data, indices, indptr), shape)`).
 *
 * @example
 * ```ts
 * import { JITCScalarR, type CsrMatrix } from 'jitconn';
 *
 * const csr: CsrMatrix = new JITCScalarR([1, 0.5, 7], { shape: [3, 4] }).tocsr();
 * for (let i = 0; i < csr.shape[0]; i++) {
 *   const columns = csr.indices.subarray(csr.indptr[i], csr.indptr[i + 1]); // row i's connections
 * }
 * ```
 */
export interface CsrMatrix {
  /** Row pointers, one per row plus one: row i's connections are at [indptr[i], indptr[i + 1]). */
  readonly indptr: Uint32Array;
  /** The column of every connection, increasing within a row. */
  readonly indices: Uint32Array;
  /** The weight of every connection, at the same positions as `indices`. */
  readonly data: Float32Array;
  /** [rows, cols] of the CSR matrix: with `tocsr({ rows })`, [rows.length, cols]. */
  readonly shape: [number, number];
}

/**
 * Limits for the methods that materialise a matrix (`todense()`, `tocsr()`).
 *
 * @example
 * ```ts
 * import { JITCScalarR } from 'jitconn';
 *
 * const M = new JITCScalarR([0.1, 0.1, 1], { shape: [20_000, 20_000] });
 * const dense = M.todense({ maxElements: 2 ** 29 }); // 400 million entries: 1.6 GB, above the default
 * ```
 */
export interface MaterialiseOptions {
  /**
   * Most memory to allocate, in 4-byte units (float32 elements): default 2^28 (1 GiB). It covers
   * everything the method allocates: the result and its index arrays, and any working copy.
   */
  readonly maxElements?: number;
}

/**
 * Options of `tocsr()`: the allocation budget, and optionally the rows to take.
 *
 * @example
 * ```ts
 * import { JITCScalarR } from 'jitconn';
 *
 * const M = new JITCScalarR([0.1, 0.001, 1], { shape: [1_000_000, 1_000_000] });
 * const firstRows = M.tocsr({ rows: [0, 1, 2] }); // 3 rows of a matrix of 10^9 connections
 * ```
 */
export interface CsrOptions extends MaterialiseOptions {
  /**
   * Only these rows (strictly increasing row indices): the result has one CSR row per entry, in
   * this order, with the matrix's columns. The connections of a few neurons of a huge matrix.
   */
  readonly rows?: ArrayLike<number>;
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

/** Expected connections per slice of lines that a selection of rows walks at a time (C matrices). */
const ROWS_SLICE_ENTRIES = 2 ** 22;

/**
 * CSR of selected rows (strictly increasing, validated by the caller). For an R matrix the rows
 * are lines, generated alone; for a C matrix they are positions, found by walking every column a
 * slice at a time and keeping the selected rows.
 */
export function toCsrRows(
  backend: Backend,
  spec: MatrixSpec,
  rows: Uint32Array,
  maxElements: number,
): CsrMatrix {
  const what = `tocsr({ rows }) of ${rows.length} rows of a ${spec.rows} x ${spec.cols} matrix with p = ${spec.prob}`;
  const fixed = rows.length + 1;
  const perRow = spec.cols * gapTable(spec.prob).effectiveProb;
  checkMaterialisable(fixed + 2 * surelyAtLeast(rows.length * perRow), maxElements, what);
  const indptr = new Uint32Array(rows.length + 1);
  const pieces: { indices: Uint32Array; data: Float32Array }[] = [];
  let total = 0;
  const keep = (indices: Uint32Array, data: Float32Array) => {
    total += indices.length;
    checkMaterialisable(fixed + 2 * total, maxElements, what);
    pieces.push({ indices, data });
  };
  if (spec.orientation === 'row') {
    rows.forEach((row, r) => {
      const line = backend.lines(spec, row, row + 1, (entries) =>
        checkMaterialisable(fixed + 2 * (total + entries), maxElements, what),
      );
      keep(line.indices, line.data);
      indptr[r + 1] = total;
    });
  } else {
    // Column-major walk: per selected row, its (column, weight) pairs in increasing column order.
    const slot = new Map<number, number>();
    rows.forEach((row, r) => slot.set(row, r));
    const found: { columns: number[]; weights: number[] }[] = Array.from({ length: rows.length }, () => ({
      columns: [],
      weights: [],
    }));
    const sliceLines = Math.max(
      1,
      Math.floor(ROWS_SLICE_ENTRIES / (spec.rows * gapTable(spec.prob).effectiveProb + 1)),
    );
    for (let start = 0; start < spec.cols; start += sliceLines) {
      const end = Math.min(spec.cols, start + sliceLines);
      const lines = backend.lines(spec, start, end);
      for (let column = start; column < end; column++) {
        for (let e = lines.indptr[column - start]!; e < lines.indptr[column - start + 1]!; e++) {
          const r = slot.get(lines.indices[e]!);
          if (r === undefined) continue;
          found[r]!.columns.push(column);
          found[r]!.weights.push(lines.data[e]!);
          checkMaterialisable(fixed + 2 * ++total, maxElements, what);
        }
      }
    }
    total = 0;
    found.forEach(({ columns, weights }, r) => {
      pieces.push({ indices: Uint32Array.from(columns), data: Float32Array.from(weights) });
      total += columns.length;
      indptr[r + 1] = total;
    });
  }
  const indices = new Uint32Array(total);
  const data = new Float32Array(total);
  let at = 0;
  for (const piece of pieces) {
    indices.set(piece.indices, at);
    data.set(piece.data, at);
    at += piece.indices.length;
  }
  return { indptr, indices, data, shape: [rows.length, spec.cols] };
}
