import { describe, expect, it } from 'vitest';
import {
  BinaryArray,
  fromJSON,
  JitconnArgumentError,
  JitconnShapeError,
  JitconnTooLargeError,
  JITCNormalC,
  JITCNormalR,
  JITCScalarC,
  JITCScalarR,
  JITCUniformC,
  JITCUniformR,
  matmul,
} from '../../src/index.js';

const SHAPE = { shape: [10, 20] as [number, number] };

/** Each constructor, called with (weight parameters, prob, seed, shape) in its tuple form. */
const CONSTRUCTORS = [
  {
    name: 'JITCScalarR',
    make: (w: unknown[], p: unknown, s: unknown, o: object) =>
      new JITCScalarR([w[0], p, s] as never, o as never),
  },
  {
    name: 'JITCScalarC',
    make: (w: unknown[], p: unknown, s: unknown, o: object) =>
      new JITCScalarC([w[0], p, s] as never, o as never),
  },
  {
    name: 'JITCNormalR',
    make: (w: unknown[], p: unknown, s: unknown, o: object) =>
      new JITCNormalR([w[0], w[1], p, s] as never, o as never),
  },
  {
    name: 'JITCNormalC',
    make: (w: unknown[], p: unknown, s: unknown, o: object) =>
      new JITCNormalC([w[0], w[1], p, s] as never, o as never),
  },
  {
    name: 'JITCUniformR',
    make: (w: unknown[], p: unknown, s: unknown, o: object) =>
      new JITCUniformR([w[0], w[1], p, s] as never, o as never),
  },
  {
    name: 'JITCUniformC',
    make: (w: unknown[], p: unknown, s: unknown, o: object) =>
      new JITCUniformC([w[0], w[1], p, s] as never, o as never),
  },
];

/** Expect `fn` to throw `type` with a message naming the argument, the value and what was expected. */
function expectRejects(fn: () => unknown, type: new (...args: never[]) => Error, ...parts: string[]): void {
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(type);
  for (const part of parts) expect((error as Error).message).toContain(part);
}

describe.each(CONSTRUCTORS)('$name rejects bad parameters', ({ make }) => {
  const good = [0.1, 0.5];
  it.each([
    [-0.1, '-0.1'],
    [1.5, '1.5'],
    [NaN, 'NaN'],
    [Infinity, 'Infinity'],
    ['0.5', '"0.5"'],
  ])('prob %s', (prob, shown) => {
    expectRejects(() => make(good, prob, 1, SHAPE), JitconnArgumentError, 'prob', shown, '[0, 1]');
  });

  it.each([
    [-1, '-1'],
    [1.5, '1.5'],
    [NaN, 'NaN'],
    [2 ** 53, '9007199254740992'],
    [-1n, '-1n'],
    [2n ** 64n, '18446744073709551616n'],
    ['7', '"7"'],
  ])('seed %s', (seed, shown) => {
    expectRejects(() => make(good, 0.1, seed, SHAPE), JitconnArgumentError, 'seed', shown, 'integer');
  });

  it.each([
    [[0, 5], 'rows', '0'],
    [[5, -2], 'cols', '-2'],
    [[2.5, 5], 'rows', '2.5'],
    [[5, 2 ** 32], 'cols', '4294967296'],
    [[5], 'shape', 'array of length 1'],
    [undefined, 'shape', 'undefined'],
  ])('shape %j', (shape, argument, shown) => {
    expectRejects(() => make(good, 0.1, 1, { shape }), JitconnArgumentError, argument, shown);
  });

  it('non-finite weight parameters', () => {
    expectRejects(() => make([NaN, 1], 0.1, 1, SHAPE), JitconnArgumentError, 'NaN', 'finite');
    expectRejects(() => make([Infinity, 1], 0.1, 1, SHAPE), JitconnArgumentError, 'Infinity', 'finite');
  });
});

describe('law-specific parameters', () => {
  it('a negative standard deviation', () => {
    expectRejects(
      () => new JITCNormalR([0, -0.1, 0.1, 1], SHAPE),
      JitconnArgumentError,
      'wscale',
      '-0.1',
      '>= 0',
    );
  });
  it('uniform bounds out of order', () => {
    expectRejects(
      () => new JITCUniformR([0.3, -0.1, 0.1, 1], SHAPE),
      JitconnArgumentError,
      'whigh',
      '-0.1',
      'wlow',
    );
  });
  it('a tuple of the wrong length names the expected entries', () => {
    expectRejects(
      () => new JITCScalarR([0.1, 0.1] as never, SHAPE),
      JitconnArgumentError,
      'data',
      '[weight, prob, seed]',
    );
  });
  it('the options form validates too', () => {
    expectRejects(
      () => new JITCScalarR({ weight: 1, prob: 2, seed: 1, shape: [3, 3] }),
      JitconnArgumentError,
      'prob',
      '2',
    );
  });
  it('scale needs a finite factor, withWeight a valid law', () => {
    const m = new JITCScalarR([0.1, 0.1, 1], SHAPE);
    expectRejects(() => m.scale(NaN), JitconnArgumentError, 'factor', 'NaN');
    expectRejects(() => m.scale(Infinity), JitconnArgumentError, 'factor', 'Infinity');
    expectRejects(
      () => m.withWeight(1e30).scale(1e10),
      JitconnArgumentError,
      'factor',
      '10000000000',
      'finite',
    );
    expectRejects(() => m.withWeight({ wloc: 0, wscale: NaN }), JitconnArgumentError, 'wscale', 'NaN');
  });
  it('fromJSON rejects what is not a matrix', () => {
    expectRejects(() => fromJSON({} as never), JitconnArgumentError, 'jitconn-matrix');
    const json = new JITCScalarR([0.1, 0.1, 1], SHAPE).toJSON();
    expectRejects(() => fromJSON({ ...json, prob: 3 }), JitconnArgumentError, 'prob', '3');
    expectRejects(() => fromJSON({ ...json, seed: 'x1' }), JitconnArgumentError, 'seed', '"x1"');
  });
});

describe('products reject operands of the wrong shape or value', () => {
  const r = new JITCNormalR([0, 1, 0.2, 3], SHAPE);
  const c = r.T;
  it.each([
    ['vecmat', () => r.vecmat(new Float32Array(20)), '10 entries', 'got 20'],
    ['matvec', () => r.matvec(new Float32Array(10)), '20 entries', 'got 10'],
    ['vecmat on C', () => c.vecmat([1, 2]), '20 entries', 'got 2'],
    ['matmat', () => r.matmat(new Float32Array(20 * 3), 2), '40 entries', 'got 60'],
    ['rmatmat', () => r.rmatmat(new Float64Array(7), 1), '10 entries', 'got 7'],
    ['spikes of the wrong length', () => r.vecmat(BinaryArray.fromIndices([1], 11)), '10 entries', 'got 11'],
    [
      'a spike batch where a vector is needed',
      () => r.vecmat(BinaryArray.bernoulli(0.5, [2, 10], 1)),
      'single spike vector',
    ],
    ['a batch of the wrong size', () => r.rmatmat(BinaryArray.bernoulli(0.5, [2, 10], 1), 3), 'batch of 3'],
  ])('%s', (_, call, ...parts) => {
    expectRejects(call as () => unknown, JitconnShapeError, ...(parts as string[]));
  });

  it('non-finite operand entries', () => {
    expectRejects(
      () => r.vecmat(Float32Array.of(0, 0, NaN, 0, 0, 0, 0, 0, 0, 0)),
      JitconnArgumentError,
      'x[2]',
      'NaN',
    );
    expectRejects(() => r.matvec(new Float64Array(20).fill(1e39)), JitconnArgumentError, 'x[0]', 'float32');
  });

  it('a float matrix operand without k', () => {
    expectRejects(() => r.matmat(new Float32Array(20)), JitconnArgumentError, 'k');
    expectRejects(() => r.matmat(new Float32Array(20), 0), JitconnArgumentError, 'k', '0');
  });

  it('matmul of two matrices or no matrix', () => {
    expectRejects(() => matmul(r, c), JitconnArgumentError, 'matmul');
    expectRejects(() => matmul([1], [1]), JitconnArgumentError, 'matmul');
  });
});

describe('materialising refuses clearly instead of crashing', () => {
  it('todense of a matrix too large for memory', () => {
    const huge = new JITCScalarR([1, 0.001, 1], { shape: [1_000_000, 1_000_000] });
    expectRejects(() => huge.todense(), JitconnTooLargeError, 'todense()', '1000000 x 1000000', 'GiB');
  });
  it('tocsr of a matrix with too many connections', () => {
    const huge = new JITCScalarR([1, 0.5, 1], { shape: [100_000, 100_000] });
    expectRejects(() => huge.tocsr(), JitconnTooLargeError, 'tocsr()');
  });
  it('a product whose result cannot exist', () => {
    const wide = new JITCScalarC([1, 0.001, 1], { shape: [4294967295, 10] });
    expectRejects(() => wide.matvec(BinaryArray.fromIndices([1], 10)), JitconnTooLargeError, 'product');
  });
  it('BinaryArray input errors', () => {
    expectRejects(() => BinaryArray.fromIndices([3, 3], 5), JitconnArgumentError, 'repeats');
    expectRejects(() => BinaryArray.fromIndices([5], 5), JitconnArgumentError, '[0, 5)');
    expectRejects(() => new BinaryArray([1, 0, 1], { shape: [2, 2] }), JitconnArgumentError, '4 entries');
    expectRejects(() => BinaryArray.bernoulli(2, 5, 1), JitconnArgumentError, 'prob');
  });
});

describe('values that once slipped through get a jitconn error naming them', () => {
  const m = new JITCScalarR([0.1, 0.1, 1], SHAPE);
  it.each([
    ['M.matmat(null)', () => m.matmat(null as never, 2), 'X', 'null'],
    ['M.vecmat(undefined)', () => m.vecmat(undefined as never), 'x', 'undefined'],
    ['matmul(M, null)', () => matmul(m, null as never), 'b', 'null'],
    ['new BinaryArray(null)', () => new BinaryArray(null as never), 'values', 'null'],
    ['new BinaryArray(["a"])', () => new BinaryArray(['a'] as never), 'values[0]', '"a"'],
    ['fromJSON("null")', () => fromJSON('null'), 'json', 'null'],
    ['fromJSON("garbage")', () => fromJSON('garbage'), 'json', '"garbage"', 'JSON text'],
    ['a version 2 document', () => fromJSON({ ...m.toJSON(), version: 2 } as never), 'version', '2'],
    ['maxElements: NaN', () => m.todense({ maxElements: NaN }), 'maxElements', 'NaN'],
    [
      'an unknown backend, at construction',
      () => new JITCScalarR([1, 0.1, 1], { ...SHAPE, backend: 'gpu' as never }),
      'backend',
      '"gpu"',
    ],
    [
      'a strided ndarray view',
      () => matmul(m, { data: new Float32Array(40), shape: [20, 2], stride: [1, 20] } as never),
      'b.stride',
      'contiguous',
    ],
    [
      'a shape that does not match its data',
      () => matmul(m, { data: new Float32Array(40), shape: [999, 2] }),
      'b.data',
      '1998',
    ],
    [
      'a dense operand of the wrong inner size',
      () => matmul({ data: new Float32Array(18), shape: [2, 9] }, m),
      'a.shape[1] = b.shape[0]',
    ],
    [
      'out of the wrong length',
      () => m.vecmat(new Float32Array(10), { out: new Float32Array(3) }),
      'out',
      '20 entries',
    ],
    [
      'out that is not a Float32Array',
      () => m.vecmat(new Float32Array(10), { out: new Float64Array(20) as never }),
      'out',
      'Float64Array',
    ],
    [
      'accumulate without out',
      () => m.vecmat(new Float32Array(10), { accumulate: true }),
      'accumulate',
      'out',
    ],
  ])('%s', (_, call, ...parts) => {
    let error: unknown;
    try {
      (call as () => unknown)();
    } catch (e) {
      error = e;
    }
    expect(
      [JitconnArgumentError, JitconnShapeError].some((type) => error instanceof type),
      String(error),
    ).toBe(true);
    for (const part of parts as string[]) expect((error as Error).message).toContain(part);
  });

  it('out that shares memory with the operand is refused and left untouched', () => {
    const buffer = new Float32Array(30);
    const x = buffer.subarray(0, 10).fill(1);
    const out = buffer.subarray(5, 25).fill(7);
    expectRejects(() => m.vecmat(x, { out }), JitconnArgumentError, 'out', 'share memory');
    expect(out.every((v) => v === 7)).toBe(true);
  });

  it.each([
    ['a scalar weight of 1e39', () => new JITCScalarR([1e39, 0.1, 1], SHAPE), 'weight', '1e+39'],
    ['wloc of 1e39', () => new JITCNormalR([1e39, 1, 0.1, 1], SHAPE), 'wloc', '1e+39'],
    [
      'a normal whose 9.9-sigma draw overflows',
      () => new JITCNormalR([0, 3.5e37, 0.1, 1], SHAPE),
      'wscale',
      '9.88',
    ],
    ['whigh of 1e39', () => new JITCUniformR([0, 1e39, 0.1, 1], SHAPE), 'whigh', '1e+39'],
    ['scale(1e308)', () => new JITCScalarR([0.5, 0.1, 1], SHAPE).scale(1e308), 'factor', '1e+308'],
    ['withWeight(1e39)', () => new JITCScalarR([0.5, 0.1, 1], SHAPE).withWeight(1e39), 'weight', '1e+39'],
    [
      'a JSON law value of 1e39',
      () => fromJSON({ ...m.toJSON(), law: { kind: 'scalar', value: 1e39 } }),
      'law.value',
      '1e+39',
    ],
  ])('%s: weights must stay finite in float32', (_, call, ...parts) => {
    expectRejects(call as () => unknown, JitconnArgumentError, ...(parts as string[]));
  });
});
