import { JitconnArgumentError, JitconnShapeError, describeValue } from '../errors.js';
import type { ProductTarget } from '../types.js';
import { allocateFloat32 } from './allocate.js';

/** The optional last argument of every product. */
export interface ProductOptions {
  /**
   * Write the result into this `Float32Array` (exactly the result's length) and return it, instead
   * of allocating a new array: a loop that calls a product every step then allocates nothing.
   */
  readonly out?: Float32Array;
  /**
   * With `out`: add the result to what `out` holds instead of overwriting it. Each element is
   * `f32(out[i] + result[i])`, one float32 rounding, where `result` is what the product returns.
   */
  readonly accumulate?: boolean;
}

function overlaps(a: ArrayBufferView, b: ArrayBufferView): boolean {
  return (
    a.buffer === b.buffer &&
    a.byteOffset < b.byteOffset + b.byteLength &&
    b.byteOffset < a.byteOffset + a.byteLength
  );
}

/**
 * The target of a product of `length` floats: the caller's `out`, checked (type, length, no
 * overlap with the operand), or a fresh array. Checked before any work, so a bad `out` is left
 * untouched.
 */
export function productTarget(
  options: ProductOptions | undefined,
  length: number,
  operand: unknown,
  batchMajor: boolean,
): ProductTarget {
  if (options === undefined || options === null) {
    return { out: allocateFloat32(length, 'the product'), accumulate: false, batchMajor, fresh: true };
  }
  if (typeof options !== 'object') {
    throw new JitconnArgumentError('options', options, 'an object { out, accumulate } or undefined');
  }
  const { out, accumulate } = options;
  if (accumulate !== undefined && typeof accumulate !== 'boolean') {
    throw new JitconnArgumentError('accumulate', accumulate, 'true or false');
  }
  if (out === undefined) {
    if (accumulate) throw new JitconnArgumentError('accumulate', accumulate, 'used together with out');
    return { out: allocateFloat32(length, 'the product'), accumulate: false, batchMajor, fresh: true };
  }
  if (!(out instanceof Float32Array)) {
    throw new JitconnArgumentError('out', out, `a Float32Array of ${length} entries`);
  }
  if (out.length !== length) {
    throw new JitconnShapeError(
      `out must have exactly ${length} entries (the result's length), got ${describeValue(out)}`,
    );
  }
  const views = ArrayBuffer.isView(operand)
    ? [operand]
    : typeof operand === 'object' &&
        operand !== null &&
        ArrayBuffer.isView((operand as { data?: unknown }).data)
      ? [(operand as { data: ArrayBufferView }).data]
      : [];
  if (views.some((view) => overlaps(view, out))) {
    throw new JitconnArgumentError('out', out, 'a Float32Array that does not share memory with the operand');
  }
  return { out, accumulate: accumulate === true, batchMajor, fresh: false };
}
