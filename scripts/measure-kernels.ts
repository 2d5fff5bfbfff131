// Quick throughput check of the wasm kernels (npx tsx scripts/measure-kernels.ts): the event-driven
// scatter x @ R on 100K x 100K, p = 0.01, 1% of rows active (~1e6 connections per call), at one
// thread and at every core, and the k = 16 batched scatter. Prints the median over repeated calls.
import { performance } from 'node:perf_hooks';
import { wasmBackend, setThreadCount, shutdownThreads, getThreadCount } from '../src/kernels/wasm/index.js';
import { walkLine } from '../src/spec/lineWalk.js';
import type { MatrixSpec } from '../src/spec/matrixSpec.js';
import type { ActiveLines } from '../src/spec/referenceProducts.js';
import type { WeightLaw } from '../src/spec/weights/weightLaw.js';

const N = 100_000;
const P = 0.01;
const ACTIVE = 1000;
const cores = getThreadCount();

function spec(law: WeightLaw): MatrixSpec {
  return { seedLo: 12345, seedHi: 0, prob: P, law, orientation: 'row', rows: N, cols: N };
}

/** Evenly spread active rows (a fixed pattern, so every run measures the same work). */
const lines = Uint32Array.from({ length: ACTIVE }, (_, i) => Math.floor((i * N) / ACTIVE) + (i % 97));

function connections(s: MatrixSpec): number {
  let count = 0;
  for (const line of lines) walkLine(s, line, N, () => count++);
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

const fmt = (x: number): string => (x / 1e6).toFixed(0).padStart(6);
const laws: [string, WeightLaw][] = [
  ['scalar', { kind: 'scalar', value: 1 }],
  ['normal', { kind: 'normal', loc: 0, scale: 1 }],
  ['uniform', { kind: 'uniform', offset: 0, span: 1 }],
];

console.log(`100K x 100K, p = ${P}, ${ACTIVE} active rows; cores: ${cores}`);
for (const [name, law] of laws) {
  const s = spec(law);
  const events = connections(s);
  const active: ActiveLines = { lines, values: null, k: 1 };
  const rates: string[] = [];
  for (const threads of [1, cores]) {
    setThreadCount(threads);
    const ms = measure(() => wasmBackend.scatter(s, active));
    rates.push(`${threads} thread(s): ${ms.toFixed(3)} ms, ${fmt(events / (ms / 1e3))} M events/s`);
  }
  console.log(`x @ R events, ${name.padEnd(7)} weights, ${events} connections | ${rates.join(' | ')}`);
}

const k = 16;
for (const [name, law] of laws.slice(0, 2)) {
  const s = spec(law);
  const events = connections(s);
  const values = Float32Array.from({ length: ACTIVE * k }, (_, i) => ((i * 7919) % 1000) / 1000 - 0.5);
  const active: ActiveLines = { lines, values, k };
  const rates: string[] = [];
  for (const threads of [1, cores]) {
    setThreadCount(threads);
    const ms = measure(() => wasmBackend.scatter(s, active));
    rates.push(
      `${threads} thread(s): ${ms.toFixed(3)} ms, ${fmt((events * k) / (ms / 1e3))} M synapse-columns/s`,
    );
  }
  console.log(`X @ R k=${k},  ${name.padEnd(7)} weights | ${rates.join(' | ')}`);
}

{
  const s = spec({ kind: 'scalar', value: 1 });
  const small: MatrixSpec = { ...s, rows: 1000 };
  const y = Float32Array.from({ length: N }, (_, i) => (i % 13) - 6);
  const events = small.rows * N * P;
  const rates: string[] = [];
  for (const threads of [1, cores]) {
    setThreadCount(threads);
    const ms = measure(() => wasmBackend.gather(small, y, 1));
    rates.push(`${threads} thread(s): ${ms.toFixed(3)} ms, ${fmt(events / (ms / 1e3))} M events/s`);
  }
  console.log(`R @ y gather, 1000 x 100K rows, scalar | ${rates.join(' | ')}`);
}
setThreadCount(cores);
shutdownThreads();
