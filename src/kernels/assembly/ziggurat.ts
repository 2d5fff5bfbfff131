// The rare paths of the ziggurat (src/definition/weights/ziggurat.ts): wedge and tail, in f64 with the
// same operations in the same order. The common path (rectangle) is done four lanes at a time
// in generate.ts; a lane whose first word misses the rectangle comes here.
import {
  ZIG_F_AT as ZIG_F, ZIG_K_AT as ZIG_K, ZIG_STATE_ACCEPT, ZIG_STATE_HI, ZIG_STATE_LO, ZIG_STATE_W0, ZIG_STATE_W1,
  ZIG_STATE_W2, ZIG_STATE_W3, ZIG_STATE_WORD, ZIG_W_AT as ZIG_W,
} from './abi.generated';
import { rotl4 } from './stream';
import { detExp, detExp2, detLog } from './detmath';

// The state of the one weight stream being finished, in globals: a rejected lane's four words are
// moved here and back (extract/replace lane), which keeps the lock-step loop free of memory traffic.
export let g0: u32 = 0;
export let g1: u32 = 0;
export let g2: u32 = 0;
export let g3: u32 = 0;

function nextWord(): u32 {
  const s0 = g0;
  const s1 = g1;
  let s2 = g2;
  let s3 = g3;
  const result = rotl<u32>(s0 + s3, 7) + s0;
  const t = s1 << 9;
  s2 ^= s0;
  s3 ^= s1;
  g1 = s1 ^ s2;
  g0 = s0 ^ s3;
  g2 = s2 ^ t;
  g3 = rotl<u32>(s3, 11);
  return result;
}

const TAIL_START: f64 = 3.442619855899;
const TWO_NEG_32: f64 = 2.3283064365386963e-10;

// @ts-ignore: decorator
@inline function openUniform(word: u32): f64 {
  return (<f64>word + 1) * TWO_NEG_32;
}

/**
 * Finishes one standard normal draw whose first word `word` was rejected by the rectangle test,
 * drawing further words from the stream in g0..g3.
 */
export function normalSlow(word: u32): f64 {
  for (;;) {
    const layer = <usize>(word & 127);
    const negative = (word & 128) != 0;
    const magnitude = word >>> 8;
    const x = <f64>magnitude * load<f64>(ZIG_W + (layer << 3));
    if (magnitude < load<u32>(ZIG_K + (layer << 2))) return negative ? -x : x;
    if (layer == 0) {
      for (;;) {
        const xt = -detLog(openUniform(nextWord())) / TAIL_START;
        const yt = -detLog(openUniform(nextWord()));
        if (yt + yt >= xt * xt) return negative ? -(TAIL_START + xt) : TAIL_START + xt;
      }
    }
    const fl = load<f64>(ZIG_F + (layer << 3));
    const flPrev = load<f64>(ZIG_F + ((layer - 1) << 3));
    const height = fl + <f64>nextWord() * TWO_NEG_32 * (flPrev - fl);
    if (height < detExp(-0.5 * x * x)) return negative ? -x : x;
    word = nextWord();
  }
  return unreachable();
}

/**
 * The draws whose first word missed the ziggurat rectangle (about one lane in 36), with the state
 * the walk (generate.ts) saved at st (ZIG_STATE: weight states, variates, words, the rectangle's
 * verdict). Runs the rest of the reference loop four lanes at once:
 * the wedge test (one more word), and for lanes failing it a fresh word and rectangle test; the
 * few lanes left (tail layer, or rejected again) finish one by one in normalSlow. Writes back the
 * states and variates.
 */
export function normalRejected(st: usize): void {
  let w0 = v128.load(st, ZIG_STATE_W0);
  let w1 = v128.load(st, ZIG_STATE_W1);
  let w2 = v128.load(st, ZIG_STATE_W2);
  let w3 = v128.load(st, ZIG_STATE_W3);
  let lo = v128.load(st, ZIG_STATE_LO);
  let hi = v128.load(st, ZIG_STATE_HI);
  // Lanes still drawing, and the word that just missed the rectangle (the state is right after it).
  let todo = v128.not(v128.load(st, ZIG_STATE_ACCEPT));
  let cur = v128.load(st, ZIG_STATE_WORD);
  for (let round = 0; round < 3; round++) {
    const layer = v128.and(cur, i32x4.splat(127));
    const wedge = v128.andnot(todo, i32x4.eq(layer, i32x4.splat(0)));
    if (!v128.any_true(wedge)) break;
    const layer8 = i32x4.shl(layer, 3);
    const l0 = <usize>i32x4.extract_lane(layer8, 0);
    const l1 = <usize>i32x4.extract_lane(layer8, 1);
    const l2 = <usize>i32x4.extract_lane(layer8, 2);
    const l3 = <usize>i32x4.extract_lane(layer8, 3);
    // x = magnitude * w[layer], and the signed variate if the draw is accepted.
    const m = i32x4.shr_u(cur, 8);
    const xLo = f64x2.mul(f64x2.convert_low_i32x4_s(m), load2(ZIG_W, l0, l1));
    const xHi = f64x2.mul(f64x2.convert_low_i32x4_s(v128.shuffle<i32>(m, m, 2, 3, 2, 3)), load2(ZIG_W, l2, l3));
    const negative = i32x4.shr_s(i32x4.shl(cur, 24), 31);
    const zLo = v128.xor(xLo, v128.and(i64x2.extend_low_i32x4_s(negative), f64x2.splat(-0.0)));
    const zHi = v128.xor(xHi, v128.and(i64x2.extend_high_i32x4_s(negative), f64x2.splat(-0.0)));
    // Wedge: one more word; accept when f[l] + u * (f[l-1] - f[l]) < detExp(-x^2/2).
    const word2 = i32x4.add(rotl4(i32x4.add(w0, w3), 7), w0);
    let n2 = v128.xor(w2, w0);
    let n3 = v128.xor(w3, w1);
    const n1 = v128.xor(w1, n2);
    const n0 = v128.xor(w0, n3);
    n2 = v128.xor(n2, i32x4.shl(w1, 9));
    n3 = rotl4(n3, 11);
    w0 = v128.bitselect(n0, w0, wedge);
    w1 = v128.bitselect(n1, w1, wedge);
    w2 = v128.bitselect(n2, w2, wedge);
    w3 = v128.bitselect(n3, w3, wedge);
    const fLo = load2(ZIG_F, l0, l1);
    const fHi = load2(ZIG_F, l2, l3);
    const gLo = load2(ZIG_F - 8, l0, l1);
    const gHi = load2(ZIG_F - 8, l2, l3);
    const two32 = f64x2.splat(TWO_NEG_32);
    const uLo = f64x2.mul(f64x2.convert_low_i32x4_u(word2), two32);
    const uHi = f64x2.mul(f64x2.convert_low_i32x4_u(v128.shuffle<i32>(word2, word2, 2, 3, 2, 3)), two32);
    const hLo = f64x2.add(fLo, f64x2.mul(uLo, f64x2.sub(gLo, fLo)));
    const hHi = f64x2.add(fHi, f64x2.mul(uHi, f64x2.sub(gHi, fHi)));
    const half = f64x2.splat(-0.5);
    const eLo = detExp2(f64x2.mul(f64x2.mul(half, xLo), xLo));
    const eHi = detExp2(f64x2.mul(f64x2.mul(half, xHi), xHi));
    const inWedge = v128.and(wedge, v128.shuffle<i32>(f64x2.lt(hLo, eLo), f64x2.lt(hHi, eHi), 0, 2, 4, 6));
    lo = v128.bitselect(zLo, lo, i64x2.extend_low_i32x4_s(inWedge));
    hi = v128.bitselect(zHi, hi, i64x2.extend_high_i32x4_s(inWedge));
    todo = v128.andnot(todo, inWedge);
    // Lanes that failed the wedge start over: a fresh word and its rectangle test.
    const again = v128.andnot(wedge, inWedge); // (done unconditionally: a branch would mispredict)
    const word3 = i32x4.add(rotl4(i32x4.add(w0, w3), 7), w0);
    let m2 = v128.xor(w2, w0);
    let m3 = v128.xor(w3, w1);
    const m1 = v128.xor(w1, m2);
    const m0 = v128.xor(w0, m3);
    m2 = v128.xor(m2, i32x4.shl(w1, 9));
    m3 = rotl4(m3, 11);
    w0 = v128.bitselect(m0, w0, again);
    w1 = v128.bitselect(m1, w1, again);
    w2 = v128.bitselect(m2, w2, again);
    w3 = v128.bitselect(m3, w3, again);
    cur = v128.bitselect(word3, cur, again);
    const layer3 = v128.and(cur, i32x4.splat(127));
    const k8 = i32x4.shl(layer3, 3);
    const k0 = <usize>i32x4.extract_lane(k8, 0);
    const k1 = <usize>i32x4.extract_lane(k8, 1);
    const k2 = <usize>i32x4.extract_lane(k8, 2);
    const k3 = <usize>i32x4.extract_lane(k8, 3);
    let kv = v128.load32_zero(ZIG_K + (k0 >> 1));
    kv = v128.load32_lane(ZIG_K + (k1 >> 1), kv, 1);
    kv = v128.load32_lane(ZIG_K + (k2 >> 1), kv, 2);
    kv = v128.load32_lane(ZIG_K + (k3 >> 1), kv, 3);
    const m3v = i32x4.shr_u(cur, 8);
    const inRect = v128.and(again, i32x4.lt_s(m3v, kv));
    const neg3 = i32x4.shr_s(i32x4.shl(cur, 24), 31);
    const rLo = f64x2.mul(f64x2.convert_low_i32x4_s(m3v), load2(ZIG_W, k0, k1));
    const rHi = f64x2.mul(f64x2.convert_low_i32x4_s(v128.shuffle<i32>(m3v, m3v, 2, 3, 2, 3)), load2(ZIG_W, k2, k3));
    const sLo = v128.xor(rLo, v128.and(i64x2.extend_low_i32x4_s(neg3), f64x2.splat(-0.0)));
    const sHi = v128.xor(rHi, v128.and(i64x2.extend_high_i32x4_s(neg3), f64x2.splat(-0.0)));
    lo = v128.bitselect(sLo, lo, i64x2.extend_low_i32x4_s(inRect));
    hi = v128.bitselect(sHi, hi, i64x2.extend_high_i32x4_s(inRect));
    todo = v128.andnot(todo, inRect);
  }
  // Whatever is left (tail layer, or rejected round after round) finishes one lane at a time.
  const slow = i32x4.bitmask(todo);
  if (slow != 0) {
    if (slow & 1) {
      g0 = i32x4.extract_lane(w0, 0);
      g1 = i32x4.extract_lane(w1, 0);
      g2 = i32x4.extract_lane(w2, 0);
      g3 = i32x4.extract_lane(w3, 0);
      lo = f64x2.replace_lane(lo, 0, normalSlow(i32x4.extract_lane(cur, 0)));
      w0 = i32x4.replace_lane(w0, 0, g0);
      w1 = i32x4.replace_lane(w1, 0, g1);
      w2 = i32x4.replace_lane(w2, 0, g2);
      w3 = i32x4.replace_lane(w3, 0, g3);
    }
    if (slow & 2) {
      g0 = i32x4.extract_lane(w0, 1);
      g1 = i32x4.extract_lane(w1, 1);
      g2 = i32x4.extract_lane(w2, 1);
      g3 = i32x4.extract_lane(w3, 1);
      lo = f64x2.replace_lane(lo, 1, normalSlow(i32x4.extract_lane(cur, 1)));
      w0 = i32x4.replace_lane(w0, 1, g0);
      w1 = i32x4.replace_lane(w1, 1, g1);
      w2 = i32x4.replace_lane(w2, 1, g2);
      w3 = i32x4.replace_lane(w3, 1, g3);
    }
    if (slow & 4) {
      g0 = i32x4.extract_lane(w0, 2);
      g1 = i32x4.extract_lane(w1, 2);
      g2 = i32x4.extract_lane(w2, 2);
      g3 = i32x4.extract_lane(w3, 2);
      hi = f64x2.replace_lane(hi, 0, normalSlow(i32x4.extract_lane(cur, 2)));
      w0 = i32x4.replace_lane(w0, 2, g0);
      w1 = i32x4.replace_lane(w1, 2, g1);
      w2 = i32x4.replace_lane(w2, 2, g2);
      w3 = i32x4.replace_lane(w3, 2, g3);
    }
    if (slow & 8) {
      g0 = i32x4.extract_lane(w0, 3);
      g1 = i32x4.extract_lane(w1, 3);
      g2 = i32x4.extract_lane(w2, 3);
      g3 = i32x4.extract_lane(w3, 3);
      hi = f64x2.replace_lane(hi, 1, normalSlow(i32x4.extract_lane(cur, 3)));
      w0 = i32x4.replace_lane(w0, 3, g0);
      w1 = i32x4.replace_lane(w1, 3, g1);
      w2 = i32x4.replace_lane(w2, 3, g2);
      w3 = i32x4.replace_lane(w3, 3, g3);
    }
  }
  v128.store(st, w0, ZIG_STATE_W0);
  v128.store(st, w1, ZIG_STATE_W1);
  v128.store(st, w2, ZIG_STATE_W2);
  v128.store(st, w3, ZIG_STATE_W3);
  v128.store(st, lo, ZIG_STATE_LO);
  v128.store(st, hi, ZIG_STATE_HI);
}

/** Two f64 table entries (byte offsets a and b from table) as one vector. */
// @ts-ignore: decorator
@inline function load2(table: usize, a: usize, b: usize): v128 {
  return v128.load64_lane(table + b, v128.load64_zero(table + a), 1);
}
