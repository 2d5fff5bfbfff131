/**
 * The resolution limits that docs/definition.md section 13 states for the connection
 * probability, computed from the gap tables themselves. With P(G = g) = (T[g] - T[g + 1]) / 2^32
 * (T[0] = 2^32, 0 past the table), the walk restarts identically after every connection, so the
 * probability a[t] that offset t of a block is connected follows the renewal recursion
 *
 *     a[t] = P(G = t) + sum_{s < t} a[s] P(G = t - s - 1),
 *
 * and P(t1 and t2 connected) = a[t1] a[t2 - t1 - 1] for t1 < t2. Over the first 3,000 offsets:
 * the largest |a[t] - p| is the listed multiple of 2^-32 (to the two decimals listed) and below
 * 2^-32, the mean of a[t] is within 2^-32 of p, and every covariance
 * a[t1] (a[t2 - t1 - 1] - a[t2]) is at most 2 (p + 2^-32) 2^-32, and at most 1.97 p 2^-32 from
 * p = 1e-8 up (as listed). The recursion runs in double: its rounding (about 3,000 terms of
 * 2^-53 relative) is below 1e-12 of the 2^-32 units compared. Deterministic: no false failures.
 */
import { describe, expect, it } from 'vitest';
import { BLOCK_SIZE } from '../../src/definition/constants.js';
import { gapTable } from '../../src/definition/gapTable.js';
import { report } from '../helpers/stats.js';

const TWO_32 = 4294967296;
const UNIT = 2 ** -32;
const OFFSETS = 3000;

/** [p, the largest |a[t] - p| in units of 2^-32 as docs/definition.md section 13 lists it]. */
const LISTED: [number, number][] = [
  [0.5, 0.5],
  [0.3, 0.79],
  [0.1, 0.86],
  [0.01, 0.98],
  [1e-4, 0.98],
  [1e-6, 0.97],
  [1e-8, 0.95],
  [2 ** -34, 0.75],
];

/** P(G = g) for g = 0 .. size - 1, from the definition's table. */
function gapProbabilities(p: number, size: number): Float64Array {
  const limits = gapTable(p).limits;
  const threshold = (g: number): number => (g === 0 ? TWO_32 : g <= limits.length ? limits[g - 1]! + 1 : 0);
  return Float64Array.from({ length: size }, (_, g) => (threshold(g) - threshold(g + 1)) / TWO_32);
}

describe('per-position connection probabilities are p to within 2^-32 (renewal recursion on the table)', () => {
  it.each(LISTED)('p = %s: largest deviation %s x 2^-32', (p, listed) => {
    const gap = gapProbabilities(p, OFFSETS);
    const a = new Float64Array(OFFSETS);
    let worst = 0;
    let sum = 0;
    for (let t = 0; t < OFFSETS; t++) {
      let s = gap[t]!;
      for (let u = 0; u < t; u++) s += a[u]! * gap[t - u - 1]!;
      a[t] = s;
      worst = Math.max(worst, Math.abs(s - p));
      sum += s;
    }
    let covariance = 0;
    for (let t1 = 0; t1 < OFFSETS; t1++)
      for (let t2 = t1 + 1; t2 < OFFSETS; t2++)
        covariance = Math.max(covariance, Math.abs(a[t1]! * (a[t2 - t1 - 1]! - a[t2]!)));
    const name = `p=${p} first ${OFFSETS} offsets`;
    report(`${name}: largest |a[t] - p| / 2^-32`, worst / UNIT, listed);
    report(`${name}: |mean a[t] - p| / 2^-32`, Math.abs(sum / OFFSETS - p) / UNIT, '<= 1');
    report(`${name}: largest covariance / (p 2^-32)`, covariance / (p * UNIT), p >= 1e-8 ? '<= 1.97' : '');
    expect(Math.round((worst / UNIT) * 100) / 100).toBe(listed);
    expect(worst).toBeLessThan(UNIT);
    expect(Math.abs(sum / OFFSETS - p)).toBeLessThanOrEqual(UNIT);
    expect(covariance).toBeLessThanOrEqual(2 * (p + UNIT) * UNIT);
    if (p >= 1e-8) expect(covariance).toBeLessThanOrEqual(1.97 * p * UNIT);
  });

  it('p = 2^-34: only every fourth gap length has a non-zero probability', () => {
    const gap = gapProbabilities(2 ** -34, BLOCK_SIZE);
    const possible = [...gap.keys()].filter((g) => gap[g]! > 0);
    expect(possible.length).toBe(BLOCK_SIZE / 4);
    expect(possible.every((g, i) => i === 0 || g - possible[i - 1]! === 4)).toBe(true);
  });
});
