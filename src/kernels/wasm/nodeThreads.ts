import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { WORKER_LOOP_SOURCE, type ThreadPlatform } from './pool.js';

/**
 * The Node-specific part of the thread pool (the only file that imports Node modules): workers
 * are worker_threads evaluating the loop's source text, unref'd so they never keep a process
 * alive. A browser build swaps this file for one that starts Web Workers from a Blob URL.
 */
export const nodePlatform: ThreadPlatform = {
  availableThreads: () => availableParallelism(),
  spawn(init) {
    const source = `(${WORKER_LOOP_SOURCE})(require('node:worker_threads').workerData);`;
    const worker = new Worker(source, { eval: true, workerData: init });
    worker.unref();
    // Failures reach the caller through the control block (C_ERROR / the ready count).
    worker.on('error', () => undefined);
    return { terminate: () => void worker.terminate() };
  },
};
