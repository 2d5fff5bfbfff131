import { WORKER_LOOP_SOURCE, type ThreadPlatform } from '../wasm/pool.js';

/**
 * The thread platform in browsers and every runtime without the `node` condition (package.json
 * `imports`, `#platform`, conditions `browser` and `default`): workers are Web Workers started
 * from a Blob URL of the loop's source text, sharing the kernels' memory (a SharedArrayBuffer).
 *
 * Threads need three things, checked once: Web Workers, cross-origin isolation (a page served
 * with `Cross-Origin-Opener-Policy: same-origin` and `Cross-Origin-Embedder-Policy: require-corp`,
 * the only way to share memory between threads in a browser), and a thread allowed to block
 * (Atomics.wait): a Web Worker, not a page's main thread. Without them products run on the
 * calling thread, with the same results.
 *
 * A Web Worker starts only once the thread that created it returns to its event loop, so the
 * pool never waits for its workers here: calls run on the calling thread until they are ready
 * (`await startThreads()` waits for that).
 */
/** The code in every warning of the thread pool (as in Node's process warnings). */
const THREADS_WARNING_CODE = 'JITCONN_THREADS';

function warn(message: string): void {
  console.warn(`${THREADS_WARNING_CODE}: ${message}`);
}

let threadsPossible: boolean | null = null;
let workerUrl: string | null = null;

function canStartThreads(): boolean {
  threadsPossible ??= detectThreads();
  return threadsPossible;
}

function detectThreads(): boolean {
  if (typeof Worker !== 'function' || typeof SharedArrayBuffer !== 'function') return false;
  if ((globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated !== true) return false;
  try {
    // Throws on a thread that may not block (a page's main thread).
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 1, 0);
    return true;
  } catch {
    return false;
  }
}

export const platform: ThreadPlatform = {
  name: 'web',
  canShareMemory: () => typeof SharedArrayBuffer === 'function',
  availableThreads: () =>
    canStartThreads()
      ? Math.max(1, (globalThis.navigator?.hardwareConcurrency as number | undefined) ?? 1)
      : 1,
  canStartThreads,
  startsWhileBlocked: false,
  spawn(init) {
    if (!canStartThreads()) throw new Error('threads need a Web Worker in a cross-origin isolated page');
    workerUrl ??= URL.createObjectURL(
      new Blob([`onmessage = (event) => { onmessage = null; (${WORKER_LOOP_SOURCE})(event.data); };`], {
        type: 'text/javascript',
      }),
    );
    const worker = new Worker(workerUrl, { name: `jitconn kernels ${init.tid}` });
    // The pool learns of a failed start through the control block (failed, ready).
    worker.onerror = (event) => warn(`jitconn: kernel worker thread ${init.tid} failed: ${event.message}`);
    worker.postMessage(init);
    return { terminate: () => worker.terminate() };
  },
  warn,
  // Browsers choose their own compilation tiers.
  compile: (bytes) => new WebAssembly.Module(bytes),
};
