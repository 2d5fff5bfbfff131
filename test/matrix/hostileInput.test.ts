import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BinaryArray,
  fromJSON,
  JitconnArgumentError,
  JitconnShapeError,
  JitconnTooLargeError,
  JITCMatrix,
  JITCNormalC,
  JITCNormalR,
  JITCScalarC,
  JITCScalarR,
  JITCUniformC,
  JITCUniformR,
  matmul,
} from '../../src/index.js';
import { expectBitIdentical } from './fixtures.js';

/**
 * Promise 4 as a property: every constructor, product and option, fed hostile values (wrong
 * types, null, NaN, +-Infinity, 1e39, -0, huge and fractional sizes, mutated and detached
 * objects), returns a correct result or throws a jitconn error, nothing else. A correct result
 * is checked against the reference backend bit for bit (products) or against its own
 * definition (constructors). Calls that could abort the process are in extremes.test.ts, in a
 * child process.
 */

const JITCONN_ERRORS = [JitconnArgumentError, JitconnShapeError, JitconnTooLargeError];

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

function attempt(call: () => unknown): Outcome {
  try {
    return { ok: true, value: call() };
  } catch (error) {
    return { ok: false, error };
  }
}

/** A thrown value must be one of ours, with a message that names something. */
function expectJitconnError(outcome: Outcome, what: string): void {
  if (outcome.ok) return;
  const { error } = outcome;
  const ours = JITCONN_ERRORS.some((type) => error instanceof type);
  expect(ours, `${what} threw ${String(error)}`).toBe(true);
  expect((error as Error).message.length).toBeGreaterThan(10);
}

function detachedFloat32(n: number): Float32Array {
  const array = new Float32Array(n);
  structuredClone(array.buffer, { transfer: [array.buffer] });
  // fast-check prints failing values; a detached array cannot be printed, so name it.
  return Object.defineProperty(array, fc.toStringMethod, { value: () => 'detached Float32Array(4)' });
}

/** Values no argument should crash on. */
const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    undefined,
    NaN,
    Infinity,
    -Infinity,
    1e39,
    -1e39,
    -0,
    0,
    1,
    2,
    3,
    0.5,
    -1,
    1.5,
    2 ** 31,
    2 ** 32 - 1,
    2 ** 32,
    2 ** 53,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    '1',
    '',
    'abc',
    true,
    false,
    10n,
    -1n,
    2n ** 64n,
    Symbol('s'),
  ),
  fc
    .constantFrom<() => unknown>(
      () => [],
      () => ({}),
      () => [1, 2],
      () => [NaN],
      () => [3, 4],
      () => [1e9, 1e9],
      () => [2.5, 3],
      () => new Float32Array(3),
      () => new Float64Array(4),
      () => new Uint8Array(2),
      () => new DataView(new ArrayBuffer(4)),
      () => new Date(0),
      () => /x/,
      () => new Map(),
      () => () => 1,
      () => detachedFloat32(4),
      () => new Float32Array(new SharedArrayBuffer(16)),
      () => Object.freeze([2, 3]),
      () => BinaryArray.fromIndices([0, 2], 3),
      () => BinaryArray.bernoulli(0.5, [2, 4], 1),
      () => ({ out: new Float32Array(3) }),
      () => ({ out: new Float32Array(4), accumulate: true }),
      () => ({ accumulate: 'yes' }),
      () => ({ maxElements: NaN }),
      () => ({ maxElements: -1 }),
      () => ({ maxElements: 1e300 }),
      () => ({ data: [1, 2, 3, 4], shape: [2, 2], stride: [1, 2] }),
      () => ({ data: [1, 2], shape: [999, 2] }),
    )
    .map((make) => make()),
  fc.anything(),
  fc.double(),
  fc.integer(),
);

const CLASSES = [JITCScalarR, JITCScalarC, JITCNormalR, JITCNormalC, JITCUniformR, JITCUniformC] as const;
const PARAMETERS = [1, 1, 2, 2, 2, 2]; // weight parameters before prob and seed

/** A small valid matrix of any class and backend, so every successful call can be checked. */
const matrixArb: fc.Arbitrary<JITCMatrix> = fc
  .record({
    which: fc.integer({ min: 0, max: 5 }),
    rows: fc.integer({ min: 1, max: 9 }),
    cols: fc.integer({ min: 1, max: 9 }),
    prob: fc.constantFrom(0, 0.3, 1),
    seed: fc.nat(100),
    backend: fc.constantFrom('wasm' as const, 'reference' as const),
  })
  .map(({ which, rows, cols, prob, seed, backend }) => {
    const weights = PARAMETERS[which] === 1 ? [0.5] : [0.1, 0.4];
    const Class = CLASSES[which]!;
    return new Class([...weights, prob, seed] as never, { shape: [rows, cols], backend });
  });

/** The same call on the reference backend must give the same bits (promise 1), when it succeeds. */
function expectSameAsReference(
  m: JITCMatrix,
  value: unknown,
  call: (m: JITCMatrix) => unknown,
  what: string,
): void {
  if (value instanceof JITCMatrix) {
    // A derived matrix (scale, withWeight, withBackend): its weights are finite, on every backend.
    const dense = value.todense();
    expect(dense.every(Number.isFinite), `${what}: non-finite weights`).toBe(true);
    expectBitIdentical(dense, value.withBackend('reference').todense());
    return;
  }
  if (!(value instanceof Float32Array)) return;
  const reference = attempt(() => call(m.withBackend('reference')));
  expect(reference.ok, `${what}: the reference threw where the matrix did not`).toBe(true);
  if (reference.ok) expectBitIdentical(value, reference.value as Float32Array);
}

const PRODUCTS: [string, (m: JITCMatrix, a: unknown, b: unknown, c: unknown) => unknown][] = [
  ['vecmat(a, b)', (m, a, b) => m.vecmat(a as never, b as never)],
  ['matvec(a, b)', (m, a, b) => m.matvec(a as never, b as never)],
  ['matmat(a, b, c)', (m, a, b, c) => m.matmat(a as never, b as never, c as never)],
  ['rmatmat(a, b, c)', (m, a, b, c) => m.rmatmat(a as never, b as never, c as never)],
  ['matmul(m, a, b)', (m, a, b) => matmul(m, a as never, b as never)],
  ['matmul(a, m, b)', (m, a, b) => matmul(a as never, m, b as never)],
  ['todense(a)', (m, a) => m.todense(a as never)],
  ['tocsr(a)', (m, a) => m.tocsr(a as never)],
  ['tocsr({ rows: a })', (m, a) => m.tocsr({ rows: a as never })],
  ['scale(a)', (m, a) => m.scale(a as never)],
  ['withWeight(a)', (m, a) => m.withWeight(a as never)],
  ['withBackend(a)', (m, a) => m.withBackend(a as never)],
];

/** Operands that fit the matrix, mixed with hostile ones, so successful products are common too. */
function operandArb(m: JITCMatrix): fc.Arbitrary<unknown> {
  const [rows, cols] = m.shape;
  const fits = fc.constantFrom(
    new Float32Array(rows).fill(0.5),
    new Float64Array(cols).fill(-1),
    Array.from({ length: rows }, (_, i) => i - 1),
    BinaryArray.fromIndices([0], rows),
    BinaryArray.fromIndices([cols - 1], cols),
    new Float32Array(rows * 2).fill(1),
    new Float32Array(cols * 3).fill(2),
    BinaryArray.bernoulli(0.5, [2, rows], 3),
    BinaryArray.bernoulli(0.5, [3, cols], 4),
    { data: new Float32Array(2 * rows).fill(1), shape: [2, rows] },
    { data: new Float32Array(cols * 2).fill(1), shape: [cols, 2] },
  );
  return fc.oneof(fits, hostile);
}

describe('hostile input gets a correct result or a jitconn error, never anything else', () => {
  it('constructors: tuple and options forms, one hostile field or option at a time, or all at once', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 0, max: 6 }),
        hostile,
        fc.array(hostile, { minLength: 0, maxLength: 5 }),
        fc.boolean(),
        (which, field, value, wild, optionsForm) => {
          const Class = CLASSES[which]!;
          const names =
            PARAMETERS[which] === 1 ? ['weight'] : which < 4 ? ['wloc', 'wscale'] : ['wlow', 'whigh'];
          const data: unknown[] = [...(PARAMETERS[which] === 1 ? [0.5] : [0.1, 0.4]), 0.3, 7];
          let shape: unknown = [3, 4];
          let backend: unknown = 'wasm';
          // Fields 0..3: the tuple's entries (one past the end for scalar laws); 4: shape;
          // 5: backend; 6: the whole tuple replaced by hostile values.
          if (field < data.length) data[field] = value;
          else if (field === 4) shape = value;
          else if (field === 5) backend = value;
          const tuple = field === 6 ? wild : data;
          const fields = Object.fromEntries([...names, 'prob', 'seed'].map((name, i) => [name, tuple[i]]));
          const call = optionsForm
            ? () => new Class({ ...fields, shape, backend } as never)
            : () => new Class(tuple as never, { shape, backend } as never);
          const outcome = attempt(call);
          expectJitconnError(outcome, `new ${Class.name}`);
          if (outcome.ok) {
            const m = outcome.value as JITCMatrix;
            expect(Object.isFrozen(m.shape)).toBe(true);
            expect(Number.isInteger(m.shape[0]) && m.shape[0] >= 1 && m.shape[1] <= 2 ** 32 - 1).toBe(true);
            expect(m.prob >= 0 && m.prob <= 1).toBe(true);
            // Every realised weight is a finite float32: the largest a law can draw fits.
            const law = m.law;
            const largest =
              law.kind === 'scalar'
                ? Math.abs(law.value)
                : law.kind === 'normal'
                  ? Math.abs(law.loc) + 9.8856 * Math.abs(law.scale)
                  : Math.max(Math.abs(law.offset), Math.abs(law.offset + law.span));
            expect(Number.isFinite(Math.fround(largest)), `largest weight ${largest}`).toBe(true);
            if (m.shape[0] * m.shape[1] <= 4096) expect(m.todense().every(Number.isFinite)).toBe(true);
          }
        },
      ),
      { numRuns: 3000, seed: 6 },
    );
  });

  it('products, materialising methods and arithmetic, with hostile operands, k and options', () => {
    fc.assert(
      fc.property(
        matrixArb.chain((m) =>
          fc.tuple(
            fc.constant(m),
            fc.integer({ min: 0, max: PRODUCTS.length - 1 }),
            operandArb(m),
            fc.oneof(hostile, fc.integer({ min: 1, max: 4 }), fc.constant(undefined)),
            hostile,
          ),
        ),
        ([m, which, a, b, c]) => {
          const [name, op] = PRODUCTS[which]!;
          const call = (matrix: JITCMatrix) => op(matrix, a, b, c);
          const outcome = attempt(() => call(m));
          expectJitconnError(outcome, name);
          if (outcome.ok) expectSameAsReference(m, outcome.value, call, name);
        },
      ),
      { numRuns: 4000, seed: 7 },
    );
  });

  it('a successful product never wrote into a rejected out, and writes exactly into an accepted one', () => {
    fc.assert(
      fc.property(matrixArb, fc.nat(10), fc.boolean(), (m, length, accumulate) => {
        const out = new Float32Array(length).fill(7);
        const x = new Float32Array(m.shape[0]).fill(1);
        const outcome = attempt(() => m.vecmat(x, { out, accumulate }));
        expectJitconnError(outcome, 'vecmat with out');
        if (!outcome.ok) {
          expect(Array.from(out).every((v) => v === 7)).toBe(true);
          return;
        }
        expect(outcome.value).toBe(out);
        const plain = m.vecmat(x);
        const want = accumulate ? plain.map((v) => Math.fround(7 + v)) : plain;
        expectBitIdentical(out, Float32Array.from(want));
      }),
      { numRuns: 500, seed: 8 },
    );
  });

  it('BinaryArray constructors and statics', () => {
    const makers: ((a: unknown, b: unknown, c: unknown) => unknown)[] = [
      (a, b) => new BinaryArray(a as never, b as never),
      (a, b) => BinaryArray.fromIndices(a as never, b as never),
      (a, b) => BinaryArray.threshold(a as never, b as never),
      (a, b, c) => BinaryArray.bernoulli(a as never, b as never, c as never),
      (a, b) => BinaryArray.fromIndices([0, 1], 3).indices(a as never) && b,
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: makers.length - 1 }),
        hostile,
        hostile,
        hostile,
        (which, a, b, c) => {
          const outcome = attempt(() => makers[which]!(a, b, c));
          expectJitconnError(outcome, `BinaryArray maker ${which}`);
          if (outcome.ok && outcome.value instanceof BinaryArray) {
            const spikes = outcome.value;
            const length = spikes.length;
            expect(Number.isInteger(length) && length >= 0).toBe(true);
            for (let b = 0; b < (spikes.batchSize ?? 1); b++) {
              const indices = spikes.indices(b);
              for (let i = 0; i < indices.length; i++) {
                expect(indices[i]!).toBeLessThan(length);
                if (i > 0) expect(indices[i]!).toBeGreaterThan(indices[i - 1]!);
              }
            }
          }
        },
      ),
      { numRuns: 3000, seed: 9 },
    );
  });

  it('fromJSON of hostile documents and texts', () => {
    const valid = new JITCNormalR([0, 0.1, 0.2, 5], { shape: [3, 4] }).toJSON() as unknown as Record<
      string,
      unknown
    >;
    fc.assert(
      fc.property(
        fc.oneof(
          hostile,
          fc.string(),
          fc
            .record({ key: fc.constantFrom(...Object.keys(valid), 'extra'), value: hostile })
            .map(({ key, value }) => ({
              ...valid,
              [key]: value,
            })),
          fc
            .record({ key: fc.constantFrom('kind', 'loc', 'scale', 'value'), value: hostile })
            .map(({ key, value }) => ({
              ...valid,
              law: { ...(valid['law'] as object), [key]: value },
            })),
        ),
        fc.boolean(),
        (doc, asText) => {
          const text = asText ? attempt(() => JSON.stringify(doc)) : { ok: false as const, error: null };
          const input = text.ok && typeof text.value === 'string' ? text.value : doc;
          const outcome = attempt(() => fromJSON(input as never));
          expectJitconnError(outcome, 'fromJSON');
          if (outcome.ok) {
            const m = outcome.value as JITCMatrix;
            expect(fromJSON(m.toJSON()).toJSON()).toEqual(m.toJSON());
          }
        },
      ),
      { numRuns: 2000, seed: 10 },
    );
  });
});

describe('state cannot be changed from outside', () => {
  it('mutating the shape array given to a constructor changes nothing', () => {
    const shape: [number, number] = [4, 6];
    const m = new JITCScalarR([1, 0.5, 3], { shape });
    const before = m.todense();
    shape.reverse();
    expect(m.shape).toEqual([4, 6]);
    expectBitIdentical(m.todense(), before);
  });

  it("a matrix's shape, law and spec are frozen; shadowing them does not reach the products", () => {
    const m = new JITCNormalR([0, 1, 0.5, 3], { shape: [4, 6] });
    expect(() => (m.shape as unknown as number[]).reverse()).toThrow(TypeError);
    expect(() => ((m.law as { scale: number }).scale = 5)).toThrow(TypeError);
    expect(() => ((m.spec as { rows: number }).rows = 99)).toThrow(TypeError);
    const before = m.vecmat(new Float32Array(4).fill(1));
    Object.defineProperty(m, 'shape', { value: [6, 4] });
    Object.defineProperty(m, 'spec', { value: { ...m.spec, rows: 1000 } });
    expectBitIdentical(m.vecmat(new Float32Array(4).fill(1)), before);
  });

  it("BinaryArray.indices() is a copy; shadowing a BinaryArray's length does not reach the products", () => {
    const spikes = BinaryArray.fromIndices([1, 3], 4);
    spikes.indices()[0] = 999_999;
    expect(Array.from(spikes.indices())).toEqual([1, 3]);
    const m = new JITCScalarR([1, 1, 3], { shape: [4, 5] });
    const before = m.vecmat(spikes);
    Object.defineProperty(spikes, 'length', { value: 1_000_000 });
    expect(() => m.vecmat(spikes)).not.toThrow();
    expectBitIdentical(m.vecmat(spikes), before);
  });
});
