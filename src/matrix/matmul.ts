import { JitconnArgumentError, JitconnShapeError, describeValue } from '../errors.js';
import { BinaryArray } from './binaryArray.js';
import { JITCMatrix } from './jitcMatrix.js';
import type { FloatArray } from './operands.js';
import type { ProductOptions } from './productOptions.js';
import { checkShape } from './validate.js';

/** A row-major float matrix operand for `matmul`: `data[i * shape[1] + j]` is entry (i, j). */
export interface DenseOperand {
  readonly data: FloatArray;
  readonly shape: readonly [number, number];
}

type Operand = JITCMatrix | BinaryArray | FloatArray | DenseOperand;

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
 * `a @ b` with a JIT matrix on either side, dispatched as Python's `@` would: a vector gives a
 * vector (vecmat / matvec); a spike batch or a dense { data, shape } matrix gives a matrix
 * (rmatmat / matmat). One side must be a JIT matrix. `options` are those of every product
 * (`out`, `accumulate`).
 */
export function matmul(a: Operand, b: Operand, options?: ProductOptions): Float32Array {
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
