/**
 * The JavaScript heaps of the page and its workers, as the browser measures them:
 * measureUserAgentSpecificMemory() in cross-origin isolated Chromium pages (it leaves out
 * WebAssembly memories, where the network's state lives), after a quick first figure for the
 * page alone (Chromium's performance.memory).
 */
export interface HeapMemory {
  readonly bytes: number;
  /** False for the page's heap alone, while the full measurement is pending. */
  readonly complete: boolean;
}

interface MemoryApis {
  measureUserAgentSpecificMemory?: () => Promise<{ bytes: number }>;
  memory?: { usedJSHeapSize: number };
}

/**
 * Reports to `show` now (the page's heap, where the browser tells it) and again whenever a full
 * measurement arrives (Chromium answers it at a garbage collection: seconds later), every
 * `everyMs` after that.
 */
export function watchHeapMemory(show: (memory: HeapMemory) => void, everyMs = 5000): void {
  const apis = performance as unknown as MemoryApis;
  const full = globalThis.crossOriginIsolated && typeof apis.measureUserAgentSpecificMemory === 'function';
  if (apis.memory !== undefined) show({ bytes: apis.memory.usedJSHeapSize, complete: !full });
  if (!full) return;
  const measure = async (): Promise<void> => {
    try {
      show({ bytes: (await apis.measureUserAgentSpecificMemory!()).bytes, complete: true });
      setTimeout(() => void measure(), everyMs);
    } catch {
      // Refused after all: keep the quick figure.
    }
  };
  void measure();
}
