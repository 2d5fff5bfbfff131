import { setThreadCount } from 'jitconn';
import type { CheckReport } from './check.worker';
import { productCases, resultHash } from './productCases';

/**
 * The check page: the library's products in a Web Worker on several threads, against the
 * reference backend, with hashes of the result bits (the test suite compares them with Node's).
 * `?threads=N` chooses the thread count (default: every core).
 */
const threads = Number(
  new URLSearchParams(location.search).get('threads') ?? navigator.hardwareConcurrency ?? 2,
);
const status = document.getElementById('status')!;
const table = document.getElementById('results') as HTMLTableElement;
const worker = new Worker(new URL('./check.worker.ts', import.meta.url), { type: 'module', name: 'check' });
status.textContent = `Running the products on ${threads} threads…`;

worker.onmessage = (event: MessageEvent<{ report?: CheckReport; error?: string }>) => {
  const { report, error } = event.data;
  if (report === undefined) {
    status.textContent = `Failed: ${error}`;
    document.body.dataset['state'] = 'failed';
    return;
  }
  const agree = report.results.every((r) => r.wasm === r.reference);
  status.textContent =
    `${report.isolated ? 'Cross-origin isolated' : 'Not cross-origin isolated'}; products ran on ${report.threads} ` +
    `${report.threads === 1 ? 'thread' : 'threads'}. ${agree ? 'Every result has the same bits as the reference backend.' : 'Results DIFFER from the reference backend.'}`;
  for (const result of report.results) {
    const row = table.insertRow();
    for (const value of [result.name, result.wasm, result.reference, `${result.wasmMs.toFixed(1)} ms`]) {
      row.insertCell().textContent = value;
    }
    row.className = result.wasm === result.reference ? 'same' : 'different';
  }
  // The page's main thread may not block: there products run on this thread, whatever the thread count.
  setThreadCount(4);
  const first = productCases()[0]!;
  const mainThread = { name: first.name, hash: resultHash(first.run()) };
  const main = document.getElementById('main-thread')!;
  main.textContent = `On the page's main thread: ${first.name} ${mainThread.hash}, on the calling thread alone.`;
  (window as unknown as { jitconnCheck: object }).jitconnCheck = { ...report, mainThread };
  document.body.dataset['state'] = 'done';
};
worker.postMessage({ threads });
