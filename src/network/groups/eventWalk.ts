import { BLOCK_SIZE, STREAM_NETWORK } from '../../definition/constants.js';
import { gapFromWord, gapTable, type GapTable } from '../../definition/gapTable.js';
import { streamStateInto } from '../../definition/streamKey.js';

/**
 * Seeded Bernoulli(prob) events over `length` positions, one independent draw per line (a
 * network uses the step index as the line): exactly the structure walk of the definition
 * (definition/lineWalk.ts) on stream kind STREAM_NETWORK, written so that a walk allocates
 * nothing. Tests check it against walkLine.
 */
export class EventWalk {
  readonly #seedLo: number;
  readonly #seedHi: number;
  readonly #length: number;
  readonly #table: GapTable;
  readonly #state = new Uint32Array(4);

  constructor(seedLo: number, seedHi: number, prob: number, length: number) {
    this.#seedLo = seedLo;
    this.#seedHi = seedHi;
    this.#length = length;
    this.#table = gapTable(prob);
  }

  /** Writes the positions of line `line`, increasing, into `out`; returns how many. */
  walk(line: number, out: Uint32Array): number {
    const length = this.#length;
    const state = this.#state;
    let count = 0;
    for (let base = 0, block = 0; base < length; base += BLOCK_SIZE, block++) {
      const end = Math.min(BLOCK_SIZE, length - base);
      streamStateInto(state, this.#seedLo, this.#seedHi, line, block, STREAM_NETWORK);
      let s0 = state[0]! | 0;
      let s1 = state[1]! | 0;
      let s2 = state[2]! | 0;
      let s3 = state[3]! | 0;
      let position = -1;
      for (;;) {
        // xoshiro128++ (definition/xoshiro128pp.ts), inlined.
        const sum = (s0 + s3) | 0;
        const word = (((sum << 7) | (sum >>> 25)) + s0) >>> 0;
        const t = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = (s3 << 11) | (s3 >>> 21);
        position += 1 + gapFromWord(this.#table, word);
        if (position >= end) break;
        out[count++] = base + position;
      }
    }
    return count;
  }
}
