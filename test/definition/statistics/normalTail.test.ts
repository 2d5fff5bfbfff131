/**
 * The normal law is not truncated at 6 sigma, nor at 9 (docs/definition.md sections 8 and 13):
 * the ziggurat's tail path, fed chosen words, realises the normal tail's mass out to 9 sigma.
 *
 * The tail path starts at a first word in layer 0 with a magnitude >= k[0], and then draws pairs
 * of words (w1, w2) until one is accepted: x = -detLog((w1 + 1) 2^-32) / r, y =
 * -detLog((w2 + 1) 2^-32), accepted when 2 y >= x^2, returning r + x. With w2 = 0 every pair is
 * accepted (2 * 32 ln 2 = 44.4 > (32 ln 2 / r)^2 = 41.5), so z(w1) = r + x(w1) is read off exactly.
 *
 * Exact part (no false failures). For t = 6, 7, 8, 9, let W be the largest w1 with z(w1) > t,
 * and c(w1) the number of words w2 the definition accepts with w1 (a prefix 0 .. c - 1, detLog
 * being monotone: estimated as 2^32 exp(-x^2 / 2) and settled by asking the definition at the
 * edge). S(t) = 2^-64 sum_{w1 <= W} c(w1) is the exact probability that one pair is accepted with
 * a variate above t. With u = (w1 + 1) 2^-32 and a(u) = exp(-(ln u)^2 / (2 r^2)), S(t) is a
 * right-endpoint Riemann sum of the increasing a over (0, U], U = exp(-r (t - r)), whose
 * integral is I(t) = r exp(r^2 / 2) sqrt(2 pi) Q(t); so I(t) / I(r) = Q(t) / Q(r), the normal
 * tail. The sum's error is at most 2^-32 a(U) (Riemann) + 2^-32 a(U) (U between two words) +
 * 2 (W + 1) 2^-64 (c within 2 of 2^32 a(u), detLog within an ulp): asserted as
 * |S(t) - I(t)| <= 2^-32 (3 a(U) + 3 U), about 8e-6 relative at 6 sigma and 0.4 at 9 sigma.
 * The tail path is entered with probability (1 - k[0] / 2^24) / 128 per word: the normal tail's
 * share sqrt(2 pi) Q(r) / v of the base strip, to within 2^-24.
 *
 * Statistical part: 5e5 tail variates with every w1 drawn uniformly from 0 .. W(5), which is
 * the tail law conditioned on Z > 5: counts beyond 5.5, 6 and 6.5 against Binomial(n, Q(t) / Q(5))
 * (exact regions; about 3,400 and 70 expected beyond 6 and 6.5), and KS against
 * 1 - Q(x) / Q(5) (Kolmogorov limit, Stephens' correction): ALPHA = 1e-6 each, 4 assertions,
 * about 4e-6 for the file.
 */
import { describe, expect, it } from 'vitest';
import { STREAM_WEIGHT } from '../../../src/definition/constants.js';
import { streamState } from '../../../src/definition/streamKey.js';
import { standardNormal, ZIGGURAT } from '../../../src/definition/weights/ziggurat.js';
import { Xoshiro128pp } from '../../../src/definition/xoshiro128pp.js';
import { binomialAcceptance, ksCritical, ksStatistic, normalSf, report } from '../../helpers/stats.js';

const TWO_32 = 4294967296;
const R = ZIGGURAT.w[127]! * 2 ** 24; // the tail start r, exactly
const V = 9.91256303526217e-3; // the layer area v (docs/definition.md section 8)
const TAIL_WORD = 0xffffff00; // layer 0, sign +, magnitude 2^24 - 1 >= k[0]

/** The definition's variate from the tail path with the pair (w1, w2), and whether that pair was accepted. */
function tailPair(w1: number, w2: number): { z: number; accepted: boolean } {
  const words = [TAIL_WORD, w1, w2, 0, 0]; // a rejected pair falls through to (0, 0), which is accepted
  let used = 0;
  const z = standardNormal(() => words[used++]!);
  return { z, accepted: used === 3 };
}

/** z(w1): the variate of w1 with w2 = 0 (always accepted). */
const variate = (w1: number): number => tailPair(w1, 0).z;

/** The largest w1 with z(w1) > t (z decreases with w1). */
function lastAbove(t: number): number {
  let lo = 0; // z(lo) > t
  let hi = TWO_32 - 1;
  expect(variate(lo)).toBeGreaterThan(t);
  expect(variate(hi)).toBeLessThanOrEqual(t);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (variate(mid) > t) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** How many w2 the definition accepts with w1: the edge c of the accepted prefix 0 .. c - 1. */
function acceptedCount(w1: number, x: number): number {
  let c = Math.min(TWO_32, Math.floor(TWO_32 * Math.exp(-0.5 * x * x)));
  while (c < TWO_32 && tailPair(w1, c).accepted) c++;
  while (c > 0 && !tailPair(w1, c - 1).accepted) c--;
  return c;
}

describe('the normal tail beyond r is realised exactly, out to 9 sigma', () => {
  it('the tail path is entered with the normal tail share of the base strip', () => {
    const entered = 1 - ZIGGURAT.k[0]! / 2 ** 24;
    const share = (Math.sqrt(2 * Math.PI) * normalSf(R)) / V;
    report('tail share of the base strip: 1 - k[0] / 2^24', entered, `${share} +- 2^-24`);
    expect(Math.abs(entered - share)).toBeLessThanOrEqual(2 ** -24);
  });

  it('S(t) = P(an accepted pair above t), summed over every word, is the normal tail for t = 6 .. 9', () => {
    const levels = [6, 7, 8, 9];
    const last = levels.map(lastAbove);
    const counts = levels.map(() => 0);
    for (let w1 = 0; w1 <= last[0]!; w1++) {
      const c = acceptedCount(w1, variate(w1) - R);
      for (let i = 0; i < levels.length; i++) if (w1 <= last[i]!) counts[i]! += c;
    }
    levels.forEach((t, i) => {
      const s = counts[i]! / TWO_32 / TWO_32;
      const exact = R * Math.exp(0.5 * R * R) * Math.sqrt(2 * Math.PI) * normalSf(t);
      const u = Math.exp(-R * (t - R));
      const a = Math.exp(-0.5 * (t - R) * (t - R));
      const bound = (3 * a + 3 * u) / TWO_32;
      report(
        `tail pairs above ${t} (${last[i]! + 1} words w1): S`,
        s,
        `${exact.toPrecision(8)} +- ${bound.toPrecision(3)}`,
      );
      expect(Math.abs(s - exact)).toBeLessThanOrEqual(bound);
    });
  });
});

describe('the tail conditioned on Z > 5 is the normal tail', () => {
  it('5e5 variates with w1 uniform on 0 .. W(5): counts beyond 5.5, 6, 6.5 and KS', () => {
    const last = lastAbove(5);
    const bits = Math.ceil(Math.log2(last + 1));
    const generator = new Xoshiro128pp(streamState(0x7a11, 5, 3, 0, STREAM_WEIGHT));
    const n = 500_000;
    const sample = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let call = 0;
      sample[i] = standardNormal(() => {
        call++;
        if (call === 1) return TAIL_WORD;
        if (call % 2 === 1) return generator.next(); // w2
        for (;;) {
          const w1 = generator.next() >>> (32 - bits); // uniform on 0 .. 2^bits - 1, then rejection
          if (w1 <= last) return w1;
        }
      });
    }
    expect(sample.every((z) => z > 5)).toBe(true);
    const q5 = normalSf(5);
    for (const t of [5.5, 6, 6.5]) {
      const count = sample.reduce((c, z) => (z > t ? c + 1 : c), 0);
      const { lo, hi } = binomialAcceptance(n, normalSf(t) / q5);
      report(`tail beyond 5: z > ${t}`, count, `[${lo}, ${hi}]`);
      expect(count).toBeGreaterThanOrEqual(lo);
      expect(count).toBeLessThanOrEqual(hi);
    }
    sample.sort();
    const d = ksStatistic(sample, (x) => 1 - normalSf(x) / q5);
    report('tail beyond 5 KS D', d, ksCritical(n));
    expect(d).toBeLessThanOrEqual(ksCritical(n));
  });
});
