import { describe, expect, it } from 'vitest';
import { referenceBackend } from '../../src/kernels/referenceBackend.js';
import { wasmBackend } from '../../src/kernels/wasm/index.js';
import {
  BinaryArray,
  JITCNormalC,
  JITCScalarR,
  JITCUniformR,
  JitconnTooLargeError,
} from '../../src/index.js';
import type { WeightLaw } from '../../src/types.js';
import {
  allLines,
  firstDifference,
  kernelSettings,
  onThreads,
  sameBits,
  scatter,
  spec,
  values,
} from './kernelHelpers.js';

/**
 * Dimensions up to 2^32 - 1 (the largest a matrix may have): every count, block, offset and
 * address the kernels compute stays exact there, wasm against the reference bit for bit; what
 * cannot fit is refused with a JitconnTooLargeError by both backends.
 */
const N = 2 ** 32 - 1;
kernelSettings({ parallelMinWork: 0 }); // every job on the pool, whatever its size

const LAWS: WeightLaw[] = [
  { kind: 'scalar', value: 3 },
  { kind: 'normal', loc: 0.5, scale: -2 },
  { kind: 'uniform', offset: -1, span: 4 },
];
const ORIENTATIONS = ['row', 'col'] as const;

describe('kernels at 2^32 - 1 (backends)', () => {
  it.each(ORIENTATIONS)('count and list every connection of a line of 2^32 - 1 positions (%s)', (o) => {
    for (const law of LAWS) {
      const s = spec(3, 1e-5, law, o, 1, N);
      const want = allLines(referenceBackend, s);
      // About 42950 expected (sd 207): far from the 0 a wrapped block count gave.
      expect(want.indices.length).toBeGreaterThan(40000);
      expect(wasmBackend.nnz(s)).toBe(want.indices.length);
      const got = allLines(wasmBackend, s);
      expect(sameBits(got.indptr, want.indptr)).toBe(true);
      expect(sameBits(got.data, want.data), firstDifference(got.data, want.data)).toBe(true);
      expect(Array.from(got.indices)).toEqual(Array.from(want.indices));
      expect(got.indices[got.indices.length - 1]).toBeGreaterThan(2 ** 32 - 2 ** 20);
    }
  });

  it.each(ORIENTATIONS)(
    'scatter from the last lines of 2^32 - 1, events and floats, k = 1 and 3 (%s)',
    (o) => {
      const lines = Uint32Array.from([0, 1, 2 ** 31 - 1, 2 ** 31, N - 3, N - 2, N - 1].filter((l) => l < N));
      for (const length of [1, 5, 70_000]) {
        for (const law of LAWS) {
          const s = spec(2n ** 64n - 1n, 0.3, law, o, N, length);
          for (const active of [
            { lines, values: null, k: 1 },
            { lines, values: null, k: 3 },
            { lines, values: values(lines.length * 3, length), k: 3 },
          ]) {
            const want = scatter(referenceBackend, s, active);
            for (const threads of [1, 2]) {
              const got = onThreads(threads, () => scatter(wasmBackend, s, active));
              expect(sameBits(got, want), `${law.kind}, ${length}: ${firstDifference(got, want)}`).toBe(true);
            }
          }
        }
      }
    },
  );
});

describe('every method at 2^32 - 1 (both backends)', () => {
  it('a row of 2^32 - 1 columns and a column of 2^32 - 1 rows: nnz, tocsr, todense, products', () => {
    const R = new JITCScalarR([1, 1e-5, 3], { shape: [1, N] });
    const C = R.T;
    const rw = R.withBackend('wasm');
    const rr = R.withBackend('reference');
    const cw = C.withBackend('wasm');
    const cr = C.withBackend('reference');
    const nnz = rr.nnz();
    expect(nnz).toBe(42890);
    for (const M of [rw, cw, cr]) expect(M.nnz()).toBe(nnz);
    const [csrW, csrR] = [rw.tocsr(), rr.tocsr()];
    expect(Array.from(csrW.indptr)).toEqual([0, nnz]);
    expect(Array.from(csrW.indices)).toEqual(Array.from(csrR.indices));
    expect(sameBits(csrW.data, csrR.data)).toBe(true);
    for (const M of [rw, rr, cw, cr]) {
      // 2^32 row pointers, 2^32 - 1 dense entries, 2^32 - 1 results: more than can be returned.
      expect(() => M.todense()).toThrow(JitconnTooLargeError);
      if (M.orientation === 'col') expect(() => M.tocsr()).toThrow(JitconnTooLargeError);
      if (M.orientation === 'row') expect(() => M.vecmat([1])).toThrow(JitconnTooLargeError);
      else expect(() => M.matvec([1])).toThrow(JitconnTooLargeError);
    }
  });

  it('event products over 2^32 - 1 lines: vecmat (R) and matvec (C)', () => {
    const spikes = BinaryArray.fromIndices([0, 2 ** 31, N - 2, N - 1], N);
    const R = new JITCUniformR([-1, 3, 0.4, 11], { shape: [N, 7] });
    const C = new JITCNormalC([0.5, 2, 0.4, 12], { shape: [7, N] });
    for (const threads of [1, 2]) {
      for (const [got, want] of [
        [onThreads(threads, () => R.vecmat(spikes)), R.withBackend('reference').vecmat(spikes)],
        [onThreads(threads, () => C.matvec(spikes)), C.withBackend('reference').matvec(spikes)],
      ] as const) {
        expect(got.some((v) => v !== 0)).toBe(true);
        expect(sameBits(got, want), firstDifference(got, want)).toBe(true);
      }
    }
  });
});
