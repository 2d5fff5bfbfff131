import fc from 'fast-check';
import { describe, it } from 'vitest';
import { BinaryArray } from '../../src/index.js';
import { everyClass, expectBitIdentical, floats } from './fixtures.js';

/**
 * Promise 1 at the public surface: every product, on every class, gives the same bits on the
 * reference and on the wasm backend (the kernels' own tests cover threads and large shapes).
 */
describe('the reference and wasm backends agree bit for bit on every public product', () => {
  it('property: vecmat, matvec, matmat, rmatmat, todense, spikes and floats', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 70 }),
        fc.integer({ min: 1, max: 70 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 1, max: 6 }),
        (rows, cols, prob, seed, which, k) => {
          const reference = everyClass(prob, seed, [rows, cols], 'reference')[which]!;
          const wasm = reference.withBackend('wasm');
          const s = Number(seed % 1000n);
          const x = floats(rows, s);
          const y = floats(cols, s + 1);
          expectBitIdentical(wasm.vecmat(x), reference.vecmat(x));
          expectBitIdentical(wasm.matvec(y), reference.matvec(y));
          expectBitIdentical(
            wasm.matmat(floats(cols * k, s + 2), k),
            reference.matmat(floats(cols * k, s + 2), k),
          );
          expectBitIdentical(
            wasm.rmatmat(floats(k * rows, s + 3), k),
            reference.rmatmat(floats(k * rows, s + 3), k),
          );
          const spikes = BinaryArray.bernoulli(0.3, [k, rows], s);
          expectBitIdentical(wasm.rmatmat(spikes), reference.rmatmat(spikes));
          const columns = BinaryArray.bernoulli(0.3, [k, cols], s);
          expectBitIdentical(wasm.matmat(columns), reference.matmat(columns));
          expectBitIdentical(wasm.todense(), reference.todense());
        },
      ),
      { numRuns: 200, seed: 7 },
    );
  });
});
