import { ZIGGURAT } from '../../definition/weights/ziggurat.js';
import { CONTROL, LINE_BYTES, MAX_THREADS, SHARE_LINE, THREAD_LINE } from './control.js';
import { PARAMS } from './params.js';
import { struct } from './struct.js';

/**
 * The fixed part of the kernel memory (a shared WebAssembly.Memory). Above it, from HEAP, the
 * host lays out gap tables, the thread regions (thread.ts) and each call's buffers
 * (src/kernels/wasm/heap.ts).
 */
export const MEMORY = struct(
  {
    /** Unused, so that address 0 can mean "none". */
    reserved: { bytes: 1024 },
    control: { bytes: CONTROL.bytes, align: LINE_BYTES },
    params: { bytes: PARAMS.bytes, align: LINE_BYTES },
    /** Ziggurat tables of the normal law (src/definition/weights/ziggurat.ts): k (u32), w and f (f64). */
    zigK: { type: 'u32', count: ZIGGURAT.k.length, align: LINE_BYTES },
    zigW: { type: 'f64', count: ZIGGURAT.k.length },
    zigF: { type: 'f64', count: ZIGGURAT.k.length },
    threadLines: { bytes: MAX_THREADS * THREAD_LINE.bytes, align: LINE_BYTES },
    /** Scatter chain, per share: groups taken so far, and handoffs written so far (zeroed before each job). */
    cursors: { bytes: MAX_THREADS * SHARE_LINE.bytes, align: LINE_BYTES },
    handoffCounts: { bytes: MAX_THREADS * SHARE_LINE.bytes, align: LINE_BYTES },
  },
  { align: 65536 },
);

/** Where the host-managed part of the memory starts. */
export const HEAP = MEMORY.bytes;
