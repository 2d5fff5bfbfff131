import { JitconnArgumentError } from '../errors.js';
import { BinaryArray } from './binaryArray.js';
import { JITCMatrix } from './jitcMatrix.js';
import type { FloatArray } from './operands.js';

/** A row-major float matrix operand for `matmul`. */
export interface DenseOperand {
  readonly data: FloatArray;
  readonly shape: readonly [number, number];
}

type Operand = JITCMatrix | BinaryArray | FloatArray | DenseOperand;

function isDense(x: Operand): x is DenseOperand {
  return typeof x === 'object' && !Array.isArray(x) && !ArrayBuffer.isView(x) && 'data' in x && 'shape' in x;
}

/**
 * `a @ b` with a JIT matrix on either side, dispatched as Python's `@` would:
 * a vector gives a vector (vecmat / matvec); a spike batch or a dense matrix gives a matrix
 * (rmatmat / matmat). One side must be a JIT matrix.
 */
export function matmul(a: Operand, b: Operand): Float32Array {
  if (a instanceof JITCMatrix && b instanceof JITCMatrix) {
    throw new JitconnArgumentError(
      'matmul(a, b)',
      'two JIT matrices',
      'one JIT matrix and one vector or matrix',
    );
  }
  if (b instanceof JITCMatrix) {
    if (a instanceof BinaryArray) return a.batchSize === undefined ? b.vecmat(a) : b.rmatmat(a);
    if (isDense(a)) return b.rmatmat(a.data, a.shape[0]);
    return b.vecmat(a as FloatArray);
  }
  if (a instanceof JITCMatrix) {
    if (b instanceof BinaryArray) return b.batchSize === undefined ? a.matvec(b) : a.matmat(b);
    if (isDense(b)) return a.matmat(b.data, b.shape[1]);
    return a.matvec(b as FloatArray);
  }
  throw new JitconnArgumentError('matmul(a, b)', a, 'a JIT matrix on one side');
}
