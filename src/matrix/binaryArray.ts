import { JitconnArgumentError } from '../errors.js';
import { bernoulliPositions } from '../definition/bernoulliVector.js';
import { seedWords, type Seed } from '../definition/seed.js';
import { checkDimension, checkProb } from './validate.js';

/**
 * Spikes: a binary vector of `length` entries, or a batch of `batchSize` such vectors.
 * Stored as the sorted indices of the active entries of each vector, so a vector of
 * 3 billion neurons with 100 spikes costs 100 indices. Products with a BinaryArray are
 * event-driven: only the lines of active entries are generated.
 */
export class BinaryArray {
  /** Entries per vector. */
  readonly length: number;
  /** Number of vectors in a batch, or undefined for a single vector. */
  readonly batchSize: number | undefined;
  /** Sorted active indices, one array per vector. */
  private readonly active: readonly Uint32Array[];

  /**
   * From booleans or 0/1 numbers (any non-zero counts as a spike). With `shape: [k, n]` the
   * values are a row-major batch of k vectors of n entries.
   */
  constructor(values: ArrayLike<boolean | number>, options: { shape?: readonly [number, number] } = {}) {
    const n = values.length;
    const [k, length] = options.shape ?? [undefined, n];
    if (k !== undefined) {
      checkDimension(k, 'shape[0] (batch size)');
      checkDimension(length, 'shape[1] (length)');
      if (k * length !== n) {
        throw new JitconnArgumentError('values', values, `${k * length} entries for shape [${k}, ${length}]`);
      }
    } else if (n > 0) {
      checkDimension(n, 'values.length');
    }
    const vectors: Uint32Array[] = [];
    const found = new Uint32Array(length);
    for (let b = 0; b < (k ?? 1); b++) {
      let count = 0;
      for (let i = 0, offset = b * length; i < length; i++) {
        const value = values[offset + i];
        if (!value) {
          if (value !== value)
            throw new JitconnArgumentError(
              `values[${offset + i}]`,
              value,
              'a boolean or a number that is not NaN',
            );
          continue;
        }
        found[count++] = i;
      }
      vectors.push(found.slice(0, count));
    }
    this.length = length;
    this.batchSize = k;
    this.active = vectors;
  }

  /**
   * Spikes where `values[i] > threshold`: the step of a spiking layer (membrane potential above
   * threshold), without an intermediate 0/1 array. NaN never spikes.
   */
  static threshold(values: ArrayLike<number>, threshold: number): BinaryArray {
    checkDimension(values.length, 'values.length');
    if (typeof threshold !== 'number' || Number.isNaN(threshold)) {
      throw new JitconnArgumentError('threshold', threshold, 'a number that is not NaN');
    }
    const found = new Uint32Array(values.length);
    let count = 0;
    for (let i = 0; i < values.length; i++) if (values[i]! > threshold) found[count++] = i;
    return BinaryArray.fromSorted([found.slice(0, count)], values.length, undefined);
  }

  /** A vector of `length` entries with spikes at `indices` (any order, no repeats). */
  static fromIndices(indices: ArrayLike<number>, length: number): BinaryArray {
    checkDimension(length, 'length');
    const sorted = Float64Array.from(indices).sort();
    for (let i = 0; i < sorted.length; i++) {
      const index = sorted[i]!;
      if (!Number.isInteger(index) || index < 0 || index >= length) {
        throw new JitconnArgumentError('indices', index, `integers in [0, ${length})`);
      }
      if (i > 0 && sorted[i - 1] === index)
        throw new JitconnArgumentError('indices', index, 'indices without repeats');
    }
    return BinaryArray.fromSorted([Uint32Array.from(sorted)], length, undefined);
  }

  /**
   * Seeded Bernoulli(p) spikes: `shape` is n for one vector or [k, n] for a batch. Exact
   * Bernoulli per entry and reproducible everywhere, like the matrices.
   */
  static bernoulli(prob: number, shape: number | readonly [number, number], seed: Seed): BinaryArray {
    checkProb(prob);
    const { lo, hi } = seedWords(seed);
    const [k, length] = typeof shape === 'number' ? [undefined, shape] : shape;
    checkDimension(length, 'length');
    if (k !== undefined) checkDimension(k, 'batch size');
    const vectors = Array.from({ length: k ?? 1 }, (_, b) => bernoulliPositions(lo, hi, prob, b, length));
    return BinaryArray.fromSorted(vectors, length, k);
  }

  private static fromSorted(vectors: Uint32Array[], length: number, k: number | undefined): BinaryArray {
    const array = Object.create(BinaryArray.prototype) as { -readonly [K in keyof BinaryArray]: unknown };
    Object.assign(array, { length, batchSize: k, active: vectors });
    return array as unknown as BinaryArray;
  }

  /** [n] for a vector, [k, n] for a batch. */
  get shape(): [number] | [number, number] {
    return this.batchSize === undefined ? [this.length] : [this.batchSize, this.length];
  }

  /** Number of spikes (over the whole batch). */
  sum(): number {
    return this.active.reduce((total, indices) => total + indices.length, 0);
  }

  /** Sorted active indices of vector `b` (0 for a single vector). */
  indices(b = 0): Uint32Array {
    const indices = this.active[b];
    if (indices === undefined)
      throw new JitconnArgumentError('b', b, `a vector index in [0, ${this.active.length})`);
    return indices;
  }

  /** Dense 0/1 values, row-major for a batch. */
  toUint8Array(): Uint8Array {
    const out = new Uint8Array(this.active.length * this.length);
    this.active.forEach((indices, b) => indices.forEach((i) => (out[b * this.length + i] = 1)));
    return out;
  }
}
