import type { ProductTarget } from '../types.js';

/**
 * Delivers a product's result, computed element-major (elements x k), into the caller's target:
 * transposed to (k x elements) when the target is batch-major, and added (one float32 rounding
 * per element) rather than copied when it accumulates. `result` may be a view of kernel memory.
 */
export function deliver(result: Float32Array, elements: number, k: number, target: ProductTarget): void {
  const { out, accumulate } = target;
  if (target.batchMajor && k > 1) {
    transposeInto(result, elements, k, out, accumulate);
  } else if (accumulate) {
    // A float32 store rounds the double sum of two float32 values once: exactly f32(out + result).
    for (let i = 0; i < out.length; i++) out[i]! += result[i]!;
  } else {
    out.set(result);
  }
}

/** out (c x r) = or += the transpose of x (r x c), both row-major. */
export function transposeInto(
  x: Float32Array,
  r: number,
  c: number,
  out: Float32Array,
  accumulate: boolean,
): void {
  // In tiles, so reads and writes both stay within a few cache lines.
  const tile = 32;
  for (let i0 = 0; i0 < r; i0 += tile) {
    const iEnd = Math.min(i0 + tile, r);
    for (let j0 = 0; j0 < c; j0 += tile) {
      const jEnd = Math.min(j0 + tile, c);
      for (let i = i0; i < iEnd; i++) {
        for (let j = j0; j < jEnd; j++) {
          if (accumulate) out[j * r + i]! += x[i * c + j]!;
          else out[j * r + i] = x[i * c + j]!;
        }
      }
    }
  }
}
