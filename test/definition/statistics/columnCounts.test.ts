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
 * 6 cases x 3 = 18 assertions: about 2e-5 for the file.
 */
import { describe, it } from 'vitest';
import { BLOCK_SIZE } from '../../../src/definition/constants.js';
import { expectBinomialCounts } from './binomialCounts.js';
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
    expectBinomialCounts(`columns p=${p} lines=${lines}`, counts, lines, p);
  });
});
