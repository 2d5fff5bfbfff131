import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { walkLine } from '../../src/definition/lineWalk.js';
import { lineLength } from '../../src/definition/matrixSpec.js';
import { referenceGather, referenceLines, referenceScatter } from '../../src/definition/referenceProducts.js';
import { seedWords } from '../../src/definition/seed.js';
import { JITCNormalR, JITCScalarC, JITCUniformR, type JITCMatrix } from '../../src/index.js';
import type { MatrixSpec, WeightLaw } from '../../src/types.js';

/**
 * The known-answer vectors of docs/definition.md. They were printed by scripts/known-answers.ts and
 * reproduced independently by a C reimplementation written from docs/definition.md (gcc 12,
 * -O2 -ffp-contract=off). A failure here means the definition changed.
 */

interface LineVector {
  line: number;
  from: number;
  to: number;
  count: number;
  connections: [number, string, string][];
}

interface Vector {
  name: string;
  seed: string;
  seedIsBigint: boolean;
  prob: number;
  law: WeightLaw;
  orientation: 'row' | 'col';
  rows: number;
  cols: number;
  lines: LineVector[];
}

const vectors = (
  JSON.parse(readFileSync(new URL('./vectors/known-answers.json', import.meta.url), 'utf8')) as {
    vectors: Vector[];
  }
).vectors;
const specText = readFileSync(new URL('../../docs/definition.md', import.meta.url), 'utf8');

function f32Hex(weight: number): string {
  const view = new DataView(new ArrayBuffer(4));
  view.setFloat32(0, weight);
  return '0x' + view.getUint32(0).toString(16).padStart(8, '0');
}

function specOf(v: Vector): MatrixSpec {
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

/** Lines of the doc with runs of spaces collapsed, so listings are compared by content. */
const docLines = new Set(specText.split('\n').map((line) => line.trim().replace(/\s+/g, ' ')));

describe('known-answer vectors', () => {
  it('covers the parameter sets the spec promises', () => {
    expect(vectors.map((v) => v.name)).toEqual([
      'normal-r',
      'uniform-bigint',
      'block-boundary',
      'scalar-c',
      'tiny-p',
    ]);
  });

  for (const v of vectors) {
    describe(v.name, () => {
      const spec = specOf(v);
      for (const l of v.lines) {
        it(`line ${l.line}: positions and float32 weight bits`, () => {
          const got: [number, string][] = [];
          let count = 0;
          walkLine(spec, l.line, lineLength(spec), (position, weight) => {
            count++;
            if (position >= l.from && position < l.to) got.push([position, f32Hex(weight)]);
          });
          expect(got).toEqual(l.connections.map(([position, hex]) => [position, hex]));
          expect(count).toBe(l.count);
          // The decimal column is the same float32 printed to nine significant digits.
          for (const [, hex, decimal] of l.connections) expect(f32Hex(Number(decimal))).toBe(hex);
        });

        it(`line ${l.line}: is listed in docs/definition.md`, () => {
          const lineName = v.orientation === 'row' ? 'row' : 'column';
          const header = `${lineName} ${l.line}: ${l.count} connection${l.count === 1 ? '' : 's'}`;
          expect([...docLines].some((d) => d.startsWith(header))).toBe(true);
          for (const [position, hex, decimal] of l.connections) {
            expect(docLines.has(`${position} ${hex} ${decimal}`), `${position} ${hex}`).toBe(true);
          }
        });
      }
    });
  }
});

describe('products of the normal-r matrix (docs/definition.md, "Products")', () => {
  const v = vectors.find((x) => x.name === 'normal-r')!;
  const spec = specOf(v);

  it('x @ R with spikes on rows 0, 1, 2: float32 sums in row order', () => {
    const out = referenceScatter(spec, { lines: Uint32Array.from([0, 1, 2]), values: null, k: 1 });
    const columns = [35, 57, 124, 138, 153];
    expect(columns.map((c) => f32Hex(out[c]!))).toEqual([
      '0xbe20f276',
      '0xbe1536f6',
      '0x3d4fd77a',
      '0x3e2e432a',
      '0xba3b7f80',
    ]);
  });

  it('R @ ones: double sums rounded once to float32', () => {
    const out = referenceGather(spec, new Float32Array(v.cols).fill(1), 1);
    expect(Array.from(out, f32Hex)).toEqual(['0xbe1e13ed', '0xbec604da', '0x3e5538a6', '0xbdeaf54c']);
  });
});

describe('structural guarantees on the vectors', () => {
  it('a shorter line is a prefix of a longer one (the m x n matrix is a corner of every larger one)', () => {
    const v = vectors.find((x) => x.name === 'normal-r')!;
    const spec = specOf(v);
    const full = v.lines[0]!.connections.map(([position, hex]) => [position, hex]);
    for (const length of [1, 5, 57, 58, 150]) {
      const got: [number, string][] = [];
      walkLine(spec, 0, length, (position, weight) => got.push([position, f32Hex(weight)]));
      expect(got).toEqual(full.filter(([position]) => (position as number) < length));
    }
  });

  it('R.T is the C matrix with the same fields: the scalar-c columns are the rows of a 3 x 30 R matrix', () => {
    const v = vectors.find((x) => x.name === 'scalar-c')!;
    const c = specOf(v);
    const r: MatrixSpec = { ...c, orientation: 'row', rows: c.cols, cols: c.rows };
    const fromC = referenceLines(c);
    const fromR = referenceLines(r);
    expect(Array.from(fromC.indices)).toEqual(Array.from(fromR.indices));
    expect(Array.from(fromC.indptr)).toEqual(Array.from(fromR.indptr));
    expect(Array.from(fromC.indices)).toEqual(v.lines.flatMap((l) => l.connections.map(([p]) => p)));
  });

  it('the number seed 2^40 + 7 and the bigint 2n ** 40n + 7n are the same matrix', () => {
    const v = vectors.find((x) => x.name === 'uniform-bigint')!;
    expect(v.seedIsBigint).toBe(true);
    const asBigint = referenceLines(specOf(v));
    const asNumber = referenceLines({ ...specOf(v), ...wordsOf(2 ** 40 + 7) });
    expect(Array.from(asNumber.indices)).toEqual(Array.from(asBigint.indices));
    expect(Array.from(asNumber.data)).toEqual(Array.from(asBigint.data));
  });
});

function wordsOf(seed: number): { seedLo: number; seedHi: number } {
  const { lo, hi } = seedWords(seed);
  return { seedLo: lo, seedHi: hi };
}

describe('the public classes realise the vectors (constructor forms as listed in docs/definition.md)', () => {
  const matrices: [string, () => JITCMatrix][] = [
    ['normal-r', () => new JITCNormalR([0, 0.1, 0.1, 12345], { shape: [4, 200] })],
    ['uniform-bigint', () => new JITCUniformR([-0.1, 0.3, 0.5, 2n ** 40n + 7n], { shape: [2, 24] })],
    ['scalar-c', () => new JITCScalarC([0.5, 0.2, 42], { shape: [30, 3] })],
  ];
  for (const [name, make] of matrices) {
    it(`${name}: tocsr() lists the vector's connections`, () => {
      const v = vectors.find((x) => x.name === name)!;
      const csr = make().tocsr();
      // tocsr is row-major; for a C matrix the listed lines are columns, so compare as (row, col) sets.
      const fromCsr: string[] = [];
      for (let row = 0; row + 1 < csr.indptr.length; row++) {
        for (let e = csr.indptr[row]!; e < csr.indptr[row + 1]!; e++) {
          fromCsr.push(`${row},${csr.indices[e]!},${f32Hex(csr.data[e]!)}`);
        }
      }
      const expected = v.lines.flatMap((l) =>
        l.connections.map(([position, hex]) =>
          v.orientation === 'row' ? `${l.line},${position},${hex}` : `${position},${l.line},${hex}`,
        ),
      );
      const listedLines = new Set(v.lines.map((l) => l.line));
      const restricted = fromCsr.filter((e) =>
        listedLines.has(Number(e.split(',')[v.orientation === 'row' ? 0 : 1])),
      );
      expect(restricted.sort()).toEqual(expected.sort());
    });
  }
});
