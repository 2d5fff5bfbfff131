import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JitconnArgumentError, JitconnTooLargeError, JITCScalarR } from '../../src/index.js';
import { everyClass } from './fixtures.js';

/** `tocsr({ rows })` lists exactly the selected rows of the full CSR, on every class and backend. */
describe('tocsr({ rows }): the connections of selected rows', () => {
  it('equals the selected rows of the whole matrix', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.nat(1000),
        fc.constantFrom('wasm' as const, 'reference' as const),
        fc.array(fc.nat(59), { maxLength: 20 }),
        (rows, cols, prob, seed, backend, picks) => {
          const selected = [...new Set(picks.filter((r) => r < rows))].sort((a, b) => a - b);
          for (const m of everyClass(prob, seed, [rows, cols], backend)) {
            const whole = m.tocsr();
            const part = m.tocsr({ rows: selected });
            expect(part.shape).toEqual([selected.length, cols]);
            selected.forEach((row, r) => {
              const from = whole.indptr[row]!;
              const to = whole.indptr[row + 1]!;
              expect(Array.from(part.indices.subarray(part.indptr[r]!, part.indptr[r + 1]!))).toEqual(
                Array.from(whole.indices.subarray(from, to)),
              );
              expect(Array.from(part.data.subarray(part.indptr[r]!, part.indptr[r + 1]!))).toEqual(
                Array.from(whole.data.subarray(from, to)),
              );
            });
          }
        },
      ),
      { numRuns: 80, seed: 12 },
    );
  });

  it('reads a few rows of a matrix far too large to materialise', () => {
    const m = new JITCScalarR([1, 0.001, 5], { shape: [1_000_000, 1_000_000] });
    const csr = m.tocsr({ rows: [0, 999_999] });
    expect(csr.indptr.length).toBe(3);
    // Binomial(1e6, 0.001) per row: mean 1000, sd 31.6; 6 sd is a 2e-9 false-failure rate.
    for (const r of [0, 1]) expect(Math.abs(csr.indptr[r + 1]! - csr.indptr[r]! - 1000)).toBeLessThan(190);
    expect(() => m.tocsr()).toThrow(JitconnTooLargeError);
  });

  it('refuses rows that are not strictly increasing indices in range', () => {
    const m = new JITCScalarR([1, 0.5, 5], { shape: [4, 4] });
    expect(() => m.tocsr({ rows: [2, 1] })).toThrow(/rows\[1\] must be a row index above 2/);
    expect(() => m.tocsr({ rows: [4] })).toThrow(/rows\[0\] must be an integer in \[0, 4\)/);
    expect(() => m.tocsr({ rows: 'all' as never })).toThrow(JitconnArgumentError);
  });
});
