/**
 * Realised density: every entry is Bernoulli(p), so the number of connections among N entries is
 * Binomial(N, p). p = 0 and p = 1 are exact (deterministic assertions).
 *
 * False-failure rate: each count is checked against the exact Binomial acceptance region at
 * ALPHA = 1e-6 (two-sided); 6 statistical assertions, so at most 6e-6 for the file.
 */
import { describe, expect, it } from 'vitest';
import { BLOCK_SIZE } from '../../../src/definition/constants.js';
import { walkLine } from '../../../src/definition/lineWalk.js';
import { binomialAcceptance, report } from '../../helpers/stats.js';
import { lineCounts, linePositions, rowSpec } from './sampling.js';

/** [p, lines, positions per line]: about 1e5 to 1e7 connections, lines longer than a block. */
const CASES: [number, number, number][] = [
  [1e-4, 100, 10_000_000],
  [0.01, 100, 2_000_000],
  [0.15, 50, 200_000],
  [0.3, 50, 200_000],
  [0.6, 50, 200_000],
  [0.99, 50, 200_000],
];

/** brainevent's uniform-jump walk realises 2 / ceil(2 / p) instead of p (0.143 for p = 0.15). */
function brainEventDensity(p: number): number {
  return 2 / Math.ceil(2 / p);
}

const LENGTHS = [1, 2, 1000, BLOCK_SIZE - 1, BLOCK_SIZE, BLOCK_SIZE + 1, 3 * BLOCK_SIZE + 17];
const LINES = [0, 1, 12345, 2 ** 31, 2 ** 32 - 1];

describe('realised density', () => {
  it('p = 0 gives no connection at all', () => {
    const spec = rowSpec(0, 3);
    for (const line of LINES) {
      for (const length of LENGTHS) {
        let visits = 0;
        walkLine(spec, line, length, () => visits++);
        expect(visits).toBe(0);
      }
    }
  });

  it('p = 1 gives every entry, in order, once', () => {
    const spec = rowSpec(1, 3);
    for (const line of LINES) {
      for (const length of LENGTHS) {
        const positions = linePositions(spec, line, length);
        expect(positions.length).toBe(length);
        expect(positions.every((position, j) => position === j)).toBe(true);
      }
    }
  });

  it.each(CASES)(
    'p = %s: connections among lines x length entries are Binomial(N, p)',
    (p, lines, length) => {
      const counts = lineCounts(rowSpec(p, 20260101), lines, length);
      const total = counts.reduce((a, b) => a + b, 0);
      const entries = lines * length;
      const { lo, hi } = binomialAcceptance(entries, p);
      report(
        `density p=${p} N=${entries} count`,
        total,
        `[${lo}, ${hi}] (density ${(total / entries).toPrecision(5)})`,
      );
      expect(total).toBeGreaterThanOrEqual(lo);
      expect(total).toBeLessThanOrEqual(hi);
      // Power: the region must exclude brainevent's biased density wherever that differs from p.
      const biased = brainEventDensity(p) * entries;
      if (Math.abs(brainEventDensity(p) - p) > 1e-12) expect(biased < lo || biased > hi).toBe(true);
    },
  );
});
