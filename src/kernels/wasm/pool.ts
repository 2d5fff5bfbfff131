import {
  CTRL,
  CURSORS,
  C_CLAIM,
  C_DONE,
  C_EPOCH,
  C_ERROR,
  C_GEN,
  C_JOB,
  C_PROGRESS,
  C_READY,
  C_SHUTDOWN,
  C_THREADS,
  SLOTS,
  SLOT_BYTES,
  SLOT_COUNT,
} from './layout.js';
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
  /**
   * Whether a worker starts while its creator blocks (Node), or only once the creator returns to
   * its event loop (Web Workers): then the pool never waits for its workers.
   */
  readonly startsWhileBlocked: boolean;
  /** Starts a worker that runs WORKER_LOOP_SOURCE with `init` (throws when it cannot). */
  spawn(init: WorkerInit): WorkerHandle;
}

const READY_TIMEOUT_MS = 10000;
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
  const instance = new WebAssembly.Instance(module, { env: { memory } });
  const ctrl = new Int32Array(memory.buffer, ${CTRL}, 64);
  Atomics.add(ctrl, ${C_READY}, 1);
  Atomics.notify(ctrl, ${C_READY});
  let last = startGen;
  let idleSince = performance.now();
  for (let spins = 1; ; spins++) {
    const gen = Atomics.load(ctrl, ${C_GEN});
    if (gen === last) {
      // Calls often come back to back: poll a while before sleeping (waking costs ~50 us).
      if (spins % 1024 !== 0 || performance.now() - idleSince < ${WORKER_SPIN_MS}) continue;
      Atomics.wait(ctrl, ${C_GEN}, gen);
      idleSince = performance.now();
      continue;
    }
    last = gen;
    if (Atomics.load(ctrl, ${C_SHUTDOWN}) !== 0 || Atomics.load(ctrl, ${C_EPOCH}) !== epoch) return;
    const threads = Atomics.load(ctrl, ${C_THREADS});
    if (Atomics.load(ctrl, ${C_JOB}) !== gen || tid >= threads) continue;
    try {
      instance.exports.runJob(tid);
    } catch (error) {
      Atomics.store(ctrl, ${C_ERROR}, 1);
    }
    Atomics.add(ctrl, ${C_DONE}, 1);
    Atomics.notify(ctrl, ${C_DONE});
    idleSince = performance.now();
  }
}`;

export class ThreadPool {
  private workers: WorkerHandle[] = [];
  private epoch = 0;
  private broken = false;

  constructor(
    private readonly kernels: KernelInstance,
    private readonly platform: ThreadPlatform,
  ) {}

  private get ctrl(): Int32Array {
    return new Int32Array(this.kernels.buffer, CTRL, 64);
  }

  /** Starts workers until `threads` threads (with the caller) are available; returns how many are. */
  ensure(threads: number): number {
    if (this.broken) return 1;
    const ctrl = this.ctrl;
    if (this.workers.length === 0) {
      // A new epoch (kept in memory, so it grows across pools): workers of an older pool that
      // are still winding down never take part in a job of this one.
      this.epoch = Atomics.add(ctrl, C_EPOCH, 1) + 1;
      Atomics.store(ctrl, C_SHUTDOWN, 0);
      Atomics.store(ctrl, C_READY, 0);
    }
    while (this.workers.length < threads - 1) {
      const init: WorkerInit = {
        module: this.kernels.module,
        memory: this.kernels.memory,
        tid: this.workers.length + 1,
        epoch: this.epoch,
        startGen: Atomics.load(ctrl, C_GEN),
      };
      try {
        this.workers.push(this.platform.spawn(init));
      } catch {
        break;
      }
    }
    if (!this.platform.startsWhileBlocked) {
      // Workers start once this thread yields: until all are ready, calls run here alone.
      if (Atomics.load(ctrl, C_READY) < this.workers.length) return 1;
      return Math.min(threads, this.workers.length + 1);
    }
    // Wait (bounded) until every worker has its instance, so a job never waits on a start-up.
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      const ready = Atomics.load(ctrl, C_READY);
      if (ready >= this.workers.length) break;
      if (Date.now() > deadline) {
        this.shutdown();
        this.broken = true;
        return 1;
      }
      Atomics.wait(ctrl, C_READY, ready, 50);
    }
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
    Atomics.store(ctrl, C_JOB, 0);
    Atomics.store(ctrl, C_CLAIM, 0);
    Atomics.store(ctrl, C_PROGRESS, 0);
    Atomics.store(ctrl, C_PROGRESS + 1, 0);
    Atomics.store(ctrl, C_ERROR, 0);
    Atomics.store(ctrl, C_THREADS, threads);
    if (threads === 1) {
      exports.runJob(0);
      return;
    }
    new Int32Array(buffer, CURSORS, threads * 16).fill(0);
    new Int32Array(buffer, SLOTS, (SLOT_COUNT * SLOT_BYTES) / 4).fill(0);
    Atomics.store(ctrl, C_DONE, 0);
    const gen = (Atomics.load(ctrl, C_GEN) + 1) | 0;
    Atomics.store(ctrl, C_JOB, gen);
    Atomics.store(ctrl, C_GEN, gen);
    Atomics.notify(ctrl, C_GEN);
    let failure: unknown = null;
    try {
      meanwhile?.();
      exports.runJob(0);
    } catch (error) {
      failure = error;
      Atomics.store(ctrl, C_ERROR, 1);
    }
    for (let spins = 0; ; spins++) {
      const done = Atomics.load(ctrl, C_DONE);
      if (done >= threads - 1) break;
      if (spins > CALLER_SPINS) Atomics.wait(ctrl, C_DONE, done);
    }
    if (failure !== null) throw failure;
    if (Atomics.load(ctrl, C_ERROR) !== 0) throw new Error('jitconn: a kernel worker thread failed');
  }

  /** Stops the workers for good: every later call runs on the calling thread. */
  giveUp(): void {
    this.shutdown();
    this.broken = true;
  }

  /** Stops every worker (they are unref'd anyway: an idle pool never keeps a process alive). */
  shutdown(): void {
    const ctrl = this.ctrl;
    Atomics.store(ctrl, C_SHUTDOWN, 1);
    Atomics.add(ctrl, C_GEN, 1);
    Atomics.notify(ctrl, C_GEN);
    for (const worker of this.workers) worker.terminate();
    this.workers = [];
  }

  get size(): number {
    return this.workers.length + 1;
  }
}
