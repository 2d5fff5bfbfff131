import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { WORKER_LOOP_SOURCE, type ThreadPlatform } from '../wasm/pool.js';

/**
 * The thread platform in Node (package.json `imports`, `#platform`, condition `node`): workers are
 * worker_threads evaluating the loop's source text, unref'd so they never keep a process alive.
 * The only file of the library that imports Node modules. They start while the caller waits for
 * them, so the first call already runs on every thread.
 */
export const platform: ThreadPlatform = {
  name: 'node',
  availableThreads: () => availableParallelism(),
  canStartThreads: () => true,
  startsWhileBlocked: true,
  spawn(init) {
    const source = `(${WORKER_LOOP_SOURCE})(require('node:worker_threads').workerData);`;
    const worker = new Worker(source, { eval: true, workerData: init });
    worker.unref();
    // Failures reach the caller through the control block (C_ERROR / the ready count).
    worker.on('error', () => undefined);
    return { terminate: () => void worker.terminate() };
  },
};
