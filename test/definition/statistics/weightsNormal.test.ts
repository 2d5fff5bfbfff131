/**
 * Normal weights: loc + scale * z with z from the 128-layer ziggurat must be N(loc, scale^2),
 * tails included (no truncation within 6 sigma and beyond: normalTail.test.ts shows the tail
 * path's mass out to 9 sigma exactly).
 *
 * False-failure rates, each assertion at ALPHA = 1e-6:
 *  - mean and variance: exact (normal sample mean; chi-square sample variance);
 *  - skewness, kurtosis: normal approximation of their sampling laws with their exact variances
 *    for normal data (n = 1e7: rate about 1e-6 each);
 *  - KS against N(loc, scale^2): Kolmogorov limit with Stephens' correction (about 1e-6);
 *  - tail and sign counts: exact Binomial acceptance regions;
 *  - the largest |z| of n = 1e7: above t_lo with (1 - 2 Q(t_lo))^n = ALPHA / 2 (4.82, exact) and
 *    at most t_hi with n 2 Q(t_hi) = ALPHA / 2 (7.53; a union bound, so at most ALPHA / 2).
 * 10 + 3 + 4 = 17 statistical assertions in the file: about 2e-5.
 */
import { describe, expect, it } from 'vitest';
import { STREAM_WEIGHT } from '../../../src/definition/constants.js';
import { walkLine } from '../../../src/definition/lineWalk.js';
import { streamState } from '../../../src/definition/streamKey.js';
import { standardNormal, ZIGGURAT } from '../../../src/definition/weights/ziggurat.js';
import { Xoshiro128pp } from '../../../src/definition/xoshiro128pp.js';
import {
  ALPHA,
  binomialAcceptance,
  ksCritical,
  ksStatistic,
  normalCdfFast,
  normalSf,
  normalUpperQuantile,
  report,
  sampleMoments,
  twoSidedZ,
  varianceAcceptance,
} from '../../helpers/stats.js';
import { rowSpec } from './sampling.js';
import type { WeightLaw } from '../../../src/types.js';

/** Standardised weights (w - loc) / scale of `lines` full lines at p = 1. */
function standardised(loc: number, scale: number, seed: number, lines: number, length: number): Float64Array {
  const law: WeightLaw = { kind: 'normal', loc, scale };
  const spec = rowSpec(1, seed, 0, law);
  const z = new Float64Array(lines * length);
  let n = 0;
  for (let line = 0; line < lines; line++)
    walkLine(spec, line, length, (_, w) => (z[n++] = (w - loc) / scale));
  return z;
}

function expectBinomial(name: string, count: number, trials: number, p: number): void {
  const { lo, hi } = binomialAcceptance(trials, p);
  report(name, count, `[${lo}, ${hi}]`);
  expect(count).toBeGreaterThanOrEqual(lo);
  expect(count).toBeLessThanOrEqual(hi);
}

function expectWithin(name: string, value: number, target: number, tolerance: number): void {
  report(name, value, `${Number(target.toPrecision(4))} +- ${tolerance.toPrecision(3)}`);
  expect(Math.abs(value - target)).toBeLessThanOrEqual(tolerance);
}

/** s^2 of n standard normals is chi2(n - 1) / (n - 1): exact region. */
function expectVariance(name: string, s2: number, n: number): void {
  const { lo, hi } = varianceAcceptance(n, 1, 3);
  report(name, s2, `[${lo.toPrecision(6)}, ${hi.toPrecision(6)}]`);
  expect(s2).toBeGreaterThanOrEqual(lo);
  expect(s2).toBeLessThanOrEqual(hi);
}

function expectKs(name: string, sample: Float64Array, cdf: (x: number) => number): void {
  sample.sort();
  const d = ksStatistic(sample, cdf);
  const bound = ksCritical(sample.length);
  report(`${name} KS D`, d, bound);
  expect(d).toBeLessThanOrEqual(bound);
}

describe('normal weights are N(loc, scale^2)', () => {
  it('1e7 weights of N(0.5, 2^2): moments, tails, sign, KS', () => {
    const z = standardised(0.5, 2, 31337, 100, 100_000);
    const n = z.length;
    const zBound = twoSidedZ();
    const m = sampleMoments(z);
    expectWithin('normal mean (z units)', m.mean, 0, zBound / Math.sqrt(n));
    expectVariance('normal variance (z units)', (m.m2 * n) / (n - 1), n);
    const skewSd = Math.sqrt((6 * (n - 2)) / ((n + 1) * (n + 3)));
    expectWithin('normal skewness', m.m3 / m.m2 ** 1.5, 0, zBound * skewSd);
    const kurtSd = Math.sqrt((24 * n * (n - 1) ** 2) / ((n - 3) * (n - 2) * (n + 3) * (n + 5)));
    expectWithin('normal excess kurtosis', m.m4 / (m.m2 * m.m2) - 3, -6 / (n + 1), zBound * kurtSd);

    let positive = 0;
    let zeros = 0;
    let largest = 0;
    const beyond = [3, 4, 4.5].map((t) => ({ t, count: 0 }));
    for (const v of z) {
      if (v > 0) positive++;
      else if (v === 0) zeros++;
      const a = Math.abs(v);
      largest = Math.max(largest, a);
      for (const b of beyond) if (a > b.t) b.count++;
    }
    expectBinomial('normal positive signs', positive, n - zeros, 0.5);
    for (const b of beyond) expectBinomial(`normal |z| > ${b.t}`, b.count, n, 2 * normalSf(b.t));
    // P(max |z| <= t) = (1 - 2 Q(t))^n: both ends of the acceptance region at ALPHA / 2.
    const lowest = normalUpperQuantile(-Math.expm1(Math.log(ALPHA / 2) / n) / 2);
    const highest = normalUpperQuantile(ALPHA / 2 / n / 2);
    report(`normal largest |z| of ${n}`, largest, `[${lowest.toFixed(4)}, ${highest.toFixed(4)}]`);
    expect(largest).toBeGreaterThan(lowest);
    expect(largest).toBeLessThanOrEqual(highest);

    expectKs('normal N(0.5, 4)', z, normalCdfFast);
  });

  it('negative scale: 1e6 weights of loc -3, scale -0.25 are N(-3, 0.0625)', () => {
    const z = standardised(-3, -0.25, 99, 10, 100_000);
    const n = z.length;
    const m = sampleMoments(z);
    expectWithin('normal(-3, -0.25) mean (z units)', m.mean, 0, twoSidedZ() / Math.sqrt(n));
    expectVariance('normal(-3, -0.25) variance (z units)', (m.m2 * n) / (n - 1), n);
    expectKs('normal(-3, -0.25)', z, normalCdfFast);
  });

  it('the ziggurat tail beyond r is the normal tail, out past 5.5 sigma', () => {
    // A first word in layer 0 with the largest magnitude always enters the tail algorithm; the
    // variates it returns must follow P(Z > x | Z > r) = Q(x) / Q(r).
    const r = ZIGGURAT.w[127]! * 2 ** 24;
    expect(ZIGGURAT.k[0]!).toBeLessThanOrEqual(0xffffff);
    const generator = new Xoshiro128pp(streamState(0x7a11, 0, 1, 2, STREAM_WEIGHT));
    const n = 1_000_000;
    const tail = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let first = true;
      tail[i] = standardNormal(() => {
        if (!first) return generator.next();
        first = false;
        return 0xffffff00; // layer 0, sign +, magnitude 2^24 - 1
      });
    }
    const qr = normalSf(r);
    expect(tail.every((x) => x >= r)).toBe(true);
    for (const t of [4.5, 5, 5.5]) {
      const count = tail.reduce((c, x) => (x > t ? c + 1 : c), 0);
      expectBinomial(`tail of 1e6 beyond r=${r.toFixed(4)}: z > ${t}`, count, n, normalSf(t) / qr);
    }
    expectKs('tail beyond r', tail, (x) => 1 - normalSf(x) / qr);
  });
});
