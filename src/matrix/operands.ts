import { JitconnArgumentError, JitconnShapeError } from '../errors.js';
import type { ActiveLines } from '../types.js';
import { allocateFloat32 } from './allocate.js';
import { BinaryArray, spikeIndices, spikeShape } from './binaryArray.js';

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

/** Refuses anything that is not a BinaryArray, a Float32Array, a Float64Array or an array of numbers. */
function checkOperandType(x: unknown, argument: string): asserts x is MatrixOperand {
  if (x instanceof BinaryArray || x instanceof Float32Array || x instanceof Float64Array) return;
  if (Array.isArray(x)) {
    for (let i = 0; i < x.length; i++) {
      if (typeof x[i] !== 'number') throw new JitconnArgumentError(`${argument}[${i}]`, x[i], 'a number');
    }
    return;
  }
  throw new JitconnArgumentError(
    argument,
    x,
    'a BinaryArray (spikes), a Float32Array, a Float64Array or an array of numbers',
  );
}

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
  const { length, batchSize } = spikeShape(x);
  if (batchSize !== undefined) {
    throw new JitconnShapeError(
      `${argument} must be a single spike vector (${meaning}), got a batch of ${batchSize}`,
    );
  }
  if (length !== n)
    throw new JitconnShapeError(`${argument} must have ${n} entries (${meaning}), got ${length}`);
}

function checkSpikeBatch(x: BinaryArray, n: number, k: number, argument: string, meaning: string): void {
  const { length, batchSize } = spikeShape(x);
  if (k === 1 && batchSize === undefined) return checkVectorSpikes(x, n, argument, meaning);
  if (batchSize !== k || length !== n) {
    const shape = batchSize === undefined ? `[${length}]` : `[${batchSize}, ${length}]`;
    throw new JitconnShapeError(
      `${argument} must be a batch of ${k} spike vectors of ${n} entries (${meaning}), got shape ${shape}`,
    );
  }
}

/** The active lines of a vector operand of `n` entries: spikes or non-zero floats. */
export function activeFromVector(
  x: VectorOperand,
  n: number,
  argument: string,
  meaning: string,
): ActiveLines {
  checkOperandType(x, argument);
  if (x instanceof BinaryArray) {
    checkVectorSpikes(x, n, argument, meaning);
    return { lines: spikeIndices(x), values: null, k: 1 };
  }
  return activeFromMatrix(x, n, 1, 'elementMajor', argument, meaning);
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
  checkOperandType(x, argument);
  if (x instanceof BinaryArray) return activeFromSpikeBatch(x, n, k, argument, meaning);
  checkFloatLength(x, n * k, argument, meaning);
  // Activity is decided on the float32 values the kernels see (1e-50 is an inactive 0), so convert
  // once, natively, and scan the bits in memory order: ±0 is inactive, an all-ones exponent is
  // not finite.
  const f32 = x instanceof Float32Array ? x : Float32Array.from(x);
  const bits = new Int32Array(f32.buffer, f32.byteOffset, f32.length);
  const elementMajor = layout === 'elementMajor';
  const isActive = new Uint8Array(n);
  let count = 0;
  const words = bits.length;
  for (let i = 0; i < words; i++) {
    // Operands are mostly zeros: skip four ±0 words at a time.
    if (i + 3 < words && ((bits[i]! | bits[i + 1]! | bits[i + 2]! | bits[i + 3]!) & 0x7fffffff) === 0) {
      i += 3;
      continue;
    }
    const word = bits[i]!;
    if (word << 1 === 0) continue;
    if ((word & 0x7f800000) === 0x7f800000) checkFiniteEntry(x[i]!, i, argument);
    const e = elementMajor ? Math.floor(i / k) : i % n;
    count += 1 - isActive[e]!;
    isActive[e] = 1;
  }
  const lines = new Uint32Array(count);
  const values = allocateFloat32(count * k, `the active values of ${argument}`);
  const [elementStride, columnStride] = elementMajor ? [k, 1] : [1, n];
  for (let e = 0, a = 0; a < count; e++) {
    if (!isActive[e]) continue;
    lines[a] = e;
    for (let c = 0; c < k; c++) values[a * k + c] = f32[e * elementStride + c * columnStride]!;
    a++;
  }
  return { lines, values, k };
}

/**
 * A batch of k spike vectors as active lines: the union of their indices (a k-way merge, no
 * dense mask), each line with value 1 in the columns where it spiked and 0 elsewhere.
 */
function activeFromSpikeBatch(
  x: BinaryArray,
  n: number,
  k: number,
  argument: string,
  meaning: string,
): ActiveLines {
  checkSpikeBatch(x, n, k, argument, meaning);
  if (k === 1 && spikeShape(x).batchSize === undefined) return { lines: spikeIndices(x), values: null, k: 1 };
  const columns = Array.from({ length: k }, (_, c) => spikeIndices(x, c));
  const union = new Set<number>();
  for (const indices of columns) for (const i of indices) union.add(i);
  const lines = Uint32Array.from(union).sort();
  const values = allocateFloat32(lines.length * k, `the active values of ${argument}`);
  columns.forEach((indices, c) => {
    let a = 0;
    for (const i of indices) {
      while (lines[a]! < i) a++;
      values[a * k + c] = 1;
    }
  });
  return { lines, values, k };
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
  checkOperandType(x, argument);
  if (x instanceof BinaryArray) checkSpikeBatch(x, n, k, argument, meaning);
  else checkFloatLength(x, n * k, argument, meaning);
  const out = allocateFloat32(n * k, `a dense copy of ${argument}`);
  if (x instanceof BinaryArray) {
    if (k === 1 && spikeShape(x).batchSize === undefined) for (const e of spikeIndices(x)) out[e] = 1;
    else for (let c = 0; c < k; c++) for (const e of spikeIndices(x, c)) out[e * k + c] = 1;
    return out;
  }
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
