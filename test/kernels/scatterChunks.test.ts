import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { referenceBackend } from '../../src/kernels/referenceBackend.js';
import { wasmBackend } from '../../src/kernels/wasm/index.js';
import { scatterChunkCount } from '../../src/definition/scatterChunks.js';
import type { WeightLaw } from '../../src/types.js';
import {
  firstDifference,
  kernelSettings,
  onThreads,
  sameBits,
  scatter,
  spec,
  values,
} from './kernelHelpers.js';

/**
 * Scatters split into 2, 8 and 16 chunks (src/definition/scatterChunks.ts): each chunk sums its
 * lines into its own partial output and the partials are added in chunk order. Very sparse
 * matrices with many active lines reach every chunk count while the reference stays quick.
 * Wasm against the reference bit for bit, every weight law, events and floats, 1 to 3 threads.
 */
kernelSettings({ parallelMinWork: 0 });

const LAWS: WeightLaw[] = [
  { kind: 'scalar', value: -1.25 },
  { kind: 'normal', loc: 0.3, scale: 2 },
  { kind: 'uniform', offset: -0.5, span: 1 },
];
const PROB = 0.002;

describe('scatter in several chunks, wasm against the reference', () => {
  it.each([
    { chunks: 2, lines: 5000, length: 110_000 },
    { chunks: 8, lines: 20_000, length: 30_000 },
    { chunks: 16, lines: 40_000, length: 15_000 },
  ])('$chunks chunks: $lines active lines of $length positions', ({ chunks, lines, length }) => {
    expect(scatterChunkCount(lines, length, PROB)).toBe(chunks);
    const activeLines = Uint32Array.from({ length: lines }, (_, i) => i * 23 + (i % 7));
    for (const law of LAWS) {
      const s = spec(2n ** 50n + 9n, PROB, law, 'col', 1_000_000, length);
      for (const active of [
        { lines: activeLines, values: null, k: 1 },
        { lines: activeLines, values: values(lines * 2, chunks), k: 2 },
      ]) {
        const want = scatter(referenceBackend, s, active);
        for (const threads of [1, 2, 3]) {
          const got = onThreads(threads, () => scatter(wasmBackend, s, active));
          const what = `${law.kind}, k = ${active.k}, ${threads} threads`;
          expect(sameBits(got, want), `${what}: ${firstDifference(got, want)}`).toBe(true);
        }
      }
    }
  });

  it('never caps the chunk count at the number of active lines: it stays below a quarter of them', () => {
    // The cap min(chunks, active lines) cannot bind: chunks <= lines * p / 4 <= lines / 4.
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 32 - 1 }),
        fc.integer({ min: 1, max: 2 ** 32 - 1 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (lines, length, prob) => {
          const chunks = scatterChunkCount(lines, length, prob);
          expect(chunks === 1 || chunks <= lines / 4).toBe(true);
        },
      ),
    );
  });
});
