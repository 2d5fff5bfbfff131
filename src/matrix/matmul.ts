import { JitconnArgumentError, JitconnShapeError, describeValue } from '../errors.js';
import { BinaryArray } from './binaryArray.js';
import { JITCMatrix } from './jitcMatrix.js';
import type { FloatArray } from './operands.js';
import type { ProductOptions } from './productOptions.js';
import { checkShape } from './validate.js';

/**
 * A row-major float matrix operand for `matmul`: `data[i * shape[1] + j]` is entry (i, j). Only
 * these two fields: a strided or offset view must be copied into a contiguous array first.
 *
 * @example
 * ```ts
 * import { JITCScalarR, matmul, type DenseOperand } from 'jitconn';
 *
 * const X: DenseOperand = { data: new Float32Array(4 * 1000).fill(1), shape: [4, 1000] };
 * const Y = matmul(X, new JITCScalarR([0.1, 0.1, 1], { shape: [1000, 500] })); // 4 x 500
 * ```
 */
export interface DenseOperand {
  /** The entries, row-major: shape[0] * shape[1] of them. */
  readonly data: FloatArray;
  /** [rows, cols] of the operand. */
  readonly shape: readonly [number, number];
}

const DENSE_KEYS = new Set(['data', 'shape']);

function isFloatArray(x: unknown): x is FloatArray {
  return x instanceof Float32Array || x instanceof Float64Array || Array.isArray(x);
}

/** A plain { data, shape } object: row-major and contiguous, with a shape that matches its data. */
function checkDense(x: unknown, argument: string): DenseOperand | null {
  if (typeof x !== 'object' || x === null || isFloatArray(x) || x instanceof BinaryArray) return null;
  if (x instanceof JITCMatrix || !('data' in x)) return null;
  const extra = Object.keys(x).filter((key) => !DENSE_KEYS.has(key));
  if (extra.length > 0) {
    throw new JitconnArgumentError(
      `${argument}.${extra[0]}`,
      (x as Record<string, unknown>)[extra[0]!],
      'absent: a dense operand is { data, shape }, row-major and contiguous (copy a strided view first)',
    );
  }
  const { data, shape } = x as { data: unknown; shape: unknown };
  if (!isFloatArray(data)) {
    throw new JitconnArgumentError(
      `${argument}.data`,
      data,
      'a Float32Array, Float64Array or array of numbers',
    );
  }
  const [r, c] = checkShape(shape, `${argument}.shape`);
  if (data.length !== r * c) {
    throw new JitconnShapeError(
      `${argument}.data must have ${r} x ${c} = ${r * c} entries for ${argument}.shape [${r}, ${c}], got ${describeValue(data)}`,
    );
  }
  return { data, shape: [r, c] };
}

function checkOperand(x: unknown, argument: string): void {
  if (x instanceof JITCMatrix || x instanceof BinaryArray || isFloatArray(x)) return;
  throw new JitconnArgumentError(
    argument,
    x,
    'a JIT matrix, a BinaryArray, a Float32Array, Float64Array or array of numbers, or { data, shape }',
  );
}

/**
 * `a @ b` with a JIT matrix on exactly one side, dispatched as Python's `@` would: a vector gives
 * a vector (`spikes @ M` is `M.vecmat(spikes)`, `M @ spikes` is `M.matvec(spikes)`); a spike batch
 * or a dense `{ data, shape }` matrix gives a row-major matrix (`rmatmat` on the left of M,
 * `matmat` on its right, where a batch's vectors are the columns of the operand).
 *
 * @param a - The left operand: a JIT matrix, or spikes, floats or `{ data, shape }` when `b` is one.
 * @param b - The right operand: a JIT matrix, or spikes, floats or `{ data, shape }` when `a` is one.
 * @param options - `{ out, accumulate }`, as for every product.
 * @returns The product, as the method it dispatches to returns it.
 * @throws {@link JitconnArgumentError} when neither or both operands are JIT matrices, an operand
 *   is of another type or a dense operand has fields other than `data` and `shape`; and whatever
 *   the product throws.
 * @throws {@link JitconnShapeError} when the shapes do not fit.
 * @example
 * ```ts
 * import { BinaryArray, JITCScalarR, matmul } from 'jitconn';
 *
 * const w = new JITCScalarR([0.1, 0.1, 12345], { shape: [1000, 500] });
 * const spikes = BinaryArray.bernoulli(0.05, 1000, 0);
 * const out = matmul(spikes, w); // Float32Array(500), the same as w.vecmat(spikes)
 * const back = matmul(w, new Float32Array(500).fill(1)); // Float32Array(1000): w @ x
 * ```
 */
export function matmul(
  a: JITCMatrix | BinaryArray | FloatArray | DenseOperand,
  b: JITCMatrix | BinaryArray | FloatArray | DenseOperand,
  options?: ProductOptions,
): Float32Array {
  const denseA = checkDense(a, 'a');
  const denseB = checkDense(b, 'b');
  if (!denseA) checkOperand(a, 'a');
  if (!denseB) checkOperand(b, 'b');
  if (a instanceof JITCMatrix && b instanceof JITCMatrix) {
    throw new JitconnArgumentError(
      'matmul(a, b)',
      'two JIT matrices',
      'one JIT matrix and one vector or matrix',
    );
  }
  if (b instanceof JITCMatrix) {
    if (a instanceof BinaryArray)
      return a.batchSize === undefined ? b.vecmat(a, options) : b.rmatmat(a, options);
    if (denseA) {
      if (denseA.shape[1] !== b.shape[0]) {
        throw new JitconnShapeError(
          `a @ b needs a.shape[1] = b.shape[0]: a.shape is [${denseA.shape.join(', ')}], b.shape [${b.shape.join(', ')}]`,
        );
      }
      return b.rmatmat(denseA.data, denseA.shape[0], options);
    }
    return b.vecmat(a as FloatArray, options);
  }
  if (a instanceof JITCMatrix) {
    if (b instanceof BinaryArray)
      return b.batchSize === undefined ? a.matvec(b, options) : a.matmat(b, options);
    if (denseB) {
      if (denseB.shape[0] !== a.shape[1]) {
        throw new JitconnShapeError(
          `a @ b needs a.shape[1] = b.shape[0]: a.shape is [${a.shape.join(', ')}], b.shape [${denseB.shape.join(', ')}]`,
        );
      }
      return a.matmat(denseB.data, denseB.shape[1], options);
    }
    return a.matvec(b as FloatArray, options);
  }
  throw new JitconnArgumentError('matmul(a, b)', a, 'a JIT matrix on one side');
}
