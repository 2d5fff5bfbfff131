/**
 * Seeds and stream keys: every (seed, line, block, kind) keys its own stream, so any two distinct
 * keys must give independent blocks, whichever key words differ (low or high seed word, line
 * bits far apart, block, kind) and also when differences in two words could cancel.
 *
 * At p = 1/2 two independent blocks share Binomial(2^16, 1/4) connections; a copy shares about
 * 2^15 and a complement none. Each overlap is checked against the exact acceptance region at
 * ALPHA = 1e-6 (exact rate); the weight correlations at 4.89 / sqrt(N) (about 1e-6 each).
 * 20 + 2 = 22 statistical assertions: about 2e-5 for the file. The distinct-fingerprint test is
 * deterministic (a false collision of 1024 random bits is impossible in practice).
 */
import { describe, expect, it } from 'vitest';
import {
  BLOCK_SIZE,
  STREAM_EVENTS,
  STREAM_STRUCTURE,
  STREAM_WEIGHT,
} from '../../../src/definition/constants.js';
import { walkLine } from '../../../src/definition/lineWalk.js';
import { seedWords, type Seed } from '../../../src/definition/seed.js';
import { binomialAcceptance, Correlation, correlationBound, report } from '../../helpers/stats.js';
import { linePositions, rowSpec } from './sampling.js';

interface Key {
  seedLo: number;
  seedHi: number;
  line: number;
  block: number;
  kind: number;
}

function key(seedLo: number, seedHi: number, line = 0, block = 0, kind = STREAM_STRUCTURE): Key {
  return { seedLo, seedHi, line, block, kind };
}

/** The 0/1 entries of one block of one line, walked with the given structure stream kind. */
function blockEntries(k: Key): Uint8Array {
  const entries = new Uint8Array(BLOCK_SIZE);
  const base = k.block * BLOCK_SIZE;
  walkLine(
    rowSpec(0.5, k.seedLo, k.seedHi),
    k.line,
    base + BLOCK_SIZE,
    (position) => {
      if (position >= base) entries[position - base] = 1;
    },
    k.kind,
  );
  return entries;
}

const PAIRS: [string, Key, Key][] = [
  ['seedLo 0 vs 1', key(0, 0), key(1, 0)],
  ['seedHi 0 vs 1 (high word only)', key(0, 0), key(0, 1)],
  ['seed words swapped', key(1, 0), key(0, 1)],
  ['seedHi top bit', key(0, 0), key(0, 0x80000000)],
  ['seedHi 0 vs 0xffffffff', key(0x12345678, 0), key(0x12345678, 0xffffffff)],
  ['seedLo last bit at all-ones', key(0xffffffff, 0xffffffff), key(0xfffffffe, 0xffffffff)],
  ['line 0 vs 1', key(9, 9, 0), key(9, 9, 1)],
  ['line i vs i + 2^16', key(9, 9, 5), key(9, 9, 5 + 2 ** 16)],
  ['line i vs i + 2^31', key(9, 9, 7), key(9, 9, 7 + 2 ** 31)],
  ['line 0 vs 2^32 - 1', key(9, 9, 0), key(9, 9, 2 ** 32 - 1)],
  ['line 2^16 vs 2^17', key(9, 9, 2 ** 16), key(9, 9, 2 ** 17)],
  ['seedLo 1 line 0 vs seedLo 0 line 1', key(1, 0, 0), key(0, 0, 1)],
  ['seedHi 1 line 0 vs seedHi 0 line 1', key(0, 1, 0), key(0, 0, 1)],
  ['line 0 block 1 vs line 1 block 0', key(4, 0, 0, 1), key(4, 0, 1, 0)],
  ['block 0 vs 1 of a line', key(4, 0, 3, 0), key(4, 0, 3, 1)],
  ['block 0 vs 2 of a line', key(4, 0, 3, 0), key(4, 0, 3, 2)],
  ['seedLo 1 block 0 vs seedLo 0 block 1', key(1, 0, 3, 0), key(0, 0, 3, 1)],
  ['structure vs events stream', key(4, 0, 3, 0, STREAM_STRUCTURE), key(4, 0, 3, 0, STREAM_EVENTS)],
  ['structure vs weight stream', key(4, 0, 3, 0, STREAM_STRUCTURE), key(4, 0, 3, 0, STREAM_WEIGHT)],
  ['events vs weight stream', key(4, 0, 3, 0, STREAM_EVENTS), key(4, 0, 3, 0, STREAM_WEIGHT)],
];

describe('distinct stream keys give independent blocks', () => {
  const { lo, hi } = binomialAcceptance(BLOCK_SIZE, 0.25);
  it.each(PAIRS)('%s', (name, a, b) => {
    const x = blockEntries(a);
    const y = blockEntries(b);
    let both = 0;
    for (let j = 0; j < BLOCK_SIZE; j++) both += x[j]! & y[j]!;
    report(`overlap ${name}`, both, `[${lo}, ${hi}] (a copy gives ~${BLOCK_SIZE / 2})`);
    expect(both).toBeGreaterThanOrEqual(lo);
    expect(both).toBeLessThanOrEqual(hi);
  });

  it('seeds differing in either word give uncorrelated weights', () => {
    const law = { kind: 'normal', loc: 0, scale: 1 } as const;
    for (const [name, other] of [
      ['seedHi', rowSpec(1, 5, 1, law)],
      ['seedLo', rowSpec(1, 6, 0, law)],
    ] as const) {
      const first: number[] = [];
      walkLine(rowSpec(1, 5, 0, law), 0, BLOCK_SIZE, (_, w) => first.push(w));
      const c = new Correlation();
      walkLine(other, 0, BLOCK_SIZE, (j, w) => c.add(first[j]!, w));
      report(`weights of seed (5, 0) vs ${name} changed r (N=${c.n})`, c.r(), correlationBound(c.n));
      expect(Math.abs(c.r())).toBeLessThanOrEqual(correlationBound(c.n));
    }
  });
});

describe('different seeds give different matrices', () => {
  it('64 seeds, small and large, numbers and bigints, give 64 distinct matrices', () => {
    const seeds: Seed[] = [];
    for (let s = 0; s < 40; s++) seeds.push(s);
    seeds.push(2 ** 32, 2 ** 32 + 1, 2 ** 33, 3 * 2 ** 32, 2 ** 52, 2 ** 53 - 1, 2 ** 53 - 2, 2 ** 32 - 2);
    seeds.push(2n ** 63n, 2n ** 64n - 1n, 2n ** 64n - 2n, 2n ** 63n + 1n, 2n ** 53n, 0xffffffffn << 32n);
    seeds.push(1n << 40n, 1n << 48n, 1n << 56n, (1n << 62n) + 7n, 12345678901234567890n, 2n ** 32n - 1n);
    seeds.push(2n ** 33n + 1n, 2n ** 60n, 2 ** 45 + 12345, 2n ** 50n + 2n ** 20n);
    const words = new Set(seeds.map((seed) => JSON.stringify(seedWords(seed))));
    expect(seeds.length).toBe(64);
    expect(words.size).toBe(64); // 64 distinct seeds
    const fingerprints = new Set<string>();
    for (const seed of seeds) {
      const { lo, hi } = seedWords(seed);
      const spec = rowSpec(0.5, lo, hi);
      const rows = [0, 1, 2, 3].map((line) => linePositions(spec, line, 256).join(','));
      fingerprints.add(rows.join(';'));
    }
    expect(fingerprints.size).toBe(64);
  });
});
