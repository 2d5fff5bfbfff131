import type { MatrixSpec } from '../spec/matrixSpec.js';
import type { ActiveLines } from '../spec/referenceProducts.js';

/** Line-major connections of every line (CSR over lines x positions). */
export interface LineConnections {
  readonly indptr: Float64Array;
  readonly indices: Uint32Array;
  readonly data: Float32Array;
}

/**
 * What the public classes need from a compute backend. Every backend returns, bit for bit,
 * what the reference (src/spec/referenceProducts.ts) returns.
 */
export interface Backend {
  readonly name: BackendName;
  /**
   * Scatter product: each active line adds its connections into the positions it reaches.
   * The result is (positions x k), or (k x positions) when `batchMajor`.
   */
  scatter(spec: MatrixSpec, active: ActiveLines, batchMajor?: boolean): Float32Array;
  /**
   * Gather product: each line sums its connections against `y` (positions x k). The result is
   * (lines x k), or (k x lines) when `batchMajor`.
   */
  gather(spec: MatrixSpec, y: Float32Array, k: number, batchMajor?: boolean): Float32Array;
  /** Number of connections. */
  nnz(spec: MatrixSpec): number;
  /** Every connection, line by line. */
  lines(spec: MatrixSpec): LineConnections;
}

export type BackendName = 'reference' | 'wasm';
