import {
  JITCNormalC,
  JITCNormalR,
  JITCScalarC,
  JITCScalarR,
  JITCUniformC,
  JITCUniformR,
  type BackendName,
  type JITCMatrix,
} from '../../src/index.js';

/** Backends every product test runs on. */
export const BACKENDS: BackendName[] = ['reference', 'wasm'];

/** One matrix of every class with the given probability, seed and shape. */
export function everyClass(
  prob: number,
  seed: number | bigint,
  shape: [number, number],
  backend: BackendName,
): JITCMatrix[] {
  const options = { shape, backend };
  return [
    new JITCScalarR([0.5, prob, seed], options),
    new JITCScalarC([-0.25, prob, seed], options),
    new JITCNormalR([0.1, 0.4, prob, seed], options),
    new JITCNormalC([-0.2, 1.5, prob, seed], options),
    new JITCUniformR([-0.1, 0.3, prob, seed], options),
    new JITCUniformC([0.5, 2, prob, seed], options),
  ];
}

export function label(m: JITCMatrix): string {
  return `${m.constructor.name} ${m.shape.join('x')} p=${m.prob} seed=${String(m.seed)}`;
}

/** Seeded floats in [-1, 1) with about `zeros` of them exactly zero. */
export function floats(n: number, seed: number, zeros = 0.3): Float32Array {
  let s = seed >>> 0 || 1;
  const next = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
  return Float32Array.from({ length: n }, () => (next() < zeros ? 0 : next() * 2 - 1));
}

/** (r x c) @ (c x k) in float64 from row-major arrays. */
export function denseMatmul(
  a: ArrayLike<number>,
  r: number,
  c: number,
  b: ArrayLike<number>,
  k: number,
): Float64Array {
  const out = new Float64Array(r * k);
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < c; j++) {
      const aij = a[i * c + j]!;
      if (aij === 0) continue;
      for (let q = 0; q < k; q++) out[i * k + q]! += aij * b[j * k + q]!;
    }
  }
  return out;
}

export function transpose(a: ArrayLike<number>, r: number, c: number): Float64Array {
  const out = new Float64Array(r * c);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out[j * r + i] = a[i * c + j]!;
  return out;
}

/**
 * Assert `actual` (float32 result) equals `expected` (float64) to float32 accumulation error:
 * each of n terms is rounded once to float32 and each sum once, so the error is at most
 * about 2 n eps32 sum|terms|; `scale` is sum |terms| per element.
 */
export function expectClose(
  actual: Float32Array,
  expected: Float64Array,
  scale: Float64Array,
  terms: number,
): void {
  if (actual.length !== expected.length) throw new Error(`length ${actual.length} != ${expected.length}`);
  const eps = 2 ** -24;
  for (let i = 0; i < actual.length; i++) {
    const bound = 2 * (terms + 1) * eps * scale[i]! + 1e-30;
    const error = Math.abs(actual[i]! - expected[i]!);
    if (!(error <= bound)) {
      throw new Error(
        `element ${i}: got ${actual[i]}, expected ${expected[i]} (error ${error} > bound ${bound})`,
      );
    }
  }
}

/** Bitwise equality of two float32 arrays (distinguishes -0 and NaN payloads). */
export function expectBitIdentical(a: Float32Array, b: Float32Array): void {
  if (a.length !== b.length) throw new Error(`length ${a.length} != ${b.length}`);
  const ua = new Uint32Array(a.buffer, a.byteOffset, a.length);
  const ub = new Uint32Array(b.buffer, b.byteOffset, b.length);
  for (let i = 0; i < ua.length; i++) {
    if (ua[i] !== ub[i]) throw new Error(`element ${i}: ${a[i]} !== ${b[i]}`);
  }
}
