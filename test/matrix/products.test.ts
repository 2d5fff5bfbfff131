import { describe, expect, it } from 'vitest';
import { BinaryArray, matmul } from '../../src/index.js';
import {
  BACKENDS,
  denseMatmul,
  everyClass,
  expectBitIdentical,
  expectClose,
  floats,
  label,
  transpose,
} from './fixtures.js';

const CASES: { prob: number; seed: number | bigint; shape: [number, number] }[] = [
  { prob: 0.1, seed: 7, shape: [37, 53] },
  { prob: 0.5, seed: 2n ** 40n + 3n, shape: [64, 9] },
  { prob: 0.02, seed: 123456789, shape: [5, 300] },
];

function absolute(a: ArrayLike<number>): Float64Array {
  return Float64Array.from(a, Math.abs);
}

describe.each(BACKENDS)('products on the %s backend', (backend) => {
  for (const { prob, seed, shape } of CASES) {
    for (const m of everyClass(prob, seed, shape, backend)) {
      describe(label(m), () => {
        const [rows, cols] = m.shape;
        const dense = m.todense();
        const k = 3;

        it('vecmat and matvec equal the dense product, for floats and for spikes', () => {
          const x = floats(rows, 11);
          expectClose(
            m.vecmat(x),
            denseMatmul(x, 1, rows, dense, cols),
            denseMatmul(absolute(x), 1, rows, absolute(dense), cols),
            rows,
          );
          const y = floats(cols, 12);
          expectClose(
            m.matvec(y),
            denseMatmul(dense, rows, cols, y, 1),
            denseMatmul(absolute(dense), rows, cols, absolute(y), 1),
            cols,
          );
          const spikes = BinaryArray.bernoulli(0.3, rows, 5);
          const asFloats = Float32Array.from(spikes.toUint8Array());
          expectBitIdentical(m.vecmat(spikes), m.vecmat(asFloats));
          const spikesC = BinaryArray.bernoulli(0.3, cols, 6);
          expectBitIdentical(m.matvec(spikesC), m.matvec(Float32Array.from(spikesC.toUint8Array())));
        });

        it('matmat and rmatmat equal the dense product and their columns equal vector products', () => {
          const X = floats(cols * k, 21);
          const product = m.matmat(X, k);
          expectClose(
            product,
            denseMatmul(dense, rows, cols, X, k),
            denseMatmul(absolute(dense), rows, cols, absolute(X), k),
            cols,
          );
          const Y = floats(k * rows, 22);
          const rproduct = m.rmatmat(Y, k);
          expectClose(
            rproduct,
            denseMatmul(Y, k, rows, dense, cols),
            denseMatmul(absolute(Y), k, rows, absolute(dense), cols),
            rows,
          );
          for (let c = 0; c < k; c++) {
            const column = Float32Array.from({ length: cols }, (_, j) => X[j * k + c]!);
            const fromMatrix = Float32Array.from({ length: rows }, (_, i) => product[i * k + c]!);
            expectClose(fromMatrix, Float64Array.from(m.matvec(column)), absolute(m.matvec(column)), cols);
            const row = Y.subarray(c * rows, (c + 1) * rows);
            expectClose(
              rproduct.subarray(c * cols, (c + 1) * cols),
              Float64Array.from(m.vecmat(row)),
              absolute(m.vecmat(row)),
              rows,
            );
          }
        });

        it('batched spike products equal the same products on 0/1 floats', () => {
          const batch = BinaryArray.bernoulli(0.4, [k, rows], 9);
          expectBitIdentical(m.rmatmat(batch), m.rmatmat(Float32Array.from(batch.toUint8Array()), k));
          const columns = BinaryArray.bernoulli(0.4, [k, cols], 10);
          const asX = Float32Array.from(transpose(columns.toUint8Array(), k, cols));
          expectBitIdentical(m.matmat(columns), m.matmat(asX, k));
          expectBitIdentical(matmul(batch, m), m.rmatmat(batch));
          expectBitIdentical(matmul(m, columns), m.matmat(columns));
        });

        it('the transpose is exact: T.todense() is the transpose of todense(), and products agree', () => {
          const t = m.T;
          expect(t.shape).toEqual([cols, rows]);
          expect(t.orientation).not.toBe(m.orientation);
          expectBitIdentical(t.todense(), Float32Array.from(transpose(dense, rows, cols)));
          const x = floats(rows, 31);
          expectBitIdentical(t.matvec(x), m.vecmat(x));
          expect(t.T.todense()).toEqual(dense);
        });

        it('tocsr agrees with todense and nnz counts the connections', () => {
          const csr = m.tocsr();
          const rebuilt = new Float32Array(rows * cols);
          for (let i = 0; i < rows; i++) {
            for (let e = csr.indptr[i]!; e < csr.indptr[i + 1]!; e++) {
              if (e > csr.indptr[i]!) expect(csr.indices[e]!).toBeGreaterThan(csr.indices[e - 1]!);
              rebuilt[i * cols + csr.indices[e]!] = csr.data[e]!;
            }
          }
          expectBitIdentical(rebuilt, dense);
          expect(m.nnz()).toBe(csr.indices.length);
          expect(m.T.nnz()).toBe(csr.indices.length);
        });
      });
    }
  }
});
