/**
 * The known answers of docs/definition.md section 14: their inputs, their shape in
 * known-answers.json, and how the reference implementation (src/definition) computes them.
 * scripts/known-answers.ts writes the file from `referenceAnswers()`; knownAnswers.test.ts
 * requires the reference to reproduce the file, and crosscheck.test.ts requires the independent
 * C implementation (crosscheck.c, which holds its own copy of these inputs) to print it.
 */
import { readFileSync } from 'node:fs';
import { gapFromWord, gapTable } from '../../../src/definition/gapTable.js';
import { referenceGather, referenceScatter } from '../../../src/definition/referenceProducts.js';
import { scatterChunkCount } from '../../../src/definition/scatterChunks.js';
import { streamState } from '../../../src/definition/streamKey.js';
import { detExp, detLog } from '../../../src/definition/weights/detmath.js';
import { standardNormal, ZIGGURAT } from '../../../src/definition/weights/ziggurat.js';
import { Xoshiro128pp } from '../../../src/definition/xoshiro128pp.js';
import { CASES, caseSpec, computeCase, f32Hex, type Vector } from './lines.js';

export interface KnownAnswers {
  streamStates: { key: number[]; state: string[] }[];
  xoshiro: { state: number[]; outputs: number[] }[];
  gapTables: {
    p: number;
    effectiveProb: number;
    entries: number;
    limitsHead: number[];
    limitLast: number | null;
    limitsHash: string;
  }[];
  gapWords: { p: number; words: number[]; gaps: number[] };
  ziggurat: { indices: number[]; k: number[]; w: number[]; f: number[]; hash: string };
  standardNormal: { words: string[]; path: string; z: number; used: number }[];
  detLog: [number, number][];
  detExp: [number, number][];
  scatterChunks: { active: number; length: number; p: number; chunks: number }[];
  normalDraws: { key: number[]; draws: number; hash: string };
  vectors: Vector[];
  products: {
    vector: string;
    scatterLines: number[];
    scatterColumns: number[];
    scatter: string[];
    gatherOnes: string[];
  };
}

const STREAM_KEYS: [number, number, number, number, number][] = [
  [0, 0, 0, 0, 0],
  [12345, 0, 0, 0, 0],
  [12345, 0, 0, 0, 1],
  [7, 256, 1, 1, 0],
  [0xffffffff, 0xffffffff, 0xffffffff, 0xffff, 1],
];
const XOSHIRO_STATES: [number, number, number, number][] = [
  [1, 2, 3, 4],
  [0x12345678, 0x87654321, 0xdeadbeef, 0x0badcafe],
  [0xffffffff, 0, 0, 0],
];
const XOSHIRO_OUTPUTS = 8;
const GAP_PROBS = [0.5, 0.3, 0.1, 0.01, 1e-6, 1e-11, 0, 1];
const GAP_WORDS = { p: 0.1, words: [0, 3865470565, 3865470566, 3478923509, 3478923510, 2 ** 31, 0xffffffff] };
const ZIGGURAT_INDICES = [0, 1, 2, 3, 127];
const NORMAL_WORDS: [number[], string][] = [
  [[0x00000005], 'rectangle, layer 5, magnitude 0'],
  [[0x80000003], 'rectangle, layer 3'],
  [[0x12345685], 'rectangle, layer 5, negative'],
  [[0x80000001, 0], 'layer 1 (k = 0): wedge, accepted'],
  [[0xffffff05, 0xffffffff, 0x00000105], 'wedge rejected, then rectangle'],
  [[0xffffff00, 0, 0], 'tail, the largest possible variate'],
  [[0xffffff80, 0x80000000, 0x12345678], 'tail, negative'],
  [[0xffffff00, 0, 0xffffffff, 0x40000000, 0x40000000], 'tail rejected once, then accepted'],
];
const DETLOG_ARGUMENTS = [1, 2, 0.5, 0.1, 2 ** -32, 3.442619855899, 1e-300];
const DETEXP_ARGUMENTS = [0, -1, -0.5, -10, -20, -700, -1e-10];
/** [active lines, line length, effectiveProb] of section 10's chunk rule. */
const CHUNK_CASES: [number, number, number][] = [
  [1000, 1000, 0.01],
  [1000, 100_000, 0.01],
  [800, 1_000_000, 0.01],
  [2000, 1_000_000, 0.01],
  [10_000, 100_000, 0.01],
  [3, 10_000_000, 0.5],
  [3, 10_000_000, 1],
  [12, 10_000_000, 1],
];
const NORMAL_DRAWS = { key: [99, 0, 0, 0, 1], draws: 1_000_000 };
const PRODUCTS = { vector: 'normal-r', scatterLines: [0, 1, 2], scatterColumns: [35, 57, 124, 138, 153] };

/** known-answers.json without its "generatedBy" note: the answers alone. */
export function readKnownAnswers(): KnownAnswers {
  const file = JSON.parse(readFileSync(new URL('./known-answers.json', import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;
  delete file.generatedBy;
  return file as unknown as KnownAnswers;
}

const MASK_64 = (1n << 64n) - 1n;

/** hash64 of docs/definition.md section 14.1: h = (h * 1000003 mod 2^64) xor x over the words x. */
function hash64(words: Iterable<bigint>): string {
  let h = 0n;
  for (const x of words) h = ((h * 1000003n) & MASK_64) ^ x;
  return h.toString();
}

const view = new DataView(new ArrayBuffer(8));
/** The binary64 bit pattern of a double, as an unsigned 64-bit integer. */
function doubleBits(x: number): bigint {
  view.setFloat64(0, x);
  return view.getBigUint64(0);
}

const hex32 = (w: number): string => '0x' + (w >>> 0).toString(16).padStart(8, '0');

function* zigguratWords(): Generator<bigint> {
  for (const k of ZIGGURAT.k) yield BigInt(k);
  for (const w of ZIGGURAT.w) yield doubleBits(w);
  for (const f of ZIGGURAT.f) yield doubleBits(f);
}

function* normalDrawBits(): Generator<bigint> {
  const [lo, hi, line, block, kind] = NORMAL_DRAWS.key as [number, number, number, number, number];
  const generator = new Xoshiro128pp(streamState(lo, hi, line, block, kind));
  const next = (): number => generator.next();
  for (let i = 0; i < NORMAL_DRAWS.draws; i++) yield doubleBits(standardNormal(next));
}

function products(vectors: Vector[]): KnownAnswers['products'] {
  const spec = caseSpec(vectors.find((v) => v.name === PRODUCTS.vector)!);
  const lines = Uint32Array.from(PRODUCTS.scatterLines);
  const scatter = referenceScatter(spec, { lines, values: null, k: 1 });
  const gather = referenceGather(spec, new Float32Array(spec.cols).fill(1), 1);
  return {
    ...PRODUCTS,
    scatter: PRODUCTS.scatterColumns.map((c) => f32Hex(scatter[c]!)),
    gatherOnes: Array.from(gather, f32Hex),
  };
}

/** Every known answer, computed by the reference implementation. */
export function referenceAnswers(): KnownAnswers {
  const vectors = CASES.map(computeCase);
  const gaps = gapTable(GAP_WORDS.p);
  return {
    streamStates: STREAM_KEYS.map((key) => ({ key: [...key], state: streamState(...key).map(hex32) })),
    xoshiro: XOSHIRO_STATES.map((state) => {
      const generator = new Xoshiro128pp(state);
      return { state: [...state], outputs: Array.from({ length: XOSHIRO_OUTPUTS }, () => generator.next()) };
    }),
    gapTables: GAP_PROBS.map((p) => {
      const { effectiveProb, limits } = gapTable(p);
      return {
        p,
        effectiveProb,
        entries: limits.length,
        limitsHead: Array.from(limits.slice(0, 4)),
        limitLast: limits.length > 0 ? limits[limits.length - 1]! : null,
        limitsHash: hash64(Array.from(limits, BigInt)),
      };
    }),
    gapWords: { ...GAP_WORDS, gaps: GAP_WORDS.words.map((u) => gapFromWord(gaps, u)) },
    ziggurat: {
      indices: ZIGGURAT_INDICES,
      k: ZIGGURAT_INDICES.map((i) => ZIGGURAT.k[i]!),
      w: ZIGGURAT_INDICES.map((i) => ZIGGURAT.w[i]!),
      f: ZIGGURAT_INDICES.map((i) => ZIGGURAT.f[i]!),
      hash: hash64(zigguratWords()),
    },
    standardNormal: NORMAL_WORDS.map(([words, path]) => {
      let used = 0;
      const z = standardNormal(() => words[used++]!);
      return { words: words.map(hex32), path, z, used };
    }),
    detLog: DETLOG_ARGUMENTS.map((x) => [x, detLog(x)]),
    detExp: DETEXP_ARGUMENTS.map((x) => [x, detExp(x)]),
    scatterChunks: CHUNK_CASES.map(([active, length, p]) => ({
      active,
      length,
      p,
      chunks: scatterChunkCount(active, length, p),
    })),
    normalDraws: { ...NORMAL_DRAWS, hash: hash64(normalDrawBits()) },
    vectors,
    products: products(vectors),
  };
}
