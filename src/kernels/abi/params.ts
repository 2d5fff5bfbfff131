import { struct } from './struct.js';

/**
 * The parameter block of a job: written by the host (src/kernels/wasm/params.ts) before the job
 * starts, read by every thread into its globals at the start of the job (the generated
 * src/kernels/assembly/params.generated.ts). Addresses (`ptr`) are 0 when unused.
 */
export const PARAMS = struct(
  {
    /** What to do: a JOB code (codes.ts). */
    kind: 'i32',
    /** Threads taking part (the calling thread is thread 0). */
    threads: 'i32',
    /** The job's serial: each thread marks it in its THREAD_LINE as it starts (who took part). */
    job: 'i32',
    seedLo: 'i32',
    seedHi: 'i32',
    /** A LAW code (codes.ts), and the law in the affine form a + b * variate. */
    law: 'i32',
    lawA: 'f64',
    lawB: 'f64',
    /** Padded gap table: [0xffffffff, limits..., 0, 0, 0, 0] (src/kernels/wasm/heap.ts). */
    table: 'ptr',
    /** limits.length */
    tableLen: 'i32',
    /** Guide table of the gap law (gap.ts), or 0 to estimate gaps by a logarithm. */
    guide: 'ptr',
    /** 1 / log2(1 - p), only to estimate gaps. */
    invLog2q: 'f32',
    /** Lines of the matrix, and positions per line. */
    lineCount: 'u32',
    lineLength: 'u32',
    /** Columns of a batch. */
    k: 'i32',
    /** Region of thread 0 (THREAD layout); thread t's is at threadBase + t * threadStride. */
    threadBase: 'ptr',
    threadStride: 'u32',
    /** Line-wise jobs: the lines [lineStart, lineEnd). */
    lineStart: 'u32',
    lineEnd: 'u32',
    /**
     * Every job: the window of blocks [blockStart, blockEnd) of each line it walks. A scatter's
     * output and a gather's operand hold the window's positions only, from blockStart * 2^16.
     */
    blockStart: 'u32',
    blockEnd: 'u32',
    /** Scatter: active line indices (u32) and their values (f32, k per line; 0 for events). */
    active: 'ptr',
    values: 'ptr',
    /** Scatter and gather output (f32); scatter partial sums of chunks after the first. */
    out: 'ptr',
    partial: 'ptr',
    /** Scatter chunks (src/definition/scatterChunks.ts): u32[chunks + 1] indices into the active list. */
    chunks: 'i32',
    chunkStarts: 'ptr',
    /** Scatter: where thread 0's share starts, in 1/65536 of a block (0: even shares). */
    split: 'u32',
    /** Gather operand (f32, positions x k). */
    y: 'ptr',
    /**
     * Gather: f64 sums (lines x k) to start from (0: from zero), and to leave the sums in instead
     * of rounding them into `out` (0: round), so a line's sum can go on over several windows.
     */
    sumsIn: 'ptr',
    sumsOut: 'ptr',
    /** Count job: u32 count per line (0: totals only). Fill job: u32 first entry per line. */
    counts: 'ptr',
    offsets: 'ptr',
    /** Fill job: u32 positions and f32 weights. */
    indices: 'ptr',
    data: 'ptr',
  },
  { align: 64 },
);
