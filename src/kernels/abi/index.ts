/**
 * The kernel ABI: every layout the host and the kernels share, described once (struct.ts). The
 * host derives its offsets from these tables; the build generates the kernels' constants and
 * parameter loads from them (assembly.ts).
 */
export { JOB, LAW } from './codes.js';
export { CONTROL, LINE_BYTES, MAX_THREADS, SHARE_LINE, THREAD_LINE } from './control.js';
export { HEAP, MEMORY } from './memory.js';
export { PARAMS } from './params.js';
export {
  alignUp,
  SCALAR_BYTES,
  struct,
  wordIndices,
  type Field,
  type Scalar,
  type Struct,
} from './struct.js';
export { GATHER_MAX_K, HANDOFF, HANDOFF_SLOTS, HANDOFF_SLOT_BYTES, RECORDS_BYTES, THREAD } from './thread.js';
