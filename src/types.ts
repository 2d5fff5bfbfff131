/**
 * Shapes shared by every layer: the fields that define a matrix, the input of a scatter product,
 * and what a compute backend provides. Types only: this module imports nothing, so the definition,
 * the kernels and the public classes can all depend on it without depending on each other.
 */

/**
 * Weight laws. A law turns the words of a block's weight stream into one float32 weight per
 * connection (docs/definition.md section 8):
 *
 *  - scalar:  every weight is `value` (no words drawn);
 *  - normal:  `loc + scale * z`, z standard normal from the ziggurat (usually one word);
 *  - uniform: `offset + span * u`, u = (word >>> 8) * 2^-24 in [0, 1) (one word).
 *
 * @example
 * ```ts
 * import { JITCUniformR, type WeightLaw } from 'jitconn';
 *
 * const law: WeightLaw = new JITCUniformR([0.1, 0.3, 0.2, 1], { shape: [10, 10] }).law;
 * // { kind: 'uniform', offset: 0.1, span: 0.19999999999999998 }
 * ```
 */
export type WeightLaw =
  | {
      /** Every weight is `value`. */
      readonly kind: 'scalar';
      /** The weight of every connection. */
      readonly value: number;
    }
  | {
      /** Weights `loc + scale * z`, z standard normal. */
      readonly kind: 'normal';
      /** Mean of the weights. */
      readonly loc: number;
      /** Standard deviation of the weights, times any `scale()` factor (so negative after a negative one). */
      readonly scale: number;
    }
  | {
      /** Weights `offset + span * u`, u uniform in [0, 1). */
      readonly kind: 'uniform';
      /** The weight at u = 0: `wlow`, times any `scale()` factor. */
      readonly offset: number;
      /** `whigh - wlow`, times any `scale()` factor (so negative after a negative one). */
      readonly span: number;
    };

/**
 * Everything that defines a JIT matrix: it is a pure function of these fields and (row, column).
 *
 * Orientation `row` (the R classes) generates along rows: line i is row i, position j is
 * column j. Orientation `col` (the C classes) generates along columns: line j is column j,
 * position i is row i. The transpose of one is the other with the same fields and the shape
 * swapped, so `R.T` is exactly a C matrix and `C.T` an R matrix.
 *
 * @example
 * ```ts
 * import { JITCScalarR } from 'jitconn';
 *
 * const spec = new JITCScalarR([0.5, 0.1, 2 ** 32 + 7], { shape: [3, 4] }).spec;
 * // { seedLo: 7, seedHi: 1, prob: 0.1, law: { kind: 'scalar', value: 0.5 }, orientation: 'row', rows: 3, cols: 4 }
 * ```
 */
export interface MatrixSpec {
  /** Low 32 bits of the seed. */
  readonly seedLo: number;
  /** High 32 bits of the seed (0 for a seed below 2^32). */
  readonly seedHi: number;
  /** Connection probability of every entry, in [0, 1]. */
  readonly prob: number;
  /** The law of the weights. */
  readonly law: WeightLaw;
  /** 'row': generated along rows (R classes); 'col': along columns (C classes). */
  readonly orientation: 'row' | 'col';
  /** Number of rows (presynaptic neurons of `spikes @ M`). */
  readonly rows: number;
  /** Number of columns. */
  readonly cols: number;
}

/** Active lines of a scatter product and their k values: `values[a * k + c]` belongs to line `lines[a]`. */
export interface ActiveLines {
  /** Strictly increasing line indices. */
  readonly lines: Uint32Array;
  /** Float32 values per active line, or null for events (every value 1). */
  readonly values: Float32Array | null;
  readonly k: number;
}

/** Line-major connections of a range of lines (CSR over lines x positions). */
export interface LineConnections {
  /** `indptr[i]` is where line `start + i` begins in `indices` and `data`; `indptr[0] = 0`. */
  readonly indptr: Float64Array;
  readonly indices: Uint32Array;
  readonly data: Float32Array;
}

/** Where a product writes its result. */
export interface ProductTarget {
  /** Receives the result: exactly (elements x k) floats, or (k x elements) when `batchMajor`. */
  readonly out: Float32Array;
  /** Add the result to what `out` holds, one float32 rounding per element, instead of overwriting it. */
  readonly accumulate: boolean;
  /** Batched results leave batch-major: k rows of `elements`. */
  readonly batchMajor: boolean;
  /** `out` was just allocated and never touched: a backend may touch its pages while it works. */
  readonly fresh: boolean;
}

/**
 * Where products run: 'wasm' (the default: SIMD WebAssembly kernels on every core) or 'reference'
 * (the plain TypeScript definition: slow, and the meaning of every result). Both give the same bits.
 */
export type BackendName = 'reference' | 'wasm';

/**
 * What the public classes need from a compute backend. Every backend writes, bit for bit, what
 * the reference (src/definition/referenceProducts.ts) computes.
 */
export interface Backend {
  readonly name: BackendName;
  /** Scatter product: each active line adds its connections into the positions it reaches. */
  scatter(spec: MatrixSpec, active: ActiveLines, target: ProductTarget): void;
  /** Gather product: each line sums its connections against `y` (positions x k). */
  gather(spec: MatrixSpec, y: Float32Array, k: number, target: ProductTarget): void;
  /** Number of connections. */
  nnz(spec: MatrixSpec): number;
  /**
   * Every connection of lines [start, end), line by line. Lines are counted first; `beforeFill`
   * receives the exact number of connections before the arrays that hold them are allocated,
   * and may throw to refuse.
   */
  lines(
    spec: MatrixSpec,
    start: number,
    end: number,
    beforeFill?: (entries: number) => void,
  ): LineConnections;
}
