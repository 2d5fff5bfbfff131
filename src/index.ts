/**
 * jitconn: just-in-time random connectivity matrices. A matrix is its generator (probability,
 * weight law, seed, shape); every product regenerates the connections it needs from the seed.
 */
import { registerBackend } from './matrix/backends.js';
import { wasmBackend } from './kernels/wasm/index.js';

// The WebAssembly kernels are the default; the reference stays selectable ({ backend: 'reference' }).
registerBackend(wasmBackend, true);

export { BinaryArray } from './matrix/binaryArray.js';
export { JITCMatrix } from './matrix/jitcMatrix.js';
export type {
  CsrMatrix,
  MatrixJSON,
  MatrixOptions,
  MaterialiseOptions,
  WeightSpec,
} from './matrix/jitcMatrix.js';
export { JITCScalar, JITCScalarR, JITCScalarC, JITCHomoR, JITCHomoC } from './matrix/scalar.js';
export type { ScalarData, ScalarFields } from './matrix/scalar.js';
export { JITCNormal, JITCNormalR, JITCNormalC } from './matrix/normal.js';
export type { NormalData, NormalFields } from './matrix/normal.js';
export { JITCUniform, JITCUniformR, JITCUniformC } from './matrix/uniform.js';
export type { UniformData, UniformFields } from './matrix/uniform.js';
export { matmul } from './matrix/matmul.js';
export type { DenseOperand } from './matrix/matmul.js';
export { fromJSON } from './matrix/json.js';
export type { FloatArray, MatrixOperand, VectorOperand } from './matrix/operands.js';
export { setDefaultBackend, defaultBackendName } from './matrix/backends.js';
export { getThreadCount, setThreadCount, shutdownThreads } from './kernels/wasm/index.js';
export type { BackendName } from './kernels/backend.js';
export type { Seed } from './spec/seed.js';
export type { WeightLaw } from './spec/weights/weightLaw.js';
export type { MatrixSpec } from './spec/matrixSpec.js';
export { JitconnArgumentError, JitconnShapeError, JitconnTooLargeError } from './errors.js';
