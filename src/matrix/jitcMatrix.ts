import { JitconnArgumentError, JitconnTooLargeError } from '../errors.js';
import { seedWords, type Seed } from '../definition/seed.js';
import { scaleLaw } from '../definition/weights/weightLaw.js';
import type { ActiveLines, Backend, BackendName, MatrixSpec, WeightLaw } from '../types.js';
import { defaultBackendName, getBackend } from './backends.js';
import type { MatrixInit } from './construct.js';
import {
  countConnections,
  DEFAULT_MAX_ELEMENTS,
  toCsr,
  toCsrRows,
  toDense,
  type CsrMatrix,
  type CsrOptions,
  type MaterialiseOptions,
} from './materialise.js';
import { BinaryArray, spikeShape } from './binaryArray.js';
import { activeFromMatrix, activeFromVector, denseFromMatrix } from './operands.js';
import type { MatrixOperand, VectorOperand } from './operands.js';
import { productTarget, type ProductOptions } from './productOptions.js';
import { checkBatch, checkFinite, checkMaxElements, checkRowList } from './validate.js';
import { lawFits, lawFromWeightSpec, type WeightSpec } from './weightSpec.js';

/**
 * The serialised form of a matrix, what `toJSON()` returns and {@link fromJSON} reads: a few
 * numbers, whatever the matrix's size.
 *
 * @example
 * ```ts
 * import { JITCScalarR, type MatrixJSON } from 'jitconn';
 *
 * const json: MatrixJSON = new JITCScalarR([0.5, 0.1, 7], { shape: [3, 4] }).toJSON();
 * // { format: 'jitconn-matrix', version: 1, orientation: 'row',
 * //   law: { kind: 'scalar', value: 0.5 }, prob: 0.1, seed: 7, shape: [3, 4] }
 * ```
 */
export interface MatrixJSON {
  /** Always 'jitconn-matrix'. */
  readonly format: 'jitconn-matrix';
  /** The version of the format: 1. */
  readonly version: 1;
  /** 'row' for the R classes, 'col' for the C classes. */
  readonly orientation: 'row' | 'col';
  /** The weight law, with any `scale()` factor applied. */
  readonly law: WeightLaw;
  /** Connection probability of every entry. */
  readonly prob: number;
  /** A number, or a decimal string for a bigint seed. */
  readonly seed: number | string;
  /** [rows, cols]. */
  readonly shape: [number, number];
}

/** Largest result a product returns (a typed array's limit in every engine we run on). */
const MAX_RESULT = 2 ** 31 - 1;

/**
 * A just-in-time connectivity matrix: Bernoulli(prob) connections with weights from a law,
 * regenerated from the seed by every operation and never stored. The base of the R (row) and
 * C (column) classes of every weight law, so code that takes any matrix takes a `JITCMatrix`.
 * Immutable: its shape, law and definition are frozen; the methods that change something return
 * a new matrix.
 *
 * @example
 * ```ts
 * import { BinaryArray, JITCMatrix, JITCNormalR, JITCUniformC } from 'jitconn';
 *
 * // Any matrix of shape [pre, post] drives a layer the same way.
 * function layerInput(M: JITCMatrix, spikes: BinaryArray): Float32Array {
 *   return M.vecmat(spikes);
 * }
 * const spikes = BinaryArray.bernoulli(0.05, 1000, 1);
 * layerInput(new JITCNormalR([0, 0.1, 0.1, 42], { shape: [1000, 500] }), spikes);
 * layerInput(new JITCUniformC([0, 0.2, 0.1, 42], { shape: [1000, 500] }), spikes);
 * ```
 */
export abstract class JITCMatrix {
  readonly #init: MatrixInit;
  readonly #spec: MatrixSpec;

  protected constructor(init: MatrixInit) {
    const { lo, hi } = seedWords(init.seed);
    const law = Object.freeze({ ...init.law });
    const shape = Object.freeze([init.shape[0], init.shape[1]] as const);
    this.#init = Object.freeze({ ...init, law, shape });
    this.#spec = Object.freeze({
      seedLo: lo,
      seedHi: hi,
      prob: init.prob,
      law,
      orientation: init.orientation,
      rows: shape[0],
      cols: shape[1],
    });
  }

  /** A matrix of this family with other fields: the class follows the law and orientation. */
  protected abstract derive(init: MatrixInit): JITCMatrix;

  /** [rows, cols] (frozen). */
  get shape(): readonly [number, number] {
    return this.#init.shape;
  }
  /** Connection probability of every entry. */
  get prob(): number {
    return this.#init.prob;
  }
  /** The seed, as given. */
  get seed(): Seed {
    return this.#init.seed;
  }
  /** 'row' for R classes (generated along rows), 'col' for C classes. */
  get orientation(): 'row' | 'col' {
    return this.#init.orientation;
  }
  /** The weight law (frozen). */
  get law(): WeightLaw {
    return this.#init.law;
  }
  /** The fields of the definition this matrix is (docs/definition.md), frozen. */
  get spec(): MatrixSpec {
    return this.#spec;
  }
  /** The backend products run on. */
  get backend(): BackendName {
    return this.#init.backend ?? defaultBackendName();
  }

  private get kernels(): Backend {
    return getBackend(this.#init.backend ?? defaultBackendName());
  }

  private rebuild(changes: Partial<MatrixInit>): JITCMatrix {
    return this.derive({ ...this.#init, ...changes });
  }

  /**
   * The exact transpose: the same connections and weights with rows and columns swapped. An R
   * matrix becomes a C matrix of the swapped shape, and back, so `spikes @ R` and `R.T @ spikes`
   * are the same event-driven product. Nothing is copied.
   *
   * @returns A matrix of the same law, of shape [cols, rows], in the other orientation.
   * @example
   * ```ts
   * import { JITCScalarC, JITCScalarR } from 'jitconn';
   *
   * const R = new JITCScalarR([0.1, 0.1, 12345], { shape: [1000, 500] });
   * const C = R.transpose();
   * C instanceof JITCScalarC; // true
   * C.shape; // [500, 1000]
   * ```
   */
  transpose(): JITCMatrix {
    return this.rebuild({
      shape: [this.#init.shape[1], this.#init.shape[0]],
      orientation: this.#init.orientation === 'row' ? 'col' : 'row',
    });
  }

  /** The exact transpose, as `transpose()` returns it. */
  get T(): JITCMatrix {
    return this.transpose();
  }

  /**
   * The same matrix with its products computed on another backend: the same results, bit for bit.
   *
   * @param backend - 'wasm' or 'reference'.
   * @returns A matrix of the same class and fields whose products run on `backend`.
   * @throws {@link JitconnArgumentError} when `backend` is not one of the backend names.
   * @example
   * ```ts
   * import { BinaryArray, JITCNormalR } from 'jitconn';
   *
   * const M = new JITCNormalR([0, 0.1, 0.1, 7], { shape: [200, 100] });
   * const spikes = BinaryArray.bernoulli(0.1, 200, 1);
   * M.withBackend('reference').vecmat(spikes); // the same values as M.vecmat(spikes)
   * ```
   */
  withBackend(backend: BackendName): this {
    getBackend(backend);
    return this.rebuild({ backend }) as this;
  }

  /**
   * `factor * M`: the same connections, every realised weight multiplied by `factor` (then
   * rounded to float32). A negative factor turns excitatory weights inhibitory.
   *
   * @param factor - A finite number.
   * @returns A matrix of the same class with the scaled weights.
   * @throws {@link JitconnArgumentError} when `factor` is not finite, or would take a weight beyond
   *   the range of float32.
   * @example
   * ```ts
   * import { JITCScalarR } from 'jitconn';
   *
   * const M = new JITCScalarR([0.1, 0.1, 12345], { shape: [1000, 500] });
   * M.scale(3).weight; // 0.30000001192092896 (the float32 nearest 0.3)
   * ```
   */
  scale(factor: number): this {
    const law = scaleLaw(this.#init.law, checkFinite(factor, 'factor'));
    // A parameter that overflows float32 would not represent factor * M: refuse rather than return infinities.
    if (!lawFits(law)) {
      throw new JitconnArgumentError(
        'factor',
        factor,
        'a factor that keeps every weight finite in float32 (< 3.4e38)',
      );
    }
    return this.rebuild({ law }) as this;
  }

  /**
   * `-M`: the same connections with every realised weight negated (`scale(-1)`).
   *
   * @returns A matrix of the same class with the negated weights.
   * @example
   * ```ts
   * import { JITCUniformR } from 'jitconn';
   *
   * const M = new JITCUniformR([0.1, 0.3, 0.1, 5], { shape: [100, 100] });
   * const I = M.neg(); // weights in (-0.3, -0.1]
   * ```
   */
  neg(): this {
    return this.scale(-1);
  }

  /**
   * The same connections with weights from another law. The class follows the law, in the same
   * orientation: a `JITCScalarR` given `{ wloc, wscale }` becomes a `JITCNormalR`.
   *
   * @param weight - The new law: a number or `{ weight }` (every weight), `{ wloc, wscale }`
   *   (normal) or `{ wlow, whigh }` (uniform).
   * @returns A matrix of the new law with this matrix's probability, seed, shape and orientation.
   * @throws {@link JitconnArgumentError} when `weight` is none of those forms, a parameter is not
   *   finite, `wscale` < 0, `whigh` < `wlow`, or some weight would not be finite in float32.
   * @example
   * ```ts
   * import { JITCNormalR, JITCScalarR } from 'jitconn';
   *
   * const M = new JITCScalarR([0.1, 0.1, 12345], { shape: [1000, 500] });
   * const N = M.withWeight({ wloc: 0.1, wscale: 0.02 });
   * N instanceof JITCNormalR; // true, with the connections of M
   * ```
   */
  withWeight(weight: WeightSpec): JITCMatrix {
    return this.rebuild({ law: lawFromWeightSpec(weight) });
  }

  // ----- products -------------------------------------------------------------------------

  /**
   * `x @ M`: the vector x, one entry per row, times the matrix; the result has one entry per
   * column. With spikes, entry j is the sum of the weights from the spiking rows to column j.
   * Event-driven for R matrices: only the rows of x's spikes (or non-zero entries) are generated.
   *
   * @param x - Spikes (a single-vector {@link BinaryArray} of `rows` entries) or `rows` numbers
   *   (`Float32Array`, `Float64Array` or `number[]`).
   * @param options - `{ out, accumulate }`: write, or add, the result into your own `Float32Array`.
   * @returns The `cols` float32 values of x @ M (`options.out` when given).
   * @throws {@link JitconnShapeError} when x does not have `rows` entries or is a batch, or `out`
   *   does not have `cols` entries.
   * @throws {@link JitconnArgumentError} when x is of another type, an entry of x is not finite in
   *   float32, or the options are malformed.
   * @throws {@link JitconnTooLargeError} when the result would have more than 2^31 - 1 entries or
   *   cannot be allocated.
   * @example
   * ```ts
   * import { BinaryArray, JITCScalarR } from 'jitconn';
   *
   * const M = new JITCScalarR([0.1, 0.1, 12345], { shape: [1000, 500] });
   * const input = M.vecmat(BinaryArray.fromIndices([3, 17, 400], 1000)); // Float32Array(500)
   * const out = new Float32Array(500);
   * M.vecmat(new Float32Array(1000).fill(0.5), { out, accumulate: true }); // out += x @ M
   * ```
   */
  vecmat(x: VectorOperand, options?: ProductOptions): Float32Array {
    const [rows, cols] = this.#init.shape;
    const meaning = `x @ M with M of shape [${rows}, ${cols}] needs one entry per row`;
    if (this.#init.orientation === 'row')
      return this.scatter(activeFromVector(x, rows, 'x', meaning), x, options);
    return this.gather(denseFromMatrix(x, rows, 1, 'elementMajor', 'x', meaning), 1, x, options);
  }

  /**
   * `M @ x`: the matrix times the vector x, one entry per column; the result has one entry per
   * row. Event-driven for C matrices: only the columns of x's spikes (or non-zero entries) are
   * generated.
   *
   * @param x - Spikes (a single-vector {@link BinaryArray} of `cols` entries) or `cols` numbers
   *   (`Float32Array`, `Float64Array` or `number[]`).
   * @param options - `{ out, accumulate }`: write, or add, the result into your own `Float32Array`.
   * @returns The `rows` float32 values of M @ x (`options.out` when given).
   * @throws {@link JitconnShapeError} when x does not have `cols` entries or is a batch, or `out`
   *   does not have `rows` entries.
   * @throws {@link JitconnArgumentError} when x is of another type, an entry of x is not finite in
   *   float32, or the options are malformed.
   * @throws {@link JitconnTooLargeError} when the result would have more than 2^31 - 1 entries or
   *   cannot be allocated.
   * @example
   * ```ts
   * import { BinaryArray, JITCScalarC } from 'jitconn';
   *
   * const M = new JITCScalarC([0.1, 0.1, 12345], { shape: [500, 1000] });
   * const input = M.matvec(BinaryArray.bernoulli(0.05, 1000, 0)); // Float32Array(500)
   * ```
   */
  matvec(x: VectorOperand, options?: ProductOptions): Float32Array {
    const [rows, cols] = this.#init.shape;
    const meaning = `M @ x with M of shape [${rows}, ${cols}] needs one entry per column`;
    if (this.#init.orientation === 'col')
      return this.scatter(activeFromVector(x, cols, 'x', meaning), x, options);
    return this.gather(denseFromMatrix(x, cols, 1, 'elementMajor', 'x', meaning), 1, x, options);
  }

  /**
   * `M @ X`: the matrix times X, a matrix of `cols` rows and k columns; the result is rows x k,
   * row-major. X is either cols x k numbers, row-major, or a batch of k spike vectors of `cols`
   * entries (a {@link BinaryArray} of shape [k, cols]), vector b being column b of X.
   * Event-driven for C matrices.
   *
   * @param x - X: floats (row-major, cols x k) or a batch of spike vectors.
   * @param k - The number of columns of X: required for floats, taken from the batch for spikes.
   *   May be left out, with the options in its place.
   * @param options - `{ out, accumulate }`, as for `matvec`.
   * @returns The rows x k float32 values of M @ X, row-major (`options.out` when given).
   * @throws {@link JitconnShapeError} when X does not have cols x k entries (or is not a batch of k
   *   vectors of `cols` entries), or `out` does not have rows x k.
   * @throws {@link JitconnArgumentError} when k is missing for floats or is not an integer >= 1, x is
   *   of another type, an entry is not finite in float32, or the options are malformed.
   * @throws {@link JitconnTooLargeError} when the result would have more than 2^31 - 1 entries or
   *   cannot be allocated.
   * @example
   * ```ts
   * import { BinaryArray, JITCNormalC } from 'jitconn';
   *
   * const M = new JITCNormalC([0, 0.1, 0.1, 3], { shape: [500, 1000] });
   * const batch = BinaryArray.bernoulli(0.05, [16, 1000], 0); // 16 spike vectors
   * const Y = M.matmat(batch); // 500 x 16, row-major
   * const Z = M.matmat(new Float32Array(1000 * 2).fill(1), 2); // X of 1000 x 2 floats
   * ```
   */
  matmat(x: MatrixOperand, k?: number | ProductOptions, options?: ProductOptions): Float32Array {
    [k, options] = typeof k === 'object' && k !== null ? [undefined, k] : [k, options];
    const [rows, cols] = this.#init.shape;
    const batch = this.batchOf(x, k);
    const meaning = `M @ X with M of shape [${rows}, ${cols}] needs X of shape [${cols}, ${batch}]`;
    if (this.#init.orientation === 'col') {
      return this.scatter(activeFromMatrix(x, cols, batch, 'elementMajor', 'X', meaning), x, options);
    }
    return this.gather(denseFromMatrix(x, cols, batch, 'elementMajor', 'X', meaning), batch, x, options);
  }

  /**
   * `X @ M`: X, a matrix of k rows and `rows` columns, times the matrix; the result is k x cols,
   * row-major. X is either k x rows numbers, row-major, or a batch of k spike vectors of `rows`
   * entries (a {@link BinaryArray} of shape [k, rows]), vector b being row b of X: k time steps
   * or trials at once. Event-driven for R matrices.
   *
   * @param x - X: floats (row-major, k x rows) or a batch of spike vectors.
   * @param k - The number of rows of X: required for floats, taken from the batch for spikes.
   *   May be left out, with the options in its place.
   * @param options - `{ out, accumulate }`, as for `vecmat`.
   * @returns The k x cols float32 values of X @ M, row-major (`options.out` when given).
   * @throws {@link JitconnShapeError} when X does not have k x rows entries (or is not a batch of k
   *   vectors of `rows` entries), or `out` does not have k x cols.
   * @throws {@link JitconnArgumentError} when k is missing for floats or is not an integer >= 1, x is
   *   of another type, an entry is not finite in float32, or the options are malformed.
   * @throws {@link JitconnTooLargeError} when the result would have more than 2^31 - 1 entries or
   *   cannot be allocated.
   * @example
   * ```ts
   * import { BinaryArray, JITCScalarR } from 'jitconn';
   *
   * const M = new JITCScalarR([0.1, 0.1, 12345], { shape: [1000, 500] });
   * const steps = BinaryArray.bernoulli(0.05, [8, 1000], 0); // 8 steps of 1000 neurons
   * const inputs = M.rmatmat(steps); // 8 x 500, row b is steps' vector b @ M
   * ```
   */
  rmatmat(x: MatrixOperand, k?: number | ProductOptions, options?: ProductOptions): Float32Array {
    [k, options] = typeof k === 'object' && k !== null ? [undefined, k] : [k, options];
    const [rows, cols] = this.#init.shape;
    const batch = this.batchOf(x, k);
    const meaning = `X @ M with M of shape [${rows}, ${cols}] needs X of shape [${batch}, ${rows}]`;
    return this.#init.orientation === 'row'
      ? this.scatter(activeFromMatrix(x, rows, batch, 'batchMajor', 'X', meaning), x, options, true)
      : this.gather(denseFromMatrix(x, rows, batch, 'batchMajor', 'X', meaning), batch, x, options, true);
  }

  private batchOf(x: MatrixOperand, k: number | undefined): number {
    if (k !== undefined) return checkBatch(k);
    if (x instanceof BinaryArray) return spikeShape(x).batchSize ?? 1;
    throw new JitconnArgumentError('k', k, 'the number of columns of X (required for a float operand)');
  }

  private checkResult(elements: number, k: number): number {
    if (elements * k > MAX_RESULT) {
      throw new JitconnTooLargeError(
        `the product would have ${elements} x ${k} = ${elements * k} entries, more than a Float32Array holds (${MAX_RESULT})`,
      );
    }
    return elements * k;
  }

  private scatter(
    active: ActiveLines,
    operand: unknown,
    options: ProductOptions | undefined,
    batchMajor = false,
  ): Float32Array {
    const length = this.#spec.orientation === 'row' ? this.#spec.cols : this.#spec.rows;
    const target = productTarget(options, this.checkResult(length, active.k), operand, batchMajor);
    this.kernels.scatter(this.#spec, active, target);
    return target.out;
  }

  private gather(
    y: Float32Array,
    k: number,
    operand: unknown,
    options: ProductOptions | undefined,
    batchMajor = false,
  ): Float32Array {
    const lines = this.#spec.orientation === 'row' ? this.#spec.rows : this.#spec.cols;
    const target = productTarget(options, this.checkResult(lines, k), operand, batchMajor);
    this.kernels.gather(this.#spec, y, k, target);
    return target.out;
  }

  // ----- materialisation and counts ----------------------------------------------------------

  /**
   * The number of connections, counted by regenerating them (nothing is stored): the same on
   * every backend. Its expected value, rows * cols * prob, costs nothing to compute.
   *
   * @returns The exact number of connections.
   * @throws {@link JitconnTooLargeError} before any work, when the count would walk more than 2^36
   *   expected connections or blocks of lines (about a minute).
   * @example
   * ```ts
   * import { JITCScalarR } from 'jitconn';
   *
   * const M = new JITCScalarR([0.1, 0.1, 12345], { shape: [1000, 500] });
   * M.nnz(); // about 1000 * 500 * 0.1 = 50,000
   * ```
   */
  nnz(): number {
    return countConnections(this.kernels, this.#spec);
  }

  /**
   * The bytes this matrix holds: its parameters only, whatever its shape (to compare with a
   * stored matrix).
   *
   * @returns 72.
   */
  memoryBytes(): number {
    // shape (2), prob, seed (2 words), two law parameters, orientation and backend: 9 numbers.
    return 9 * 8;
  }

  /**
   * The realised matrix, dense: rows x cols float32 values, row-major, 0 where there is no
   * connection. For small matrices (to inspect, plot or compare).
   *
   * @param options - `{ maxElements }`: the most 4-byte elements it may allocate, the result and
   *   its working buffers together (default 2^28, 1 GiB).
   * @returns Entry (i, j) at `i * cols + j`.
   * @throws {@link JitconnTooLargeError} when it would allocate more than `maxElements`, before
   *   allocating anything.
   * @throws {@link JitconnArgumentError} when `options` is not an object, or `maxElements` is not an
   *   integer in [0, 2^53).
   * @example
   * ```ts
   * import { JITCScalarR } from 'jitconn';
   *
   * const M = new JITCScalarR([1, 0.5, 7], { shape: [3, 4] });
   * const dense = M.todense(); // Float32Array(12): 1 where connected, 0 elsewhere
   * ```
   */
  todense(options: MaterialiseOptions = {}): Float32Array {
    return toDense(this.kernels, this.#spec, maxElementsOf(options));
  }

  /**
   * The realised matrix in compressed sparse rows (CSR, as scipy.sparse): the connections of row i
   * are columns `indices[indptr[i]]` to `indices[indptr[i + 1] - 1]`, increasing, with weights
   * `data` at the same positions. With `rows`, only those rows, one CSR row each, in that order:
   * the connections of a few neurons of a matrix too large to materialise.
   *
   * @param options - `{ maxElements, rows }`: the most 4-byte elements it may allocate, everything
   *   included (default 2^28, 1 GiB), and optionally the rows to take.
   * @returns The CSR arrays, and the shape: [rows, cols], or [rows.length, cols] with `rows`.
   * @throws {@link JitconnTooLargeError} when it would allocate more than `maxElements` (checked
   *   before each allocation), or the matrix has more than 2^32 - 1 connections.
   * @throws {@link JitconnArgumentError} when `options` is not an object, `maxElements` is not an
   *   integer in [0, 2^53), or `rows` is not strictly increasing integers in [0, rows).
   * @example
   * ```ts
   * import { JITCNormalR } from 'jitconn';
   *
   * const M = new JITCNormalR([0, 0.1, 0.01, 1], { shape: [1_000_000, 1_000_000] });
   * const { indptr, indices, data } = M.tocsr({ rows: [0, 42] }); // two neurons' outgoing synapses
   * indices.subarray(indptr[1], indptr[2]); // the columns of row 42
   * ```
   */
  tocsr(options: CsrOptions = {}): CsrMatrix {
    const maxElements = maxElementsOf(options);
    if (options.rows === undefined) return toCsr(this.kernels, this.#spec, maxElements);
    return toCsrRows(this.kernels, this.#spec, checkRowList(options.rows, this.#spec.rows), maxElements);
  }

  /**
   * The few numbers that are this matrix, as a plain object (`JSON.stringify(M)` calls it);
   * {@link fromJSON} rebuilds the same matrix. A bigint seed is written as a decimal string; the
   * backend is not written.
   *
   * @returns The matrix's JSON document.
   * @example
   * ```ts
   * import { JITCNormalR, fromJSON } from 'jitconn';
   *
   * const M = new JITCNormalR([0, 0.1, 0.1, 2n ** 63n], { shape: [1000, 500] });
   * const text = JSON.stringify(M); // {"format":"jitconn-matrix","version":1,...}
   * const same = fromJSON(text); // the same connections and weights
   * ```
   */
  toJSON(): MatrixJSON {
    const init = this.#init;
    return {
      format: 'jitconn-matrix',
      version: 1,
      orientation: init.orientation,
      law: { ...init.law },
      prob: init.prob,
      seed: typeof init.seed === 'bigint' ? init.seed.toString() : init.seed,
      shape: [init.shape[0], init.shape[1]],
    };
  }
}

function maxElementsOf(options: MaterialiseOptions): number {
  if (typeof options !== 'object' || options === null) {
    throw new JitconnArgumentError('options', options, 'an object { maxElements } or undefined');
  }
  return options.maxElements === undefined ? DEFAULT_MAX_ELEMENTS : checkMaxElements(options.maxElements);
}
