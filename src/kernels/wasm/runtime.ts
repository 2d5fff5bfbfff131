import { KernelInstance } from './instance.js';
import { Heap } from './heap.js';
import { ThreadPool } from './pool.js';
import { platform } from '#platform';
import {
  CTRL,
  C_CLAIM,
  C_THREADS,
  MAX_THREADS,
  PARAMS,
  P_THREAD_BASE,
  P_THREAD_STRIDE,
  THREAD_REGION_BYTES,
} from './layout.js';
import { JitconnArgumentError } from '../../errors.js';

/**
 * The process-wide kernel runtime: one instance and memory, the heap layout, the thread pool
 * (started lazily, on the first call with enough work) and the configured thread count.
 */

/** Calls estimated below this many nanoseconds of work stay on the calling thread. */
export const PARALLEL_MIN_NS = 100_000;
let parallelMinNs = PARALLEL_MIN_NS;

let kernels: KernelInstance | null = null;
let heap: Heap | null = null;
let pool: ThreadPool | null = null;
let threadCount = 0; // 0: not chosen yet, all cores

export interface Runtime {
  readonly kernels: KernelInstance;
  readonly heap: Heap;
}

export function runtime(): Runtime {
  if (!kernels) {
    kernels = new KernelInstance();
    heap = new Heap(kernels);
  }
  return { kernels, heap: heap! };
}

/** Threads used by calls big enough to share (default: every core). */
export function getThreadCount(): number {
  if (threadCount === 0) threadCount = Math.max(1, Math.min(MAX_THREADS, platform.availableThreads()));
  return threadCount;
}

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

/** Stops the worker threads; the next big call starts them again. */
export function shutdownThreads(): void {
  pool?.shutdown();
  pool = null;
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
 */
export async function startThreads(): Promise<number> {
  const wanted = getThreadCount();
  if (wanted === 1 || !platform.canStartThreads()) return 1;
  pool ??= new ThreadPool(runtime().kernels, platform);
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    const threads = pool.ensure(wanted);
    if (threads === Math.min(wanted, pool.size)) return threads;
    if (Date.now() > deadline) {
      pool.giveUp();
      return 1;
    }
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/**
 * Threads for a call of about `workNs` nanoseconds of work: one when small, else up to
 * getThreadCount() (starting the pool if needed). Reserves the threads' memory regions, so it
 * must come before the call lays out its buffers.
 */
export function planThreads(workNs: number): number {
  const { kernels: k, heap: h } = runtime();
  let threads = workNs >= parallelMinNs && platform.canStartThreads() ? getThreadCount() : 1;
  if (threads > 1) {
    pool ??= new ThreadPool(k, platform);
    threads = pool.ensure(threads);
  }
  const params = new DataView(k.buffer, PARAMS, 512);
  params.setUint32(P_THREAD_BASE, h.threadRegions(Math.max(threads, pool?.size ?? 1)), true);
  params.setUint32(P_THREAD_STRIDE, THREAD_REGION_BYTES, true);
  return threads;
}

/**
 * Runs the job whose parameters were written at PARAMS on `threads` threads (from planThreads);
 * `meanwhile` runs on the calling thread while the workers start on the job (see ThreadPool.run).
 */
export function runJob(threads: number, meanwhile?: () => void): void {
  const { kernels: k } = runtime();
  if (threads === 1 || !pool) {
    meanwhile?.();
    singleThread(k);
  } else {
    pool.run(k.exports, threads, meanwhile);
  }
}

/** A job on the calling thread alone (no pool needed): the same control words, one thread. */
function singleThread(k: KernelInstance): void {
  const ctrl = new Int32Array(k.buffer, CTRL, 64);
  Atomics.store(ctrl, C_CLAIM, 0);
  Atomics.store(ctrl, C_THREADS, 1);
  k.exports.runJob(0);
}
