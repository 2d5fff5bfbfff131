// Gaps G(U) = #{g : U <= limits[g-1]} (src/definition/gapTable.ts), four lanes at once.
//
// A float32 logarithm estimates e ~ log(U / 2^32) / log(1 - p) - 1, which is G or G - 1 whenever
// the estimate is within 1/2 of the exact value; three table entries around e then decide between
// the two and check the assumption, so the result is always exact: lanes that fail the check
// (rounding near a threshold, tiny U, tiny p) take the binary search of the definition.
//
// The padded table P has P[0] = 0xffffffff (T[0] = 2^32: every U passes), P[g] = limits[g-1] for
// g = 1..len, then four zeros, so P[e], P[e+1], P[e+2] are readable for every e in [0, len].
import { GAP_FIX_GAPS, GAP_FIX_GOOD, GAP_FIX_WORD } from './abi.generated';

const LOG2_SCALE: f32 = 2.885390081777927; // 2 / ln 2: log2(m) = LOG2_SCALE * atanh-series of s
const C3: f32 = 0.9617966939259756; // LOG2_SCALE / 3
const C5: f32 = 0.5770780163555854; // LOG2_SCALE / 5
const C7: f32 = 0.41219858311113244; // LOG2_SCALE / 7
const SQRT_HALF_BITS: i32 = 0x3f3504f3;
const ROUND_MAGIC: f32 = 8388608.0; // 2^23: adding it rounds a float in [0, 2^22] to an integer
const ROUND_MAGIC_BITS: i32 = 0x4b000000;

/** The estimate e in [0, len] for four words u; inv = 1 / log2(1 - p), lenF = len as f32. */
// @ts-ignore: decorator
@inline export function estimateGaps(u: v128, inv: v128, lenF: v128): v128 {
  const h = f32x4.convert_i32x4_s(i32x4.shr_u(u, 1));
  const ix = i32x4.sub(h, i32x4.splat(SQRT_HALF_BITS));
  const exponent = i32x4.sub(i32x4.shr_s(ix, 23), i32x4.splat(31));
  const m = i32x4.add(v128.and(ix, i32x4.splat(0x007fffff)), i32x4.splat(SQRT_HALF_BITS));
  const one = f32x4.splat(1.0);
  const s = f32x4.div(f32x4.sub(m, one), f32x4.add(m, one));
  const z = f32x4.mul(s, s);
  let poly = f32x4.add(f32x4.splat(C5), f32x4.mul(z, f32x4.splat(C7)));
  poly = f32x4.add(f32x4.splat(C3), f32x4.mul(z, poly));
  poly = f32x4.add(f32x4.splat(LOG2_SCALE), f32x4.mul(z, poly));
  // log2(U / 2^32) = log2(h) + 1 - 32 = exponent + log2(m)
  const log2u = f32x4.add(f32x4.convert_i32x4_s(exponent), f32x4.mul(s, poly));
  let est = f32x4.sub(f32x4.mul(log2u, inv), one);
  est = f32x4.pmin(f32x4.pmax(est, f32x4.splat(0.0)), lenF);
  return i32x4.sub(f32x4.add(est, f32x4.splat(ROUND_MAGIC)), i32x4.splat(ROUND_MAGIC_BITS));
}

/** Checks the estimates e against the table and returns the exact gaps of u. */
// @ts-ignore: decorator
@inline export function exactGaps(u: v128, e: v128, tableV: v128, table: usize, len: i32, fix: usize): v128 {
  const at = i32x4.add(i32x4.shl(e, 2), tableV);
  const r0 = v128.load(<usize>i32x4.extract_lane(at, 0));
  const r1 = v128.load(<usize>i32x4.extract_lane(at, 1));
  const r2 = v128.load(<usize>i32x4.extract_lane(at, 2));
  const r3 = v128.load(<usize>i32x4.extract_lane(at, 3));
  const t0 = v128.shuffle<i32>(r0, r1, 0, 4, 1, 5);
  const t1 = v128.shuffle<i32>(r2, r3, 0, 4, 1, 5);
  const t2 = v128.shuffle<i32>(r0, r1, 2, 6, 3, 7);
  const t3 = v128.shuffle<i32>(r2, r3, 2, 6, 3, 7);
  const a = v128.shuffle<i32>(t0, t1, 0, 1, 4, 5); // P[e]
  const b = v128.shuffle<i32>(t0, t1, 2, 3, 6, 7); // P[e+1]
  const c = v128.shuffle<i32>(t2, t3, 0, 1, 4, 5); // P[e+2]
  const up = i32x4.ge_u(b, u); // G >= e + 1
  // Exact when: up and G < e + 2 (P[e+2] < u), or not up and G >= e (P[e] >= u).
  const good = v128.bitselect(v128.not(i32x4.ge_u(c, u)), i32x4.ge_u(a, u), up);
  const gaps = i32x4.sub(e, up);
  if (i32x4.all_true(good)) return gaps;
  return fixGaps(fix, table, len, u, gaps, good);
}

/** The definition's binary search: G for one word (limits = P + 4). */
export function exactGap(P: usize, len: i32, u: u32): i32 {
  const limits = P + 4;
  let lo: i32 = 0;
  let hi: i32 = len;
  while (lo < hi) {
    const mid = <i32>(<u32>(lo + hi) >>> 1);
    if (u <= load<u32>(limits + (<usize>mid << 2))) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Replaces the lanes of `gaps` where `good` is false by the exact gap of `u` (fix: GAP_FIX). Rare. */
export function fixGaps(fix: usize, P: usize, len: i32, u: v128, gaps: v128, good: v128): v128 {
  v128.store(fix, u, GAP_FIX_WORD);
  v128.store(fix, gaps, GAP_FIX_GAPS);
  v128.store(fix, good, GAP_FIX_GOOD);
  for (let lane = 0; lane < 4; lane++) {
    const o = fix + (<usize>lane << 2);
    if (load<i32>(o, GAP_FIX_GOOD) == 0) store<i32>(o, exactGap(P, len, load<u32>(o, GAP_FIX_WORD)), GAP_FIX_GAPS);
  }
  return v128.load(fix, GAP_FIX_GAPS);
}

// Guide mode (chosen by the host when the gap law makes it pay, p above ~1e-4): a table of
// 2^16 entries indexed by the top 16 bits of U holds G at the largest word of that bucket, with
// bit 31 set when the bucket holds a threshold (so G varies inside it). Most words land in a
// pure bucket and get their gap from one load; the others scan the limits from that G on.

/** Gaps of four words u by the guide table at guideV (splat address). */
// @ts-ignore: decorator
@inline export function guideGaps(u: v128, guideV: v128, table: usize, len: i32, fix: usize): v128 {
  const at = i32x4.add(v128.and(i32x4.shr_u(u, 14), i32x4.splat(~3)), guideV);
  let g = v128.load32_zero(<usize>i32x4.extract_lane(at, 0));
  g = v128.load32_lane(<usize>i32x4.extract_lane(at, 1), g, 1);
  g = v128.load32_lane(<usize>i32x4.extract_lane(at, 2), g, 2);
  g = v128.load32_lane(<usize>i32x4.extract_lane(at, 3), g, 3);
  if (i32x4.bitmask(g) == 0) return g;
  return fixMixed(fix, table, len, u, g);
}

/** Lanes in mixed buckets: scan the limits from the bucket's G (a lower bound), exactly. */
export function fixMixed(fix: usize, P: usize, len: i32, u: v128, gaps: v128): v128 {
  v128.store(fix, u, GAP_FIX_WORD);
  v128.store(fix, gaps, GAP_FIX_GAPS);
  const limits = P + 4;
  for (let lane = 0; lane < 4; lane++) {
    const o = fix + (<usize>lane << 2);
    const entry = load<i32>(o, GAP_FIX_GAPS);
    if (entry >= 0) continue;
    const word = load<u32>(o, GAP_FIX_WORD);
    let g = entry & 0x7fffffff;
    let steps = 0;
    while (g < len && word <= load<u32>(limits + (<usize>g << 2))) {
      g++;
      if (++steps == 8) {
        g = searchFrom(limits, g, len, word);
        break;
      }
    }
    store<i32>(o, g, GAP_FIX_GAPS);
  }
  return v128.load(fix, GAP_FIX_GAPS);
}

/** The first g in [lo, len] with limits[g] < word (or len), by binary search. */
function searchFrom(limits: usize, lo: i32, len: i32, word: u32): i32 {
  let hi = len;
  while (lo < hi) {
    const mid = <i32>(<u32>(lo + hi) >>> 1);
    if (word <= load<u32>(limits + (<usize>mid << 2))) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
