import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wasmBackend } from '../../src/kernels/wasm/index.js';
import { referenceBackend } from '../../src/kernels/referenceBackend.js';
import { lineCount, lineLength } from '../../src/definition/matrixSpec.js';
import {
  allLines,
  firstDifference,
  gatherInto,
  kArb,
  kernelSettings,
  lawArb,
  lengthArb,
  linesWithin,
  onThreads,
  probArb,
  sameBits,
  scatterInto,
  seedArb,
  spec,
  TARGET_MODES,
  threadsArb,
  values,
} from './kernelHelpers.js';

/**
 * The wasm backend against the reference, bit for bit, on random matrices: every weight law, p
 * from 0 to 1, 64-bit seeds, both orientations, lines of several blocks, batches of k columns,
 * events and float inputs, results overwritten or accumulated, element-major or batch-major, and
 * 1, 2 or 3 threads (every call goes through the pool here).
 */

kernelSettings({ parallelMinWork: 0 });

const orientationArb = fc.constantFrom('row' as const, 'col' as const);
/** Overwrite or accumulate (into seeded values), element-major or batch-major. */
const modeArb = fc.constantFrom(...TARGET_MODES);
const BUDGET = 120_000; // connections per case, so the reference stays quick

describe('wasm backend equals the reference bit for bit', () => {
  it('scatter (events and floats, any k, any target mode)', () => {
    fc.assert(
      fc.property(
        fc.record({
          seed: seedArb,
          prob: probArb,
          law: lawArb,
          orientation: orientationArb,
          length: lengthArb,
          lineCount: fc.oneof(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 4294967295 })),
          k: kArb,
          events: fc.boolean(),
          threads: threadsArb,
          mode: modeArb,
          pick: fc.nat(),
        }),
        (c) => {
          const s = spec(c.seed, c.prob, c.law, c.orientation, c.lineCount, c.length);
          const n = linesWithin(BUDGET / c.k, c.length, c.prob, 300);
          // Active lines in increasing order (repeats allowed), anywhere in the matrix.
          const lines = Uint32Array.from({ length: n }, (_, i) =>
            Math.floor(((i + (c.pick % 7) / 7) * c.lineCount) / n),
          );
          const active = { lines, values: c.events ? null : values(n * c.k, c.pick), k: c.k };
          const got = onThreads(c.threads, () => scatterInto(wasmBackend, s, active, c.mode));
          const want = scatterInto(referenceBackend, s, active, c.mode);
          expect(sameBits(got, want), firstDifference(got, want)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gather (any k, any target mode)', () => {
    fc.assert(
      fc.property(
        fc.record({
          seed: seedArb,
          prob: probArb,
          law: lawArb,
          orientation: orientationArb,
          length: lengthArb,
          k: kArb,
          threads: threadsArb,
          mode: modeArb,
          pick: fc.nat(),
        }),
        (c) => {
          const lines = linesWithin(BUDGET / c.k, c.length, c.prob, 400);
          const s = spec(c.seed, c.prob, c.law, c.orientation, lines, c.length);
          const y = values(lineLength(s) * c.k, c.pick);
          const got = onThreads(c.threads, () => gatherInto(wasmBackend, s, y, c.k, c.mode));
          const want = gatherInto(referenceBackend, s, y, c.k, c.mode);
          expect(sameBits(got, want), firstDifference(got, want)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('nnz and lines (CSR of every line)', () => {
    fc.assert(
      fc.property(
        fc.record({
          seed: seedArb,
          prob: probArb,
          law: lawArb,
          orientation: orientationArb,
          length: lengthArb,
          threads: threadsArb,
        }),
        (c) => {
          const lines = linesWithin(BUDGET, c.length, c.prob, 400);
          const s = spec(c.seed, c.prob, c.law, c.orientation, lines, c.length);
          const got = onThreads(c.threads, () => allLines(wasmBackend, s));
          const want = allLines(referenceBackend, s);
          expect(got.indptr.length).toBe(lineCount(s) + 1);
          expect(sameBits(got.indptr, want.indptr)).toBe(true);
          expect(Array.from(got.indices)).toEqual(Array.from(want.indices));
          expect(sameBits(got.data, want.data), firstDifference(got.data, want.data)).toBe(true);
          expect(wasmBackend.nnz(s)).toBe(want.indices.length);
        },
      ),
      { numRuns: 150 },
    );
  });
});
