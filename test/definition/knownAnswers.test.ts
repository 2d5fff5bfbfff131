import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { walkLine } from '../../src/definition/lineWalk.js';
import { referenceLines } from '../../src/definition/referenceProducts.js';
import { seedWords } from '../../src/definition/seed.js';
import { JITCNormalR, JITCScalarC, JITCUniformR, type JITCMatrix } from '../../src/index.js';
import type { MatrixSpec } from '../../src/types.js';
import { readKnownAnswers, referenceAnswers, type KnownAnswers } from './vectors/answers.js';
import { caseSpec, f32Hex } from './vectors/lines.js';
import { linesMarkdown, primitivesMarkdown } from './vectors/markdown.js';

/**
 * The known answers of docs/definition.md section 14 (vectors/known-answers.json) against the
 * reference implementation and against the document. crosscheck.test.ts holds them against the
 * independent C implementation. A failure here means the definition (or its document) changed.
 * Deterministic: no false failures.
 */

const answers = readKnownAnswers();
const vectors = answers.vectors;
const docText = readFileSync(new URL('../../docs/definition.md', import.meta.url), 'utf8');

/** The document from `start` (exclusive) to `end` (exclusive; null: the end of the document). */
function docBetween(start: string, end: string | null): string {
  const from = docText.indexOf(start);
  expect(from, start).toBeGreaterThanOrEqual(0);
  const to = end === null ? docText.length : docText.indexOf(end, from);
  expect(to, `${end} after ${start}`).toBeGreaterThan(from);
  return docText.slice(from + start.length, to);
}

describe('the reference implementation reproduces every known answer', () => {
  let computed: KnownAnswers;
  beforeAll(() => {
    computed = referenceAnswers();
  });
  it('computes exactly the sections of known-answers.json', () => {
    expect(Object.keys(computed).sort()).toEqual(Object.keys(answers).sort());
  });
  for (const section of Object.keys(answers) as (keyof KnownAnswers)[]) {
    it(section, () => {
      expect(computed[section]).toStrictEqual(answers[section]);
    });
  }

  it('the decimal column is the same float32 printed to nine significant digits', () => {
    for (const v of vectors)
      for (const l of v.lines)
        for (const [, hex, decimal] of l.connections) expect(f32Hex(Number(decimal))).toBe(hex);
  });
});

describe('docs/definition.md section 14 is the listing of known-answers.json', () => {
  it('14.1 primitives and products', () => {
    expect(docBetween('### 14.1 Primitives\n\n', '\n### 14.2 Lines')).toBe(primitivesMarkdown(answers));
  });

  it('14.2 lines', () => {
    const section = docBetween('\n### 14.2 Lines\n', null);
    // The listings start at the first parameter set's heading, after the section's prose.
    expect(section.slice(section.indexOf('#### '))).toBe(linesMarkdown(answers));
  });
});

describe('structural guarantees on the vectors', () => {
  it('a shorter line is a prefix of a longer one (the m x n matrix is a corner of every larger one)', () => {
    const v = vectors.find((x) => x.name === 'normal-r')!;
    const spec = caseSpec(v);
    const full = v.lines[0]!.connections.map(([position, hex]) => [position, hex]);
    for (const length of [1, 5, 57, 58, 150]) {
      const got: [number, string][] = [];
      walkLine(spec, 0, length, (position, weight) => got.push([position, f32Hex(weight)]));
      expect(got).toEqual(full.filter(([position]) => (position as number) < length));
    }
  });

  it('R.T is the C matrix with the same fields: the scalar-c columns are the rows of a 3 x 30 R matrix', () => {
    const v = vectors.find((x) => x.name === 'scalar-c')!;
    const c = caseSpec(v);
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
    const asBigint = referenceLines(caseSpec(v));
    const { lo, hi } = seedWords(2 ** 40 + 7);
    const asNumber = referenceLines({ ...caseSpec(v), seedLo: lo, seedHi: hi });
    expect(Array.from(asNumber.indices)).toEqual(Array.from(asBigint.indices));
    expect(Array.from(asNumber.data)).toEqual(Array.from(asBigint.data));
  });
});

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
