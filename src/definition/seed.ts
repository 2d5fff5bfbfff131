import { JitconnArgumentError } from '../errors.js';

/** A seed: an integer in [0, 2^53) or a bigint in [0, 2^64). */
export type Seed = number | bigint;

/** The seed as the two 32-bit words that key every stream. */
export interface SeedWords {
  readonly lo: number;
  readonly hi: number;
}

const TWO_32 = 4294967296;
const MAX_SEED = (1n << 64n) - 1n;

/** Split a seed into its low and high 32-bit words, rejecting anything that is not a valid seed. */
export function seedWords(seed: Seed, argument = 'seed'): SeedWords {
  if (typeof seed === 'bigint') {
    if (seed < 0n || seed > MAX_SEED) {
      throw new JitconnArgumentError(argument, seed, 'an integer in [0, 2^64) (as a bigint)');
    }
    return { lo: Number(seed & 0xffffffffn), hi: Number(seed >> 32n) };
  }
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed) || seed < 0) {
    throw new JitconnArgumentError(argument, seed, 'an integer in [0, 2^53) or a bigint in [0, 2^64)');
  }
  return { lo: seed % TWO_32, hi: Math.floor(seed / TWO_32) };
}
