/**
 * The key of a stream: a bijection from (seed, line, block, kind) to a 128-bit generator state.
 *
 * The four key words are xored with fixed constants and then mixed by eight rounds of the
 * ChaCha quarter-round (each preceded by adding a round constant). Every step is invertible,
 * so distinct keys give distinct states: streams never collide, for any number of lines.
 * Only 32-bit add, xor and rotate are used, so every backend computes the same bits.
 */

const KEY_CONSTANTS = [0x61707865, 0x3320646e, 0x79622d32, 0x6b206574] as const;
export const KEY_ROUNDS = 8;
const ROUND_CONSTANT = 0x9e3779b9;

function rotl(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

/**
 * The generator state for one stream, as four unsigned 32-bit words.
 * `line` < 2^32, `block` < 2^16, `kind` is STREAM_STRUCTURE or STREAM_WEIGHT.
 */
export function streamState(
  seedLo: number,
  seedHi: number,
  line: number,
  block: number,
  kind: number,
): [number, number, number, number] {
  streamStateInto(scratch, seedLo, seedHi, line, block, kind);
  return [scratch[0]!, scratch[1]!, scratch[2]!, scratch[3]!];
}

const scratch = new Uint32Array(4);

/** streamState written into `state` (four words), for loops that must not allocate. */
export function streamStateInto(
  state: Uint32Array,
  seedLo: number,
  seedHi: number,
  line: number,
  block: number,
  kind: number,
): void {
  let a = (seedLo ^ KEY_CONSTANTS[0]) | 0;
  let b = (seedHi ^ KEY_CONSTANTS[1]) | 0;
  let c = (line ^ KEY_CONSTANTS[2]) | 0;
  let d = ((block | (kind << 16)) ^ KEY_CONSTANTS[3]) | 0;
  for (let round = 1; round <= KEY_ROUNDS; round++) {
    a = (a + Math.imul(round, ROUND_CONSTANT)) | 0;
    a = (a + b) | 0;
    d = rotl(d ^ a, 16);
    c = (c + d) | 0;
    b = rotl(b ^ c, 12);
    a = (a + b) | 0;
    d = rotl(d ^ a, 8);
    c = (c + d) | 0;
    b = rotl(b ^ c, 7);
  }
  // xoshiro's one forbidden state; reached by exactly one key, which then gets a fixed state.
  if ((a | b | c | d) === 0) a = ROUND_CONSTANT | 0;
  state[0] = a;
  state[1] = b;
  state[2] = c;
  state[3] = d;
}
