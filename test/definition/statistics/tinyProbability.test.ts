/**
 * Small p, where the definition's per-position probabilities are quantised (docs/definition.md
 * sections 6 and 13: each P(G = g) is a whole number of 2^-32 units, about 43 of them at
 * p = 1e-8). The tests use the exact law of a block under the table, so the quantisation cannot
 * cause false failures, and tie that law to Bernoulli(p) by the table's proven accuracy.
 *
 * A block (2^16 positions) is walked from its own stream, so blocks are independent, and with
 * T[g] = limits[g - 1] + 1 (T[0] = 2^32, 0 past the table) its connection count N has, exactly,
 *   P(N >= 1) = 1 - T[2^16] / 2^32   (the first word's gap lands inside the block),
 *   P(N >= 2) = sum_g P(G = g) P(G <= 2^16 - 2 - g),   P(G = g) = (T[g] - T[g + 1]) / 2^32,
 * and the first connection's offset g has probability P(G = g) / P(N >= 1).
 * Per p, at ALPHA = 1e-6 each: the blocks with N >= 1 and those with N >= 2 against their exact
 * Binomial acceptance regions (exact rate), and Pearson's chi-square of the first offsets in
 * equal bins against the exact bin probabilities, expected counts >= 20 (about 1e-6).
 * 3 + 3 + 2 = 8 statistical assertions: about 8e-6 for the file.
 */
import { describe, expect, it } from 'vitest';
import { BLOCK_SIZE } from '../../../src/definition/constants.js';
import { gapTable } from '../../../src/definition/gapTable.js';
import { walkLine } from '../../../src/definition/lineWalk.js';
import { binomialAcceptance, chiSquareTest, report } from '../../helpers/stats.js';
import { rowSpec } from './sampling.js';

const TWO_32 = 4294967296;
const BLOCKS_PER_LINE = 64;

/**
 * [p, lines of 64 blocks, first-offset bins]: about 33,000, 2,700 and 16 blocks with a connection.
 * 2^-34 is below 2^-33, where effectiveProb is 0 and only every fourth gap length has a non-zero
 * probability; too few first offsets there for a chi-square (0 bins: none).
 */
const CASES: [number, number, number][] = [
  [1e-6, 8192, 64],
  [1e-8, 65536, 32],
  [2 ** -34, 65536, 0],
];

/** The exact per-block law of the definition's table for p. */
function blockLaw(p: number): { atLeastOne: number; atLeastTwo: number; threshold: (g: number) => number } {
  const limits = gapTable(p).limits;
  const threshold = (g: number): number => (g === 0 ? TWO_32 : g <= limits.length ? limits[g - 1]! + 1 : 0);
  const pGap = (g: number): number => (threshold(g) - threshold(g + 1)) / TWO_32;
  let atLeastTwo = 0;
  for (let g = 0; g <= BLOCK_SIZE - 2; g++)
    atLeastTwo += pGap(g) * (1 - threshold(BLOCK_SIZE - 1 - g) / TWO_32);
  return { atLeastOne: 1 - threshold(BLOCK_SIZE) / TWO_32, atLeastTwo, threshold };
}

function expectBinomial(name: string, count: number, trials: number, p: number): void {
  const { lo, hi } = binomialAcceptance(trials, p);
  report(name, count, `[${lo}, ${hi}] (mean ${(trials * p).toPrecision(5)})`);
  expect(count).toBeGreaterThanOrEqual(lo);
  expect(count).toBeLessThanOrEqual(hi);
}

describe('small p: block counts and first offsets follow the exact law of the table', () => {
  it.each(CASES)('p = %s over %s lines of 64 blocks, first offsets in %i bins', (p, lines, bins) => {
    const law = blockLaw(p);
    // The table's accuracy (gapTableBound.test.ts) ties the law to Bernoulli(p): P(N >= 1) is
    // 1 - T[2^16] / 2^32, within 2^-33 + 2^-37 of 1 - q^(2^16).
    expect(Math.abs(law.atLeastOne - (1 - Math.pow(1 - p, BLOCK_SIZE)))).toBeLessThan(2 ** -32);

    const blocks = lines * BLOCKS_PER_LINE;
    const counts = new Uint8Array(blocks);
    const firstOffsets: number[] = [];
    const spec = rowSpec(p, 0x5ca1e, 0x10);
    for (let line = 0; line < lines; line++) {
      walkLine(spec, line, BLOCKS_PER_LINE * BLOCK_SIZE, (position) => {
        const block = line * BLOCKS_PER_LINE + Math.floor(position / BLOCK_SIZE);
        if (counts[block]! === 0) firstOffsets.push(position % BLOCK_SIZE);
        counts[block] = Math.min(255, counts[block]! + 1);
      });
    }
    let one = 0;
    let two = 0;
    for (const c of counts) {
      if (c >= 1) one++;
      if (c >= 2) two++;
    }
    const name = `p=${p} blocks=${blocks}`;
    expectBinomial(`${name} with a connection`, one, blocks, law.atLeastOne);
    expectBinomial(`${name} with two or more`, two, blocks, law.atLeastTwo);

    if (bins === 0) return;
    const width = BLOCK_SIZE / bins;
    const observed = new Float64Array(bins);
    for (const offset of firstOffsets) observed[Math.floor(offset / width)]!++;
    const probs = Float64Array.from(
      { length: bins },
      (_, b) => (law.threshold(b * width) - law.threshold((b + 1) * width)) / TWO_32 / law.atLeastOne,
    );
    const chi = chiSquareTest(observed, probs);
    report(`${name} first offsets chi-square (df ${chi.df})`, chi.statistic, chi.bound);
    expect(chi.df).toBe(bins - 1);
    expect(chi.statistic).toBeLessThanOrEqual(chi.bound);
  });
});
