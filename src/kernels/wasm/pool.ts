import { CONTROL, MAX_THREADS, MEMORY, SHARE_LINE } from '../abi/index.js';
import { limits } from './limits.js';
import { CONTROL_WORD as C, THREADS_PARAM_WORD } from './control.js';
import type { KernelExports, KernelInstance } from './instance.js';

/**
 * A pool of worker threads over the shared memory. The calling thread is thread 0: it publishes a
 * job (parameters in memory, then a bumped generation word), runs its own share, and blocks with
 * Atomics.wait until every worker taking part has finished. Workers block on the generation word
 * between jobs, so an idle pool costs nothing. Platform specifics (how a worker is started) are
 * behind ThreadPlatform: worker_threads in Node, Web Workers in browsers (src/kernels/platform/,
 * chosen by package.json `imports` conditions as `#platform`).
 */

export interface WorkerInit {
  readonly module: WebAssembly.Module;
  readonly memory: WebAssembly.Memory;
  readonly tid: number;
  readonly epoch: number;
  readonly startGen: number;
}

export interface WorkerHandle {
  terminate(): void;
}

export interface ThreadPlatform {
  readonly name: 'node' | 'web';
  /** How many threads the machine runs at once (the default thread count; 1 where threads cannot start). */
  availableThreads(): number;
  /** Whether workers can run jobs from this thread (a page's main thread may not block, for one). */
  canStartThreads(): boolean;
  /** Whether a shared memory can be made here (a browser page needs cross-origin isolation). */
  canShareMemory(): boolean;
  /**
   * Whether a worker starts while its creator blocks (Node), or only once the creator returns to
   * its event loop (Web Workers): then the pool never waits for its workers.
   */
  readonly startsWhileBlocked: boolean;
  /** Starts a worker that runs WORKER_LOOP_SOURCE with `init` (throws when it cannot). */
  spawn(init: WorkerInit): WorkerHandle;
  /** Reports a problem that products work around (a worker that did not start). */
  warn(message: string): void;
  /** Compiles a kernels module, as fast-running as the engine allows from its first call. */
  compile(bytes: Uint8Array<ArrayBuffer>): WebAssembly.Module;
}

/** How long an idle worker polls for the next job before it sleeps. */
const WORKER_SPIN_MS = 0.5;
/** Polls of the done count before the caller sleeps. */
const CALLER_SPINS = 20000;

/**
 * The worker's side of the protocol, as source text (a worker runs it as `(source)(init)`), so
 * it needs no module file next to the compiled library. Plain JavaScript, no imports.
 */
export const WORKER_LOOP_SOURCE = `function serveJobs(init) {
  const { module, memory, tid, epoch, startGen } = init;
  const ctrl = new Int32Array(memory.buffer, ${MEMORY.fields.control.offset}, ${CONTROL.bytes / 4});
  const words = new Int32Array(memory.buffer);
  let instance;
  try {
    instance = new WebAssembly.Instance(module, { env: { memory } });
  } catch (error) {
    Atomics.add(ctrl, ${C.failed}, 1);
    Atomics.notify(ctrl, ${C.ready});
    throw error;
  }
  Atomics.add(ctrl, ${C.ready}, 1);
  Atomics.notify(ctrl, ${C.ready});
  let last = startGen;
  let idleSince = performance.now();
  for (let spins = 1; ; spins++) {
    const gen = Atomics.load(ctrl, ${C.gen});
    if (gen === last) {
      // Calls often come back to back: poll a while before sleeping (waking costs ~50 us).
      if (spins % 1024 !== 0 || performance.now() - idleSince < ${WORKER_SPIN_MS}) continue;
      Atomics.wait(ctrl, ${C.gen}, gen);
      idleSince = performance.now();
      continue;
    }
    last = gen;
    if (Atomics.load(ctrl, ${C.shutdown}) !== 0 || Atomics.load(ctrl, ${C.epoch}) !== epoch) return;
    if (Atomics.load(ctrl, ${C.job}) !== gen || tid >= words[${THREADS_PARAM_WORD}]) continue;
    try {
      instance.exports.runJob(tid);
    } catch (error) {
      Atomics.store(ctrl, ${C.error}, 1);
    }
    Atomics.add(ctrl, ${C.done}, 1);
    Atomics.notify(ctrl, ${C.done});
    idleSince = performance.now();
  }
}`;

export class ThreadPool {
  private workers: WorkerHandle[] = [];
  private epoch = 0;
  /** Most threads this pool can run (lowered for good when a worker fails to start). */
  private limit = MAX_THREADS;

  constructor(
    private readonly kernels: KernelInstance,
    private readonly platform: ThreadPlatform,
  ) {}

  private get ctrl(): Int32Array {
    return this.kernels.control;
  }

  /** Gives up on threads it could not start: a warning, and never more than `threads` again. */
  giveUp(threads: number, reason: string): number {
    this.limit = threads;
    if (threads === 1) this.shutdown();
    this.platform.warn(
      `jitconn: ${reason}; products run on ${threads === 1 ? 'the calling thread alone' : `${threads} threads`}`,
    );
    return threads;
  }

  /**
   * Starts workers until `threads` threads (with the caller) are available; returns how many are.
   * A worker that cannot be started, fails to instantiate the kernels or does not report ready
   * in time is reported through the platform's warning, and the pool goes on with the threads
   * it has (the calling thread alone when a worker started but never became ready).
   */
  ensure(threads: number): number {
    threads = Math.min(threads, this.limit);
    const ctrl = this.ctrl;
    if (this.workers.length === 0) {
      // A new epoch (kept in memory, so it grows across pools): workers of an older pool that
      // are still winding down never take part in a job of this one.
      this.epoch = Atomics.add(ctrl, C.epoch, 1) + 1;
      Atomics.store(ctrl, C.shutdown, 0);
      Atomics.store(ctrl, C.ready, 0);
      Atomics.store(ctrl, C.failed, 0);
    }
    let spawnFailure: string | null = null;
    while (this.workers.length < threads - 1) {
      const init: WorkerInit = {
        module: this.kernels.module,
        memory: this.kernels.memory,
        tid: this.workers.length + 1,
        epoch: this.epoch,
        startGen: Atomics.load(ctrl, C.gen),
      };
      try {
        this.workers.push(this.platform.spawn(init));
      } catch (error) {
        spawnFailure = `worker thread ${init.tid} could not be started (${String(error)})`;
        break;
      }
    }
    if (!this.platform.startsWhileBlocked) {
      // Workers start once this thread returns to its event loop: until all are ready, calls run
      // here alone (startThreads() waits for them without blocking).
      if (spawnFailure !== null)
        threads = Math.min(threads, this.giveUp(this.workers.length + 1, spawnFailure));
      if (Atomics.load(ctrl, C.failed) > 0) {
        return this.giveUp(1, 'a worker thread failed to instantiate the kernels');
      }
      if (Atomics.load(ctrl, C.ready) < this.workers.length) return 1;
      return Math.min(threads, this.workers.length + 1);
    }
    // Wait (bounded) until every worker has its instance, so a job never waits on a start-up.
    const deadline = Date.now() + limits.readyTimeoutMs;
    for (;;) {
      const ready = Atomics.load(ctrl, C.ready);
      if (ready >= this.workers.length) break;
      if (Atomics.load(ctrl, C.failed) > 0) {
        return this.giveUp(1, 'a worker thread failed to instantiate the kernels');
      }
      if (Date.now() > deadline) {
        return this.giveUp(1, `worker threads did not report ready within ${limits.readyTimeoutMs} ms`);
      }
      Atomics.wait(ctrl, C.ready, ready, 50);
    }
    if (spawnFailure !== null) return this.giveUp(this.workers.length + 1, spawnFailure);
    return Math.min(threads, this.workers.length + 1);
  }

  /**
   * Runs the job whose parameters are in memory on `threads` threads (ensure() them first).
   * `meanwhile` runs on the caller once the workers have started, before it joins them: work
   * that has to be done on this thread anyway (scatter touches the pages of its result array
   * there, while the workers already generate).
   */
  run(exports: KernelExports, threads: number, meanwhile?: () => void): void {
    const buffer = this.kernels.buffer;
    const ctrl = this.ctrl;
    Atomics.store(ctrl, C.job, 0);
    Atomics.store(ctrl, C.claim, 0);
    Atomics.store(ctrl, C.progress, 0);
    Atomics.store(ctrl, C.sleepers, 0);
    Atomics.store(ctrl, C.error, 0);
    if (threads === 1) {
      exports.runJob(0);
      return;
    }
    const shareWords = (threads * SHARE_LINE.bytes) / 4;
    new Int32Array(buffer, MEMORY.fields.cursors.offset, shareWords).fill(0);
    new Int32Array(buffer, MEMORY.fields.handoffCounts.offset, shareWords).fill(0);
    Atomics.store(ctrl, C.done, 0);
    const gen = (Atomics.load(ctrl, C.gen) + 1) | 0;
    Atomics.store(ctrl, C.job, gen);
    Atomics.store(ctrl, C.gen, gen);
    Atomics.notify(ctrl, C.gen);
    let failure: unknown = null;
    try {
      meanwhile?.();
      exports.runJob(0);
    } catch (error) {
      failure = error;
      Atomics.store(ctrl, C.error, 1);
    }
    for (let spins = 0; ; spins++) {
      const done = Atomics.load(ctrl, C.done);
      if (done >= threads - 1) break;
      if (spins > CALLER_SPINS) Atomics.wait(ctrl, C.done, done);
    }
    if (failure !== null) throw failure;
    if (Atomics.load(ctrl, C.error) !== 0) throw new Error('jitconn: a kernel worker thread failed');
  }

  /** Stops every worker (they are unref'd anyway: an idle pool never keeps a process alive). */
  shutdown(): void {
    const ctrl = this.ctrl;
    Atomics.store(ctrl, C.shutdown, 1);
    Atomics.add(ctrl, C.gen, 1);
    Atomics.notify(ctrl, C.gen);
    for (const worker of this.workers) worker.terminate();
    this.workers = [];
  }

  get size(): number {
    return this.workers.length + 1;
  }
}
