import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BLOCK_SIZE } from '../../src/definition/constants.js';
import { gapFromWord, gapTable } from '../../src/definition/gapTable.js';
import { scatterChunkCount } from '../../src/definition/scatterChunks.js';
import { seedWords } from '../../src/definition/seed.js';
import { streamState } from '../../src/definition/streamKey.js';
import { detExp, detLog } from '../../src/definition/weights/detmath.js';
import { drawWeight, uniform24 } from '../../src/definition/weights/weightLaw.js';
import { standardNormal, ZIGGURAT } from '../../src/definition/weights/ziggurat.js';
import { Xoshiro128pp } from '../../src/definition/xoshiro128pp.js';

/**
 * Known answers for the building blocks of docs/definition.md. Unless a comment says otherwise, every
 * number below was also produced by an independent C reimplementation of docs/definition.md (gcc 12,
 * -O2 -ffp-contract=off, x86-64), so these are not merely the TypeScript agreeing with itself.
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
  it('gives the known states', () => {
    const hex = (s: number[]): string[] => s.map((w) => '0x' + w.toString(16).padStart(8, '0'));
    expect(hex(streamState(0, 0, 0, 0, 0))).toEqual(['0x9d291cd8', '0x5371cc8f', '0x6325fef6', '0xc0c8f74e']);
    expect(hex(streamState(12345, 0, 0, 0, 0))).toEqual([
      '0x4575cc11',
      '0xca5f7b6f',
      '0xb7d1cf8d',
      '0x09d3d542',
    ]);
    expect(hex(streamState(12345, 0, 0, 0, 1))).toEqual([
      '0x913801e3',
      '0x7d2008fd',
      '0x9a5ff87c',
      '0x4fb9d785',
    ]);
    expect(hex(streamState(7, 256, 1, 1, 0))).toEqual([
      '0x7a98be92',
      '0x1752b597',
      '0xea5f8465',
      '0x27a7170d',
    ]);
    expect(hex(streamState(0xffffffff, 0xffffffff, 0xffffffff, 0xffff, 1))).toEqual([
      '0x83e42f29',
      '0xc2834c36',
      '0x3c8fe9a8',
      '0x9d9b0111',
    ]);
  });

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

describe('xoshiro128++', () => {
  // Obtained from the authors' published C code (prng.di.unimi.it/xoshiro128plusplus.c: result =
  // rotl(s0 + s3, 7) + s0; t = s1 << 9; s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t;
  // s3 = rotl(s3, 11)) written out in /tmp, compiled with gcc 12 -O2 and run: first 8 outputs.
  const cases: [[number, number, number, number], number[]][] = [
    [
      [1, 2, 3, 4],
      [641, 1573767, 3222811527, 3517856514, 836907274, 4247214768, 3867114732, 1355841295],
    ],
    [
      [0x12345678, 0x87654321, 0xdeadbeef, 0x0badcafe],
      [54858118, 1156245144, 2547188361, 3301450617, 1339000711, 1966852792, 598396583, 1978331781],
    ],
    [
      [0xffffffff, 0, 0, 0],
      [4294967294, 4294967294, 4294967295, 0, 134021503, 4027054143, 2042953071, 805468929],
    ],
  ];
  for (const [state, expected] of cases) {
    it(`matches the reference C code from state ${state.map((w) => w.toString(16)).join(' ')}`, () => {
      const g = new Xoshiro128pp(state);
      expect(expected.map(() => g.next())).toEqual(expected);
    });
  }
});

describe('gap table', () => {
  it('has the known limits, lengths and effective probabilities', () => {
    const known: [number, number, number, number[]][] = [
      // p, effectiveProb, limits.length, first limits
      [0.5, 0.5, 33, [2147483647, 1073741823, 536870911, 268435455]],
      [0.3, 0.30000000004656613, 64, [3006477106, 2104533974, 1473173782, 1031221647]],
      [0.1, 0.10000000009313226, 217, [3865470565, 3478923509, 3131031158, 2817928042]],
      [0.01, 0.010000000009313226, 2275, [4252017622, 4209497446, 4167402471, 4125728447]],
      [1e-6, 0.00000100000761449337, 65536, [4294963000, 4294958705, 4294954410, 4294950115]],
      [1e-11, 0, 65536, [4294967295, 4294967295, 4294967295, 4294967295]],
    ];
    for (const [p, effective, length, first] of known) {
      const t = gapTable(p);
      expect(t.effectiveProb).toBe(effective);
      expect(t.limits.length).toBe(length);
      expect(Array.from(t.limits.slice(0, 4))).toEqual(first);
    }
    expect(gapTable(1e-6).limits[BLOCK_SIZE - 1]).toBe(4022517329);
    // p = 1e-11 rounds to effectiveProb 0, yet a gap below 2^16 keeps probability ~ 2^16 p.
    expect(gapTable(1e-11).limits[BLOCK_SIZE - 1]).toBe(4294964480);
  });

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
    const t = gapTable(0.1);
    const words = [0, 3865470565, 3865470566, 3478923509, 3478923510, 0xffffffff, 2 ** 31];
    expect(words.map((w) => gapFromWord(t, w))).toEqual([217, 1, 0, 2, 1, 0, 6]);
    fc.assert(
      fc.property(
        fc.constantFrom(0.9, 0.5, 0.1, 0.01, 1e-4),
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

  it('P(G >= g) = T[g] / 2^32 is within 2^-33 (plus the rounding of q^g) of q^g', () => {
    for (const p of [0.9, 0.5, 0.3, 0.1, 0.01, 1e-4, 1e-6, 1e-8, 1e-11]) {
      const t = gapTable(p);
      const q = 1 - p;
      for (let g = 1; g <= BLOCK_SIZE; g++) {
        const threshold = g <= t.limits.length ? t.limits[g - 1]! + 1 : 0;
        // g * 2^-52 covers the g roundings of the repeated product and Math.pow's own error.
        const bound = 2 ** -33 + g * 2 ** -52;
        if (Math.abs(threshold / TWO_32 - Math.pow(q, g)) > bound) {
          expect.fail(`p = ${p}, g = ${g}: ${threshold / TWO_32} vs ${Math.pow(q, g)}`);
        }
      }
    }
  });
});

describe('ziggurat', () => {
  it('has the known tables', () => {
    const { k, w, f } = ZIGGURAT;
    expect([k[0], k[1], k[2], k[3], k[127]]).toEqual([15555140, 0, 12590646, 14272655, 15707337]);
    expect([w[0], w[1], w[2], w[3], w[127]]).toEqual([
      2.2131718675747815e-7, 1.6231588412163486e-8, 2.1628822749676185e-8, 2.542424120637315e-8,
      2.0519613360756637e-7,
    ]);
    expect([f[0], f[1], f[2], f[3], f[127]]).toEqual([
      1, 0.9635996931270864, 0.9362826816850598, 0.9130436479717404, 0.002669629083880923,
    ]);
    // The top layer's edge is the tail start r, exactly (r / 2^24 * 2^24).
    expect(w[127]! * 2 ** 24).toBe(3.442619855899);
    for (let i = 1; i < 128; i++) expect(f[i]!).toBeLessThan(f[i - 1]!);
  });

  /** standardNormal fed from a fixed word list; returns the variate and the words used. */
  function fromWords(...words: number[]): [number, number] {
    let used = 0;
    const z = standardNormal(() => words[used++]!);
    return [z, used];
  }

  it('takes the rectangle, wedge and tail paths as the word layout says', () => {
    // bits 0-6 layer, bit 7 sign, bits 8-31 magnitude
    expect(fromWords(0x00000005)).toEqual([0, 1]);
    expect(fromWords(0x12345685)).toEqual([-0.037024414802844574, 1]);
    expect(fromWords(0x80000003)).toEqual([0.21327399317771145, 1]);
    // layer 1 has k = 0: always the wedge; height f[1] < density there, so accepted
    expect(fromWords(0x80000001, 0)).toEqual([0.13616043240698192, 2]);
    // wedge rejected at the layer's outer edge, then a rectangle draw in layer 5
    expect(fromWords(0xffffff05, 0xffffffff, 0x00000105)).toEqual([3.1033518240574606e-8, 3]);
    // tail: the largest variate the definition can produce, r + 32 ln 2 / r
    expect(fromWords(0xffffff00, 0, 0)).toEqual([9.88559372648513, 3]);
    expect(fromWords(0xffffff80, 0x80000000, 0x12345678)).toEqual([-3.643962789219553, 3]);
    // tail pair rejected once, then accepted
    expect(fromWords(0xffffff00, 0, 0xffffffff, 0x40000000, 0x40000000)).toEqual([3.845305722540106, 5]);
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
    expect(detExp(-1)).toBe(0.36787944117144233);
    expect(detExp(-700)).toBe(9.85967654375977e-305);
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

describe('scatter chunk count', () => {
  it('depends on the work only, as in docs/definition.md', () => {
    // (active lines, line length, effective p) -> chunks
    const cases: [number, number, number, number][] = [
      [1000, 1000, 0.01, 1], // E = 1e4 < 2^20
      [1000, 100_000, 0.01, 1], // E = 1e6 < 2^20
      [800, 1_000_000, 0.01, 2], // E / 4L = 2
      [2000, 1_000_000, 0.01, 4], // E / 4L = 5
      [10_000, 100_000, 0.01, 16], // E / 4L = 25, capped at 16
      [3, 10_000_000, 0.5, 1], // E / 4L = 0.375
      [3, 10_000_000, 1, 1], // E / 4L = 0.75
      [12, 10_000_000, 1, 2], // E / 4L = 3
    ];
    for (const [active, length, p, chunks] of cases)
      expect(scatterChunkCount(active, length, p)).toBe(chunks);
  });
});
