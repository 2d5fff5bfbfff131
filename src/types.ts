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
 */
export type WeightLaw =
  | { readonly kind: 'scalar'; readonly value: number }
  | { readonly kind: 'normal'; readonly loc: number; readonly scale: number }
  | { readonly kind: 'uniform'; readonly offset: number; readonly span: number };

/**
 * Everything that defines a JIT matrix: it is a pure function of these fields and (row, column).
 *
 * Orientation `row` (the R classes) generates along rows: line i is row i, position j is
 * column j. Orientation `col` (the C classes) generates along columns: line j is column j,
 * position i is row i. The transpose of one is the other with the same fields and the shape
 * swapped, so `R.T` is exactly a C matrix and `C.T` an R matrix.
 */
export interface MatrixSpec {
  readonly seedLo: number;
  readonly seedHi: number;
  readonly prob: number;
  readonly law: WeightLaw;
  readonly orientation: 'row' | 'col';
  readonly rows: number;
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
