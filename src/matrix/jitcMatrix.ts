import { JitconnArgumentError } from '../errors.js';
import type { Backend, BackendName } from '../kernels/backend.js';
import { gapTable } from '../spec/gapTable.js';
import type { MatrixSpec } from '../spec/matrixSpec.js';
import type { ActiveLines } from '../spec/referenceProducts.js';
import { seedWords, type Seed } from '../spec/seed.js';
import { scaleLaw, type WeightLaw } from '../spec/weights/weightLaw.js';
import { allocateFloat32, checkMaterialisable, DEFAULT_MAX_ELEMENTS } from './allocate.js';
import { defaultBackendName, getBackend } from './backends.js';
import { activeFromMatrix, activeFromVector, denseFromMatrix } from './operands.js';
import type { MatrixOperand, VectorOperand } from './operands.js';
import { createMatrix } from './registry.js';
import { checkBatch, checkFinite, checkNonNegative } from './validate.js';

/** Everything a matrix is made of (validated). */
export interface MatrixInit {
  readonly law: WeightLaw;
  readonly prob: number;
  readonly seed: Seed;
  readonly shape: readonly [number, number];
  readonly orientation: 'row' | 'col';
  readonly backend?: BackendName | undefined;
}

/** Options every constructor accepts. */
export interface MatrixOptions {
  /** 'wasm' (default when built) or 'reference' (the plain definition, slow). */
  readonly backend?: BackendName;
}

/** A new weight law for `withWeight`: a scalar, or the parameters of a normal or uniform law. */
export type WeightSpec =
  | number
  | { readonly weight: number }
  | { readonly wloc: number; readonly wscale: number }
  | { readonly wlow: number; readonly whigh: number };

/** Compressed sparse rows of the realised matrix. */
export interface CsrMatrix {
  readonly indptr: Uint32Array;
  readonly indices: Uint32Array;
  readonly data: Float32Array;
  readonly shape: [number, number];
}

/** Limits for the methods that materialise a matrix. */
export interface MaterialiseOptions {
  /** Most float32 elements to allocate (default 2^28, 1 GiB). */
  readonly maxElements?: number;
}

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

/** Parse a user's weight specification into a law (validating it). */
export function lawFromWeightSpec(weight: WeightSpec, argument = 'weight'): WeightLaw {
  if (typeof weight === 'number') return { kind: 'scalar', value: checkFinite(weight, argument) };
  if (typeof weight === 'object' && weight !== null) {
    if ('weight' in weight) return { kind: 'scalar', value: checkFinite(weight.weight, 'weight') };
    if ('wloc' in weight) {
      return {
        kind: 'normal',
        loc: checkFinite(weight.wloc, 'wloc'),
        scale: checkNonNegative(weight.wscale, 'wscale'),
      };
    }
    if ('wlow' in weight) {
      const low = checkFinite(weight.wlow, 'wlow');
      const high = checkFinite(weight.whigh, 'whigh');
      if (!(high >= low)) throw new JitconnArgumentError('whigh', high, `a number >= wlow (${low})`);
      return { kind: 'uniform', offset: low, span: checkFinite(high - low, 'whigh - wlow') };
    }
  }
  throw new JitconnArgumentError(argument, weight, 'a number, {weight}, {wloc, wscale} or {wlow, whigh}');
}

/**
 * A just-in-time connectivity matrix: Bernoulli(prob) connections with weights from a law,
 * regenerated from the seed by every operation and never stored. The base of the R (row) and
 * C (column) classes of every weight law.
 */
export abstract class JITCMatrix {
  /** [rows, cols]. */
  readonly shape: readonly [number, number];
  /** Connection probability of every entry. */
  readonly prob: number;
  /** The seed, as given. */
  readonly seed: Seed;
  /** 'row' for R classes (generated along rows), 'col' for C classes. */
  readonly orientation: 'row' | 'col';
  /** The definition this matrix is (docs/spec.md). */
  readonly spec: MatrixSpec;
  private readonly backendName: BackendName | undefined;

  protected constructor(init: MatrixInit) {
    const { lo, hi } = seedWords(init.seed);
    this.shape = [init.shape[0], init.shape[1]];
    this.prob = init.prob;
    this.seed = init.seed;
    this.orientation = init.orientation;
    this.backendName = init.backend;
    this.spec = {
      seedLo: lo,
      seedHi: hi,
      prob: init.prob,
      law: init.law,
      orientation: init.orientation,
      rows: init.shape[0],
      cols: init.shape[1],
    };
  }

  /** The weight law. */
  get law(): WeightLaw {
    return this.spec.law;
  }

  /** The backend products run on. */
  get backend(): BackendName {
    return this.backendName ?? defaultBackendName();
  }

  private get kernels(): Backend {
    return getBackend(this.backend);
  }

  private rebuild(changes: Partial<MatrixInit>): JITCMatrix {
    return createMatrix({
      law: this.law,
      prob: this.prob,
      seed: this.seed,
      shape: this.shape,
      orientation: this.orientation,
      backend: this.backendName,
      ...changes,
    });
  }

  /** The exact transpose: an R matrix becomes a C matrix of the swapped shape, and back. */
  transpose(): JITCMatrix {
    return this.rebuild({
      shape: [this.shape[1], this.shape[0]],
      orientation: this.orientation === 'row' ? 'col' : 'row',
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
    const law = scaleLaw(this.law, checkFinite(factor, 'factor'));
    // A parameter that overflows would not represent factor * M: refuse rather than return infinities.
    if (!Object.values(law).every((v) => typeof v === 'string' || Number.isFinite(v))) {
      throw new JitconnArgumentError('factor', factor, 'a factor that keeps the weight parameters finite');
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
  vecmat(x: VectorOperand): Float32Array {
    const [rows, cols] = this.shape;
    const meaning = `x @ M with M of shape [${rows}, ${cols}] needs one entry per row`;
    if (this.orientation === 'row') return this.scatter(activeFromVector(x, rows, 'x', meaning));
    return this.gather(denseFromMatrix(x, rows, 1, 'elementMajor', 'x', meaning), 1);
  }

  /** M @ x: x has one entry per column; the result one per row. Event-driven for C matrices. */
  matvec(x: VectorOperand): Float32Array {
    const [rows, cols] = this.shape;
    const meaning = `M @ x with M of shape [${rows}, ${cols}] needs one entry per column`;
    if (this.orientation === 'col') return this.scatter(activeFromVector(x, cols, 'x', meaning));
    return this.gather(denseFromMatrix(x, cols, 1, 'elementMajor', 'x', meaning), 1);
  }

  /**
   * M @ X: X is (cols x k) row-major, or a batch of k spike vectors of `cols` entries taken as
   * the k columns of X. The result is (rows x k) row-major.
   */
  matmat(x: MatrixOperand, k?: number): Float32Array {
    const [rows, cols] = this.shape;
    const batch = this.batchOf(x, k);
    const meaning = `M @ X with M of shape [${rows}, ${cols}] needs X of shape [${cols}, ${batch}]`;
    if (this.orientation === 'col')
      return this.scatter(activeFromMatrix(x, cols, batch, 'elementMajor', 'X', meaning));
    return this.gather(denseFromMatrix(x, cols, batch, 'elementMajor', 'X', meaning), batch);
  }

  /**
   * X @ M: X is (k x rows) row-major, or a batch of k spike vectors of `rows` entries. The
   * result is (k x cols) row-major.
   */
  rmatmat(x: MatrixOperand, k?: number): Float32Array {
    const [rows, cols] = this.shape;
    const batch = this.batchOf(x, k);
    const meaning = `X @ M with M of shape [${rows}, ${cols}] needs X of shape [${batch}, ${rows}]`;
    return this.orientation === 'row'
      ? this.scatter(activeFromMatrix(x, rows, batch, 'batchMajor', 'X', meaning), true)
      : this.gather(denseFromMatrix(x, rows, batch, 'batchMajor', 'X', meaning), batch, true);
  }

  private batchOf(x: MatrixOperand, k: number | undefined): number {
    if (k !== undefined) return checkBatch(k);
    if ('batchSize' in x && typeof x.batchSize === 'number') return x.batchSize;
    if ('batchSize' in x) return 1;
    throw new JitconnArgumentError('k', k, 'the number of columns of X (required for a float operand)');
  }

  private scatter(active: ActiveLines, batchMajor = false): Float32Array {
    const length = this.orientation === 'row' ? this.shape[1] : this.shape[0];
    checkMaterialisable(length * active.k, 2 ** 31 - 1, 'the product');
    return this.kernels.scatter(this.spec, active, batchMajor);
  }

  private gather(y: Float32Array, k: number, batchMajor = false): Float32Array {
    const lines = this.orientation === 'row' ? this.shape[0] : this.shape[1];
    checkMaterialisable(lines * k, 2 ** 31 - 1, 'the product');
    return this.kernels.gather(this.spec, y, k, batchMajor);
  }

  // ----- materialisation and counts ----------------------------------------------------------

  /** Number of connections, counted by regenerating them (nothing is stored). */
  nnz(): number {
    return this.kernels.nnz(this.spec);
  }

  /** Bytes this matrix holds: its parameters only, whatever its size. */
  memoryBytes(): number {
    // shape (2), prob, seed (2 words), two law parameters, orientation and backend: 9 numbers.
    return 9 * 8;
  }

  /** The realised matrix, dense and row-major; refuses matrices beyond `maxElements`. */
  todense(options: MaterialiseOptions = {}): Float32Array {
    const [rows, cols] = this.shape;
    checkMaterialisable(
      rows * cols,
      options.maxElements ?? DEFAULT_MAX_ELEMENTS,
      `todense() of a ${rows} x ${cols} matrix`,
    );
    const dense = allocateFloat32(rows * cols, 'todense()');
    const { indptr, indices, data } = this.kernels.lines(this.spec);
    const lineStride = this.orientation === 'row' ? cols : 1;
    const positionStride = this.orientation === 'row' ? 1 : cols;
    for (let line = 0; line + 1 < indptr.length; line++) {
      for (let e = indptr[line]!; e < indptr[line + 1]!; e++) {
        dense[line * lineStride + indices[e]! * positionStride] = data[e]!;
      }
    }
    return dense;
  }

  /** The realised matrix in compressed sparse rows; refuses more than `maxElements` connections. */
  tocsr(options: MaterialiseOptions = {}): CsrMatrix {
    const [rows, cols] = this.shape;
    const limit = options.maxElements ?? DEFAULT_MAX_ELEMENTS;
    const expected = rows * cols * gapTable(this.prob).effectiveProb;
    checkMaterialisable(
      Math.round(expected),
      limit,
      `tocsr() of a ${rows} x ${cols} matrix with p = ${this.prob}`,
    );
    const lines = this.kernels.lines(this.spec);
    checkMaterialisable(lines.indices.length, limit, 'tocsr()');
    if (this.orientation === 'row') {
      return {
        indptr: Uint32Array.from(lines.indptr),
        indices: lines.indices,
        data: lines.data,
        shape: [rows, cols],
      };
    }
    return { ...transposeLines(lines, cols, rows), shape: [rows, cols] };
  }

  /** The few numbers that are this matrix; `fromJSON` rebuilds it exactly. */
  toJSON(): MatrixJSON {
    return {
      format: 'jitconn-matrix',
      version: 1,
      orientation: this.orientation,
      law: this.law,
      prob: this.prob,
      seed: typeof this.seed === 'bigint' ? this.seed.toString() : this.seed,
      shape: [this.shape[0], this.shape[1]],
    };
  }
}

/** Turn line-major connections (lines x positions) into position-major CSR (a counting sort). */
function transposeLines(
  lines: { indptr: Float64Array; indices: Uint32Array; data: Float32Array },
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
