/**
 * Neighbouring lines are not shifted copies of each other. A line whose streams ran one word
 * ahead of its neighbour's would repeat the neighbour's connections shifted by the first gap,
 * and its weights shifted by one rank: invisible to a position-by-position (lag 0) comparison.
 * So lines i and i + 1 are compared at every lag L in -64 .. 64: entry (i, j) against entry
 * (i + 1, j + L) (p = 0.01, 0.3, 0.9, lines of one block and 5000), and the k-th normal weight of
 * line i against the (k + L)-th of line i + 1.
 *
 * Under independence the 129 lag statistics z_L = sqrt(N_L) r_L are asymptotically independent
 * standard normals (their centred products are uncorrelated; N_L >= 4.9e5 pairs, with at least
 * 1,400 expected coincidences of the rarer value, whose skew cancels to first order in a
 * two-sided bound). Per case, at ALPHA = 1e-6 each: max |z_L| against the two-sided Bonferroni
 * bound z(ALPHA / 129) = 5.77, and the sum of the z_L^2 against the chi-square(129) quantile
 * (normal approximation: about 1e-6 each). 4 cases x 2 = 8 assertions: about 1e-5 for the file.
 *
 * Power: each case also feeds a generator whose line i + 1 is line i's streams one word ahead
 * (nothing else wrong) through the same statistic, and requires max |z_L| to exceed the bound
 * (measured: 83 to 460). It passes the bound only if no neighbouring pair's first gap is within
 * 64 positions: at most 0.99^(64 * 39) = 1.3e-11, in the sparsest case.
 */
import { describe, expect, it } from 'vitest';
import { BLOCK_SIZE, STREAM_STRUCTURE, STREAM_WEIGHT } from '../../../src/definition/constants.js';
import { gapFromWord, gapTable } from '../../../src/definition/gapTable.js';
import { walkLine } from '../../../src/definition/lineWalk.js';
import { streamState } from '../../../src/definition/streamKey.js';
import { drawWeight } from '../../../src/definition/weights/weightLaw.js';
import { Xoshiro128pp } from '../../../src/definition/xoshiro128pp.js';
import { chiSquareUpperQuantile, report, twoSidedZ, ALPHA } from '../../helpers/stats.js';
import { rowSpec } from './sampling.js';
import type { MatrixSpec } from '../../../src/types.js';

const MAX_LAG = 64;
const LAGS = 2 * MAX_LAG + 1;
const MAX_BOUND = twoSidedZ(ALPHA / LAGS);
const SUM_BOUND = chiSquareUpperQuantile(ALPHA, LAGS);

/** A line as its connections: positions and weights, in position order. */
interface Line {
  positions: Int32Array;
  weights: Float64Array;
}
type LineSource = (spec: MatrixSpec, line: number, length: number) => Line;

const definition: LineSource = (spec, line, length) => {
  const positions: number[] = [];
  const weights: number[] = [];
  walkLine(spec, line, length, (j, w) => {
    positions.push(j);
    weights.push(w);
  });
  return { positions: Int32Array.from(positions), weights: Float64Array.from(weights) };
};

/** The broken generator: line l walks line 0's streams advanced by l words, so line l + 1 is line l one word ahead. */
const oneWordAhead: LineSource = (spec, line, length) => {
  const table = gapTable(spec.prob);
  const positions: number[] = [];
  const weights: number[] = [];
  for (let block = 0; block * BLOCK_SIZE < length; block++) {
    const base = block * BLOCK_SIZE;
    const end = Math.min(BLOCK_SIZE, length - base);
    const structure = new Xoshiro128pp(streamState(spec.seedLo, spec.seedHi, 0, block, STREAM_STRUCTURE));
    const weight = new Xoshiro128pp(streamState(spec.seedLo, spec.seedHi, 0, block, STREAM_WEIGHT));
    for (let i = 0; i < line; i++) {
      structure.next();
      weight.next();
    }
    for (let t = -1; ;) {
      t += 1 + gapFromWord(table, structure.next());
      if (t >= end) break;
      positions.push(base + t);
      weights.push(drawWeight(spec.law, () => weight.next()));
    }
  }
  return { positions: Int32Array.from(positions), weights: Float64Array.from(weights) };
};

/** Number of entries of a sorted position list in [from, to). */
function countIn(positions: Int32Array, from: number, to: number): number {
  const firstAtLeast = (x: number): number => {
    let lo = 0;
    let hi = positions.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (positions[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return firstAtLeast(to) - firstAtLeast(from);
}

/** z_L of the 0/1 entries: (i, j) against (i + 1, j + L), over all pairs of neighbouring lines. */
function structureLags(source: LineSource, spec: MatrixSpec, lines: number, length: number): Float64Array {
  const pairs = new Float64Array(LAGS);
  const sumX = new Float64Array(LAGS);
  const sumY = new Float64Array(LAGS);
  const both = new Float64Array(LAGS);
  let previous = source(spec, 0, length);
  const next = new Uint8Array(length);
  for (let i = 1; i < lines; i++) {
    const current = source(spec, i, length);
    next.fill(0);
    for (const j of current.positions) next[j] = 1;
    for (let L = -MAX_LAG; L <= MAX_LAG; L++) {
      const from = Math.max(0, -L); // j with 0 <= j + L < length
      const to = length - Math.max(0, L);
      pairs[L + MAX_LAG]! += to - from;
      sumX[L + MAX_LAG]! += countIn(previous.positions, from, to);
      sumY[L + MAX_LAG]! += countIn(current.positions, from + L, to + L);
    }
    for (const j of previous.positions) {
      for (let L = -MAX_LAG; L <= MAX_LAG; L++) {
        const k = j + L;
        if (k >= 0 && k < length) both[L + MAX_LAG]! += next[k]!;
      }
    }
    previous = current;
  }
  return pairs.map((n, l) => {
    const x = sumX[l]!;
    const y = sumY[l]!;
    const r = (n * both[l]! - x * y) / Math.sqrt(x * (n - x) * y * (n - y));
    return Math.sqrt(n) * r;
  });
}

/** z_L of standard normal weights: the k-th of line i against the (k + L)-th of line i + 1. */
function weightLags(source: LineSource, spec: MatrixSpec, lines: number, length: number): Float64Array {
  const sums = new Float64Array(LAGS);
  const pairs = new Float64Array(LAGS);
  let previous = source(spec, 0, length).weights;
  for (let i = 1; i < lines; i++) {
    const current = source(spec, i, length).weights;
    for (let L = -MAX_LAG; L <= MAX_LAG; L++) {
      let s = 0;
      const from = Math.max(0, -L);
      const to = Math.min(previous.length, current.length - L);
      for (let k = from; k < to; k++) s += previous[k]! * current[k + L]!;
      sums[L + MAX_LAG]! += s;
      pairs[L + MAX_LAG]! += Math.max(0, to - from);
    }
    previous = current;
  }
  return sums.map((s, l) => s / Math.sqrt(pairs[l]!)); // mean 0, variance 1 per product under independence
}

function summary(z: Float64Array): { max: number; lag: number; sum: number } {
  let max = 0;
  let lag = 0;
  let sum = 0;
  z.forEach((v, l) => {
    sum += v * v;
    if (Math.abs(v) > max) [max, lag] = [Math.abs(v), l - MAX_LAG];
  });
  return { max, lag, sum };
}

const NORMAL = { kind: 'normal', loc: 0, scale: 1 } as const;

/** [what, p, lines, line length, lines for the power check]. */
const CASES: ['entries' | 'weights', number, number, number, number][] = [
  ['entries', 0.01, 200, BLOCK_SIZE + 5000, 40],
  ['entries', 0.3, 12, BLOCK_SIZE + 5000, 4],
  ['entries', 0.9, 8, BLOCK_SIZE + 5000, 4],
  ['weights', 1, 60, 10_000, 5],
];

describe('neighbouring lines are not shifted copies (lags -64 .. 64)', () => {
  it.each(CASES)('%s, p = %s over %s lines of %s', (what, p, lines, length, powerLines) => {
    const statistic = what === 'entries' ? structureLags : weightLags;
    const spec = rowSpec(p, 0x5eed, 0x1a6, NORMAL);
    const name = `${what} p=${p} lines i, i+1`;
    const z = summary(statistic(definition, spec, lines, length));
    report(`${name} max |z_L| (at L = ${z.lag})`, z.max, MAX_BOUND);
    report(`${name} sum z_L^2 (df ${LAGS})`, z.sum, SUM_BOUND);
    expect(z.max).toBeLessThanOrEqual(MAX_BOUND);
    expect(z.sum).toBeLessThanOrEqual(SUM_BOUND);

    const broken = summary(statistic(oneWordAhead, spec, powerLines, length));
    report(
      `${name}, streams one word ahead (${powerLines} lines): max |z_L| (at L = ${broken.lag})`,
      broken.max,
      '> bound',
    );
    expect(broken.max).toBeGreaterThan(MAX_BOUND);
  });
});
