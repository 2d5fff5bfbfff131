import { KernelInstance } from './instance.js';
import { Heap } from './heap.js';
import { ThreadPool } from './pool.js';
import { nodePlatform } from './nodeThreads.js';
import { MAX_THREADS, THREAD } from '../abi/index.js';
import { CONTROL_WORD } from './control.js';
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

let current: Runtime | null = null;

export function runtime(): Runtime {
  if (current === null) {
    kernels = new KernelInstance();
    heap = new Heap(kernels);
    current = { kernels, heap };
  }
  return current;
}

/** Threads used by calls big enough to share (default: every core). */
export function getThreadCount(): number {
  if (threadCount === 0) threadCount = Math.max(1, Math.min(MAX_THREADS, nodePlatform.availableThreads()));
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

/**
 * Threads for a call of about `workNs` nanoseconds of work: one when small, else up to
 * getThreadCount() (starting the pool if needed). Reserves the threads' memory regions, so it
 * must come before the call lays out its buffers.
 */
export function planThreads(workNs: number): number {
  const { kernels: k, heap: h } = runtime();
  let threads = workNs >= parallelMinNs ? getThreadCount() : 1;
  if (threads > 1) {
    pool ??= new ThreadPool(k, nodePlatform);
    threads = pool.ensure(threads);
  }
  k.params.threadBase = h.threadRegions(Math.max(threads, pool?.size ?? 1));
  k.params.threadStride = THREAD.bytes;
  return threads;
}

/**
 * Runs the job whose parameters were written in the parameter block on `threads` threads (from
 * planThreads); `meanwhile` runs on the calling thread while the workers start on the job (see
 * ThreadPool.run).
 */
export function runJob(threads: number, meanwhile?: () => void): void {
  const { kernels: k } = runtime();
  k.params.threads = threads;
  if (threads === 1 || !pool) {
    meanwhile?.();
    Atomics.store(k.control, CONTROL_WORD.claim, 0);
    k.exports.runJob(0);
  } else {
    pool.run(k.exports, threads, meanwhile);
  }
}
