import type { Backend } from '../../types.js';
import { wasmGather } from './gather.js';
import { wasmLines, wasmNnz } from './lines.js';
import { wasmScatter } from './scatter.js';

/**
 * The WebAssembly backend: SIMD kernels compiled from src/kernels/assembly, on every core for
 * calls big enough to share. Every result is bit-identical to the reference backend's, whatever
 * the thread count.
 */
export const wasmBackend: Backend = {
  name: 'wasm',
  scatter: wasmScatter,
  gather: wasmGather,
  nnz: wasmNnz,
  lines: wasmLines,
};

export {
  getThreadCount,
  setParallelMinWork,
  setThreadCount,
  shutdownThreads,
  startThreads,
} from './runtime.js';
