import { describe, expect, it } from 'vitest';
import { BinaryArray, JitconnArgumentError } from '../../src/index.js';

describe('BinaryArray', () => {
  it('is built from booleans, 0/1 numbers, a Uint8Array or indices, with the same spikes', () => {
    const forms = [
      new BinaryArray([false, true, false, true, true]),
      new BinaryArray([0, 1, 0, 2, -1]),
      new BinaryArray(Uint8Array.of(0, 1, 0, 1, 1)),
      BinaryArray.fromIndices([4, 1, 3], 5),
      BinaryArray.threshold(Float32Array.of(0.1, 0.9, 0.5, 0.7, 2), 0.5),
    ];
    for (const spikes of forms) {
      expect(Array.from(spikes.indices())).toEqual([1, 3, 4]);
      expect(spikes.sum()).toBe(3);
      expect(spikes.length).toBe(5);
      expect(spikes.shape).toEqual([5]);
      expect(Array.from(spikes.toUint8Array())).toEqual([0, 1, 0, 1, 1]);
    }
  });

  it('holds a batch of k vectors', () => {
    const batch = new BinaryArray([1, 0, 0, 0, 1, 1], { shape: [2, 3] });
    expect(batch.shape).toEqual([2, 3]);
    expect(batch.batchSize).toBe(2);
    expect(Array.from(batch.indices(0))).toEqual([0]);
    expect(Array.from(batch.indices(1))).toEqual([1, 2]);
    expect(batch.sum()).toBe(3);
    expect(() => batch.indices(2)).toThrow(JitconnArgumentError);
  });

  it('threshold: strictly above, NaN never spikes, a NaN threshold is refused', () => {
    expect(Array.from(BinaryArray.threshold([0.2, NaN, 0.3, 0.2000001], 0.2).indices())).toEqual([2, 3]);
    expect(() => BinaryArray.threshold([1], NaN)).toThrow(/threshold must be a number that is not NaN/);
  });

  it('bernoulli is reproducible per seed and has about p * n spikes', () => {
    const a = BinaryArray.bernoulli(0.1, 100_000, 42);
    expect(Array.from(BinaryArray.bernoulli(0.1, 100_000, 42).indices())).toEqual(Array.from(a.indices()));
    expect(Array.from(BinaryArray.bernoulli(0.1, 100_000, 43).indices())).not.toEqual(
      Array.from(a.indices()),
    );
    // Binomial(1e5, 0.1): sd 94.9; 5 sd is a 6e-7 false-failure rate.
    expect(Math.abs(a.sum() - 10_000)).toBeLessThan(5 * 94.9);
    const batch = BinaryArray.bernoulli(0.5, [3, 1000], 1);
    expect(batch.shape).toEqual([3, 1000]);
    expect(Array.from(batch.indices(0))).not.toEqual(Array.from(batch.indices(1)));
  });

  it('rejects NaN values', () => {
    expect(() => new BinaryArray([0, NaN])).toThrow(
      /values\[1\] must be a boolean or a number that is not NaN/,
    );
  });
});
