/**
 * Samples drawn straight from the definition (walkLine) for the statistical suite.
 * Every sample uses fixed seeds, so each test is deterministic; the bounds are what make it mean something.
 */
import { walkLine } from '../../../src/definition/lineWalk.js';
import type { MatrixSpec, WeightLaw } from '../../../src/types.js';

export const SCALAR: WeightLaw = { kind: 'scalar', value: 1 };

/** A row-oriented spec: line i is row i, positions are columns. */
export function rowSpec(prob: number, seedLo: number, seedHi = 0, law: WeightLaw = SCALAR): MatrixSpec {
  return { seedLo, seedHi, prob, law, orientation: 'row', rows: 0xffffffff, cols: 0xffffffff };
}

/** Connection count of each of lines first .. first + lines - 1, each `length` positions long. */
export function lineCounts(spec: MatrixSpec, lines: number, length: number, first = 0): Float64Array {
  const counts = new Float64Array(lines);
  for (let i = 0; i < lines; i++) {
    let c = 0;
    walkLine(spec, first + i, length, () => c++);
    counts[i] = c;
  }
  return counts;
}

/** Connection count of each position, summed over lines 0 .. lines - 1 (column counts of a row matrix). */
export function positionCounts(spec: MatrixSpec, lines: number, length: number): Float64Array {
  const counts = new Float64Array(length);
  for (let i = 0; i < lines; i++) walkLine(spec, i, length, (position) => counts[position]!++);
  return counts;
}

/** The 0/1 entries of lines 0 .. lines - 1, row-major (`lines * length` bytes). */
export function indicatorMatrix(spec: MatrixSpec, lines: number, length: number): Uint8Array {
  const entries = new Uint8Array(lines * length);
  for (let i = 0; i < lines; i++)
    walkLine(spec, i, length, (position) => (entries[i * length + position] = 1));
  return entries;
}

/** The positions of one line's connections. */
export function linePositions(
  spec: MatrixSpec,
  line: number,
  length: number,
  structureKind?: number,
): number[] {
  const positions: number[] = [];
  walkLine(spec, line, length, (position) => positions.push(position), structureKind);
  return positions;
}
