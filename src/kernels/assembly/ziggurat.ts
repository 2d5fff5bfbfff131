// The rare paths of the ziggurat (src/spec/weights/ziggurat.ts): wedge and tail, in f64 with the
// same operations in the same order. The common path (rectangle) is done four lanes at a time
// in generate.ts; a lane whose first word misses the rectangle comes here.
import { ZIG_K as ZK, ZIG_W as ZW, ZIG_F as ZF } from '../wasm/layout';

const ZIG_K: usize = ZK;
const ZIG_W: usize = ZW;
const ZIG_F: usize = ZF;
import { detExp, detLog } from './detmath';

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
