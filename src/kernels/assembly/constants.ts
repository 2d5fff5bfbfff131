// Constants of the definition (src/definition/constants.ts) as the kernels see them.
export const BLOCK_BITS: i32 = 16;
export const BLOCK_SIZE: i32 = 1 << BLOCK_BITS;
export const STREAM_STRUCTURE_KIND: i32 = 0;
export const STREAM_WEIGHT_KIND: i32 = 1;
export { LAW_SCALAR, LAW_NORMAL, LAW_UNIFORM } from '../wasm/layout';
