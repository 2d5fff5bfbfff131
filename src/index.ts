/**
 * jitconn: just-in-time random connectivity matrices. A matrix is its generator (probability,
 * weight law, seed, shape); every product regenerates the connections it needs from the seed.
 */
export { BinaryArray } from './matrix/binaryArray.js';
export { JITCMatrix } from './matrix/jitcMatrix.js';
export type { MatrixJSON } from './matrix/jitcMatrix.js';
export type { CsrMatrix, CsrOptions, MaterialiseOptions } from './matrix/materialise.js';
export type { MatrixOptions, ShapeOptions } from './matrix/construct.js';
export type { WeightSpec } from './matrix/weightSpec.js';
export type { ProductOptions } from './matrix/productOptions.js';
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
export { getThreadCount, setThreadCount, shutdownThreads, startThreads } from './kernels/wasm/index.js';
export type { Seed } from './definition/seed.js';
export type { BackendName, MatrixSpec, WeightLaw } from './types.js';
export * from './network/index.js';
export { JitconnArgumentError, JitconnShapeError, JitconnTooLargeError } from './errors.js';
