/**
 * The parameter sets of docs/definition.md section 14.2 and their listed lines, computed by the
 * reference implementation (walkLine): positions, float32 weight bits and nine-digit decimals.
 */
import { lineLength } from '../../../src/definition/matrixSpec.js';
import { walkLine } from '../../../src/definition/lineWalk.js';
import { seedWords } from '../../../src/definition/seed.js';
import type { MatrixSpec, WeightLaw } from '../../../src/types.js';

/** One fixed parameter set and the lines (and position windows) it lists. */
interface Case {
  name: string;
  title: string;
  seed: number | bigint;
  prob: number;
  law: WeightLaw;
  orientation: 'row' | 'col';
  rows: number;
  cols: number;
  lines: { line: number; from?: number; to?: number }[];
}

export interface LineVector {
  line: number;
  from: number;
  to: number;
  /** Connections of the whole line (not only the window). */
  count: number;
  /** [position, float32 bits, nine significant digits] of each connection in the window. */
  connections: [number, string, string][];
}

export interface Vector {
  name: string;
  title: string;
  seed: string;
  seedIsBigint: boolean;
  prob: number;
  law: WeightLaw;
  orientation: 'row' | 'col';
  rows: number;
  cols: number;
  lines: LineVector[];
}

export const CASES: Case[] = [
  {
    name: 'normal-r',
    title: 'R matrix 4 x 200, seed 12345, p = 0.1, normal(loc 0, scale 0.1): rows 0, 1, 2',
    seed: 12345,
    prob: 0.1,
    law: { kind: 'normal', loc: 0, scale: 0.1 },
    orientation: 'row',
    rows: 4,
    cols: 200,
    lines: [{ line: 0 }, { line: 1 }, { line: 2 }],
  },
  {
    name: 'uniform-bigint',
    title:
      'R matrix 2 x 24, seed 2n ** 40n + 7n (bigint), p = 0.5, uniform(offset -0.1, span 0.4): rows 0, 1',
    seed: 2n ** 40n + 7n,
    prob: 0.5,
    law: { kind: 'uniform', offset: -0.1, span: 0.4 },
    orientation: 'row',
    rows: 2,
    cols: 24,
    lines: [{ line: 0 }, { line: 1 }],
  },
  {
    name: 'block-boundary',
    title: 'R matrix 1 x 70000, seed 2024, p = 0.01, normal(loc 0, scale 1): row 0, columns 65300..65999',
    seed: 2024,
    prob: 0.01,
    law: { kind: 'normal', loc: 0, scale: 1 },
    orientation: 'row',
    rows: 1,
    cols: 70000,
    lines: [{ line: 0, from: 65300, to: 66000 }],
  },
  {
    name: 'scalar-c',
    title: 'C matrix 30 x 3, seed 42, p = 0.2, scalar 0.5: columns 0, 1, 2 (positions are rows)',
    seed: 42,
    prob: 0.2,
    law: { kind: 'scalar', value: 0.5 },
    orientation: 'col',
    rows: 30,
    cols: 3,
    lines: [{ line: 0 }, { line: 1 }, { line: 2 }],
  },
  {
    name: 'tiny-p',
    title: 'R matrix 411982 x 65536, seed 1, p = 1e-11 (effectiveProb 0), scalar 1: row 411981',
    seed: 1,
    prob: 1e-11,
    law: { kind: 'scalar', value: 1 },
    orientation: 'row',
    rows: 411982,
    cols: 65536,
    lines: [{ line: 411981 }],
  },
];

export function f32Hex(weight: number): string {
  const view = new DataView(new ArrayBuffer(4));
  view.setFloat32(0, weight);
  return '0x' + view.getUint32(0).toString(16).padStart(8, '0');
}

/** Nine significant digits identify a float32 uniquely. */
export function f32Decimal(weight: number): string {
  return weight.toPrecision(9);
}

/** The MatrixSpec of a listed vector (its seed read back from the decimal string). */
export function caseSpec(v: Vector): MatrixSpec {
  const { lo, hi } = seedWords(v.seedIsBigint ? BigInt(v.seed) : Number(v.seed));
  return {
    seedLo: lo,
    seedHi: hi,
    prob: v.prob,
    law: v.law,
    orientation: v.orientation,
    rows: v.rows,
    cols: v.cols,
  };
}

function computeLine(spec: MatrixSpec, line: number, from: number, to: number): LineVector {
  const connections: [number, string, string][] = [];
  let count = 0;
  walkLine(spec, line, lineLength(spec), (position, weight) => {
    count++;
    if (position >= from && position < to) connections.push([position, f32Hex(weight), f32Decimal(weight)]);
  });
  return { line, from, to, count, connections };
}

export function computeCase(c: Case): Vector {
  const vector: Vector = {
    name: c.name,
    title: c.title,
    seed: c.seed.toString(),
    seedIsBigint: typeof c.seed === 'bigint',
    prob: c.prob,
    law: c.law,
    orientation: c.orientation,
    rows: c.rows,
    cols: c.cols,
    lines: [],
  };
  const spec = caseSpec(vector);
  const length = lineLength(spec);
  vector.lines = c.lines.map((l) => computeLine(spec, l.line, l.from ?? 0, l.to ?? length));
  return vector;
}
