import { JitconnTooLargeError } from '../errors.js';
import type { MatrixSpec } from '../types.js';
import { STREAM_EVENTS } from './constants.js';
import { walkLine } from './lineWalk.js';

/**
 * Positions of a seeded Bernoulli(p) vector of `length` entries: the structure of line `index`
 * walked on the events stream kind, so it is exact Bernoulli and independent of every matrix
 * built from the same seed.
 */
export function bernoulliPositions(
  seedLo: number,
  seedHi: number,
  prob: number,
  index: number,
  length: number,
): Uint32Array {
  const spec: MatrixSpec = {
    seedLo,
    seedHi,
    prob,
    law: { kind: 'scalar', value: 1 },
    orientation: 'row',
    rows: index + 1,
    cols: length,
  };
  // A typed buffer sized for the expected count (plus ten standard deviations), grown by
  // doubling: never a plain array past its engine limit, never more than `length` entries.
  const expected = length * prob;
  let positions = allocate(Math.min(length, Math.ceil(expected + 10 * Math.sqrt(expected) + 64)), length);
  let count = 0;
  walkLine(
    spec,
    index,
    length,
    (position) => {
      if (count === positions.length) {
        const grown = allocate(Math.min(length, positions.length * 2), length);
        grown.set(positions);
        positions = grown;
      }
      positions[count++] = position;
    },
    STREAM_EVENTS,
  );
  return positions.length === count ? positions : positions.slice(0, count);
}

function allocate(entries: number, length: number): Uint32Array {
  try {
    return new Uint32Array(entries);
  } catch (error) {
    throw new JitconnTooLargeError(
      `a spike vector of ${length} entries needs ${entries} spike indices (${entries * 4} bytes), which could not be allocated: ${String(error)}`,
    );
  }
}
