/**
 * Block edges: each block of 2^16 positions is walked from its own stream, starting before its
 * first position. Nothing may change at the seams: the entries at and near block edges are
 * Bernoulli(p) like any other, and the distances from a block's edges to its first and last
 * connections are geometric (with "no connection in the block" as the tail category).
 *
 * Lines are four full blocks and 123 positions of a fifth. Per case, at ALPHA = 1e-6 each:
 *  - offsets 0 and 2^16 - 1 of the full blocks, and the bands of the first and last 16 offsets,
 *    against exact Binomial acceptance regions (4 assertions, exact rate);
 *  - the counts folded by offset in block (2^16 values, each Binomial(4 L, p), independent)
 *    against Binomial(4 L, p) by Pearson's chi-square, expected counts >= 20 (rate about 1e-6);
 *  - the partial fifth block against Binomial(123 L, p) (exact);
 *  - for p <= 0.6 the first-connection offset and the distance of the last connection from the
 *    block end, per block, against the truncated geometric law by chi-square (about 1e-6 each).
 * 6 cases, 46 assertions: about 5e-5 for the file.
 */
import { describe, expect, it } from 'vitest';
import { BLOCK_SIZE } from '../../../src/definition/constants.js';
import { walkLine } from '../../../src/definition/lineWalk.js';
import {
  binomialAcceptance,
  binomialCategories,
  categorise,
  chiSquareTest,
  geometricProbs,
  report,
} from '../../helpers/stats.js';
import { rowSpec } from './sampling.js';

const FULL_BLOCKS = 4;
const TAIL = 123;
const LENGTH = FULL_BLOCKS * BLOCK_SIZE + TAIL;
const BAND = 16;

/** [p, lines]. */
const CASES: [number, number][] = [
  [1e-4, 5000],
  [0.01, 250],
  [0.15, 100],
  [0.3, 100],
  [0.6, 100],
  [0.99, 50],
];

function expectBinomial(name: string, count: number, trials: number, p: number): void {
  const { lo, hi } = binomialAcceptance(trials, p);
  report(name, count, `[${lo}, ${hi}]`);
  expect(count).toBeGreaterThanOrEqual(lo);
  expect(count).toBeLessThanOrEqual(hi);
}

describe('no dip or excess at block edges', () => {
  it.each(CASES)('p = %s over %s lines of 4 blocks + 123', (p, lines) => {
    const spec = rowSpec(p, 0xb10c, 0xed6e);
    const folded = new Float64Array(BLOCK_SIZE);
    const blocks = lines * FULL_BLOCKS;
    const first = new Int32Array(blocks).fill(BLOCK_SIZE); // offset of the first connection, or "none"
    const last = new Int32Array(blocks).fill(-1);
    let tail = 0;
    for (let line = 0; line < lines; line++) {
      walkLine(spec, line, LENGTH, (position) => {
        const block = Math.floor(position / BLOCK_SIZE);
        const offset = position - block * BLOCK_SIZE;
        if (block === FULL_BLOCKS) {
          tail++;
          return;
        }
        folded[offset]!++;
        const index = line * FULL_BLOCKS + block;
        if (first[index] === BLOCK_SIZE) first[index] = offset;
        last[index] = offset;
      });
    }
    const name = `edges p=${p}`;
    const trials = blocks; // per offset: one entry per full block

    expectBinomial(`${name} offset 0`, folded[0]!, trials, p);
    expectBinomial(`${name} offset 65535`, folded[BLOCK_SIZE - 1]!, trials, p);
    let head = 0;
    let end = 0;
    for (let d = 0; d < BAND; d++) {
      head += folded[d]!;
      end += folded[BLOCK_SIZE - 1 - d]!;
    }
    expectBinomial(`${name} first ${BAND} offsets`, head, trials * BAND, p);
    expectBinomial(`${name} last ${BAND} offsets`, end, trials * BAND, p);
    expectBinomial(`${name} partial block`, tail, lines * TAIL, p);

    const { offset, probs } = binomialCategories(trials, p);
    const chi = chiSquareTest(categorise(folded, offset, probs.length), probs);
    report(`${name} folded chi-square (df ${chi.df})`, chi.statistic, chi.bound);
    expect(chi.statistic).toBeLessThanOrEqual(chi.bound);

    if (p > 0.6) return; // too few samples of gaps >= 1 for a chi-square at 1e-6; offset 0 covers it
    const distances = Int32Array.from(last, (l) => BLOCK_SIZE - 1 - l); // BLOCK_SIZE when empty
    const geometric = geometricProbs(p, BLOCK_SIZE + 1);
    for (const [what, sample] of [
      ['first offset', first],
      ['distance after last', distances],
    ] as const) {
      const result = chiSquareTest(categorise(sample, 0, BLOCK_SIZE + 1), geometric);
      report(`${name} ${what} chi-square (df ${result.df})`, result.statistic, result.bound);
      expect(result.df).toBeGreaterThanOrEqual(1);
      expect(result.statistic).toBeLessThanOrEqual(result.bound);
    }
  });
});
