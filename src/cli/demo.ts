import { BinaryArray, JITCNormalR, type BackendName } from '../index.js';

/** Options of the demo: the tutorial's three-layer network, at any scale. */
export interface DemoOptions {
  readonly input: number;
  readonly hidden: number;
  readonly output: number;
  readonly prob: number;
  readonly rate: number;
  readonly seed: number;
  readonly steps: number;
  readonly backend?: BackendName | undefined;
}

export const DEMO_DEFAULTS: DemoOptions = {
  input: 100_000,
  hidden: 50_000,
  output: 1_000,
  prob: 0.01,
  rate: 0.001,
  seed: 2024,
  steps: 20,
};

const format = (n: number) => Math.round(n).toLocaleString('en-US');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * The tutorial's ultra-large network (section 6): input -> hidden -> output through two JIT
 * normal matrices, driven by seeded Bernoulli spikes. Prints structure, memory against a
 * stored CSR matrix, one forward pass, warm timings and a reproducibility check.
 */
export function runDemo(options: DemoOptions, print: (line: string) => void = console.log): void {
  const { input, hidden, output, prob, rate, seed, steps, backend } = options;
  const w1 = new JITCNormalR([0, 0.05, prob, seed], {
    shape: [input, hidden],
    ...(backend ? { backend } : {}),
  });
  const w2 = new JITCNormalR([0, 0.1, Math.min(1, prob * 2), seed + 1], {
    shape: [hidden, output],
    ...(backend ? { backend } : {}),
  });
  const synapses = input * hidden * prob + hidden * output * Math.min(1, prob * 2);
  const csrBytes = synapses * 8 + (input + hidden + 2) * 4;

  print(
    `jitconn demo: a ${format(input)} -> ${format(hidden)} -> ${format(output)} spiking network (backend: ${w1.backend})`,
  );
  print(`Connection probability: ${prob * 100}% (second layer ${Math.min(1, prob * 2) * 100}%)`);
  print(`Expected synapses: ${format(synapses)}`);
  print(
    `Memory: JIT matrices ${w1.memoryBytes() + w2.memoryBytes()} bytes; the same as stored CSR (float32 weights, int32 indices): ${(csrBytes / 2 ** 20).toFixed(1)} MiB`,
  );

  let stepProductMs = 0;
  const timed = (product: () => Float32Array) => {
    const t = performance.now();
    const result = product();
    stepProductMs += performance.now() - t;
    return result;
  };
  const forward = (spikes: BinaryArray) => {
    const hiddenInput = timed(() => w1.vecmat(spikes));
    const hiddenSpikes = BinaryArray.threshold(hiddenInput, 0.2);
    return { hiddenSpikes, out: timed(() => w2.vecmat(hiddenSpikes)) };
  };

  const first = BinaryArray.bernoulli(rate, input, seed + 999);
  const start = performance.now();
  const { hiddenSpikes, out } = forward(first);
  const firstMs = performance.now() - start;
  print('');
  print(`Input spikes: ${first.sum()} / ${format(input)} (${((first.sum() / input) * 100).toFixed(2)}%)`);
  print(`Hidden layer spikes: ${hiddenSpikes.sum()} / ${format(hidden)}`);
  print(
    `Output: max ${Math.max(...out).toFixed(4)}, mean ${(out.reduce((a, b) => a + b, 0) / out.length).toFixed(4)}`,
  );
  print(`First forward pass (cold): ${firstMs.toFixed(2)} ms`);

  const times: number[] = [];
  const productTimes: number[] = [];
  let events = 0;
  for (let step = 0; step < steps; step++) {
    const spikes = BinaryArray.bernoulli(rate, input, seed + step);
    stepProductMs = 0;
    const t = performance.now();
    const result = forward(spikes);
    times.push(performance.now() - t);
    productTimes.push(stepProductMs);
    events += spikes.sum() * hidden * prob + result.hiddenSpikes.sum() * output * Math.min(1, prob * 2);
  }
  print(
    `Warm forward pass: median ${median(times).toFixed(3)} ms over ${steps} steps, ~${format(events / steps)} synaptic events each`,
  );
  const productMs = median(productTimes);
  print(
    `  of which the two JIT products: median ${productMs.toFixed(3)} ms ` +
      `(${((events / steps / productMs) * 1e-3).toFixed(1)} million events/s); the rest is thresholding`,
  );

  const again = new JITCNormalR([0, 0.05, prob, seed], { shape: [input, hidden] }).vecmat(first);
  const before = w1.vecmat(first);
  const identical = again.every((v, i) => v === before[i]);
  print(`Reproducible: a new matrix with the same seed gives the identical hidden input: ${identical}`);
}
