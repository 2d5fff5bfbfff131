import { describe, expect, it } from 'vitest';
import { referenceBackend } from '../../src/kernels/referenceBackend.js';
import { wasmBackend } from '../../src/kernels/wasm/index.js';
import { jobCount } from '../../src/kernels/wasm/runtime.js';
import { scatterChunkCount } from '../../src/definition/scatterChunks.js';
import { JitconnTooLargeError } from '../../src/errors.js';
import type { WeightLaw } from '../../src/types.js';
import {
  firstDifference,
  gatherInto,
  kernelSettings,
  onThreads,
  sameBits,
  scatterInto,
  spec,
  TARGET_MODES,
  values,
} from './kernelHelpers.js';

/**
 * Products whose buffers exceed what a wasm kernel lays out at once are computed in pieces
 * (windows of blocks of positions, ranges of batch columns and of lines). With the per-piece
 * limit lowered to 1 MiB, small products take those paths: bit-identical to the reference on
 * every target mode (overwrite, accumulate, batch-major) and on 1 and 2 threads.
 */
kernelSettings({ parallelMinWork: 0, limits: { pieceBytes: 1 << 20 } });

const LAWS: WeightLaw[] = [
  { kind: 'scalar', value: 0.75 },
  { kind: 'normal', loc: -0.2, scale: 1.5 },
  { kind: 'uniform', offset: 2, span: -3 },
];

describe('products in pieces, wasm against the reference', () => {
  it.each([
    { name: 'windows of blocks', length: 300_000, lines: 25, k: 1, prob: 0.01, floats: false },
    {
      name: 'windows of blocks, several chunks',
      length: 140_000,
      lines: 1500,
      k: 1,
      prob: 0.01,
      floats: true,
    },
    { name: 'ranges of columns', length: 70_000, lines: 12, k: 9, prob: 0.02, floats: true },
    { name: 'columns and windows', length: 200_000, lines: 8, k: 5, prob: 0.005, floats: false },
  ])('scatter: $name', ({ length, lines, k, prob, floats }) => {
    const activeLines = Uint32Array.from({ length: lines }, (_, i) => i * 37 + (i % 3));
    for (const law of LAWS) {
      const s = spec(91, prob, law, 'row', 100_000, length);
      const active = { lines: activeLines, values: floats ? values(lines * k, 5) : null, k };
      for (const mode of TARGET_MODES) {
        const want = scatterInto(referenceBackend, s, active, mode);
        for (const threads of [1, 2]) {
          const before = jobCount();
          const got = onThreads(threads, () => scatterInto(wasmBackend, s, active, mode));
          expect(jobCount() - before, 'pieces').toBeGreaterThan(1);
          const what = `${law.kind}, ${JSON.stringify(mode)}, ${threads} threads`;
          expect(sameBits(got, want), `${what}: ${firstDifference(got, want)}`).toBe(true);
        }
      }
    }
  });

  it('the several-chunks case really has several chunks', () => {
    expect(scatterChunkCount(1500, 140_000, 0.01)).toBeGreaterThan(1);
  });

  it.each([
    { name: 'windows of blocks, sums carried', lines: 9, length: 300_000, k: 1, prob: 0.01 },
    { name: 'windows of blocks, sums carried, few lines', lines: 2, length: 400_000, k: 2, prob: 0.02 },
    { name: 'ranges of lines', lines: 14_000, length: 300, k: 20, prob: 0.05 },
    { name: 'ranges of columns', lines: 40, length: 70_000, k: 6, prob: 0.01 },
  ])('gather: $name', ({ lines, length, k, prob }) => {
    for (const law of LAWS) {
      const s = spec(2n ** 40n + 3n, prob, law, 'col', lines, length);
      const y = values(length * k, 8);
      for (const mode of TARGET_MODES) {
        const want = gatherInto(referenceBackend, s, y, k, mode);
        for (const threads of [1, 2]) {
          const before = jobCount();
          const got = onThreads(threads, () => gatherInto(wasmBackend, s, y, k, mode));
          expect(jobCount() - before, 'pieces').toBeGreaterThan(1);
          const what = `${law.kind}, ${JSON.stringify(mode)}, ${threads} threads`;
          expect(sameBits(got, want), `${what}: ${firstDifference(got, want)}`).toBe(true);
        }
      }
    }
  });

  it('refuses with JitconnTooLargeError what does not fit even one column and one block at a time', () => {
    const s = spec(1, 0.1, { kind: 'scalar', value: 1 }, 'row', 10_000_000, 100);
    const active = { lines: Uint32Array.from({ length: 300_000 }, (_, i) => i * 3), values: null, k: 1 };
    expect(() => scatterInto(wasmBackend, s, active, TARGET_MODES[0]!)).toThrow(JitconnTooLargeError);
  });
});
