/**
 * Prints the known-answer vectors of docs/definition.md, computed by the reference implementation.
 *
 *     npx tsx scripts/known-answers.ts            Markdown listings, as they appear in docs/definition.md
 *     npx tsx scripts/known-answers.ts --json     the vectors as JSON (test/definition/vectors/known-answers.json)
 *
 * Regenerate only on purpose: a changed vector means the definition changed, and every matrix
 * anyone ever built with this library changes with it.
 */
import * as prettier from 'prettier';
import { lineLength } from '../src/definition/matrixSpec.js';
import { walkLine } from '../src/definition/lineWalk.js';
import { seedWords } from '../src/definition/seed.js';
import type { MatrixSpec, WeightLaw } from '../src/types.js';

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

const CASES: Case[] = [
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

function f32Hex(weight: number): string {
  const view = new DataView(new ArrayBuffer(4));
  view.setFloat32(0, weight);
  return '0x' + view.getUint32(0).toString(16).padStart(8, '0');
}

/** Nine significant digits identify a float32 uniquely. */
function f32Decimal(weight: number): string {
  return weight.toPrecision(9);
}

interface LineVector {
  line: number;
  from: number;
  to: number;
  /** Connections of the whole line (not only the window). */
  count: number;
  connections: [number, string, string][];
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

function computeCase(c: Case) {
  const { lo, hi } = seedWords(c.seed);
  const spec: MatrixSpec = {
    seedLo: lo,
    seedHi: hi,
    prob: c.prob,
    law: c.law,
    orientation: c.orientation,
    rows: c.rows,
    cols: c.cols,
  };
  const length = lineLength(spec);
  return {
    name: c.name,
    title: c.title,
    seed: c.seed.toString(),
    seedIsBigint: typeof c.seed === 'bigint',
    prob: c.prob,
    law: c.law,
    orientation: c.orientation,
    rows: c.rows,
    cols: c.cols,
    lines: c.lines.map((l) => computeLine(spec, l.line, l.from ?? 0, l.to ?? length)),
  };
}

function markdown(vector: ReturnType<typeof computeCase>): string {
  const lineName = vector.orientation === 'row' ? 'row' : 'column';
  const positionName = vector.orientation === 'row' ? 'col' : 'row';
  const out = [`#### ${vector.name}: ${vector.title}`, '', '```text'];
  for (const l of vector.lines) {
    const window = l.from === 0 && l.to === (vector.orientation === 'row' ? vector.cols : vector.rows);
    const where = window ? '' : `, listed: ${positionName}s ${l.from}..${l.to - 1}`;
    out.push(`${lineName} ${l.line}: ${l.count} connection${l.count === 1 ? '' : 's'}${where}`);
    out.push(`  ${positionName.padStart(6)}  f32 bits    weight`);
    for (const [position, hex, decimal] of l.connections) {
      out.push(`  ${String(position).padStart(6)}  ${hex}  ${decimal}`);
    }
  }
  out.push('```', '');
  return out.join('\n');
}

const vectors = CASES.map(computeCase);
if (process.argv.includes('--json')) {
  // Formatted as the repository's prettier settings want it, so `npm run lint` accepts the file.
  const json = JSON.stringify({ generatedBy: 'npx tsx scripts/known-answers.ts --json', vectors });
  const options = await prettier.resolveConfig(
    new URL('../test/definition/vectors/known-answers.json', import.meta.url),
  );
  process.stdout.write(await prettier.format(json, { ...options, parser: 'json' }));
} else {
  console.log(vectors.map(markdown).join('\n'));
}
