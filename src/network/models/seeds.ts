import { seedWords, type Seed } from '../../definition/seed.js';

/** The k-th seed derived from a model's seed: seed + k (checked to stay a valid seed). */
export function derivedSeed(seed: Seed, k: number): Seed {
  seedWords(seed, 'seed');
  const derived = typeof seed === 'bigint' ? seed + BigInt(k) : seed + k;
  seedWords(derived, `seed + ${k}`);
  return derived;
}
