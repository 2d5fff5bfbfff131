// Fixed per-call cost of small products (a network step calls them thousands of times):
//   npx tsx scripts/small-products.ts [path to a built index.js, default dist/index.js] [rounds]
// The 3200 x 4000 p = 0.02 R matrix of a 4000-neuron balanced network, 9 spikes per call, into the
// caller's `out`, with and without `accumulate` (and a step without spikes); the same through
// matvec on its transpose (a C matrix), a batch of 4 spike vectors batch-major (rmatmat), and a
// gather of 4000 floats.
// Each case runs `rounds` rounds of 20000 calls; prints the median and the spread of the rounds'
// mean microseconds per call. Run it on two builds on the same machine to compare them.
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';

const entry = path.resolve(process.argv[2] ?? 'dist/index.js');
const rounds = Number(process.argv[3] ?? 15);
const jitconn = (await import(pathToFileURL(entry).href)) as typeof import('../src/index.js');
const { BinaryArray, JITCScalarR } = jitconn;

const CALLS = 20000;

function roundsOf(call: () => void): number[] {
  for (let i = 0; i < CALLS; i++) call();
  const perCall: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (let i = 0; i < CALLS; i++) call();
    perCall.push(((performance.now() - t0) * 1e3) / CALLS);
  }
  return perCall.sort((a, b) => a - b);
}

const W = new JITCScalarR([0.6, 0.02, 1], { shape: [3200, 4000] });
const spikes = BinaryArray.fromIndices([5, 100, 400, 800, 1200, 1600, 2000, 2400, 3100], 3200);
const none = BinaryArray.fromIndices([], 3200);
const batch = new BinaryArray(
  Array.from({ length: 4 * 3200 }, (_, i) => (i * 7919) % 400 === 0),
  { shape: [4, 3200] },
);
const out = new Float32Array(4000);
const outBatch = new Float32Array(4 * 4000);
const WT = W.T;
const floats = Float32Array.from({ length: 4000 }, (_, i) => ((i * 37) % 11) - 5);
const G = new JITCScalarR([0.6, 0.001, 2], { shape: [200, 4000] });
const outG = new Float32Array(200);

const cases: [string, () => void][] = [
  ['vecmat 3200x4000 p=0.02, 9 spikes, { out }', () => W.vecmat(spikes, { out })],
  [
    'vecmat 3200x4000 p=0.02, 9 spikes, { out, accumulate }',
    () => W.vecmat(spikes, { out, accumulate: true }),
  ],
  ['vecmat, no spikes, { out, accumulate }', () => W.vecmat(none, { out, accumulate: true })],
  ['matvec on its transpose (C), 9 spikes, { out }', () => WT.matvec(spikes, { out })],
  ['rmatmat, 4 spike vectors (~8 each), { out: 4 x 4000 }', () => W.rmatmat(batch, { out: outBatch })],
  [
    'rmatmat, 4 spike vectors, { out, accumulate }',
    () => W.rmatmat(batch, { out: outBatch, accumulate: true }),
  ],
  ['matvec gather 200x4000 p=0.001, 4000 floats, { out }', () => G.matvec(floats, { out: outG })],
];

console.log(
  `small products on ${os.cpus()[0]?.model ?? 'unknown'}, ${os.availableParallelism()} cores, Node ${process.version}; ` +
    `${path.relative(process.cwd(), entry)}; ${rounds} rounds of ${CALLS} calls, us per call`,
);
for (const [name, call] of cases) {
  const r = roundsOf(call);
  const median = r[Math.floor(r.length / 2)]!;
  const q1 = r[Math.floor(r.length / 4)]!;
  const q3 = r[Math.floor((3 * r.length) / 4)]!;
  console.log(
    `${name.padEnd(58)} median ${median.toFixed(2).padStart(6)}  (quartiles ${q1.toFixed(2)} to ${q3.toFixed(2)})`,
  );
}
jitconn.shutdownThreads();
