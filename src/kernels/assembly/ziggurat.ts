// The rare paths of the ziggurat (src/spec/weights/ziggurat.ts): wedge and tail, in f64 with the
// same operations in the same order. The common path (rectangle) is done four lanes at a time
// in generate.ts; a lane whose first word misses the rectangle comes here.
import { ZIG_K as ZK, ZIG_W as ZW, ZIG_F as ZF } from '../wasm/layout';
import { rotl4 } from './stream';

const ZIG_K: usize = ZK;
const ZIG_W: usize = ZW;
const ZIG_F: usize = ZF;
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
 * drawing further words from the stream in g0..g3. With `restart`, the draw's wedge test already
 * failed (generate.ts does it four lanes at once) and the draw starts over with a fresh word.
 */
export function normalSlow(word: u32, restart: bool): f64 {
  if (restart) word = nextWord();
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
 * The draws whose first word missed the ziggurat rectangle (state saved at st by walk): the wedge
 * test (Marsaglia & Tsang) for four lanes at once with one more word each; lanes in the tail layer
 * or failing the wedge finish one by one (normalSlow). Updates the saved states and variates.
 */
export function normalRejected(st: usize): void {
  let w0 = v128.load(st);
  let w1 = v128.load(st, 16);
  let w2 = v128.load(st, 32);
  let w3 = v128.load(st, 48);
  let lo = v128.load(st, 64);
  let hi = v128.load(st, 80);
  const xLo = v128.load(st, 96);
  const xHi = v128.load(st, 112);
  const word = v128.load(st, 128);
  const accept = v128.load(st, 144);
  const layer = v128.and(word, i32x4.splat(127));
  const layer8 = i32x4.shl(layer, 3);
  const l0 = <usize>i32x4.extract_lane(layer8, 0);
  const l1 = <usize>i32x4.extract_lane(layer8, 1);
  const l2 = <usize>i32x4.extract_lane(layer8, 2);
  const l3 = <usize>i32x4.extract_lane(layer8, 3);
    const rejected = v128.not(accept);
    const tail = i32x4.eq(layer, i32x4.splat(0));
    const wedge = v128.andnot(rejected, tail);
    const wsum2 = i32x4.add(w0, w3);
    const word2 = i32x4.add(rotl4(wsum2, 7), w0);
    const wt2 = i32x4.shl(w1, 9);
    const n2 = v128.xor(w2, w0);
    const n3 = v128.xor(w3, w1);
    const n1 = v128.xor(w1, n2);
    const n0 = v128.xor(w0, n3);
    w0 = v128.bitselect(n0, w0, wedge);
    w1 = v128.bitselect(n1, w1, wedge);
    w2 = v128.bitselect(v128.xor(n2, wt2), w2, wedge);
    w3 = v128.bitselect(rotl4(n3, 11), w3, wedge);
    // height = f[l] + word2 * 2^-32 * (f[l-1] - f[l]); accept when height < detExp(-x^2/2)
    let fLo = v128.load64_zero(ZIG_F + l0);
    fLo = v128.load64_lane(ZIG_F + l1, fLo, 1);
    let fHi = v128.load64_zero(ZIG_F + l2);
    fHi = v128.load64_lane(ZIG_F + l3, fHi, 1);
    let gLo = v128.load64_zero(ZIG_F - 8 + l0);
    gLo = v128.load64_lane(ZIG_F - 8 + l1, gLo, 1);
    let gHi = v128.load64_zero(ZIG_F - 8 + l2);
    gHi = v128.load64_lane(ZIG_F - 8 + l3, gHi, 1);
    const two32 = f64x2.splat(TWO_NEG_32);
    const hLo = f64x2.add(fLo, f64x2.mul(f64x2.mul(f64x2.convert_low_i32x4_u(word2), two32), f64x2.sub(gLo, fLo)));
    const word2Hi = v128.shuffle<i32>(word2, word2, 2, 3, 2, 3);
    const hHi = f64x2.add(fHi, f64x2.mul(f64x2.mul(f64x2.convert_low_i32x4_u(word2Hi), two32), f64x2.sub(gHi, fHi)));
    const half = f64x2.splat(-0.5);
    const eLo = detExp2(f64x2.mul(f64x2.mul(half, xLo), xLo));
    const eHi = detExp2(f64x2.mul(f64x2.mul(half, xHi), xHi));
    const inWedge = v128.shuffle<i32>(f64x2.lt(hLo, eLo), f64x2.lt(hHi, eHi), 0, 2, 4, 6);
    const again = i32x4.bitmask(v128.andnot(wedge, inWedge));
    const slow = i32x4.bitmask(v128.and(rejected, tail)) | again;
    if (slow != 0) {
    if (slow & 1) {
      g0 = i32x4.extract_lane(w0, 0); g1 = i32x4.extract_lane(w1, 0);
      g2 = i32x4.extract_lane(w2, 0); g3 = i32x4.extract_lane(w3, 0);
      lo = f64x2.replace_lane(lo, 0, normalSlow(i32x4.extract_lane(word, 0), (again & 1) != 0));
      w0 = i32x4.replace_lane(w0, 0, g0); w1 = i32x4.replace_lane(w1, 0, g1);
      w2 = i32x4.replace_lane(w2, 0, g2); w3 = i32x4.replace_lane(w3, 0, g3);
    }
    if (slow & 2) {
      g0 = i32x4.extract_lane(w0, 1); g1 = i32x4.extract_lane(w1, 1);
      g2 = i32x4.extract_lane(w2, 1); g3 = i32x4.extract_lane(w3, 1);
      lo = f64x2.replace_lane(lo, 1, normalSlow(i32x4.extract_lane(word, 1), (again & 2) != 0));
      w0 = i32x4.replace_lane(w0, 1, g0); w1 = i32x4.replace_lane(w1, 1, g1);
      w2 = i32x4.replace_lane(w2, 1, g2); w3 = i32x4.replace_lane(w3, 1, g3);
    }
    if (slow & 4) {
      g0 = i32x4.extract_lane(w0, 2); g1 = i32x4.extract_lane(w1, 2);
      g2 = i32x4.extract_lane(w2, 2); g3 = i32x4.extract_lane(w3, 2);
      hi = f64x2.replace_lane(hi, 0, normalSlow(i32x4.extract_lane(word, 2), (again & 4) != 0));
      w0 = i32x4.replace_lane(w0, 2, g0); w1 = i32x4.replace_lane(w1, 2, g1);
      w2 = i32x4.replace_lane(w2, 2, g2); w3 = i32x4.replace_lane(w3, 2, g3);
    }
    if (slow & 8) {
      g0 = i32x4.extract_lane(w0, 3); g1 = i32x4.extract_lane(w1, 3);
      g2 = i32x4.extract_lane(w2, 3); g3 = i32x4.extract_lane(w3, 3);
      hi = f64x2.replace_lane(hi, 1, normalSlow(i32x4.extract_lane(word, 3), (again & 8) != 0));
      w0 = i32x4.replace_lane(w0, 3, g0); w1 = i32x4.replace_lane(w1, 3, g1);
      w2 = i32x4.replace_lane(w2, 3, g2); w3 = i32x4.replace_lane(w3, 3, g3);
    }
  }
  v128.store(st, w0);
  v128.store(st, w1, 16);
  v128.store(st, w2, 32);
  v128.store(st, w3, 48);
  v128.store(st, lo, 64);
  v128.store(st, hi, 80);
}
