// Quick throughput check of the wasm kernels (npx tsx scripts/measure-kernels.ts): the event-driven
// scatter x @ R on 100K x 100K, p = 0.01, 1% of rows active (~1e6 connections per call), at one
// thread and at every core, the k = 16 batched scatter, a 10x bigger call, the tutorial's forward
// pass and a gather. Prints medians over repeated calls. A proper `jitconn bench` comes separately.
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { wasmBackend, setThreadCount, shutdownThreads, getThreadCount } from '../src/kernels/wasm/index.js';
import { walkLine } from '../src/definition/lineWalk.js';
import type { ActiveLines, Backend, MatrixSpec, WeightLaw } from '../src/types.js';

function scatter(backend: Backend, s: MatrixSpec, active: ActiveLines): Float32Array {
  const out = new Float32Array(s.cols * active.k);
  backend.scatter(s, active, { out, accumulate: false, batchMajor: false, fresh: true });
  return out;
}

function gather(backend: Backend, s: MatrixSpec, y: Float32Array, k: number): Float32Array {
  const out = new Float32Array(s.rows * k);
  backend.gather(s, y, k, { out, accumulate: false, batchMajor: false, fresh: true });
  return out;
}

const N = 100_000;
const P = 0.01;
const cores = getThreadCount();

function spec(law: WeightLaw, rows = N, cols = N): MatrixSpec {
  return { seedLo: 12345, seedHi: 0, prob: P, law, orientation: 'row', rows, cols };
}

/** `count` evenly spread active rows of `rows` (a fixed pattern: every run does the same work). */
function activeRows(count: number, rows: number): Uint32Array {
  return Uint32Array.from({ length: count }, (_, i) => Math.floor((i * rows) / count) + (i % 97));
}

function connections(s: MatrixSpec, lines: Uint32Array): number {
  let count = 0;
  for (const line of lines) walkLine(s, line, s.cols, () => count++);
  return count;
}

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function measure(run: () => void, minMs = 400): number {
  for (let i = 0; i < 5; i++) run();
  const times: number[] = [];
  const start = performance.now();
  while (performance.now() - start < minMs || times.length < 15) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  return median(times);
}

const mega = (x: number): string => (x / 1e6).toFixed(0).padStart(5);

/** Median ms per call at 1 thread and at every core, with the rate for `units` per call. */
function rates(run: () => void, units: number, unit: string): string {
  const ms = [1, cores].map((threads) => {
    setThreadCount(threads);
    return measure(run);
  });
  setThreadCount(cores);
  const parts = ms.map(
    (t, i) => `${i === 0 ? 1 : cores} thread(s): ${t.toFixed(3)} ms, ${mega(units / (t / 1e3))} M ${unit}/s`,
  );
  return `${parts.join(' | ')} (x${(ms[0]! / ms[1]!).toFixed(2)})`;
}

/** Calibration: how much faster two independent busy loops finish on every core than one alone. */
async function coreScaling(): Promise<number> {
  const code = `let x = 0; const t = performance.now(); for (let i = 0; i < 2e8; i++) x += i % 7;
    require('node:worker_threads').parentPort.postMessage([performance.now() - t, x]);`;
  const run = (n: number) =>
    Promise.all(
      Array.from(
        { length: n },
        () =>
          new Promise<number>((resolve) =>
            new Worker(code, { eval: true }).on('message', (m: [number]) => resolve(m[0])),
          ),
      ),
    );
  const [alone] = await run(1);
  const together = await run(cores);
  return (cores * alone!) / Math.max(...together);
}

/** Calibration: round trip of one cache line between two threads (the VM's cores may be far apart). */
async function pingPong(): Promise<number> {
  const sab = new SharedArrayBuffer(64);
  const flag = new Int32Array(sab);
  const n = 100_000;
  const worker = new Worker(
    `const flag = new Int32Array(require('node:worker_threads').workerData);
     for (let i = 0; i < ${n}; i++) { while (Atomics.load(flag, 0) !== 2 * i + 1); Atomics.store(flag, 0, 2 * i + 2); }`,
    { eval: true, workerData: sab },
  );
  await new Promise((resolve) => setTimeout(resolve, 100));
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    Atomics.store(flag, 0, 2 * i + 1);
    while (Atomics.load(flag, 0) !== 2 * i + 2);
  }
  const ns = ((performance.now() - t0) / n) * 1e6;
  await worker.terminate();
  return ns;
}

const laws: [string, WeightLaw][] = [
  ['scalar', { kind: 'scalar', value: 1 }],
  ['normal', { kind: 'normal', loc: 0, scale: 1 }],
  ['uniform', { kind: 'uniform', offset: 0, span: 1 }],
];

console.log(
  `cores: ${cores}; independent busy loops on all cores run x${(await coreScaling()).toFixed(2)} as fast as one; ` +
    `cache-line round trip between two threads: ${(await pingPong()).toFixed(0)} ns`,
);
console.log(`100K x 100K, p = ${P}`);
const rows1 = activeRows(1000, N);
for (const [name, law] of laws) {
  const s = spec(law);
  const events = connections(s, rows1);
  const active: ActiveLines = { lines: rows1, values: null, k: 1 };
  console.log(
    `x @ R, 1% rows, ${name.padEnd(7)} weights, ${events} events | ${rates(() => scatter(wasmBackend, s, active), events, 'events')}`,
  );
}
{
  const s = spec(laws[0]![1]);
  const rows10 = activeRows(10000, N);
  const events = connections(s, rows10);
  const active: ActiveLines = { lines: rows10, values: null, k: 1 };
  console.log(
    `x @ R, 10% rows, scalar weights, ${events} events | ${rates(() => scatter(wasmBackend, s, active), events, 'events')}`,
  );
}
const k = 16;
for (const [name, law] of laws.slice(0, 2)) {
  const s = spec(law);
  const events = connections(s, rows1);
  const values = Float32Array.from({ length: rows1.length * k }, (_, i) => ((i * 7919) % 1000) / 1000 - 0.5);
  const active: ActiveLines = { lines: rows1, values, k };
  console.log(
    `X @ R, k = ${k}, 1% rows, ${name} weights | ${rates(() => scatter(wasmBackend, s, active), events * k, 'synapse-columns')}`,
  );
}
{
  // The tutorial's forward pass: 100K inputs -> 50K outputs, p = 0.01, about 100 inputs active.
  const s = spec(laws[1]![1], N, 50_000);
  const active: ActiveLines = { lines: activeRows(100, N), values: null, k: 1 };
  const ms = measure(() => scatter(wasmBackend, s, active));
  console.log(
    `tutorial forward pass 100K -> 50K, 100 active, normal weights: ${(ms * 1e3).toFixed(0)} us per call`,
  );
}
{
  const s = spec(laws[0]![1], 1000, N);
  const y = Float32Array.from({ length: N }, (_, i) => (i % 13) - 6);
  const events = connections(
    s,
    activeRows(1000, 1000).map((_, i) => i),
  );
  console.log(
    `R @ y gather, 1000 x 100K, scalar weights | ${rates(() => gather(wasmBackend, s, y, 1), events, 'events')}`,
  );
}
shutdownThreads();
