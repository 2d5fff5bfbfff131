import { JitconnArgumentError, JitconnShapeError } from '../errors.js';
import type { ActiveLines } from '../spec/referenceProducts.js';
import { BinaryArray } from './binaryArray.js';

/** A float operand: typed array or plain array of numbers. */
export type FloatArray = Float32Array | Float64Array | readonly number[];
/** A vector operand: spikes (event-driven) or floats. */
export type VectorOperand = BinaryArray | FloatArray;
/** A matrix operand: a batch of spikes or a row-major float matrix. */
export type MatrixOperand = BinaryArray | FloatArray;

/**
 * How a float matrix operand is laid out relative to the lines it feeds:
 * `elementMajor` is (elements x k) row-major, `batchMajor` is (k x elements) row-major.
 */
export type Layout = 'elementMajor' | 'batchMajor';

function checkFloatLength(x: FloatArray, expected: number, argument: string, meaning: string): void {
  if (x.length !== expected) {
    throw new JitconnShapeError(`${argument} must have ${expected} entries (${meaning}), got ${x.length}`);
  }
}

/** Products compute in float32, so an operand entry must be finite once rounded to float32. */
function checkFiniteEntry(value: number, index: number, argument: string): void {
  if (!Number.isFinite(Math.fround(value))) {
    throw new JitconnArgumentError(
      `${argument}[${index}]`,
      value,
      'a number finite in float32 (|x| < 3.4e38)',
    );
  }
}

function checkVectorSpikes(x: BinaryArray, n: number, argument: string, meaning: string): void {
  if (x.batchSize !== undefined) {
    throw new JitconnShapeError(
      `${argument} must be a single spike vector (${meaning}), got a batch of ${x.batchSize}`,
    );
  }
  if (x.length !== n)
    throw new JitconnShapeError(`${argument} must have ${n} entries (${meaning}), got ${x.length}`);
}

/** The active lines of a vector operand of `n` entries: spikes or non-zero floats. */
export function activeFromVector(
  x: VectorOperand,
  n: number,
  argument: string,
  meaning: string,
): ActiveLines {
  if (x instanceof BinaryArray) {
    checkVectorSpikes(x, n, argument, meaning);
    return { lines: x.indices(), values: null, k: 1 };
  }
  return activeFromMatrix(x, n, 1, 'elementMajor', argument, meaning);
}

/** The common event-driven case: scan the bits (±0 is inactive; exponent all ones is not finite). */
function activeFromFloat32(x: Float32Array, n: number, argument: string): ActiveLines {
  const bits = new Int32Array(x.buffer, x.byteOffset, n);
  const found: number[] = [];
  for (let e = 0; e < n; e++) {
    const word = bits[e]!;
    if (word << 1 === 0) continue;
    if ((word & 0x7f800000) === 0x7f800000) checkFiniteEntry(x[e]!, e, argument);
    found.push(e);
  }
  const lines = Uint32Array.from(found);
  const values = new Float32Array(lines.length);
  for (let a = 0; a < lines.length; a++) values[a] = x[lines[a]!]!;
  return { lines, values, k: 1 };
}

/** The active lines of a matrix operand: n elements with k values each. */
export function activeFromMatrix(
  x: MatrixOperand,
  n: number,
  k: number,
  layout: Layout,
  argument: string,
  meaning: string,
): ActiveLines {
  if (x instanceof BinaryArray) return activeFromSpikeBatch(x, n, k, argument, meaning);
  checkFloatLength(x, n * k, argument, meaning);
  const [elementStride, columnStride] = layout === 'elementMajor' ? [k, 1] : [1, n];
  const lines = new Uint32Array(n);
  const values = new Float32Array(n * k);
  let count = 0;
  if (k === 1 && x instanceof Float32Array) return activeFromFloat32(x, n, argument);
  if (k === 1) {
    for (let e = 0; e < n; e++) {
      const value = Math.fround(x[e]!);
      if (value === 0) continue;
      if (!Number.isFinite(value)) checkFiniteEntry(x[e]!, e, argument);
      lines[count] = e;
      values[count++] = value;
    }
    return { lines: lines.slice(0, count), values: values.slice(0, count), k };
  }
  for (let e = 0; e < n; e++) {
    // Activity is decided on the float32 values the kernels see: 1e-50 is an inactive 0.
    let active = false;
    for (let c = 0; c < k; c++) {
      const value = Math.fround(x[e * elementStride + c * columnStride]!);
      values[count * k + c] = value;
      if (value !== 0) active = true;
    }
    if (!active) continue;
    for (let c = 0; c < k; c++) {
      const index = e * elementStride + c * columnStride;
      if (!Number.isFinite(values[count * k + c]!)) checkFiniteEntry(x[index]!, index, argument);
    }
    lines[count++] = e;
  }
  return { lines: lines.slice(0, count), values: values.slice(0, count * k), k };
}

function checkSpikeBatch(x: BinaryArray, n: number, k: number, argument: string, meaning: string): void {
  if (x.batchSize !== k || x.length !== n) {
    throw new JitconnShapeError(
      `${argument} must be a batch of ${k} spike vectors of ${n} entries (${meaning}), got shape [${x.shape.join(', ')}]`,
    );
  }
}

function activeFromSpikeBatch(
  x: BinaryArray,
  n: number,
  k: number,
  argument: string,
  meaning: string,
): ActiveLines {
  if (k === 1 && x.batchSize === undefined) return activeFromVector(x, n, argument, meaning);
  checkSpikeBatch(x, n, k, argument, meaning);
  const mask = new Float32Array(n * k);
  for (let c = 0; c < k; c++) for (const e of x.indices(c)) mask[e * k + c] = 1;
  return activeFromMatrix(mask, n, k, 'elementMajor', argument, meaning);
}

/** A dense float32 (n x k) element-major copy of an operand, for gather products. */
export function denseFromMatrix(
  x: MatrixOperand,
  n: number,
  k: number,
  layout: Layout,
  argument: string,
  meaning: string,
): Float32Array {
  const out = new Float32Array(n * k);
  if (x instanceof BinaryArray) {
    if (k === 1 && x.batchSize === undefined) checkVectorSpikes(x, n, argument, meaning);
    else checkSpikeBatch(x, n, k, argument, meaning);
    for (let c = 0; c < k; c++) for (const e of x.indices(c)) out[e * k + c] = 1;
    return out;
  }
  checkFloatLength(x, n * k, argument, meaning);
  if (layout === 'elementMajor' || k === 1) out.set(x);
  else for (let e = 0; e < n; e++) for (let c = 0; c < k; c++) out[e * k + c] = x[c * n + e]!;
  for (let i = 0; i < out.length; i++) {
    if (!Number.isFinite(out[i]!)) {
      const index = layout === 'elementMajor' || k === 1 ? i : (i % k) * n + Math.floor(i / k);
      checkFiniteEntry(x[index]!, index, argument);
    }
  }
  return out;
}

/** Transpose an (r x c) row-major float32 matrix. */
export function transposeFloat32(x: Float32Array, r: number, c: number): Float32Array {
  if (r === 1 || c === 1) return x;
  const out = new Float32Array(x.length);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out[j * r + i] = x[i * c + j]!;
  return out;
}
