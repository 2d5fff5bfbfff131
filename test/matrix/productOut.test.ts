import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { BinaryArray, getThreadCount, matmul, setThreadCount, type JITCMatrix } from '../../src/index.js';
import { everyClass, expectBitIdentical, floats } from './fixtures.js';

/**
 * Products into the caller's buffer: `{ out }` writes the very bits the allocating call returns
 * and returns `out` itself; `{ out, accumulate: true }` adds them, one float32 rounding per
 * element. On every class, product form, operand kind, backend and thread count.
 */

const cores = getThreadCount();
afterAll(() => setThreadCount(cores));

type Product = (m: JITCMatrix, options?: { out: Float32Array; accumulate?: boolean }) => Float32Array;

function products(rows: number, cols: number, k: number, seed: number): [string, Product][] {
  const x = floats(rows, seed);
  const y = floats(cols, seed + 1);
  const X = floats(cols * k, seed + 2);
  const Y = floats(k * rows, seed + 3);
  const spikesRows = BinaryArray.bernoulli(0.4, rows, seed);
  const spikesCols = BinaryArray.bernoulli(0.4, cols, seed + 1);
  const batchRows = BinaryArray.bernoulli(0.4, [k, rows], seed);
  const batchCols = BinaryArray.bernoulli(0.4, [k, cols], seed + 1);
  return [
    ['vecmat floats', (m, o) => m.vecmat(x, o)],
    ['vecmat spikes', (m, o) => m.vecmat(spikesRows, o)],
    ['matvec floats', (m, o) => m.matvec(y, o)],
    ['matvec spikes', (m, o) => m.matvec(spikesCols, o)],
    ['matmat floats', (m, o) => m.matmat(X, k, o)],
    ['matmat spikes', (m, o) => m.matmat(batchCols, o)],
    ['rmatmat floats', (m, o) => m.rmatmat(Y, k, o)],
    ['rmatmat spikes', (m, o) => m.rmatmat(batchRows, o)],
    ['matmul(x, M)', (m, o) => matmul(x, m, o)],
    ['matmul(M, dense)', (m, o) => matmul(m, { data: X, shape: [cols, k] }, o)],
  ];
}

describe('products write into the caller’s buffer', () => {
  it('same bits as the allocating call, added with one float32 rounding when accumulating', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 5 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.nat(1000),
        fc.constantFrom('wasm' as const, 'reference' as const),
        fc.constantFrom(1, 2, 3),
        (rows, cols, k, prob, seed, backend, threads) => {
          setThreadCount(threads);
          for (const m of everyClass(prob, seed, [rows, cols], backend)) {
            for (const [name, product] of products(rows, cols, k, seed)) {
              const want = product(m);
              const out = new Float32Array(want.length).fill(NaN);
              expect(product(m, { out }), name).toBe(out);
              expectBitIdentical(out, want);
              const start = floats(want.length, seed + 9, 0.2);
              const sum = start.slice();
              product(m, { out: sum, accumulate: true });
              expectBitIdentical(
                sum,
                start.map((v, i) => Math.fround(v + want[i]!)),
              );
            }
          }
        },
      ),
      { numRuns: 60, seed: 11 },
    );
  });
});
