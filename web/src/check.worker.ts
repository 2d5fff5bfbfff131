/// <reference lib="webworker" />
import { getThreadCount, setDefaultBackend, setThreadCount, startThreads } from 'jitconn';
import { productCases, resultHash } from './productCases';

/** Runs the product cases on the WebAssembly kernels (on `threads` threads) and on the reference backend. */

export interface CheckReport {
  readonly isolated: boolean;
  readonly threads: number;
  readonly results: readonly { name: string; wasm: string; reference: string; wasmMs: number }[];
}

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<{ threads: number }>) => {
  try {
    setThreadCount(event.data.threads);
    const threads = await startThreads();
    const cases = productCases();
    const results = cases.map(({ name, run }) => {
      setDefaultBackend('wasm');
      const start = performance.now();
      const wasm = resultHash(run());
      const wasmMs = performance.now() - start;
      setDefaultBackend('reference');
      const reference = resultHash(run());
      return { name, wasm, reference, wasmMs };
    });
    setDefaultBackend('wasm');
    const report: CheckReport = {
      isolated: scope.crossOriginIsolated === true,
      threads: Math.min(threads, getThreadCount()),
      results,
    };
    scope.postMessage({ report });
  } catch (error) {
    scope.postMessage({ error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  }
};
