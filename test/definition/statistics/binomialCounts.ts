import { expect } from 'vitest';
import {
  binomialAcceptance,
  binomialCategories,
  binomialMu4,
  categorise,
  chiSquareTest,
  report,
  sampleVariance,
  varianceAcceptance,
} from '../../helpers/stats.js';

/**
 * Assert that `counts` are independent Binomial(trials, p) draws: their total against the exact
 * Binomial(counts.length * trials, p) acceptance region, their sample variance against
 * trials p q, and Pearson's chi-square of their histogram. Each at the bounds' own rate
 * (1e-6, see helpers/stats.ts); the callers state their files' totals.
 */
export function expectBinomialCounts(name: string, counts: Float64Array, trials: number, p: number): void {
  const total = counts.reduce((a, b) => a + b, 0);
  const { lo, hi } = binomialAcceptance(counts.length * trials, p);
  report(`${name} total`, total, `[${lo}, ${hi}]`);
  expect(total).toBeGreaterThanOrEqual(lo);
  expect(total).toBeLessThanOrEqual(hi);

  const variance = trials * p * (1 - p);
  const region = varianceAcceptance(counts.length, variance, binomialMu4(trials, p));
  const s2 = sampleVariance(counts);
  report(
    `${name} variance`,
    s2,
    `[${region.lo.toPrecision(5)}, ${region.hi.toPrecision(5)}] (trials p q = ${variance.toPrecision(5)})`,
  );
  expect(s2).toBeGreaterThanOrEqual(region.lo);
  expect(s2).toBeLessThanOrEqual(region.hi);

  const { offset, probs } = binomialCategories(trials, p);
  const chi = chiSquareTest(categorise(counts, offset, probs.length), probs);
  report(`${name} chi-square (df ${chi.df})`, chi.statistic, chi.bound);
  expect(chi.statistic).toBeLessThanOrEqual(chi.bound);
}
