import { describe, expect, it } from 'vitest';
import { referenceBackend } from '../../src/kernels/referenceBackend.js';
import { wasmBackend } from '../../src/kernels/wasm/index.js';
import { jobCount } from '../../src/kernels/wasm/runtime.js';
import type { LineConnections, WeightLaw } from '../../src/types.js';
import { firstDifference, kernelSettings, onThreads, sameBits, spec } from './kernelHelpers.js';

/**
 * lines() counts a slice of lines per job and fills a slice of connections per job
 * (limits.countSliceLines, limits.fillSliceEntries), and fills a line with more connections than
 * a slice a window of blocks at a time. With the slices made small, small matrices take every
 * one of those paths: wasm against the reference bit for bit, every law, both orientations.
 */
kernelSettings({ parallelMinWork: 0, limits: { countSliceLines: 7, fillSliceEntries: 500 } });

const LAWS: WeightLaw[] = [
  { kind: 'scalar', value: 2 },
  { kind: 'normal', loc: -1, scale: 0.5 },
  { kind: 'uniform', offset: 0, span: 3 },
];

function expectSame(got: LineConnections, want: LineConnections, what: string): void {
  expect(sameBits(got.indptr, want.indptr), `${what}: indptr`).toBe(true);
  expect(Array.from(got.indices), `${what}: indices`).toEqual(Array.from(want.indices));
  expect(sameBits(got.data, want.data), `${what}: ${firstDifference(got.data, want.data)}`).toBe(true);
}

describe('lines() in slices, wasm against the reference', () => {
  it.each([
    { name: 'many slices of lines (about 150 connections a line)', lines: 100, length: 3000, prob: 0.05 },
    { name: 'lines longer than a slice, a block window at a time', lines: 5, length: 200_000, prob: 0.01 },
    { name: 'one line of 2^20 positions', lines: 1, length: 2 ** 20, prob: 0.001 },
  ])('$name', ({ lines, length, prob }) => {
    for (const law of LAWS) {
      for (const orientation of ['row', 'col'] as const) {
        const s = spec(707, prob, law, orientation, lines, length);
        // The whole matrix, and a range of lines that starts and ends inside slices.
        for (const [first, last] of [
          [0, lines],
          [Math.floor(lines / 3), lines - Math.floor(lines / 4)],
        ] as const) {
          const want = referenceBackend.lines(s, first, last);
          for (const threads of [1, 2]) {
            const before = jobCount();
            const got = onThreads(threads, () => wasmBackend.lines(s, first, last));
            expect(jobCount() - before, 'several jobs').toBeGreaterThan(2);
            expectSame(got, want, `${law.kind}, ${orientation}, [${first}, ${last}), ${threads} threads`);
          }
        }
        expect(onThreads(2, () => wasmBackend.nnz(s))).toBe(referenceBackend.nnz(s));
      }
    }
  });
});
