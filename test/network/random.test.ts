import { describe, expect, it } from 'vitest';
import { JitconnArgumentError, seededNormals, seededUniforms } from '../../src/index.js';

const N = 100_000;

function meanAndVariance(values: Float32Array): { mean: number; variance: number } {
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / values.length;
  let squares = 0;
  for (const v of values) squares += (v - mean) ** 2;
  return { mean, variance: squares / (values.length - 1) };
}

describe('seeded initial values', () => {
  it('value i depends only on the seed and i (a short draw is a prefix of a long one, across blocks)', () => {
    const long = seededNormals(7, 70_000, -55, 2);
    expect(seededNormals(7, 10, -55, 2)).toEqual(long.subarray(0, 10));
    expect(seededNormals(7, 65_537, -55, 2)).toEqual(long.subarray(0, 65_537));
    expect(seededUniforms(7, 65_537, -60, -50)).toEqual(
      seededUniforms(7, 70_000, -60, -50).subarray(0, 65_537),
    );
    expect(seededNormals(8, 10, -55, 2)).not.toEqual(long.subarray(0, 10));
  });

  // Bounds at 6 standard errors: each check fails by chance with probability about 2e-9.
  it('normals have the stated mean and standard deviation', () => {
    const { mean, variance } = meanAndVariance(seededNormals(2026, N, -55, 2));
    expect(Math.abs(mean + 55)).toBeLessThan(6 * (2 / Math.sqrt(N)));
    // The sample variance of a normal has standard error sigma^2 sqrt(2 / (n - 1)).
    expect(Math.abs(variance - 4)).toBeLessThan(6 * 4 * Math.sqrt(2 / (N - 1)));
  });

  it('uniforms lie in [low, high) with the stated mean', () => {
    const values = seededUniforms(2026, N, -60, -50);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(-60);
    expect(Math.max(...values)).toBeLessThan(-50);
    const { mean } = meanAndVariance(values);
    expect(Math.abs(mean + 55)).toBeLessThan(6 * (10 / Math.sqrt(12) / Math.sqrt(N)));
  });

  it.each([
    ['count', () => seededNormals(1, -1, 0, 1)],
    ['count', () => seededNormals(1, 2.5, 0, 1)],
    ['count', () => seededUniforms(1, 2 ** 32, 0, 1)],
    ['count', () => seededUniforms(1, Number.NaN, 0, 1)],
    ['mean', () => seededNormals(1, 4, Number.NaN, 1)],
    ['sd', () => seededNormals(1, 4, 0, Infinity)],
    ['low', () => seededUniforms(1, 4, -Infinity, 1)],
    ['high', () => seededUniforms(1, 4, 0, Number.NaN)],
    ['seed', () => seededNormals(-1, 4, 0, 1)],
    ['seed', () => seededUniforms(1.5, 4, 0, 1)],
  ])('a bad %s is a JitconnArgumentError naming it', (argument, call) => {
    expect(call).toThrow(JitconnArgumentError);
    expect(call).toThrow(expect.objectContaining({ argument }));
  });
});
