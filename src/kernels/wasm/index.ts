import type { Backend } from '../backend.js';
import { lineCount } from '../../spec/matrixSpec.js';
import { transposeFloat32 } from '../transpose.js';
import { wasmGather, wasmLines, wasmNnz, wasmScatter } from './products.js';

/**
 * The WebAssembly backend: SIMD kernels compiled from src/kernels/assembly, on every core for
 * calls big enough to share. Every result is bit-identical to the reference backend's, whatever
 * the thread count.
 */
export const wasmBackend: Backend = {
  name: 'wasm',
  scatter: wasmScatter,
  gather: (spec, y, k, batchMajor = false) => {
    const out = wasmGather(spec, y, k);
    return batchMajor ? transposeFloat32(out, lineCount(spec), k) : out;
  },
  nnz: wasmNnz,
  lines: wasmLines,
};

export { getThreadCount, setParallelMinWork, setThreadCount, shutdownThreads } from './runtime.js';
