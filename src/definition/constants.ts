/**
 * Constants of the definition (docs/definition.md). Changing any of them changes every matrix.
 */

/** log2 of the block length: a line is cut into blocks of 2^16 positions, each its own stream. */
export const BLOCK_BITS = 16;
/** Positions per block. */
export const BLOCK_SIZE = 1 << BLOCK_BITS;
/** Largest dimension a matrix may have: positions and line indices are 32-bit. */
export const MAX_DIMENSION = 4294967295;
/** Stream kinds: the structure (which entries are connected) and the weights are separate streams. */
export const STREAM_STRUCTURE = 0;
export const STREAM_WEIGHT = 1;
/** Seeded spike vectors (BinaryArray.bernoulli) use a third kind, so they never echo a matrix's rows. */
export const STREAM_EVENTS = 2;
/**
 * Randomness of simulated networks (src/network: Poisson groups, initial values) uses a fourth
 * kind, so it never echoes a matrix or a seeded spike vector built from the same seed.
 */
export const STREAM_NETWORK = 3;
