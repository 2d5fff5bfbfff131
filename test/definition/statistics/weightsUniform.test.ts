/**
 * Uniform weights: offset + span * u with u = k 2^-24, k a uniform 24-bit integer, rounded once to
 * float32. For U[-0.75, 1.25) (span 2) every value is exact in float32, so k can be recovered.
 *
 * False-failure rates, each assertion at ALPHA = 1e-6: the mean by the normal approximation
 * (n >= 1e6: about 1e-6); the variance by the two-moment chi-square form of s^2 (about 1e-6);
 * KS by the Kolmogorov limit with Stephens' correction (about 1e-6); chi-squares over
 * equal-probability categories with expected counts >= 9766 (about 1e-6 each).
 * 5 + 3 = 8 statistical assertions: about 1e-5 for the file.
 */
import { describe, expect, it } from 'vitest';
import { walkLine } from '../../../src/definition/lineWalk.js';
import {
  chiSquareTest,
  ksCritical,
  ksStatistic,
  report,
  sampleMoments,
  twoSidedZ,
  varianceAcceptance,
} from '../../helpers/stats.js';
import { rowSpec } from './sampling.js';
import type { WeightLaw } from '../../../src/types.js';

function weights(offset: number, span: number, seed: number, lines: number, length: number): Float64Array {
  const law: WeightLaw = { kind: 'uniform', offset, span };
  const spec = rowSpec(1, seed, 0, law);
  const w = new Float64Array(lines * length);
  let n = 0;
  for (let line = 0; line < lines; line++) walkLine(spec, line, length, (_, weight) => (w[n++] = weight));
  return w;
}

/** Mean, variance and KS of a sample against U over [low, low + width), width > 0. */
function expectUniformLaw(name: string, sample: Float64Array, low: number, width: number): void {
  const n = sample.length;
  const z = twoSidedZ();
  // u takes the 2^24 values k 2^-24: mean (1 - 2^-24) / 2, variance (1 - 2^-48) / 12.
  const mean = low + (width * (1 - 2 ** -24)) / 2;
  const variance = (width * width * (1 - 2 ** -48)) / 12;
  const m = sampleMoments(sample);
  const meanTolerance = z * Math.sqrt(variance / n);
  report(`${name} mean`, m.mean, `${mean.toPrecision(6)} +- ${meanTolerance.toPrecision(3)}`);
  expect(Math.abs(m.mean - mean)).toBeLessThanOrEqual(meanTolerance);
  const s2 = (m.m2 * n) / (n - 1);
  const region = varianceAcceptance(n, variance, width ** 4 / 80);
  report(`${name} variance`, s2, `[${region.lo.toPrecision(6)}, ${region.hi.toPrecision(6)}]`);
  expect(s2).toBeGreaterThanOrEqual(region.lo);
  expect(s2).toBeLessThanOrEqual(region.hi);
  const sorted = Float64Array.from(sample).sort();
  const d = ksStatistic(sorted, (x) => Math.min(1, Math.max(0, (x - low) / width)));
  report(`${name} KS D`, d, ksCritical(n));
  expect(d).toBeLessThanOrEqual(ksCritical(n));
}

describe('uniform weights are U[low, high)', () => {
  it('1e7 weights of U[-0.75, 1.25): range, moments, KS, coarse and fine bins', () => {
    const offset = -0.75;
    const span = 2;
    const w = weights(offset, span, 2718, 100, 100_000);
    expect(w.every((x) => x >= -0.75 && x < 1.25)).toBe(true);
    expectUniformLaw('uniform[-0.75, 1.25)', w, offset, span);

    // Coarse: 1024 equal bins. Fine: the low 8 bits of k, which a lossy conversion would bias.
    const coarse = new Float64Array(1024);
    const fine = new Float64Array(256);
    let inexact = 0;
    for (const x of w) {
      const k = ((x - offset) / span) * 2 ** 24;
      if (!Number.isInteger(k)) inexact++;
      coarse[k >>> 14]!++;
      fine[k & 255]!++;
    }
    expect(inexact).toBe(0);
    for (const [what, counts] of [
      ['1024 bins', coarse],
      ['low 8 bits of u', fine],
    ] as const) {
      const chi = chiSquareTest(counts, new Float64Array(counts.length).fill(1 / counts.length));
      report(`uniform ${what} chi-square (df ${chi.df})`, chi.statistic, chi.bound);
      expect(chi.statistic).toBeLessThanOrEqual(chi.bound);
    }
  });

  it('negative span: 1e6 weights of offset 1, span -3 lie in (-2, 1] and are uniform there', () => {
    const w = weights(1, -3, 1414, 10, 100_000);
    expect(w.every((x) => x > -2 && x <= 1)).toBe(true);
    // 1 - 3u for u in [0, 1) is U(-2, 1]; as a law, the same as U[-2, 1) reflected.
    const reflected = w.map((x) => -x);
    expectUniformLaw('uniform(1, -3) reflected', reflected, -1, 3);
  });

  it('weights stay within [low, high] after the float32 rounding, even where high is reachable', () => {
    // With offset 100 the float32 spacing (2^-17) is coarser than span 2^-24, so offset + span * u
    // can round up to high itself (rounded once, as the definition says): the range is closed here.
    const w = weights(100, 1, 7, 20, 100_000);
    const atHigh = w.reduce((c, x) => (x === 101 ? c + 1 : c), 0);
    report('uniform[100, 101) values equal to 101 (float32 rounding)', atHigh, 'any');
    expect(w.every((x) => x >= 100 && x <= 101)).toBe(true);
  });
});
