import { detExp, detLog } from './detmath.js';

/**
 * Standard normal variates by the ziggurat method (Marsaglia & Tsang 2000) with 128 layers.
 *
 * One 32-bit word gives the layer (bits 0-6), the sign (bit 7) and a 24-bit magnitude (bits
 * 8-31), so no bit is used twice. About 97.2% of draws are accepted in the rectangle with one
 * word, one table read, one compare and one multiply. The rest go through the wedge test or
 * the tail (Marsaglia 1964), which reaches 9.89 sigma (r + 32 ln2 / r, from 32-bit uniforms):
 * the normal law exceeds that with probability about 5e-23, so nothing is cut within 6 sigma.
 * The tables and the rare paths use detExp / detLog, so every host computes the same values.
 */

const LAYERS = 128;
const MAGNITUDE_SCALE = 16777216; // 2^24
const TAIL_START = 3.442619855899; // r: where the base strip's tail begins
const LAYER_AREA = 9.91256303526217e-3; // v: area of every layer

/**
 * The largest |z| a draw can return: the tail variate r + (-log(2^-32)) / r, reached by the words
 * listed in docs/definition.md section 14.1. Weight laws use it to keep every weight finite.
 */
export const MAX_NORMAL_VARIATE = 9.88559372648513;

/** The ziggurat tables: `k` integer thresholds, `w` magnitude scales, `f` density at edges. */
export interface ZigguratTables {
  readonly k: Uint32Array;
  readonly w: Float64Array;
  readonly f: Float64Array;
}

function buildTables(): ZigguratTables {
  const k = new Uint32Array(LAYERS);
  const w = new Float64Array(LAYERS);
  const f = new Float64Array(LAYERS);
  let dn = TAIL_START;
  let tn = dn;
  const q = LAYER_AREA / detExp(-0.5 * dn * dn);
  k[0] = Math.floor((dn / q) * MAGNITUDE_SCALE);
  k[1] = 0;
  w[0] = q / MAGNITUDE_SCALE;
  w[LAYERS - 1] = dn / MAGNITUDE_SCALE;
  f[0] = 1;
  f[LAYERS - 1] = detExp(-0.5 * dn * dn);
  for (let i = LAYERS - 2; i >= 1; i--) {
    dn = Math.sqrt(-2 * detLog(LAYER_AREA / dn + detExp(-0.5 * dn * dn)));
    k[i + 1] = Math.floor((dn / tn) * MAGNITUDE_SCALE);
    tn = dn;
    f[i] = detExp(-0.5 * dn * dn);
    w[i] = dn / MAGNITUDE_SCALE;
  }
  return { k, w, f };
}

/** The tables, built once from basic operations (kernels receive these very arrays). */
export const ZIGGURAT: ZigguratTables = buildTables();

const TWO_NEG_32 = 2.3283064365386963e-10;

/** A uniform double in (0, 1] from one word: never 0, so its logarithm is finite. */
function openUniform(word: number): number {
  return (word + 1) * TWO_NEG_32;
}

/** One standard normal variate from the words produced by `nextWord`. */
export function standardNormal(nextWord: () => number): number {
  const { k, w, f } = ZIGGURAT;
  for (;;) {
    const word = nextWord();
    const layer = word & 127;
    const negative = (word & 128) !== 0;
    const magnitude = word >>> 8;
    const x = magnitude * w[layer]!;
    if (magnitude < k[layer]!) return negative ? -x : x;
    if (layer === 0) {
      // Tail beyond r: x = r + e1 / r, accepted when 2 e2 > (e1 / r)^2, e1, e2 exponential.
      for (;;) {
        const xt = -detLog(openUniform(nextWord())) / TAIL_START;
        const yt = -detLog(openUniform(nextWord()));
        if (yt + yt >= xt * xt) return negative ? -(TAIL_START + xt) : TAIL_START + xt;
      }
    }
    // Wedge: accept when a uniform height under the layer falls under the density.
    const height = f[layer]! + nextWord() * TWO_NEG_32 * (f[layer - 1]! - f[layer]!);
    if (height < detExp(-0.5 * x * x)) return negative ? -x : x;
  }
}
