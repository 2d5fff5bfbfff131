/**
 * No correlation: between neighbouring lines (rows), between neighbouring positions (columns)
 * across lines, between successive gaps, and between a connection's weight and its position,
 * its offset in the block, the gap before it (also |weight|, which a shared stream would
 * correlate with the gap even where the sign hides it), the next weight, or the same-rank weight
 * of the next line. Lines are one block and 5000 positions long, so the seam is inside every sample.
 *
 * Each statistic is a Pearson r over N pairs whose centred products are uncorrelated under
 * independence (also for overlapping pairs such as (x_j, x_{j+1}), (x_{j+1}, x_{j+2})), so
 * sqrt(N) r is asymptotically N(0, 1): the bound |r| <= 4.89 / sqrt(N) has a false-failure rate
 * of about 1e-6 each (N >= 1e5). 6 + 2 + 18 = 26 assertions: about 3e-5 for the file.
 */
import { describe, expect, it } from 'vitest';
import { BLOCK_SIZE } from '../../../src/definition/constants.js';
import { walkLine } from '../../../src/definition/lineWalk.js';
import { Correlation, correlationBound, report } from '../../helpers/stats.js';
import { indicatorMatrix, rowSpec } from './sampling.js';
import type { WeightLaw } from '../../../src/types.js';

const LENGTH = BLOCK_SIZE + 5000;

/** Pearson r of two 0/1 sequences given N pairs, the two sums and the count of (1, 1). */
function binaryR(pairs: number, sumX: number, sumY: number, both: number): number {
  return (pairs * both - sumX * sumY) / Math.sqrt(sumX * (pairs - sumX) * sumY * (pairs - sumY));
}

function expectUncorrelated(name: string, r: number, pairs: number): void {
  const bound = correlationBound(pairs);
  report(`${name} r (N=${pairs})`, r, bound);
  expect(Math.abs(r)).toBeLessThanOrEqual(bound);
}

describe('no correlation between neighbouring lines and positions', () => {
  it.each([
    [0.01, 500],
    [0.3, 300],
    [0.99, 300],
  ])('p = %s over %s lines', (p, lines) => {
    const x = indicatorMatrix(rowSpec(p, 555, 1), lines, LENGTH);
    // Lines i and i + 1, position by position.
    let sumX = 0;
    let sumY = 0;
    let both = 0;
    for (let i = 0; i + 1 < lines; i++) {
      for (let j = 0; j < LENGTH; j++) {
        const a = x[i * LENGTH + j]!;
        const b = x[(i + 1) * LENGTH + j]!;
        sumX += a;
        sumY += b;
        both += a & b;
      }
    }
    const linePairs = (lines - 1) * LENGTH;
    expectUncorrelated(`p=${p} adjacent lines`, binaryR(linePairs, sumX, sumY, both), linePairs);
    // Positions j and j + 1 (columns j and j + 1 of a row matrix), line by line.
    sumX = sumY = both = 0;
    for (let i = 0; i < lines; i++) {
      for (let j = 0; j + 1 < LENGTH; j++) {
        const a = x[i * LENGTH + j]!;
        const b = x[i * LENGTH + j + 1]!;
        sumX += a;
        sumY += b;
        both += a & b;
      }
    }
    const positionPairs = lines * (LENGTH - 1);
    expectUncorrelated(`p=${p} adjacent positions`, binaryR(positionPairs, sumX, sumY, both), positionPairs);
  });

  it.each([
    [0.01, 2000],
    [0.3, 100],
  ])('successive gaps are uncorrelated, p = %s over %s lines', (p, lines) => {
    const spec = rowSpec(p, 556, 1);
    const pairs = new Correlation();
    for (let line = 0; line < lines; line++) {
      let previous = -1;
      let previousGap = -1;
      walkLine(spec, line, LENGTH, (position) => {
        const gap = position - previous - 1;
        if (previousGap >= 0) pairs.add(previousGap, gap);
        previousGap = gap;
        previous = position;
      });
    }
    expectUncorrelated(`p=${p} successive gaps`, pairs.r(), pairs.n);
  });
});

describe('weights are uncorrelated with structure and with each other', () => {
  const normal: WeightLaw = { kind: 'normal', loc: 0, scale: 1 };
  const uniform: WeightLaw = { kind: 'uniform', offset: -1, span: 2 };
  it.each([
    [0.01, 2000, normal],
    [0.3, 100, normal],
    [0.3, 100, uniform],
  ])('p = %s over %s lines, weights %o', (p, lines, law) => {
    const spec = rowSpec(p, 557, 2, law);
    const position = new Correlation();
    const offset = new Correlation();
    const gap = new Correlation();
    const sizeGap = new Correlation(); // |w| too: a shared stream can hide from the sign
    const next = new Correlation();
    const nextLine = new Correlation();
    let previousLine: number[] = [];
    for (let line = 0; line < lines; line++) {
      const current: number[] = [];
      let previous = -1;
      walkLine(spec, line, LENGTH, (j, w) => {
        position.add(j, w);
        offset.add(j % BLOCK_SIZE, w);
        gap.add(j - previous - 1, w);
        sizeGap.add(j - previous - 1, Math.abs(w));
        if (current.length > 0) next.add(current[current.length - 1]!, w);
        current.push(w);
        previous = j;
      });
      const shared = Math.min(current.length, previousLine.length);
      for (let k = 0; k < shared; k++) nextLine.add(previousLine[k]!, current[k]!);
      previousLine = current;
    }
    expectUncorrelated(`p=${p} weight vs position`, position.r(), position.n);
    expectUncorrelated(`p=${p} weight vs offset in block`, offset.r(), offset.n);
    expectUncorrelated(`p=${p} weight vs gap before it`, gap.r(), gap.n);
    expectUncorrelated(`p=${p} |weight| vs gap before it`, sizeGap.r(), sizeGap.n);
    expectUncorrelated(`p=${p} weight vs next weight`, next.r(), next.n);
    expectUncorrelated(`p=${p} weight vs same-rank weight of next line`, nextLine.r(), nextLine.n);
  });
});
