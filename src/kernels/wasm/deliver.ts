import type { ProductTarget } from '../../types.js';
import { closeCall, openCall, type Call } from './runtime.js';

/**
 * Results leave kernel memory for the caller's array here: a piece of a product (elements e0..,
 * batch columns c0..), computed element-major in kernel memory, is transposed there when the
 * target is batch-major, added there to what the target held when it accumulates (one float32
 * rounding per element: the caller's values are copied in, added with SIMD, copied back), and
 * copied out with memcpy.
 *
 * In the caller's array (`elements` x k element-major, or k x `elements` batch-major) a piece is
 * `rows` runs of `length` floats, the first at `start`, `stride` apart (see place).
 */

/** Whether delivering into `target` needs a spare buffer of the piece's size in kernel memory. */
export function needsSpare(target: ProductTarget, k: number): boolean {
  return target.accumulate || (target.batchMajor && k > 1);
}

let start = 0;
let rows = 0;
let length = 0;
let stride = 0;

/** Where elements [e0, e0 + eCount) x columns [c0, c0 + cCount) go (into start, rows, length, stride). */
function place(
  target: ProductTarget,
  elements: number,
  k: number,
  e0: number,
  eCount: number,
  c0: number,
  cCount: number,
) {
  if (target.batchMajor && k > 1) {
    const whole = eCount === elements;
    start = c0 * elements + e0;
    rows = whole ? 1 : cCount;
    length = whole ? cCount * elements : eCount;
    stride = elements;
  } else {
    const whole = cCount === k;
    start = e0 * k + c0;
    rows = whole ? 1 : eCount;
    length = whole ? eCount * k : cCount;
    stride = k;
  }
}

/**
 * Views of kernel memory reused across calls: a loop calling the same product gets the same
 * addresses every time, so copying its whole result out creates no typed array in steady state.
 */
const VIEWS = 8;
const views: Float32Array[] = [];

function kernelView(f32: Float32Array, index: number, length: number): Float32Array {
  for (let v = 0; v < views.length; v++) {
    const view = views[v]!;
    if (view.buffer === f32.buffer && view.byteOffset === index * 4 && view.length === length) return view;
  }
  const view = f32.subarray(index, index + length);
  if (views.length === VIEWS) views.pop();
  views.unshift(view);
  return view;
}

/** Copies `length` floats of `out` from `there` to kernel memory at float index `here`, or back. */
function copyRun(
  f32: Float32Array,
  out: Float32Array,
  there: number,
  here: number,
  length: number,
  inward: boolean,
) {
  const whole = there === 0 && length === out.length;
  if (inward) f32.set(whole ? out : out.subarray(there, there + length), here);
  else if (whole) out.set(kernelView(f32, here, length));
  else out.set(f32.subarray(here, here + length), there);
}

/** Copies the piece's place in `out` to kernel memory at `at` (inward) or back. */
function copy(call: Call, out: Float32Array, at: number, inward: boolean): void {
  const f32 = call.kernels.f32;
  for (let r = 0; r < rows; r++)
    copyRun(f32, out, start + r * stride, (at >> 2) + r * length, length, inward);
}

/**
 * Delivers a piece of eCount x cCount floats, element-major at `at` in kernel memory, into the
 * target (a result of `elements` x k); `spare` is free kernel memory of the same size when
 * needsSpare().
 */
export function deliverPiece(
  call: Call,
  at: number,
  spare: number,
  target: ProductTarget,
  elements: number,
  k: number,
  e0: number,
  eCount: number,
  c0: number,
  cCount: number,
): void {
  const { out, accumulate } = target;
  const kernels = call.kernels.exports;
  place(target, elements, k, e0, eCount, c0, cCount);
  if (target.batchMajor && k > 1) {
    if (accumulate) copy(call, out, spare, true);
    kernels.transposeF32(at, spare, eCount, cCount, accumulate);
    copy(call, out, spare, false);
    return;
  }
  if (accumulate) {
    // out + result, in that order (which NaN's payload survives depends on the order).
    copy(call, out, spare, true);
    kernels.addF32(spare, at, eCount * cCount);
    copy(call, out, spare, false);
  } else {
    copy(call, out, at, false);
  }
}

/** Floats per pass of addZeros. */
const ZERO_CHUNK = 1 << 16;

/**
 * Accumulates an all-zero result (a product with nothing to add): out[i] = f32(out[i] + 0), which
 * turns -0 into +0 as the reference's addition does, in kernel memory a chunk at a time.
 */
export function addZeros(out: Float32Array): void {
  const call = openCall(0);
  try {
    for (let from = 0; from < out.length; from += ZERO_CHUNK) {
      const length = Math.min(out.length - from, ZERO_CHUNK);
      call.heap.startCall();
      const at = call.heap.take(length * 4) >> 2;
      const f32 = call.kernels.f32;
      copyRun(f32, out, from, at, length, true);
      call.kernels.exports.plusZeroF32(at << 2, length);
      copyRun(f32, out, from, at, length, false);
    }
  } finally {
    closeCall(call);
  }
}
