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

/** The serialised form: a few numbers. */
export interface MatrixJSON {
  readonly format: 'jitconn-matrix';
  readonly version: 1;
  readonly orientation: 'row' | 'col';
  readonly law: WeightLaw;
  readonly prob: number;
  /** A number, or a decimal string for a bigint seed. */
  readonly seed: number | string;
  readonly shape: [number, number];
}

/** Largest result a product returns (a typed array's limit in every engine we run on). */
const MAX_RESULT = 2 ** 31 - 1;

/**
 * A just-in-time connectivity matrix: Bernoulli(prob) connections with weights from a law,
 * regenerated from the seed by every operation and never stored. The base of the R (row) and
 * C (column) classes of every weight law. Immutable: its shape, law and definition are frozen.
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

  /** The exact transpose: an R matrix becomes a C matrix of the swapped shape, and back. */
  transpose(): JITCMatrix {
    return this.rebuild({
      shape: [this.#init.shape[1], this.#init.shape[0]],
      orientation: this.#init.orientation === 'row' ? 'col' : 'row',
    });
  }

  get T(): JITCMatrix {
    return this.transpose();
  }

  /** The same matrix computed on another backend. */
  withBackend(backend: BackendName): this {
    getBackend(backend);
    return this.rebuild({ backend }) as this;
  }

  /** Every realised weight multiplied by `factor` (a finite number); same connections. */
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

  /** Every realised weight negated; same connections. */
  neg(): this {
    return this.scale(-1);
  }

  /** The same connections with weights from another law (the class follows the law). */
  withWeight(weight: WeightSpec): JITCMatrix {
    return this.rebuild({ law: lawFromWeightSpec(weight) });
  }

  // ----- products -------------------------------------------------------------------------

  /** x @ M: x has one entry per row; the result one per column. Event-driven for R matrices. */
  vecmat(x: VectorOperand, options?: ProductOptions): Float32Array {
    const [rows, cols] = this.#init.shape;
    const meaning = `x @ M with M of shape [${rows}, ${cols}] needs one entry per row`;
    if (this.#init.orientation === 'row')
      return this.scatter(activeFromVector(x, rows, 'x', meaning), x, options);
    return this.gather(denseFromMatrix(x, rows, 1, 'elementMajor', 'x', meaning), 1, x, options);
  }

  /** M @ x: x has one entry per column; the result one per row. Event-driven for C matrices. */
  matvec(x: VectorOperand, options?: ProductOptions): Float32Array {
    const [rows, cols] = this.#init.shape;
    const meaning = `M @ x with M of shape [${rows}, ${cols}] needs one entry per column`;
    if (this.#init.orientation === 'col')
      return this.scatter(activeFromVector(x, cols, 'x', meaning), x, options);
    return this.gather(denseFromMatrix(x, cols, 1, 'elementMajor', 'x', meaning), 1, x, options);
  }

  /**
   * M @ X: X is (cols x k) row-major, or a batch of k spike vectors of `cols` entries taken as
   * the k columns of X. The result is (rows x k) row-major.
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
   * X @ M: X is (k x rows) row-major, or a batch of k spike vectors of `rows` entries. The
   * result is (k x cols) row-major.
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
   * Number of connections, counted by regenerating them (nothing is stored). Refuses a count
   * expected to walk more than 2^36 connections or blocks (about a minute).
   */
  nnz(): number {
    return countConnections(this.kernels, this.#spec);
  }

  /** Bytes this matrix holds: its parameters only, whatever its size. */
  memoryBytes(): number {
    // shape (2), prob, seed (2 words), two law parameters, orientation and backend: 9 numbers.
    return 9 * 8;
  }

  /** The realised matrix, dense and row-major; refuses to allocate more than `maxElements`. */
  todense(options: MaterialiseOptions = {}): Float32Array {
    return toDense(this.kernels, this.#spec, maxElementsOf(options));
  }

  /**
   * The realised matrix in compressed sparse rows, or only the rows listed in `rows`; refuses to
   * allocate more than `maxElements`.
   */
  tocsr(options: CsrOptions = {}): CsrMatrix {
    const maxElements = maxElementsOf(options);
    if (options.rows === undefined) return toCsr(this.kernels, this.#spec, maxElements);
    return toCsrRows(this.kernels, this.#spec, checkRowList(options.rows, this.#spec.rows), maxElements);
  }

  /** The few numbers that are this matrix; `fromJSON` rebuilds it exactly. */
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
