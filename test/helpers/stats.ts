/**
 * Test-side statistics: distribution functions, quantiles and test statistics for the statistical
 * suite (test/definition/statistics). Plain double arithmetic; Math.log/exp are fine here, this is not
 * the definition. Checked against tabulated values in test/definition/statistics/helpers.test.ts.
 */

/** False-failure rate of each statistical assertion (two-sided where the test is two-sided). */
export const ALPHA = 1e-6;

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** log Gamma(x) for x > 0 (Lanczos, g = 7: about 15 significant digits). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const y = x - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i]! / (y + i);
  const t = y + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Series for P(a, x), good for x < a + 1. */
function gammaSeries(a: number, x: number): number {
  let term = 1 / a;
  let sum = term;
  for (let n = 1; n < 1_000_000; n++) {
    term *= x / (a + n);
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * 1e-17) break;
  }
  return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
}

/** Continued fraction (modified Lentz) for Q(a, x), good for x >= a + 1. */
function gammaFraction(a: number, x: number): number {
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1_000_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
}

/** Regularized lower incomplete gamma P(a, x). */
export function gammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  return x < a + 1 ? gammaSeries(a, x) : 1 - gammaFraction(a, x);
}

/** Regularized upper incomplete gamma Q(a, x) = 1 - P(a, x), accurate deep in the tail. */
export function gammaQ(a: number, x: number): number {
  if (x <= 0) return 1;
  return x < a + 1 ? 1 - gammaSeries(a, x) : gammaFraction(a, x);
}

/** P(Z > x) for a standard normal Z, with full relative accuracy in both tails. */
export function normalSf(x: number): number {
  const half = 0.5 * gammaQ(0.5, 0.5 * x * x);
  return x >= 0 ? half : 1 - half;
}

/** P(Z <= x) for a standard normal Z. */
export function normalCdf(x: number): number {
  return normalSf(-x);
}

/**
 * P(Z <= x), fast, absolute error a few 1e-15 (Marsaglia 2004, Taylor series of the integral;
 * helpers.test.ts holds it within 1e-14 of normalCdf);
 * for the KS test, which needs many evaluations and only absolute accuracy.
 */
export function normalCdfFast(x: number): number {
  if (x < -9) return 0;
  if (x > 9) return 1;
  const q = x * x;
  let sum = x;
  let term = x;
  let previous = 0;
  for (let i = 1; sum !== previous;) {
    previous = sum;
    i += 2;
    term *= q / i;
    sum = previous + term;
  }
  return 0.5 + sum * Math.exp(-0.5 * q - 0.9189385332046727 /* log(sqrt(2 pi)) */);
}

/** Solve decreasing f(x) = target on [lo, hi] by bisection (f monotone, bracketed). */
function solveDecreasing(f: (x: number) => number, target: number, lo: number, hi: number): number {
  for (let i = 0; i < 200; i++) {
    const mid = 0.5 * (lo + hi);
    if (f(mid) > target) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/** The x with P(Z > x) = upper, for upper in (0, 1). */
export function normalUpperQuantile(upper: number): number {
  return solveDecreasing(normalSf, upper, -40, 40);
}

/** The two-sided normal bound z with P(|Z| > z) = alpha (4.8916 for alpha = 1e-6). */
export function twoSidedZ(alpha: number = ALPHA): number {
  return normalUpperQuantile(alpha / 2);
}

/** P(X > x) for X chi-square with df degrees of freedom. */
export function chiSquareSf(x: number, df: number): number {
  return gammaQ(0.5 * df, 0.5 * x);
}

/** The x with P(X > x) = upper for X chi-square with df degrees of freedom. */
export function chiSquareUpperQuantile(upper: number, df: number): number {
  let hi = df + 10;
  while (chiSquareSf(hi, df) > upper) hi *= 2;
  return solveDecreasing((x) => chiSquareSf(x, df), upper, 0, hi);
}

/** The x with P(X <= x) = lower for X chi-square with df degrees of freedom. */
export function chiSquareLowerQuantile(lower: number, df: number): number {
  return solveDecreasing((x) => chiSquareSf(x, df), 1 - lower, 0, chiSquareUpperQuantile(lower, df));
}

/** Stirling's error log(n!) - log(sqrt(2 pi n) (n / e)^n) (Loader 2000). */
function stirlingError(n: number): number {
  if (n > 15) {
    const n2 = n * n;
    return (1 / 12 - (1 / 360 - (1 / 1260 - (1 / 1680 - 1 / (1188 * n2)) / n2) / n2) / n2) / n;
  }
  return logGamma(n + 1) - (n + 0.5) * Math.log(n) + n - 0.5 * Math.log(2 * Math.PI);
}

/** x log(x / m) + m - x, computed without cancellation when x is near m (Loader 2000). */
function deviance(x: number, m: number): number {
  if (Math.abs(x - m) < 0.1 * (x + m)) {
    const v = (x - m) / (x + m);
    let s = (x - m) * v;
    let ej = 2 * x * v;
    for (let j = 1; j < 1000; j++) {
      ej *= v * v;
      const next = s + ej / (2 * j + 1);
      if (next === s) return s;
      s = next;
    }
    return s;
  }
  return x * Math.log(x / m) + m - x;
}

/** P(X = k) for X ~ Binomial(n, p), accurate for n up to 2^53 (Loader's saddle-point form). */
export function binomialPmf(k: number, n: number, p: number): number {
  if (k < 0 || k > n) return 0;
  if (p === 0) return k === 0 ? 1 : 0;
  if (p === 1) return k === n ? 1 : 0;
  if (k === 0) return Math.exp(n * Math.log1p(-p));
  if (k === n) return Math.exp(n * Math.log(p));
  const q = 1 - p;
  const log =
    stirlingError(n) - stirlingError(k) - stirlingError(n - k) - deviance(k, n * p) - deviance(n - k, n * q);
  return Math.exp(log) * Math.sqrt(n / (2 * Math.PI * k * (n - k)));
}

/** A range of k outside which Binomial(n, p) has negligible mass (below 1e-40). */
function binomialWindow(n: number, p: number): [number, number] {
  const mean = n * p;
  const sd = Math.sqrt(n * p * (1 - p));
  const lo = Math.max(0, Math.floor(mean - 16 * sd - 40));
  const hi = Math.min(n, Math.ceil(mean + 16 * sd + 60));
  return [lo, hi];
}

/**
 * Exact acceptance region [lo, hi] for X ~ Binomial(n, p): P(X < lo) <= alpha / 2 and
 * P(X > hi) <= alpha / 2, so P(X outside) <= alpha.
 */
export function binomialAcceptance(n: number, p: number, alpha: number = ALPHA): { lo: number; hi: number } {
  if (p === 0) return { lo: 0, hi: 0 };
  if (p === 1) return { lo: n, hi: n };
  const [wlo, whi] = binomialWindow(n, p);
  let lo = wlo;
  let below = 0; // P(X < lo)
  while (lo < whi && below + binomialPmf(lo, n, p) <= alpha / 2) below += binomialPmf(lo++, n, p);
  let hi = whi;
  let above = 0; // P(X > hi)
  while (hi > wlo && above + binomialPmf(hi, n, p) <= alpha / 2) above += binomialPmf(hi--, n, p);
  return { lo, hi };
}

/** P(sqrt(n) D > x) in the limit n -> infinity (Kolmogorov's distribution). */
export function kolmogorovSf(x: number): number {
  if (x < 0.2) return 1;
  let sum = 0;
  for (let k = 1; k < 100; k++) {
    const term = Math.exp(-2 * k * k * x * x);
    sum += (k % 2 === 1 ? 2 : -2) * term;
    if (term < 1e-18) break;
  }
  return Math.min(1, Math.max(0, sum));
}

/**
 * Critical value of the one-sample KS statistic D for n draws at level alpha, with Stephens'
 * finite-n correction D * (sqrt(n) + 0.12 + 0.11 / sqrt(n)) ~ Kolmogorov (accurate for n >= 35).
 */
export function ksCritical(n: number, alpha: number = ALPHA): number {
  const x = solveDecreasing(kolmogorovSf, alpha, 0.2, 10);
  const root = Math.sqrt(n);
  return x / (root + 0.12 + 0.11 / root);
}

/** One-sample KS statistic sup |F_n - F| of a sorted sample against a continuous CDF. */
export function ksStatistic(sorted: ArrayLike<number>, cdf: (x: number) => number): number {
  const n = sorted.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(sorted[i]!);
    d = Math.max(d, f - i / n, (i + 1) / n - f);
  }
  return d;
}

export interface ChiSquareResult {
  /** Pearson's statistic over the merged bins. */
  statistic: number;
  /** Degrees of freedom: merged bins - 1. */
  df: number;
  /** The chi-square quantile at 1 - alpha. */
  bound: number;
}

/**
 * Pearson's chi-square goodness of fit of `observed[i]` against `total * probs[i]`, after merging
 * neighbouring categories until every expected count is at least `minExpected` (so the
 * chi-square law of the statistic holds well out to the 1 - alpha quantile).
 */
export function chiSquareTest(
  observed: ArrayLike<number>,
  probs: ArrayLike<number>,
  minExpected = 20,
  alpha: number = ALPHA,
): ChiSquareResult {
  let total = 0;
  for (let i = 0; i < observed.length; i++) total += observed[i]!;
  const bins: { o: number; e: number }[] = [];
  let o = 0;
  let e = 0;
  for (let i = 0; i < probs.length; i++) {
    o += observed[i]!;
    e += total * probs[i]!;
    if (e >= minExpected) {
      bins.push({ o, e });
      o = 0;
      e = 0;
    }
  }
  if (e > 0 || o > 0) {
    const last = bins.pop() ?? { o: 0, e: 0 };
    bins.push({ o: last.o + o, e: last.e + e });
  }
  let statistic = 0;
  for (const bin of bins) statistic += ((bin.o - bin.e) * (bin.o - bin.e)) / bin.e;
  const df = bins.length - 1;
  return { statistic, df, bound: chiSquareUpperQuantile(alpha, df) };
}

/**
 * Probabilities of Binomial(n, p) as categories 0..n, the first holding all of P(X <= lo) and the
 * last all of P(X >= hi) for the negligible-mass window [lo, hi]; returns them with the offset lo.
 */
export function binomialCategories(n: number, p: number): { offset: number; probs: Float64Array } {
  const [lo, hi] = binomialWindow(n, p);
  const probs = new Float64Array(hi - lo + 1);
  let sum = 0;
  for (let k = lo; k <= hi; k++) sum += probs[k - lo] = binomialPmf(k, n, p);
  probs[0]! += Math.max(0, 1 - sum); // the outside mass (below 1e-40) joins the first category
  return { offset: lo, probs };
}

/**
 * Probabilities of the geometric law P(G = g) = p q^g as categories g = 0 .. size - 2, the last
 * category holding the tail P(G >= size - 1) = q^(size - 1).
 */
export function geometricProbs(p: number, size: number): Float64Array {
  const q = 1 - p;
  const probs = new Float64Array(size);
  for (let g = 0; g < size - 1; g++) probs[g] = p * Math.pow(q, g);
  probs[size - 1] = Math.pow(q, size - 1);
  return probs;
}

/** Histogram of integer values into the categories of binomialCategories (clamped to its ends). */
export function categorise(values: ArrayLike<number>, offset: number, size: number): Float64Array {
  const counts = new Float64Array(size);
  for (let i = 0; i < values.length; i++) {
    const k = Math.min(size - 1, Math.max(0, values[i]! - offset));
    counts[k]! += 1;
  }
  return counts;
}

/** Sample mean and central moments m2..m4 (divisor n), two-pass. */
export function sampleMoments(values: ArrayLike<number>): {
  n: number;
  mean: number;
  m2: number;
  m3: number;
  m4: number;
} {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  const mean = sum / n;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i]! - mean;
    const d2 = d * d;
    m2 += d2;
    m3 += d2 * d;
    m4 += d2 * d2;
  }
  return { n, mean, m2: m2 / n, m3: m3 / n, m4: m4 / n };
}

/** Unbiased sample variance. */
export function sampleVariance(values: ArrayLike<number>): number {
  const m = sampleMoments(values);
  return (m.m2 * m.n) / (m.n - 1);
}

/**
 * Standard deviation of the unbiased sample variance of n iid draws with variance mu2 and
 * fourth central moment mu4: Var(s^2) = mu4 / n - mu2^2 (n - 3) / (n (n - 1)).
 */
export function sampleVarianceSd(n: number, mu2: number, mu4: number): number {
  return Math.sqrt(mu4 / n - (mu2 * mu2 * (n - 3)) / (n * (n - 1)));
}

/**
 * Acceptance region for the unbiased sample variance s^2 of n iid draws with variance mu2 and
 * fourth central moment mu4: s^2 ~ mu2 chi2(nu) / nu with nu = 2 mu2^2 / Var(s^2), which matches
 * the mean and the variance of s^2 (and is exact for normal data, nu = n - 1), so the region keeps
 * the skew of s^2 that a symmetric normal bound would miss in its upper tail for small n.
 */
export function varianceAcceptance(
  n: number,
  mu2: number,
  mu4: number,
  alpha: number = ALPHA,
): { lo: number; hi: number; nu: number } {
  const sd = sampleVarianceSd(n, mu2, mu4);
  const nu = (2 * mu2 * mu2) / (sd * sd);
  const lo = (mu2 * chiSquareLowerQuantile(alpha / 2, nu)) / nu;
  const hi = (mu2 * chiSquareUpperQuantile(alpha / 2, nu)) / nu;
  return { lo, hi, nu };
}

/** Fourth central moment of Binomial(n, p): n p q (1 + 3 p q (n - 2)). */
export function binomialMu4(n: number, p: number): number {
  const pq = p * (1 - p);
  return n * pq * (1 + 3 * pq * (n - 2));
}

/** Streaming Pearson correlation of pairs (x, y), with running means (Welford) for accuracy. */
export class Correlation {
  n = 0;
  private meanX = 0;
  private meanY = 0;
  private cxx = 0;
  private cyy = 0;
  private cxy = 0;

  add(x: number, y: number): void {
    this.n++;
    const dx = x - this.meanX;
    this.meanX += dx / this.n;
    const dy = y - this.meanY;
    this.meanY += dy / this.n;
    this.cxx += dx * (x - this.meanX);
    this.cyy += dy * (y - this.meanY);
    this.cxy += dx * (y - this.meanY);
  }

  /** The sample correlation coefficient. */
  r(): number {
    return this.cxy / Math.sqrt(this.cxx * this.cyy);
  }
}

/**
 * Bound on |r| for n independent pairs: sqrt(n) r is asymptotically standard normal, so
 * P(|r| > z / sqrt(n)) ~ alpha with the two-sided normal z (4.89 / sqrt(n) for alpha = 1e-6).
 */
export function correlationBound(n: number, alpha: number = ALPHA): number {
  return twoSidedZ(alpha) / Math.sqrt(n);
}

/** One line of the suite's log: the statistic, its bound, and the case. */
export function report(name: string, statistic: number, bound: string | number): void {
  const show = (v: number): string => (Number.isInteger(v) ? String(v) : v.toPrecision(5));
  const b = typeof bound === 'number' ? show(bound) : bound;
  console.log(`${name}: ${show(statistic)} vs ${b}`);
}
