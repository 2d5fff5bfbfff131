import { afterEach, describe, expect, it } from 'vitest';
import { referenceBackend } from '../../src/kernels/referenceBackend.js';
import { setThreadCount, wasmBackend } from '../../src/kernels/wasm/index.js';
import { platform as nodePlatform, THREADS_WARNING_CODE } from '../../src/kernels/platform/node.js';
import type { ThreadPlatform } from '../../src/kernels/wasm/pool.js';
import {
  lastJobThreads,
  setThreadPlatform,
  shutdownThreads,
  startThreads,
} from '../../src/kernels/wasm/runtime.js';
import { kernelSettings, sameBits, scatter, spec } from './kernelHelpers.js';

/**
 * The pool reports how many threads took part in a job (each thread marks the job in kernel
 * memory), and a worker that cannot start is never silent: it is a process warning (code
 * JITCONN_THREADS) and the products run, correctly, on the threads there are.
 */
kernelSettings({ parallelMinWork: 0, limits: { readyTimeoutMs: 300 } });
afterEach(() => {
  setThreadPlatform(nodePlatform);
});

const s = spec(12, 0.05, { kind: 'normal', loc: 0, scale: 1 }, 'row', 2000, 70_000);
const active = { lines: Uint32Array.from({ length: 40 }, (_, i) => i * 50), values: null, k: 1 };
const want = scatter(referenceBackend, s, active);

/** The thread warnings emitted while `run` runs (process warnings arrive on a later tick). */
async function warningsDuring(run: () => void): Promise<string[]> {
  const seen: string[] = [];
  const listener = (warning: Error & { code?: string }) => {
    if (warning.code === THREADS_WARNING_CODE) seen.push(warning.message);
  };
  process.on('warning', listener);
  try {
    run();
    await new Promise((resolve) => setTimeout(resolve, 100));
  } finally {
    process.off('warning', listener);
  }
  return seen;
}

/** A scatter asked to run on `threads` threads: its result and how many threads took part. */
function product(threads: number): { got: Float32Array; took: number } {
  setThreadCount(threads);
  const got = scatter(wasmBackend, s, active);
  return { got, took: lastJobThreads() };
}

// A module whose instantiation fails (it imports a function nobody provides).
const UNLINKABLE = new WebAssembly.Module(
  new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 2, 9, 1, 3, 101, 110, 118, 1, 102, 0, 0]),
);

const FAILING: Record<string, ThreadPlatform> = {
  'spawn throws': {
    ...nodePlatform,
    spawn: () => {
      throw new Error('no threads here');
    },
  },
  'a worker never reports ready': { ...nodePlatform, spawn: () => ({ terminate: () => undefined }) },
  'a worker fails to instantiate the kernels': {
    ...nodePlatform,
    spawn: (init) => nodePlatform.spawn({ ...init, module: UNLINKABLE }),
  },
};

describe('thread pool', () => {
  it('runs a job on as many threads as asked, and says so', () => {
    for (const threads of [1, 2, 3]) {
      const { got, took } = product(threads);
      expect(took).toBe(threads);
      expect(sameBits(got, want)).toBe(true);
    }
  });

  it.each(Object.keys(FAILING))('when %s: a warning, one thread, the right result', async (name) => {
    setThreadPlatform(FAILING[name]!);
    let first = product(1);
    const warnings = await warningsDuring(() => {
      first = product(3);
    });
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings[0]).toMatch(/^jitconn: .*products run on the calling thread alone$/);
    expect(first.took).toBe(1);
    expect(sameBits(first.got, want)).toBe(true);
    // Said once: later products go on with what there is, without trying again.
    const later = await warningsDuring(() => {
      expect(product(2).took).toBe(1);
    });
    expect(later).toEqual([]);
  });

  it('starts threads again once they can start', () => {
    setThreadPlatform(FAILING['spawn throws']!);
    expect(product(2).took).toBe(1);
    setThreadPlatform(nodePlatform);
    const { got, took } = product(2);
    expect(took).toBe(2);
    expect(sameBits(got, want)).toBe(true);
  });
});

/*
 * What a browser's Web Worker platform does, with worker_threads standing in for Web Workers: the
 * pool never waits for its workers (in a browser they start only once the caller yields), calls
 * run on the calling thread until the workers are ready, and startThreads() waits for them
 * without blocking. Chromium runs the real thing in test/e2e.
 */
const WEB_LIKE: ThreadPlatform = { ...nodePlatform, startsWhileBlocked: false };

describe('a platform whose workers start only when the caller yields', () => {
  it('calls run on the calling thread until the workers are ready; startThreads waits for them', async () => {
    setThreadPlatform(WEB_LIKE);
    const first = product(3);
    expect(first.took).toBe(1);
    expect(sameBits(first.got, want)).toBe(true);
    expect(await startThreads()).toBe(3);
    const { got, took } = product(3);
    expect(took).toBe(3);
    expect(sameBits(got, want)).toBe(true);
  });

  it('where threads cannot start (a page`s main thread) and memory cannot be shared: one thread, the right result', async () => {
    setThreadPlatform({ ...WEB_LIKE, canStartThreads: () => false, canShareMemory: () => false });
    shutdownThreads();
    setThreadCount(3);
    expect(await startThreads()).toBe(1);
    const { got, took } = product(3);
    expect(took).toBe(1);
    expect(sameBits(got, want)).toBe(true);
  });
});
