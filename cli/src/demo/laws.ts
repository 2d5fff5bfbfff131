import type { ReferenceLaw } from '../plot/weights.js';

/** Error function, Abramowitz & Stegun 7.1.26 (absolute error under 1.5e-7: invisible on a plot). */
function erf(x: number): number {
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const poly =
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t;
  const y = 1 - poly * Math.exp(-x * x);
  return x >= 0 ? y : -y;
}

/** N(mean, sd^2), for drawing over sampled weights. */
export function normalLaw(mean: number, sd: number, label: string): ReferenceLaw {
  return {
    label,
    density: (x) => Math.exp(-(((x - mean) / sd) ** 2) / 2) / (sd * Math.sqrt(2 * Math.PI)),
    cdf: (x) => 0.5 * (1 + erf((x - mean) / (sd * Math.SQRT2))),
  };
}

/** U[low, high), for drawing over sampled weights. */
export function uniformLaw(low: number, high: number, label: string): ReferenceLaw {
  return {
    label,
    density: (x) => (x >= low && x < high ? 1 / (high - low) : 0),
    cdf: (x) => Math.min(1, Math.max(0, (x - low) / (high - low))),
  };
}
