import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BLOCK_SIZE } from '../../src/definition/constants.js';
import { gapFromWord, gapTable } from '../../src/definition/gapTable.js';
import { seedWords } from '../../src/definition/seed.js';
import { streamState } from '../../src/definition/streamKey.js';
import { detExp, detLog } from '../../src/definition/weights/detmath.js';
import { drawWeight, uniform24 } from '../../src/definition/weights/weightLaw.js';
import { MAX_NORMAL_VARIATE, standardNormal, ZIGGURAT } from '../../src/definition/weights/ziggurat.js';

/**
 * Properties of the building blocks of docs/definition.md. Their known answers (stream states,
 * xoshiro128++ outputs, gap tables and gaps of given words, ziggurat tables, standardNormal from
 * given words, detLog and detExp values, scatter chunk counts) are in vectors/known-answers.json,
 * which knownAnswers.test.ts holds against the reference and crosscheck.test.ts against the
 * independent C implementation. Deterministic: no false failures.
 */

const TWO_32 = 4294967296;

describe('seed words', () => {
  it('splits numbers and bigints into the same two 32-bit words', () => {
    expect(seedWords(12345)).toEqual({ lo: 12345, hi: 0 });
    expect(seedWords(2 ** 40 + 7)).toEqual({ lo: 7, hi: 256 });
    expect(seedWords(2n ** 40n + 7n)).toEqual({ lo: 7, hi: 256 });
    expect(seedWords(2 ** 53 - 1)).toEqual({ lo: 0xffffffff, hi: 0x1fffff });
    expect(seedWords(2n ** 64n - 1n)).toEqual({ lo: 0xffffffff, hi: 0xffffffff });
  });

  it('rejects what is not a seed', () => {
    for (const bad of [-1, 2 ** 53, 1.5, NaN, -1n, 2n ** 64n])
      expect(() => seedWords(bad)).toThrow(RangeError);
  });
});

/** The inverse of the key rounds, written from the spec: proves each key has its own state. */
function invertStreamState(state: readonly number[]): number[] {
  const rotr = (x: number, r: number): number => (x >>> r) | (x << (32 - r));
  let [a, b, c, d] = state.map((w) => w | 0) as [number, number, number, number];
  for (let round = 8; round >= 1; round--) {
    b = rotr(b, 7) ^ c;
    c = (c - d) | 0;
    d = rotr(d, 8) ^ a;
    a = (a - b) | 0;
    b = rotr(b, 12) ^ c;
    c = (c - d) | 0;
    d = rotr(d, 16) ^ a;
    a = (a - b) | 0;
    a = (a - Math.imul(round, 0x9e3779b9)) | 0;
  }
  const constants = [0x61707865, 0x3320646e, 0x79622d32, 0x6b206574];
  return [a, b, c, d].map((w, i) => (w ^ constants[i]!) >>> 0);
}

describe('stream key', () => {
  it('is invertible: the key comes back from the state, so no two keys share a stream', () => {
    const u32 = fc.integer({ min: 0, max: 0xffffffff });
    fc.assert(
      fc.property(
        u32,
        u32,
        u32,
        fc.integer({ min: 0, max: 0xffff }),
        fc.integer({ min: 0, max: 1 }),
        (lo, hi, line, block, kind) => {
          const key = [lo, hi, line, (block | (kind << 16)) >>> 0];
          expect(invertStreamState(streamState(lo, hi, line, block, kind))).toEqual(key);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('never reaches the zero state (nor its replacement) from a valid key', () => {
    // Key word 3 is block | kind << 16 < 2^18 for every valid key; these preimages are far above.
    const zeroKey = invertStreamState([0, 0, 0, 0]);
    const replacementKey = invertStreamState([0x9e3779b9, 0, 0, 0]);
    expect(zeroKey[3]).toBe(0xde3cec35);
    expect(replacementKey[3]).toBe(0x41350140);
    expect(zeroKey[3]! >= 1 << 18 && replacementKey[3]! >= 1 << 18).toBe(true);
  });
});

describe('gap table', () => {
  it('p = 0 never connects and p = 1 always does', () => {
    const none = gapTable(0);
    expect(none.limits.length).toBe(BLOCK_SIZE);
    expect(none.limits.every((l) => l === 0xffffffff)).toBe(true);
    expect(gapFromWord(none, 0xffffffff)).toBe(BLOCK_SIZE);
    const all = gapTable(1);
    expect(all.limits.length).toBe(0);
    expect(all.effectiveProb).toBe(1);
    expect(gapFromWord(all, 0)).toBe(0);
  });

  it('G(U) counts the limits U does not exceed', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(0.9, 0.5, 0.1, 0.01, 1e-4, 1e-6, 1e-11),
        fc.integer({ min: 0, max: 0xffffffff }),
        (p, u) => {
          const limits = gapTable(p).limits;
          let count = 0;
          for (const limit of limits) if (u <= limit) count++;
          expect(gapFromWord(gapTable(p), u)).toBe(count);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('ziggurat', () => {
  it('has the shape the tables are built for', () => {
    const { w, f } = ZIGGURAT;
    // The top layer's edge is the tail start r, exactly (r / 2^24 * 2^24).
    expect(w[127]! * 2 ** 24).toBe(3.442619855899);
    for (let i = 1; i < 128; i++) expect(f[i]!).toBeLessThan(f[i - 1]!);
  });

  it('reaches its largest variate, r + 32 ln 2 / r, with the smallest tail word', () => {
    const words = [0xffffff00, 0, 0];
    let used = 0;
    const z = standardNormal(() => words[used++]!);
    expect(z).toBe(MAX_NORMAL_VARIATE);
    expect(z).toBe(3.442619855899 + (32 * Math.LN2) / 3.442619855899);
  });
});

describe('weight laws', () => {
  it('uniform24 keeps the top 24 bits', () => {
    expect([0, 0xff, 0x100, 0xffffffff].map(uniform24)).toEqual([0, 0, 2 ** -24, 1 - 2 ** -24]);
  });

  it('draws the documented number of words and rounds once to float32', () => {
    let used = 0;
    const word = (): number => {
      used++;
      return 0xffffffff;
    };
    expect(drawWeight({ kind: 'scalar', value: 0.1 }, word)).toBe(Math.fround(0.1));
    expect(used).toBe(0);
    expect(drawWeight({ kind: 'uniform', offset: -0.1, span: 0.4 }, word)).toBe(
      Math.fround(-0.1 + 0.4 * (1 - 2 ** -24)),
    );
    expect(used).toBe(1);
    // The upper end is reachable after float32 rounding: U[1, 2) gives 2 for the top word.
    expect(drawWeight({ kind: 'uniform', offset: 1, span: 1 }, word)).toBe(2);
    used = 0;
    expect(drawWeight({ kind: 'normal', loc: 1, scale: 2 }, () => (used++, 0x80000003))).toBe(
      Math.fround(1 + 2 * 0.21327399317771145),
    );
    expect(used).toBe(1);
  });
});

describe('detLog and detExp', () => {
  const view = new DataView(new ArrayBuffer(8));
  function ulpDistance(a: number, b: number): number {
    view.setFloat64(0, a);
    const x = view.getBigInt64(0);
    view.setFloat64(0, b);
    const d = x - view.getBigInt64(0);
    return Number(d < 0n ? -d : d);
  }
  let state = 1;
  const lcg = (): number => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0);

  it('has the exact values the definition relies on', () => {
    expect(detLog(1)).toBe(0);
    expect(detExp(0)).toBe(1);
    expect(detExp(-0)).toBe(1);
    expect(detLog(2)).toBe(Math.LN2);
    expect(detLog(2 ** -32)).toBe(-32 * Math.LN2);
  });

  // Math.log / Math.exp are not specified to the last bit, but V8's are fdlibm ports, correct
  // to under one ulp; detLog/detExp must be within one ulp of them everywhere the definition looks.
  it('detLog is within 1 ulp of Math.log on (0, 1] words and on a sweep of exponents', () => {
    let worst = 0;
    for (let i = 0; i < 200_000; i++) {
      const x = i % 2 === 0 ? (lcg() + 1) * 2 ** -32 : 2 ** ((lcg() % 2000) - 1000) * (1 + lcg() / TWO_32);
      worst = Math.max(worst, ulpDistance(detLog(x), Math.log(x)));
    }
    expect(worst).toBeLessThanOrEqual(1);
  });

  it('detExp is within 1 ulp of Math.exp on [-700, 0]', () => {
    let worst = 0;
    for (let i = 0; i < 200_000; i++) {
      const x = -(lcg() / TWO_32) * (i % 2 === 0 ? 20 : 700);
      worst = Math.max(worst, ulpDistance(detExp(x), Math.exp(x)));
    }
    expect(worst).toBeLessThanOrEqual(1);
  });
});
