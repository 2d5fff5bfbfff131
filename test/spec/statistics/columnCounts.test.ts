/**
 * Column counts: over L lines, the number of connections landing on position j is Binomial(L, p),
 * independently across positions (entries are independent across lines). Positions span two
 * block boundaries, so every column of blocks 0, 1 and part of 2 is covered.
 *
 * Per case, three assertions at ALPHA = 1e-6:
 *  - the total against the exact Binomial(L * n, p) acceptance region (exact rate);
 *  - the variance of the n column counts against L p q: s^2 ~ L p q chi2(nu) / nu with nu from
 *    Var(s^2) (two-moment approximation over 132072 columns: rate about 1e-6);
 *  - Pearson's chi-square of the column-count histogram against Binomial(L, p), expected counts
 *    >= 20 (rate about 1e-6).
 * 6 cases x 4 = 24 assertions: about 2.5e-5 for the file.
 */
import { describe, expect, it } from 'vitest';
import { BLOCK_SIZE } from '../../../src/spec/constants.js';
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
import { positionCounts, rowSpec } from './sampling.js';

const COLUMNS = 2 * BLOCK_SIZE + 1000;

/** [p, lines]: L p from 2 (p = 1e-4) to 198. */
const CASES: [number, number][] = [
  [1e-4, 20_000],
  [0.01, 1000],
  [0.15, 200],
  [0.3, 200],
  [0.6, 200],
  [0.99, 200],
];

describe('column counts are Binomial(lines, p)', () => {
  it.each(CASES)('p = %s over %s lines', (p, lines) => {
    const counts = positionCounts(rowSpec(p, 4242, 17), lines, COLUMNS);
    const name = `columns p=${p} lines=${lines}`;

    const total = counts.reduce((a, b) => a + b, 0);
    const { lo, hi } = binomialAcceptance(lines * COLUMNS, p);
    report(`${name} total`, total, `[${lo}, ${hi}]`);
    expect(total).toBeGreaterThanOrEqual(lo);
    expect(total).toBeLessThanOrEqual(hi);

    const variance = lines * p * (1 - p);
    const region = varianceAcceptance(COLUMNS, variance, binomialMu4(lines, p));
    const s2 = sampleVariance(counts);
    report(
      `${name} variance`,
      s2,
      `[${region.lo.toPrecision(5)}, ${region.hi.toPrecision(5)}] (L p q = ${variance.toPrecision(5)})`,
    );
    expect(s2).toBeGreaterThanOrEqual(region.lo);
    expect(s2).toBeLessThanOrEqual(region.hi);

    const { offset, probs } = binomialCategories(lines, p);
    const chi = chiSquareTest(categorise(counts, offset, probs.length), probs);
    report(`${name} chi-square (df ${chi.df})`, chi.statistic, chi.bound);
    expect(chi.statistic).toBeLessThanOrEqual(chi.bound);
  });
});
