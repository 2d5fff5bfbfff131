/**
 * Gaps: counting from position -1, the numbers of empty positions before each connection of a
 * line are independent Geometric(p): P(G = g) = p q^g. Taking the first K gaps of each line
 * (a fixed number, not "all gaps that fit", which would favour short gaps) makes them exactly iid.
 * Lines are long enough that K connections are certain (mean count K + 10 sqrt(K) + 20); for
 * p = 1e-4 and 0.01 the first K gaps span several block boundaries.
 *
 * Per case at ALPHA = 1e-6: the mean gap within z * sd of q / p (normal approximation of a sum
 * of >= 1e5 geometric gaps: rate about 1e-6), and Pearson's chi-square over gap values binned to
 * expected counts >= max(20, total / 200) (rate about 1e-6). 6 cases x 3 = 18 assertions
 * (one deterministic): about 1.2e-5 for the file.
 */
import { describe, expect, it } from 'vitest';
import { walkLine } from '../../../src/definition/lineWalk.js';
import { categorise, chiSquareTest, geometricProbs, report, twoSidedZ } from '../../helpers/stats.js';
import { rowSpec } from './sampling.js';

/** [p, gaps per line K, lines]. */
const CASES: [number, number, number][] = [
  [1e-4, 50, 2000],
  [0.01, 1000, 1000],
  [0.15, 1000, 1000],
  [0.3, 1000, 1000],
  [0.6, 1000, 1000],
  [0.99, 1000, 1000],
];

/** The first `perLine` gaps of each of `lines` lines, or -1 where a line had fewer connections. */
function firstGaps(p: number, perLine: number, lines: number): Float64Array {
  const spec = rowSpec(p, 9001, 3);
  const length = Math.ceil((perLine + 10 * Math.sqrt(perLine) + 20) / p);
  const gaps = new Float64Array(perLine * lines).fill(-1);
  for (let line = 0; line < lines; line++) {
    let k = 0;
    let previous = -1;
    walkLine(spec, line, length, (position) => {
      if (k < perLine) gaps[line * perLine + k++] = position - previous - 1;
      previous = position;
    });
  }
  return gaps;
}

describe('gaps are Geometric(p)', () => {
  it.each(CASES)('p = %s, first %s gaps of %s lines', (p, perLine, lines) => {
    const gaps = firstGaps(p, perLine, lines);
    const name = `gaps p=${p} n=${gaps.length}`;
    expect(gaps.every((g) => g >= 0)).toBe(true); // every line had K connections

    const q = 1 - p;
    const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
    const tolerance = twoSidedZ() * Math.sqrt(q / (p * p) / gaps.length);
    report(`${name} mean`, mean, `${(q / p).toPrecision(6)} +- ${tolerance.toPrecision(3)}`);
    expect(Math.abs(mean - q / p)).toBeLessThanOrEqual(tolerance);

    // Categories 0 .. size - 2 and a tail; size where q^size < 1e-12 (far beyond any sample).
    const size = Math.ceil(Math.log(1e-12) / Math.log(q)) + 2;
    const chi = chiSquareTest(
      categorise(gaps, 0, size),
      geometricProbs(p, size),
      Math.max(20, gaps.length / 200),
    );
    report(`${name} chi-square (df ${chi.df})`, chi.statistic, chi.bound);
    expect(chi.statistic).toBeLessThanOrEqual(chi.bound);
  });
});
