// The rare paths of the ziggurat (src/spec/weights/ziggurat.ts): wedge and tail, in f64 with the
// same operations in the same order. The common path (rectangle) is done four lanes at a time
// in generate.ts; a lane whose first word misses the rectangle comes here.
import { ZIG_K as ZK, ZIG_W as ZW, ZIG_F as ZF } from '../wasm/layout';

const ZIG_K: usize = ZK;
const ZIG_W: usize = ZW;
const ZIG_F: usize = ZF;
import { detExp, detLog } from './detmath';
import { nextLaneWord } from './stream';

const TAIL_START: f64 = 3.442619855899;
const TWO_NEG_32: f64 = 2.3283064365386963e-10;

// @ts-ignore: decorator
@inline function openUniform(word: u32): f64 {
  return (<f64>word + 1) * TWO_NEG_32;
}

/**
 * Finishes one standard normal draw whose first word `word` was rejected by the rectangle test,
 * drawing further words from lane `lane` of the state stored at `st`.
 */
export function normalSlow(word: u32, st: usize, lane: i32): f64 {
  for (;;) {
    const layer = <usize>(word & 127);
    const negative = (word & 128) != 0;
    const magnitude = word >>> 8;
    const x = <f64>magnitude * load<f64>(ZIG_W + (layer << 3));
    if (magnitude < load<u32>(ZIG_K + (layer << 2))) return negative ? -x : x;
    if (layer == 0) {
      for (;;) {
        const xt = -detLog(openUniform(nextLaneWord(st, lane))) / TAIL_START;
        const yt = -detLog(openUniform(nextLaneWord(st, lane)));
        if (yt + yt >= xt * xt) return negative ? -(TAIL_START + xt) : TAIL_START + xt;
      }
    }
    const fl = load<f64>(ZIG_F + (layer << 3));
    const flPrev = load<f64>(ZIG_F + ((layer - 1) << 3));
    const height = fl + <f64>nextLaneWord(st, lane) * TWO_NEG_32 * (flPrev - fl);
    if (height < detExp(-0.5 * x * x)) return negative ? -x : x;
    word = nextLaneWord(st, lane);
  }
  return unreachable();
}
