/**
 * Row counts: the number of connections of a line of n positions is Binomial(n, p), independently
 * across lines. Checked for short lines (inside one block) and lines of three blocks and a bit.
 *
 * Per case, three assertions at ALPHA = 1e-6:
 *  - the total count against the exact Binomial(lines * n, p) acceptance region (exact rate);
 *  - the sample variance s^2 against n p q: s^2 ~ n p q chi2(nu) / nu with nu from Var(s^2)
 *    (the binomial's fourth moment), a two-moment approximation that keeps the skew of s^2
 *    (rate about 1e-6);
 *  - Pearson's chi-square of the count histogram against Binomial(n, p), expected counts >= 20
 *    (chi-square approximation: rate about 1e-6).
 * 12 cases x 3 = 36 assertions: about 4e-5 for the file.
 */
import { describe, it } from 'vitest';
import { BLOCK_SIZE } from '../../../src/definition/constants.js';
import { expectBinomialCounts } from './binomialCounts.js';
import { lineCounts, rowSpec } from './sampling.js';

const LONG = 3 * BLOCK_SIZE + 1000;

/** [p, positions per line, lines]. */
const CASES: [number, number, number][] = [
  [1e-4, 60_000, 5000],
  [1e-4, LONG, 5000],
  [0.01, 5000, 20_000],
  [0.01, LONG, 1000],
  [0.15, 1000, 20_000],
  [0.15, LONG, 300],
  [0.3, 1000, 20_000],
  [0.3, LONG, 300],
  [0.6, 1000, 20_000],
  [0.6, LONG, 300],
  [0.99, 1000, 20_000],
  [0.99, LONG, 300],
];

describe('row counts are Binomial(n, p)', () => {
  it.each(CASES)('p = %s, n = %s, %s lines', (p, n, lines) => {
    const counts = lineCounts(rowSpec(p, 77 + lines), lines, n);
    expectBinomialCounts(`rows p=${p} n=${n} lines=${lines}`, counts, n, p);
  });
});
