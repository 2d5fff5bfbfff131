import { STREAM_EVENTS } from './constants.js';
import { walkLine } from './lineWalk.js';
import type { MatrixSpec } from '../types.js';

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
  const positions: number[] = [];
  walkLine(spec, index, length, (position) => positions.push(position), STREAM_EVENTS);
  return Uint32Array.from(positions);
}
