import { KernelInstance } from './instance.js';
import { Heap } from './heap.js';
import { ThreadPool, type ThreadPlatform } from './pool.js';
import { platform as hostPlatform } from '#platform';
import { MAX_THREADS, MEMORY, THREAD, THREAD_LINE } from '../abi/index.js';
import { CONTROL_WORD } from './control.js';
import { limits } from './limits.js';
import type { ParamBlock } from './params.js';
import type { Prepared } from './job.js';
import { JitconnArgumentError } from '../../errors.js';

/**
 * The process-wide kernel runtime: two kernel instances, each with its memory and heap layout,
 * made on first use: one over an unshared memory for small calls on the calling thread, one over
 * a shared memory for the others and the worker pool (started lazily, on the first call with
 * enough work); the configured thread count; and giving memory back after large calls.
 */

/** Where thread t marks the serial of the job it takes part in: i32 index JOB_MARK + t * JOB_MARK_STRIDE. */
const JOB_MARK = (MEMORY.fields.threadLines.offset + THREAD_LINE.fields.job.offset) / 4;
const JOB_MARK_STRIDE = THREAD_LINE.bytes / 4;

/**
 * Calls on the calling thread alone estimated below this many nanoseconds of work use the
 * unshared instance, whose copies in and out cost a fraction of a shared memory's (most of a
 * small call); larger ones run measurably faster on the shared instance (measured: a few percent).
 */
const LOCAL_MAX_NS = 100_000;

/** Calls estimated below this many nanoseconds of work stay on the calling thread. */
export const PARALLEL_MIN_NS = 100_000;
let parallelMinNs = PARALLEL_MIN_NS;
let threadCount = 0; // 0: not chosen yet, all cores

/** A kernel instance with its heap, ready for one call's jobs. */
export interface Call {
  readonly kernels: KernelInstance;
  readonly heap: Heap;
  readonly params: ParamBlock;
  /** Threads the call's jobs run on (1: the calling thread alone). */
  threads: number;
  /** The matrix whose parameters the block holds (job.ts writeSpec). */
  lastSpec: Prepared | null;
}

let platform: ThreadPlatform = hostPlatform;
let jobsRun = 0;
let lastThreads = 0;

/** Jobs run so far (tests check that a product was split into pieces). */
export function jobCount(): number {
  return jobsRun;
}

/**
 * How many threads took part in the last job, as the threads themselves recorded it (each marks
 * the job's serial in its line of kernel memory when it starts its share).
 */
export function lastJobThreads(): number {
  return lastThreads;
}

/** Starts worker threads through `next` from now on (tests); returns the previous platform. */
export function setThreadPlatform(next: ThreadPlatform): ThreadPlatform {
  const previous = platform;
  shutdownThreads();
  platform = next;
  return previous;
}

let local: Call | null = null;
let shared: Call | null = null;
let pool: ThreadPool | null = null;

function makeCall(sharedMemory: boolean): Call {
  const kernels = new KernelInstance(sharedMemory);
  return { kernels, heap: new Heap(kernels), params: kernels.params, threads: 1, lastSpec: null };
}

/**
 * The number of threads (the calling thread and workers) that products big enough to share run
 * on. Default: the cores the platform reports (1 where threads cannot start), at most 64.
 *
 * @returns The thread count.
 * @example
 * ```ts
 * import { getThreadCount } from 'jitconn';
 *
 * console.log(`products run on up to ${getThreadCount()} threads`);
 * ```
 */
export function getThreadCount(): number {
  if (threadCount === 0) threadCount = Math.max(1, Math.min(MAX_THREADS, platform.availableThreads()));
  return threadCount;
}

/**
 * Sets the number of threads products big enough to share run on, from the next product on. The
 * results are the same bits whatever the count.
 *
 * @param n - An integer in [1, 64]: 1 keeps every product on the calling thread.
 * @throws {@link JitconnArgumentError} when `n` is not an integer in [1, 64].
 * @example
 * ```ts
 * import { setThreadCount } from 'jitconn';
 *
 * setThreadCount(1); // e.g. when the application runs one network per core itself
 * ```
 */
export function setThreadCount(n: number): void {
  if (!Number.isInteger(n) || n < 1 || n > MAX_THREADS) {
    throw new JitconnArgumentError('threads', n, `an integer in [1, ${MAX_THREADS}]`);
  }
  threadCount = n;
}

/**
 * Work (estimated ns) from which a call uses the worker threads; tests set 0 to send every call
 * through the pool. Returns the previous value.
 */
export function setParallelMinWork(ns: number): number {
  const previous = parallelMinNs;
  parallelMinNs = ns;
  return previous;
}

/**
 * Stops the worker threads and gives back all kernel memory; the next product starts afresh (new
 * memory, workers started again when needed). Workers never keep a Node process alive, so this is
 * not needed to exit: call it to release the memory after large products.
 *
 * @example
 * ```ts
 * import { JITCScalarR, shutdownThreads } from 'jitconn';
 *
 * new JITCScalarR([0.1, 0.01, 1], { shape: [100_000, 100_000] }).matvec(new Float32Array(100_000).fill(1));
 * shutdownThreads(); // workers stopped, kernel memory released
 * ```
 */
export function shutdownThreads(): void {
  pool?.shutdown();
  pool = null;
  shared = null;
  local = null;
}

/** Bytes of kernel memory held now (both instances): 0 after shutdownThreads(). */
export function kernelMemoryBytes(): number {
  return (local?.kernels.bytes ?? 0) + (shared?.kernels.bytes ?? 0);
}

/** How long startThreads waits for the workers to report ready. */
const START_TIMEOUT_MS = 10_000;

/**
 * Starts the worker threads now (getThreadCount() of them, with the calling thread) and resolves
 * with the number of threads calls will use once they are ready. In Node the first big call
 * starts them anyway; in a browser's Web Worker, await it before heavy work: Web Workers start
 * only once their creator returns to its event loop, so until then calls run on one thread. Where
 * threads cannot start (a page's main thread, a page without cross-origin isolation) it resolves
 * with 1.
 *
 * @returns The number of threads products will use: fewer, down to 1, where workers could not
 *   start or did not report ready in time (each such problem is reported as a warning).
 * @example
 * ```ts
 * import { startThreads } from 'jitconn';
 *
 * const threads = await startThreads(); // before the first heavy product, e.g. in a Web Worker
 * ```
 */
export async function startThreads(): Promise<number> {
  const wanted = getThreadCount();
  if (wanted === 1 || !platform.canStartThreads()) return 1;
  shared ??= makeCall(true);
  pool ??= new ThreadPool(shared.kernels, platform);
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    const threads = pool.ensure(wanted);
    if (threads === Math.min(wanted, pool.size)) return threads;
    if (Date.now() > deadline) {
      return pool.giveUp(1, `worker threads did not report ready within ${START_TIMEOUT_MS} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/**
 * Starts a call of about `workNs` nanoseconds of work: on one thread when small, else on up to
 * getThreadCount() (starting the pool if needed), with the instance that suits, its thread
 * regions reserved and its call buffers free. End it with closeCall.
 */
export function openCall(workNs: number): Call {
  let threads = workNs >= parallelMinNs && platform.canStartThreads() ? getThreadCount() : 1;
  if (threads > 1) {
    shared ??= makeCall(true);
    pool ??= new ThreadPool(shared.kernels, platform);
    threads = pool.ensure(threads);
  }
  const onShared = threads > 1 || (workNs >= LOCAL_MAX_NS && platform.canShareMemory());
  const call = onShared ? (shared ??= makeCall(true)) : (local ??= makeCall(false));
  call.threads = threads;
  call.params.threadBase = call.heap.threadRegions(threads > 1 ? Math.max(threads, pool!.size) : 1);
  call.params.threadStride = THREAD.bytes;
  call.heap.startCall();
  return call;
}

/**
 * Ends a call: an instance whose memory grew past its persistent part by more than
 * limits.retainBytes is dropped (a memory cannot shrink), so the next call starts a fresh one.
 */
export function closeCall(call: Call): void {
  if (call.kernels.bytes <= call.heap.persistentBytes + limits.retainBytes) return;
  if (call === shared) {
    pool?.shutdown();
    pool = null;
    shared = null;
  } else if (call === local) {
    local = null;
  }
}

/**
 * Runs the job whose parameters were written in the call's parameter block on the call's
 * threads; `meanwhile` runs on the calling thread while the workers start on the job (see
 * ThreadPool.run).
 */
export function runJob(call: Call, meanwhile?: () => void): void {
  const { kernels, threads } = call;
  const serial = (jobsRun = (jobsRun + 1) | 0);
  call.params.threads = threads;
  call.params.job = serial;
  if (threads === 1 || !pool) {
    meanwhile?.();
    Atomics.store(kernels.control, CONTROL_WORD.claim, 0);
    kernels.exports.runJob(0);
  } else {
    pool.run(kernels.exports, threads, meanwhile);
  }
  lastThreads = 0;
  const marks = kernels.i32;
  for (let t = 0; t < threads; t++) if (marks[JOB_MARK + t * JOB_MARK_STRIDE] === serial) lastThreads++;
}
