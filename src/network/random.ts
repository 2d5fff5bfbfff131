import { BLOCK_SIZE, MAX_DIMENSION, STREAM_NETWORK } from '../definition/constants.js';
import { seedWords, type Seed } from '../definition/seed.js';
import { streamState } from '../definition/streamKey.js';
import { standardNormal } from '../definition/weights/ziggurat.js';
import { Xoshiro128pp } from '../definition/xoshiro128pp.js';
import { JitconnArgumentError } from '../errors.js';
import { allocateFloat32 } from '../matrix/allocate.js';
import { checkFinite } from '../matrix/validate.js';

/**
 * Seeded initial values for network state, from the definition's streams: neuron i draws from
 * stream (seed, line INIT_LINE, block floor(i / 2^16), kind STREAM_NETWORK), so the values are
 * the same everywhere and independent of the matrices and Poisson draws of any seed (Poisson
 * groups use lines 0, 1, ... : one per step, below INIT_LINE).
 */
export const INIT_LINE = 0xffffffff;

/**
 * `count` values, value i = draw(next) from the stream of its block: the seed and the count are
 * checked before anything is allocated.
 */
function drawValues(seed: Seed, count: number, draw: (next: () => number) => number): Float32Array {
  const { lo, hi } = seedWords(seed, 'seed');
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > MAX_DIMENSION) {
    throw new JitconnArgumentError('count', count, 'an integer in [0, 2^32 - 1]');
  }
  const out = allocateFloat32(count, `${count} seeded values`);
  for (let base = 0, block = 0; base < count; base += BLOCK_SIZE, block++) {
    const stream = new Xoshiro128pp(streamState(lo, hi, INIT_LINE, block, STREAM_NETWORK));
    const next = (): number => stream.next();
    const end = Math.min(count, base + BLOCK_SIZE);
    for (let i = base; i < end; i++) out[i] = draw(next);
  }
  return out;
}

/**
 * `count` values mean + sd * z, z standard normal (the definition's ziggurat), as float32: seeded
 * initial state (e.g. membrane potentials) that is the same everywhere.
 *
 * @param seed - An integer in [0, 2^53) or a bigint in [0, 2^64).
 * @param count - How many values.
 * @param mean - Their mean.
 * @param sd - Their standard deviation.
 * @returns `count` float32 values; value i depends only on the seed and i.
 * @throws {@link JitconnArgumentError} when the seed is invalid, `count` is not an integer in
 *   [0, 2^32 - 1], or `mean` or `sd` is not finite.
 * @throws {@link JitconnTooLargeError} when `count` values cannot be allocated.
 * @example
 * ```ts
 * import { Network, seededNormals } from 'jitconn';
 *
 * const cells = new Network().lifGroup(4000);
 * cells.v.set(seededNormals(1, 4000, -55, 2)); // v ~ N(-55 mV, (2 mV)^2)
 * ```
 */
export function seededNormals(seed: Seed, count: number, mean: number, sd: number): Float32Array {
  checkFinite(mean, 'mean');
  checkFinite(sd, 'sd');
  return drawValues(seed, count, (next) => mean + sd * standardNormal(next));
}

/**
 * `count` values uniform in [low, high): low + (high - low) * u, u = (word >>> 8) * 2^-24, as
 * float32: seeded initial state that is the same everywhere.
 *
 * @param seed - An integer in [0, 2^53) or a bigint in [0, 2^64).
 * @param count - How many values.
 * @param low - The lower bound, included.
 * @param high - The upper bound, excluded.
 * @returns `count` float32 values; value i depends only on the seed and i.
 * @throws {@link JitconnArgumentError} when the seed is invalid, `count` is not an integer in
 *   [0, 2^32 - 1], or `low` or `high` is not finite.
 * @throws {@link JitconnTooLargeError} when `count` values cannot be allocated.
 * @example
 * ```ts
 * import { Network, seededUniforms } from 'jitconn';
 *
 * const cells = new Network().lifGroup(4000, { synapse: 'cuba' });
 * cells.v.set(seededUniforms(1, 4000, -60, -50)); // v uniform in [-60, -50) mV
 * ```
 */
export function seededUniforms(seed: Seed, count: number, low: number, high: number): Float32Array {
  checkFinite(low, 'low');
  checkFinite(high, 'high');
  return drawValues(seed, count, (next) => low + (high - low) * ((next() >>> 8) * 2 ** -24));
}
