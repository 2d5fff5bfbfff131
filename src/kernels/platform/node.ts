import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { WORKER_LOOP_SOURCE, type ThreadPlatform } from '../wasm/pool.js';

/** The code of every warning the thread pool emits (process.on('warning') sees it). */
export const THREADS_WARNING_CODE = 'JITCONN_THREADS';

function warn(message: string): void {
  process.emitWarning(message, { code: THREADS_WARNING_CODE });
}

/**
 * The thread platform in Node (package.json `imports`, `#platform`, condition `node`): workers are
 * worker_threads evaluating the loop's source text, unref'd so they never keep a process alive.
 * The only file of the library that imports Node modules. Workers start while the caller waits
 * for them, so the first big call already runs on every thread. Problems starting them are
 * process warnings (code JITCONN_THREADS).
 */
/** Whether the process was started with V8's baseline WebAssembly compiler off already. */
const liftoffOff = [...process.execArgv, ...(process.env['NODE_OPTIONS'] ?? '').split(/\s+/)].includes(
  '--no-liftoff',
);

/**
 * V8 first compiles WebAssembly with its baseline compiler (Liftoff) and optimizes a function
 * only once it has run hot for a while, so a fresh process's first few dozen products ran 2 to
 * 4 times slower than later ones. Every kernel is hot, so the module is compiled optimized at
 * once (about 20 ms, once per process; workers share the compiled code), with the flag set just
 * for this compilation and set back after it.
 */
function compileOptimized(bytes: Uint8Array<ArrayBuffer>): WebAssembly.Module {
  if (liftoffOff) return new WebAssembly.Module(bytes);
  setFlagsFromString('--no-liftoff');
  try {
    return new WebAssembly.Module(bytes);
  } finally {
    setFlagsFromString('--liftoff');
  }
}

export const platform: ThreadPlatform = {
  name: 'node',
  availableThreads: () => availableParallelism(),
  canStartThreads: () => true,
  canShareMemory: () => true,
  startsWhileBlocked: true,
  spawn(init) {
    const source = `(${WORKER_LOOP_SOURCE})(require('node:worker_threads').workerData);`;
    const worker = new Worker(source, { eval: true, workerData: init });
    worker.unref();
    // The pool learns of a failed start through the control block (failed, ready); the error
    // itself arrives here, later, and is reported too.
    worker.on('error', (error) => warn(`jitconn: kernel worker thread ${init.tid} failed: ${String(error)}`));
    return { terminate: () => void worker.terminate() };
  },
  warn,
  compile: compileOptimized,
};
