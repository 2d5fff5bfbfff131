/**
 * Byte offsets shared by the TypeScript host and the AssemblyScript kernels (src/kernels/assembly
 * imports this file too, so it holds plain integer constants only).
 *
 * Memory map of the shared WebAssembly.Memory:
 *   [CTRL, CTRL + 256)       control words (i32) of the thread pool
 *   [PARAMS, PARAMS + 512)   the current job's parameters
 *   [ZIG, ZIG + 2560)        ziggurat tables k (u32), w (f64), f (f64), 128 entries each
 *   [CURSORS, ...)           per-thread scatter cursors, one cache line each
 *   [RESULTS, ...)           per-thread results (f64), one cache line each
 *   [SLOTS, ...)             pipeline slots of the parallel scatter, one per group in flight
 *   [HEAP, ...)              host-managed: per-thread regions, gap tables, call inputs/outputs
 */

export const CTRL = 1024;
/** Control word indices (i32 units from CTRL). */
export const C_GEN = 0; // bumped once per job; workers wait on it
export const C_DONE = 1; // workers that finished the current job
export const C_JOB = 2; // the GEN value the parameters belong to
export const C_THREADS = 3; // threads taking part in the job (main thread = id 0)
export const C_SHUTDOWN = 4;
export const C_READY = 5; // workers that instantiated the module
export const C_ERROR = 6; // set when a worker failed: waiting threads give up
export const C_EPOCH = 7; // pool generation: workers of an older pool leave
export const C_CLAIM = 16; // work counter (own cache line)
export const C_PROGRESS = 32; // bumped by scatter pipeline events (own cache line)

export const PARAMS = 2048;
/** Parameter byte offsets from PARAMS. i32 fields first, f64 fields from P_F64. */
export const P_KIND = 0;
export const P_SEED_LO = 4;
export const P_SEED_HI = 8;
export const P_LAW = 12;
export const P_TABLE = 16; // padded gap table: [0xffffffff, limits..., 0, 0, 0, 0]
export const P_TABLE_LEN = 20; // limits.length
export const P_LINES = 24; // lines of the matrix (u32)
export const P_LENGTH = 28; // positions per line (u32)
export const P_K = 32;
export const P_ACTIVE = 36; // scatter: active line indices (u32)
export const P_ACTIVE_N = 40;
export const P_VALUES = 44; // scatter: f32 values, 0 for events
export const P_OUT = 48; // scatter/gather output (f32)
export const P_PARTIAL = 52; // scatter: partial sums of chunks >= 1 (f32)
export const P_Y = 56; // gather operand (f32)
export const P_CHUNKS = 60;
export const P_CHUNK_STARTS = 64; // u32[chunks + 1], indices into the active list
export const P_COUNTS = 68; // lines: u32 count per line of the slice
export const P_OFFSETS = 72; // lines: u32 first entry per line of the slice
export const P_INDICES = 76; // lines: u32 positions
export const P_DATA = 80; // lines: f32 weights
export const P_LINE_START = 84; // lines/nnz/gather: first line of the range
export const P_LINE_END = 88;
export const P_THREAD_BASE = 92; // region of thread 0; thread t at base + t * stride
export const P_THREAD_STRIDE = 96;
export const P_GROUPS = 100; // scatter: total groups over all chunks
export const P_GUIDE = 104; // guide table of the gap law (gap.ts), 0 to estimate gaps by a logarithm
export const P_SPLIT = 108; // scatter: where thread 0's share starts, in 1/65536 of a block (0: even)
export const P_F64 = 128;
export const P_A = 128; // law: value, loc or offset
export const P_B = 136; // law: 0, scale or span
export const P_INV_LOG2Q = 144; // 1 / log2(1 - p), only to estimate gaps

/** Job kinds. */
export const JOB_SCATTER = 1;
export const JOB_GATHER = 2;
export const JOB_COUNT = 3; // per-line counts (and their total) for a line range
export const JOB_FILL = 4; // write every connection of a line range

/** Weight law codes (src/definition/weights/weightLaw.ts lawCode). */
export const LAW_SCALAR = 0;
export const LAW_NORMAL = 1;
export const LAW_UNIFORM = 2;

export const ZIG = 4096;
export const ZIG_K = 4096; // u32[128]
export const ZIG_W = 4608; // f64[128]
export const ZIG_F = 5632; // f64[128]

export const CURSORS = 12288; // i32 per thread, 64 bytes apart
export const RESULTS = 16384; // f64 per thread, 64 bytes apart
/**
 * Scatter chain (src/kernels/assembly/chain.ts): the host zeroes this area before every job; it
 * holds the handoff counts.
 */
export const SLOTS = 20480;
export const SLOT_COUNT = 256;
export const SLOT_BYTES = 64;
export const MAX_THREADS = 64;

export const HEAP = 65536;

/** Per-thread region: small scratch, then the records area. */
export const T_SCRATCH = 0; // 4 KiB
export const T_RING = 8192;
/**
 * Records area: one worst-case group (65537 records of 32 bytes) from its start, and from 4 MiB
 * the thread's 1 MiB ring of scatter handoffs (src/kernels/assembly/chain.ts).
 */
export const RING_BYTES = 6291456;
export const THREAD_REGION_BYTES = 6299648; // T_RING + RING_BYTES

/** Records of one lock-step iteration: 4 positions (i32), then 4 weights (f32) when drawn. */
export const RECORD_BYTES = 16;
