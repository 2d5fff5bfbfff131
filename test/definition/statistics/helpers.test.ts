/**
 * The statistics helpers against tabulated values and closed forms, so that a wrong quantile cannot
 * silently weaken (or break) the statistical suite. Deterministic: no false failures.
 */
import { describe, expect, it } from 'vitest';
import {
  binomialAcceptance,
  binomialCategories,
  binomialPmf,
  Correlation,
  chiSquareSf,
  chiSquareLowerQuantile,
  chiSquareTest,
  chiSquareUpperQuantile,
  gammaP,
  gammaQ,
  kolmogorovSf,
  ksCritical,
  logGamma,
  normalCdf,
  normalCdfFast,
  normalSf,
  twoSidedZ,
  varianceAcceptance,
} from '../../helpers/stats.js';

describe('statistics helpers', () => {
  it('logGamma matches factorials', () => {
    let logFactorial = 0;
    for (let n = 1; n <= 170; n++) {
      expect(logGamma(n)).toBeCloseTo(logFactorial, 10);
      logFactorial += Math.log(n);
    }
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
  });

  it('normal tail probabilities match tables', () => {
    // Values from Abramowitz & Stegun 26.2 / R's pnorm(lower = FALSE).
    expect(normalSf(0)).toBeCloseTo(0.5, 15);
    expect(normalSf(1.959963984540054) / 0.025).toBeCloseTo(1, 12);
    expect(normalSf(3) / 1.349898031630095e-3).toBeCloseTo(1, 12);
    expect(normalSf(4) / 3.167124183311992e-5).toBeCloseTo(1, 12);
    expect(normalSf(4.5) / 3.397673124730062e-6).toBeCloseTo(1, 12);
    expect(normalSf(6) / 9.865876450376946e-10).toBeCloseTo(1, 11);
    expect(normalCdf(-3) / 1.349898031630095e-3).toBeCloseTo(1, 12);
    expect(twoSidedZ(1e-6)).toBeCloseTo(4.891638475698, 9);
    expect(twoSidedZ(0.05)).toBeCloseTo(1.95996398454, 9);
  });

  it('the fast normal CDF agrees with the accurate one to 1e-14', () => {
    let worst = 0;
    for (let x = -9; x <= 9; x += 0.001) worst = Math.max(worst, Math.abs(normalCdfFast(x) - normalCdf(x)));
    expect(worst).toBeLessThan(1e-14);
  });

  it('incomplete gamma: P + Q = 1 and the exponential case', () => {
    for (const [a, x] of [
      [0.5, 0.1],
      [3, 2],
      [50, 60],
      [2500, 2400],
    ] as const) {
      expect(gammaP(a, x) + gammaQ(a, x)).toBeCloseTo(1, 14);
    }
    expect(gammaQ(1, 7)).toBeCloseTo(Math.exp(-7), 15);
  });

  it('chi-square quantiles match closed forms and tables', () => {
    // df = 2: P(X > x) = exp(-x / 2); df = 1: X = Z^2.
    expect(chiSquareUpperQuantile(1e-6, 2)).toBeCloseTo(-2 * Math.log(1e-6), 8);
    expect(chiSquareUpperQuantile(1e-6, 1)).toBeCloseTo(twoSidedZ(1e-6) ** 2, 8);
    // df = 4: P(X > x) = exp(-x / 2) (1 + x / 2).
    const x4 = chiSquareUpperQuantile(1e-6, 4);
    expect(Math.exp(-x4 / 2) * (1 + x4 / 2)).toBeCloseTo(1e-6, 14);
    // Tables: chi2(0.95, 10) = 18.307038, chi2(0.999, 100) = 149.449252.
    expect(chiSquareUpperQuantile(0.05, 10)).toBeCloseTo(18.307038, 5);
    expect(chiSquareUpperQuantile(0.001, 100)).toBeCloseTo(149.449252, 5);
    expect(chiSquareSf(149.449252, 100)).toBeCloseTo(0.001, 8);
  });

  it('binomial pmf sums to 1 and matches direct products', () => {
    let sum = 0;
    for (let k = 0; k <= 1000; k++) sum += binomialPmf(k, 1000, 0.3);
    expect(sum).toBeCloseTo(1, 12);
    // C(10, 3) 0.2^3 0.8^7
    expect(binomialPmf(3, 10, 0.2) / (120 * 0.008 * 0.8 ** 7)).toBeCloseTo(1, 13);
    // Large n: compare with the recursion pmf(k+1) = pmf(k) (n-k)/(k+1) p/q from a central value.
    const n = 1e9;
    const p = 0.15;
    const k0 = 150_000_000;
    let pmf = binomialPmf(k0, n, p);
    for (let k = k0; k < k0 + 50_000; k++) pmf *= ((n - k) / (k + 1)) * (p / (1 - p));
    expect(binomialPmf(k0 + 50_000, n, p) / pmf).toBeCloseTo(1, 8);
  });

  it('binomial acceptance regions are exact tails', () => {
    const n = 200;
    const p = 0.3;
    const alpha = 1e-3;
    const { lo, hi } = binomialAcceptance(n, p, alpha);
    let below = 0;
    for (let k = 0; k < lo; k++) below += binomialPmf(k, n, p);
    let above = 0;
    for (let k = hi + 1; k <= n; k++) above += binomialPmf(k, n, p);
    expect(below).toBeLessThanOrEqual(alpha / 2);
    expect(below + binomialPmf(lo, n, p)).toBeGreaterThan(alpha / 2);
    expect(above).toBeLessThanOrEqual(alpha / 2);
    expect(above + binomialPmf(hi, n, p)).toBeGreaterThan(alpha / 2);
    expect(binomialAcceptance(10, 0)).toEqual({ lo: 0, hi: 0 });
    expect(binomialAcceptance(10, 1)).toEqual({ lo: 10, hi: 10 });
  });

  it('binomial categories hold the whole mass', () => {
    const { offset, probs } = binomialCategories(100_000, 0.01);
    expect(offset).toBeGreaterThan(0);
    expect(probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('Kolmogorov distribution and KS critical values match tables', () => {
    expect(kolmogorovSf(1.3580986)).toBeCloseTo(0.05, 6);
    expect(kolmogorovSf(1.6276236)).toBeCloseTo(0.01, 6);
    // Large n: D_crit ~ x / sqrt(n); alpha = 1e-6 gives x = 2.6934 (leading term 2 exp(-2 x^2)).
    expect(ksCritical(1e8, 1e-6) * 1e4).toBeCloseTo(Math.sqrt(Math.log(2e6) / 2), 3);
  });

  it('chi-square test merges sparse categories and detects a wrong law', () => {
    const probs = [0.5, 0.25, 0.125, 0.0625, 0.0625];
    const fair = chiSquareTest([5000, 2500, 1250, 625, 625], probs);
    expect(fair.statistic).toBe(0);
    expect(fair.df).toBe(4);
    const biased = chiSquareTest([5600, 2200, 1100, 550, 550], probs);
    expect(biased.statistic).toBeGreaterThan(biased.bound);
    const sparse = chiSquareTest([10, 5, 3, 1, 1], probs, 5);
    expect(sparse.df).toBe(2); // {0}, {1}, {2, 3, 4}
  });

  it('streaming correlation matches the two-pass formula, also with large offsets', () => {
    const xs = Array.from({ length: 1000 }, (_, i) => 1e6 + i);
    const ys = xs.map((x, i) => 0.5 * x + Math.sin(i));
    const c = new Correlation();
    xs.forEach((x, i) => c.add(x, ys[i]!));
    const mx = xs.reduce((a, b) => a + b) / xs.length;
    const my = ys.reduce((a, b) => a + b) / ys.length;
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    xs.forEach((x, i) => {
      sxy += (x - mx) * (ys[i]! - my);
      sxx += (x - mx) ** 2;
      syy += (ys[i]! - my) ** 2;
    });
    expect(c.n).toBe(1000);
    expect(c.r()).toBeCloseTo(sxy / Math.sqrt(sxx * syy), 12);
  });

  it('chi-square lower quantiles and variance regions', () => {
    // df = 2: P(X <= x) = 1 - exp(-x / 2).
    expect(chiSquareLowerQuantile(1e-3, 2)).toBeCloseTo(-2 * Math.log(1 - 1e-3), 10);
    // Table: chi2(0.001, 100) = 61.917939.
    expect(chiSquareLowerQuantile(0.001, 100)).toBeCloseTo(61.917939, 5);
    // Normal data: s^2 ~ chi2(n - 1) / (n - 1), nu = n - 1.
    const normal = varianceAcceptance(101, 1, 3, 0.002);
    expect(normal.nu).toBeCloseTo(100, 8);
    expect(normal.lo).toBeCloseTo(61.917939 / 100, 7);
    expect(normal.hi).toBeCloseTo(149.449252 / 100, 7);
    // Large n approaches the symmetric normal bound.
    const big = varianceAcceptance(1e7, 1, 3);
    const half = twoSidedZ() * Math.sqrt(2 / (1e7 - 1));
    expect((big.hi - big.lo) / (2 * half)).toBeCloseTo(1, 3);
  });
});
