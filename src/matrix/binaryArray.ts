import { JitconnArgumentError, JitconnTooLargeError } from '../errors.js';
import { bernoulliPositions } from '../definition/bernoulliVector.js';
import { seedWords, type Seed } from '../definition/seed.js';
import { checkDimension, checkProb } from './validate.js';

/** Reads a BinaryArray's own fields, not properties an instance may shadow (for the products). */
let activeOf: (x: BinaryArray) => readonly Uint32Array[];
let lengthOf: (x: BinaryArray) => number;
let batchSizeOf: (x: BinaryArray) => number | undefined;

/** Builds an instance from already sorted, validated indices (fromSorted) through the constructor. */
const INTERNAL = Symbol('jitconn.BinaryArray.internal');
let pending: { vectors: Uint32Array[]; length: number; k: number | undefined } | null = null;

function isArrayLike(x: unknown): x is ArrayLike<unknown> {
  return (
    Array.isArray(x) ||
    (ArrayBuffer.isView(x) && !(x instanceof DataView)) ||
    (typeof x === 'object' && x !== null && typeof (x as { length?: unknown }).length === 'number')
  );
}

function allocateIndices(entries: number, what: string): Uint32Array {
  try {
    return new Uint32Array(entries);
  } catch (error) {
    throw new JitconnTooLargeError(
      `${what} needs ${entries} indices, which could not be allocated: ${String(error)}`,
    );
  }
}

/**
 * Spikes: a binary vector of `length` entries, or a batch of `batchSize` such vectors.
 * Stored as the sorted indices of the active entries of each vector, so a vector of
 * 3 billion neurons with 100 spikes costs 100 indices. Products with a BinaryArray are
 * event-driven: only the lines of active entries are generated. Immutable.
 *
 * @example
 * ```ts
 * import { BinaryArray, JITCScalarR } from 'jitconn';
 *
 * const a = new BinaryArray([true, false, true, false]); // spikes at 0 and 2
 * const b = BinaryArray.fromIndices([0, 2], 4); // the same
 * const c = BinaryArray.bernoulli(0.05, 1000, 7); // seeded: each of 1000 neurons spikes with p = 0.05
 * const M = new JITCScalarR([0.1, 0.1, 12345], { shape: [1000, 500] });
 * M.vecmat(c); // only c's rows of M are generated
 * ```
 */
export class BinaryArray {
  readonly #length: number;
  readonly #batchSize: number | undefined;
  /** Sorted active indices, one array per vector; never handed out (indices() copies). */
  readonly #active: readonly Uint32Array[];

  static {
    activeOf = (x) => x.#active;
    lengthOf = (x) => x.#length;
    batchSizeOf = (x) => x.#batchSize;
  }

  /**
   * Spikes from booleans or 0/1 numbers (any non-zero number counts as a spike). With
   * `shape: [k, n]` the values are a row-major batch of k vectors of n entries.
   *
   * @param values - One boolean or number per entry (any array or typed array).
   * @param options - `{ shape: [k, n] }` for a batch; without it, one vector of `values.length`.
   * @throws {@link JitconnArgumentError} when `values` is not array-like, an entry is neither a
   *   boolean nor a number (or is NaN), the length is not in [1, 2^32 - 1], or `shape` is not two
   *   such dimensions whose product is `values.length`.
   * @throws {@link JitconnTooLargeError} when the spike indices cannot be allocated.
   * @example
   * ```ts
   * import { BinaryArray } from 'jitconn';
   *
   * const one = new BinaryArray([1, 0, 0, 1]); // spikes at 0 and 3
   * const batch = new BinaryArray([1, 0, 0, 0, 1, 1], { shape: [2, 3] }); // [[0], [1, 2]]
   * ```
   */
  constructor(values: ArrayLike<boolean | number>, options: { shape?: readonly [number, number] } = {}) {
    if ((values as unknown) === INTERNAL && pending !== null) {
      this.#length = pending.length;
      this.#batchSize = pending.k;
      this.#active = pending.vectors;
      pending = null;
      return;
    }
    if (!isArrayLike(values)) {
      throw new JitconnArgumentError('values', values, 'an array or typed array of booleans or numbers');
    }
    if (typeof options !== 'object' || options === null) {
      throw new JitconnArgumentError('options', options, 'an object { shape } or undefined');
    }
    const n = values.length;
    let k: number | undefined;
    let length = n;
    if (options.shape !== undefined) {
      if (!Array.isArray(options.shape) || options.shape.length !== 2) {
        throw new JitconnArgumentError('shape', options.shape, 'an array [batch size, length]');
      }
      k = checkDimension(options.shape[0], 'shape[0] (batch size)');
      length = checkDimension(options.shape[1], 'shape[1] (length)');
      if (k * length !== n) {
        throw new JitconnArgumentError('values', values, `${k * length} entries for shape [${k}, ${length}]`);
      }
    } else if (n > 0) {
      checkDimension(n, 'values.length');
    }
    const vectors: Uint32Array[] = [];
    const found = allocateIndices(length, 'a spike vector');
    for (let b = 0; b < (k ?? 1); b++) {
      let count = 0;
      for (let i = 0, offset = b * length; i < length; i++) {
        const value = values[offset + i];
        if (value === true || (typeof value === 'number' && value !== 0 && value === value)) {
          found[count++] = i;
        } else if (value !== false && value !== 0) {
          throw new JitconnArgumentError(
            `values[${offset + i}]`,
            value,
            'a boolean or a number that is not NaN',
          );
        }
      }
      vectors.push(found.slice(0, count));
    }
    this.#length = length;
    this.#batchSize = k;
    this.#active = vectors;
  }

  /** Entries per vector. */
  get length(): number {
    return this.#length;
  }
  /** Number of vectors in a batch, or undefined for a single vector. */
  get batchSize(): number | undefined {
    return this.#batchSize;
  }

  /**
   * Spikes where `values[i] > threshold`: the step of a spiking layer (membrane potential above
   * threshold), without an intermediate 0/1 array. NaN never spikes.
   *
   * @param values - The values, one per entry.
   * @param threshold - An entry spikes where its value is strictly above this.
   * @returns A single vector of `values.length` entries.
   * @throws {@link JitconnArgumentError} when `values` is not array-like, its length is not in
   *   [1, 2^32 - 1], an entry is not a number, or `threshold` is not a number or is NaN.
   * @example
   * ```ts
   * import { BinaryArray, JITCNormalR } from 'jitconn';
   *
   * const w1 = new JITCNormalR([0, 0.05, 0.01, 2024], { shape: [10_000, 5000] });
   * const input = BinaryArray.bernoulli(0.001, 10_000, 1);
   * const hidden = BinaryArray.threshold(w1.vecmat(input), 0.2); // the layer's spikes
   * ```
   */
  static threshold(values: ArrayLike<number>, threshold: number): BinaryArray {
    if (!isArrayLike(values))
      throw new JitconnArgumentError('values', values, 'an array or typed array of numbers');
    checkDimension(values.length, 'values.length');
    if (typeof threshold !== 'number' || Number.isNaN(threshold)) {
      throw new JitconnArgumentError('threshold', threshold, 'a number that is not NaN');
    }
    const found = allocateIndices(values.length, 'a spike vector');
    let count = 0;
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      if (typeof value !== 'number') throw new JitconnArgumentError(`values[${i}]`, value, 'a number');
      if (value > threshold) found[count++] = i;
    }
    return BinaryArray.fromSorted([found.slice(0, count)], values.length, undefined);
  }

  /**
   * A vector of `length` entries with spikes at `indices` (any order, no repeats): spikes as a
   * simulator lists them.
   *
   * @param indices - The spiking entries, integers in [0, length).
   * @param length - Entries of the vector, an integer in [1, 2^32 - 1].
   * @returns A single vector.
   * @throws {@link JitconnArgumentError} when `indices` is not array-like, an index is not an
   *   integer in [0, length) or is repeated, or `length` is not an integer in [1, 2^32 - 1].
   * @example
   * ```ts
   * import { BinaryArray } from 'jitconn';
   *
   * const spikes = BinaryArray.fromIndices([400, 3, 17], 1000);
   * spikes.indices(); // Uint32Array [3, 17, 400]
   * ```
   */
  static fromIndices(indices: ArrayLike<number>, length: number): BinaryArray {
    if (!isArrayLike(indices)) {
      throw new JitconnArgumentError('indices', indices, 'an array or typed array of integers');
    }
    checkDimension(length, 'length');
    // Read by index (array-likes and detached typed arrays have no usable iterator).
    const sorted = new Float64Array(indices.length);
    for (let i = 0; i < sorted.length; i++) {
      const x: unknown = indices[i];
      sorted[i] = typeof x === 'number' ? x : NaN;
    }
    // Already sorted (the common case for spikes found in neuron order): no sort needed.
    let ordered = true;
    for (let i = 1; i < sorted.length && ordered; i++) ordered = sorted[i - 1]! <= sorted[i]!;
    if (!ordered) sorted.sort();
    for (let i = 0; i < sorted.length; i++) {
      const index = sorted[i]!;
      if (!Number.isInteger(index) || index < 0 || index >= length) {
        const original = ordered ? indices[i] : index;
        throw new JitconnArgumentError('indices', original, `integers in [0, ${length})`);
      }
      if (i > 0 && sorted[i - 1] === index)
        throw new JitconnArgumentError('indices', index, 'indices without repeats');
    }
    return BinaryArray.fromSorted([Uint32Array.from(sorted)], length, undefined);
  }

  /**
   * Seeded Bernoulli(p) spikes: every entry spikes with probability `prob`, independently. Exact
   * Bernoulli per entry and reproducible everywhere, like the matrices: the same seed gives the
   * same spikes.
   *
   * @param prob - Spike probability of every entry, in [0, 1].
   * @param shape - n for one vector of n entries, or [k, n] for a batch of k vectors.
   * @param seed - An integer in [0, 2^53) or a bigint in [0, 2^64).
   * @returns The spikes: a vector, or a batch for `[k, n]`.
   * @throws {@link JitconnArgumentError} when `prob` is not in [0, 1], the seed is invalid, or
   *   `shape` is not n or [k, n] with integers in [1, 2^32 - 1].
   * @throws {@link JitconnTooLargeError} when the spike indices cannot be allocated.
   * @example
   * ```ts
   * import { BinaryArray } from 'jitconn';
   *
   * const spikes = BinaryArray.bernoulli(0.05, 1000, 0); // 50 spikes expected
   * const steps = BinaryArray.bernoulli(0.05, [16, 1000], 0); // a batch of 16 vectors
   * ```
   */
  static bernoulli(prob: number, shape: number | readonly [number, number], seed: Seed): BinaryArray {
    checkProb(prob);
    const { lo, hi } = seedWords(seed);
    if (typeof shape !== 'number' && !(Array.isArray(shape) && shape.length === 2)) {
      throw new JitconnArgumentError('shape', shape, 'a length n or an array [batch size, n]');
    }
    const [k, length] = typeof shape === 'number' ? [undefined, shape] : shape;
    checkDimension(length, 'length');
    if (k !== undefined) checkDimension(k, 'batch size');
    const vectors = Array.from({ length: k ?? 1 }, (_, b) => bernoulliPositions(lo, hi, prob, b, length));
    return BinaryArray.fromSorted(vectors, length, k);
  }

  private static fromSorted(vectors: Uint32Array[], length: number, k: number | undefined): BinaryArray {
    pending = { vectors, length, k };
    return new BinaryArray(INTERNAL as never);
  }

  /** [n] for a vector, [k, n] for a batch. */
  get shape(): [number] | [number, number] {
    return this.#batchSize === undefined ? [this.#length] : [this.#batchSize, this.#length];
  }

  /**
   * The number of spikes, over the whole batch.
   *
   * @returns The count of active entries.
   * @example
   * ```ts
   * import { BinaryArray } from 'jitconn';
   *
   * BinaryArray.fromIndices([3, 17, 400], 1000).sum(); // 3
   * ```
   */
  sum(): number {
    return this.#active.reduce((total, indices) => total + indices.length, 0);
  }

  /**
   * The spiking entries of vector `b`, increasing.
   *
   * @param b - Which vector of a batch (0, the default, for a single vector).
   * @returns A copy: writing into it leaves the BinaryArray unchanged.
   * @throws {@link JitconnArgumentError} when `b` is not a vector index in [0, batch size).
   * @example
   * ```ts
   * import { BinaryArray } from 'jitconn';
   *
   * const steps = BinaryArray.bernoulli(0.1, [3, 100], 5);
   * steps.indices(2); // the spikes of the third vector
   * ```
   */
  indices(b = 0): Uint32Array {
    const indices = Number.isInteger(b) ? this.#active[b] : undefined;
    if (indices === undefined) {
      throw new JitconnArgumentError('b', b, `a vector index in [0, ${this.#active.length})`);
    }
    return indices.slice();
  }

  /**
   * The spikes as dense 0/1 values.
   *
   * @returns One byte per entry (length, or batch size x length row-major).
   * @throws {@link JitconnTooLargeError} when the array cannot be allocated.
   * @example
   * ```ts
   * import { BinaryArray } from 'jitconn';
   *
   * BinaryArray.fromIndices([0, 2], 4).toUint8Array(); // Uint8Array [1, 0, 1, 0]
   * ```
   */
  toUint8Array(): Uint8Array {
    let out: Uint8Array;
    try {
      out = new Uint8Array(this.#active.length * this.#length);
    } catch (error) {
      throw new JitconnTooLargeError(
        `toUint8Array() of ${this.#active.length} x ${this.#length} entries could not be allocated: ${String(error)}`,
      );
    }
    this.#active.forEach((indices, b) => indices.forEach((i) => (out[b * this.#length + i] = 1)));
    return out;
  }
}

/** The sorted indices of vector `b`, without a copy: for the products, which only read them. */
export function spikeIndices(x: BinaryArray, b = 0): Uint32Array {
  return activeOf(x)[b]!;
}

/** Entries per vector and batch size, as constructed. */
export function spikeShape(x: BinaryArray): {
  readonly length: number;
  readonly batchSize: number | undefined;
} {
  return { length: lengthOf(x), batchSize: batchSizeOf(x) };
}
