import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BinaryArray,
  fromJSON,
  JITCNormalR,
  JITCScalarC,
  JITCScalarR,
  JITCUniformR,
  type JITCMatrix,
} from '../../src/index.js';
import {
  BACKENDS,
  denseMatmul,
  everyClass,
  expectBitIdentical,
  expectClose,
  floats,
  label,
} from './fixtures.js';

/** The (r x c) top-left block of a row-major (rows x cols) matrix. */
function block(dense: Float32Array, cols: number, r: number, c: number): Float32Array {
  const out = new Float32Array(r * c);
  for (let i = 0; i < r; i++) out.set(dense.subarray(i * cols, i * cols + c), i * c);
  return out;
}

function rebuild(m: JITCMatrix, shape: [number, number]): JITCMatrix {
  const json = m.toJSON();
  return fromJSON({ ...json, shape }).withBackend(m.backend);
}

describe.each(BACKENDS)('one matrix per parameters (%s)', (backend) => {
  for (const m of everyClass(0.2, 99, [20, 30], backend)) {
    it(`${label(m)}: is the top-left block of every larger matrix with the same parameters`, () => {
      const big = rebuild(m, [45, 70]).todense();
      expectBitIdentical(m.todense(), block(big, 70, 20, 30));
      const wide = rebuild(m, [20, 70_000]);
      const x = floats(20, 3);
      expectBitIdentical(wide.vecmat(x).subarray(0, 30), m.vecmat(x));
    });

    it(`${label(m)}: same seed gives the same matrix, another seed (low or high word) another`, () => {
      const dense = m.todense();
      expectBitIdentical(rebuild(m, [20, 30]).todense(), dense);
      for (const seed of [100, 99 + 2 ** 32]) {
        const other = fromJSON({ ...m.toJSON(), seed })
          .withBackend(backend)
          .todense();
        let differ = 0;
        for (let i = 0; i < dense.length; i++) if ((dense[i] !== 0) !== (other[i] !== 0)) differ++;
        // Two independent Bernoulli(0.2) patterns differ in 32% of 600 entries; P(differ < 100) < 1e-12.
        expect(differ).toBeGreaterThan(100);
      }
    });
  }

  it('the structure does not depend on the weight law, scale, neg or withWeight', () => {
    const m = new JITCNormalR([0.3, 0.2, 0.25, 5], { shape: [40, 50], backend });
    const pattern = (a: Float32Array) => a.map((v) => (v !== 0 ? 1 : 0));
    const dense = m.todense();
    expect(pattern(m.withWeight(1).todense())).toEqual(pattern(dense));
    expect(pattern(m.withWeight({ wlow: 1, whigh: 2 }).todense())).toEqual(pattern(dense));
    const scaled = m.scale(-3).todense();
    for (let i = 0; i < dense.length; i++) expect(scaled[i]).toBeCloseTo(-3 * dense[i]!, 5);
    expectBitIdentical(
      m.neg().todense(),
      dense.map((v) => (v === 0 ? 0 : -v)),
    );
    expect(m.scale(-3).wscale).toBeCloseTo(0.6, 6);
    const u = new JITCUniformR([-0.1, 0.3, 0.25, 5], { shape: [40, 50], backend }).scale(-2);
    expect([u.constructor.name, (u as JITCUniformR).wlow, (u as JITCUniformR).whigh]).toEqual([
      'JITCUniformR',
      Math.fround(-0.6),
      Math.fround(0.2),
    ]);
    expect(m.withWeight(0.5)).toBeInstanceOf(JITCScalarR);
  });

  it('round-trips through JSON, bigint seeds included', () => {
    const m = new JITCScalarC([0.5, 0.3, 2n ** 63n + 5n], { shape: [10, 12], backend });
    const back = fromJSON(JSON.stringify(m)).withBackend(backend);
    expect(back).toBeInstanceOf(JITCScalarC);
    expect(back.seed).toBe(2n ** 63n + 5n);
    expectBitIdentical(back.todense(), m.todense());
  });

  it('holds a few numbers whatever the size', () => {
    const small = new JITCScalarR([1, 0.1, 1], { shape: [10, 10], backend });
    const huge = new JITCScalarR([1, 0.1, 1], { shape: [4294967295, 4294967295], backend });
    expect(huge.memoryBytes()).toBe(small.memoryBytes());
    expect(huge.memoryBytes()).toBeLessThan(128);
  });

  it('handles p = 0 and p = 1 exactly', () => {
    for (const m of everyClass(0, 1, [7, 9], backend)) {
      expect(m.nnz()).toBe(0);
      expect(Array.from(m.vecmat(floats(7, 1)))).toEqual(new Array(9).fill(0));
    }
    for (const m of everyClass(1, 1, [7, 9], backend)) {
      expect(m.nnz()).toBe(63);
      expect(m.todense().every((v) => v !== 0 || m.law.kind !== 'scalar')).toBe(true);
    }
  });

  it('event products touch only the lines of active entries, even beyond 2^31 lines', () => {
    const m = new JITCScalarR([1, 0.05, 17], { shape: [3_000_000_000, 100], backend });
    const spikes = BinaryArray.fromIndices([5, 2_999_999_999], 3_000_000_000);
    const out = m.vecmat(spikes);
    const small = fromJSON({ ...m.toJSON(), shape: [6, 100] }).withBackend(backend);
    const first = small.vecmat(BinaryArray.fromIndices([5], 6));
    const last = m.T.matvec(BinaryArray.fromIndices([2_999_999_999], 3_000_000_000));
    for (let j = 0; j < 100; j++) expect(out[j]).toBe(first[j]! + last[j]!);
  });

  it('property: every product equals the dense product on random shapes, p, seeds and inputs', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 1, max: 4 }),
        (rows, cols, prob, seed, which, k) => {
          const m = everyClass(prob, seed, [rows, cols], backend)[which]!;
          const dense = m.todense();
          const abs = Float64Array.from(dense, Math.abs);
          const X = floats(cols * k, Number(seed % 1000n));
          expectClose(
            m.matmat(X, k),
            denseMatmul(dense, rows, cols, X, k),
            denseMatmul(abs, rows, cols, Float64Array.from(X, Math.abs), k),
            cols,
          );
          const Y = floats(k * rows, Number(seed % 777n));
          expectClose(
            m.rmatmat(Y, k),
            denseMatmul(Y, k, rows, dense, cols),
            denseMatmul(Float64Array.from(Y, Math.abs), k, rows, abs, cols),
            rows,
          );
        },
      ),
      { numRuns: 150, seed: 20261125 },
    );
  });
});
