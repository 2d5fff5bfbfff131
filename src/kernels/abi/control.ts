import { struct } from './struct.js';

/** Bytes of a cache line: words that different threads write live on lines of their own. */
export const LINE_BYTES = 64;
/** Most threads a job can run on (the calling thread is thread 0). */
export const MAX_THREADS = 64;

/**
 * Control words of the thread pool (i32, accessed with atomics; src/kernels/wasm/pool.ts and the
 * kernels' sync.ts, units.ts).
 */
export const CONTROL = struct(
  {
    /** Bumped once per job (and at shutdown); idle workers wait on it. */
    gen: 'i32',
    /** Workers that finished the current job. */
    done: 'i32',
    /** The `gen` value the parameters belong to (0 while they are being written). */
    job: 'i32',
    shutdown: 'i32',
    /** Workers that instantiated the module. */
    ready: 'i32',
    /** Workers that failed to instantiate the module. */
    failed: 'i32',
    /** Set when a thread failed during a job: threads waiting on others give up. */
    error: 'i32',
    /** Pool generation: workers of an older pool leave. */
    epoch: 'i32',
    /** Next unit of work of a line-wise job (its own cache line: every thread adds to it). */
    claim: { type: 'i32', align: LINE_BYTES },
    /** Bumped by the scatter chain when a thread sleeps (sync.ts), and the count of sleepers. */
    progress: { type: 'i32', align: LINE_BYTES },
    sleepers: 'i32',
  },
  { align: LINE_BYTES },
);

/** The cache line of one thread, written by that thread only. */
export const THREAD_LINE = struct(
  {
    /** The thread's share of a job's total (the count job's connections). */
    result: 'f64',
    /** The serial (params.job) of the last job the thread took part in. */
    job: 'i32',
  },
  { align: LINE_BYTES },
);

/** One i32 on a cache line of its own (the scatter chain's cursors and handoff counts). */
export const SHARE_LINE = struct({ value: 'i32' }, { align: LINE_BYTES });
