import { BinaryArray, JITCNormalR, getThreadCount } from 'jitconn';
import { formatBytes, formatCount, storedCsrBytes } from '../units.js';
import { heading, median, stats, type DemoContext } from './context.js';

/**
 * Section 6, the tutorial's MassiveJITCNetwork: input -> hidden -> output through two JIT normal
 * matrices, hidden spikes where the hidden input exceeds 0.2. One cold forward pass as the
 * tutorial times it, then `steps` forward passes into preallocated results ({ out }), so the
 * products' rate holds from the first step (a fresh result array per call page-faults).
 */
export function massiveNetwork(context: DemoContext): void {
  const { print } = context;
  const { input, hidden, output, prob, rate: firing, seed, steps } = context.options;
  heading(context, '6. A large network: MassiveJITCNetwork');
  const prob2 = Math.min(1, prob * 2);
  const w1 = new JITCNormalR([0, 0.05, prob, seed], { shape: [input, hidden] });
  const w2 = new JITCNormalR([0, 0.1, prob2, seed + 1], { shape: [hidden, output] });
  const [synapses1, synapses2] = [input * hidden * prob, hidden * output * prob2];
  const csr = storedCsrBytes(input, synapses1) + storedCsrBytes(hidden, synapses2);
  print(
    `Network structure: ${formatCount(input)} -> ${formatCount(hidden)} -> ${formatCount(output)} (backend: ${w1.backend}, ${getThreadCount()} threads)`,
  );
  print(`Connection probability: ${prob * 100}% (second layer ${prob2 * 100}%)`);
  print(
    `Synapses: first layer ${formatCount(synapses1)}, second layer ${formatCount(synapses2)} (expected; never stored)`,
  );
  print(
    `Memory: JIT matrices ${w1.memoryBytes() + w2.memoryBytes()} bytes; stored CSR would need ${formatBytes(csr)}`,
  );

  // Connections each step visits, counted exactly as the bench counts them: the product of a
  // unit-weight copy (same connections) summed.
  const ones = w1.withWeight(1);
  const counts = new Float32Array(hidden);
  const visited = (spikes: BinaryArray) => ones.vecmat(spikes, { out: counts }).reduce((a, b) => a + b, 0);
  const hiddenIn = new Float32Array(hidden);
  const outputIn = new Float32Array(output);
  const times = { w1: [] as number[], w2: [] as number[], threshold: [] as number[] };
  const forward = (spikes: BinaryArray) => {
    let t = performance.now();
    w1.vecmat(spikes, { out: hiddenIn });
    times.w1.push(performance.now() - t);
    t = performance.now();
    const hiddenSpikes = BinaryArray.threshold(hiddenIn, 0.2);
    times.threshold.push(performance.now() - t);
    t = performance.now();
    w2.vecmat(hiddenSpikes, { out: outputIn });
    times.w2.push(performance.now() - t);
    return hiddenSpikes;
  };

  const first = BinaryArray.bernoulli(firing, input, seed + 999);
  const start = performance.now();
  const hiddenSpikes = forward(first);
  const coldMs = performance.now() - start;
  const { mean, max } = stats(outputIn);
  print();
  print(
    `Input spikes: ${first.sum()} / ${formatCount(input)} (${((first.sum() / input) * 100).toFixed(2)}%)`,
  );
  print(
    `Hidden layer spikes: ${hiddenSpikes.sum()} / ${formatCount(hidden)} (${((hiddenSpikes.sum() / hidden) * 100).toFixed(2)}%)`,
  );
  print(
    `Output: shape (${output},), maximum ${max.toFixed(4)}, average ${mean.toFixed(4)}, ` +
      `active outputs (> 0.5) ${outputIn.filter((v) => v > 0.5).length} / ${formatCount(output)}`,
  );
  print(`First forward pass (the one the tutorial times): ${coldMs.toFixed(2)} ms`);

  // Inputs made, and the connections each visits counted, before the timed passes.
  const inputs = Array.from({ length: steps }, (_, step) =>
    BinaryArray.bernoulli(firing, input, seed + step),
  );
  const events = inputs.map(visited);
  for (const list of Object.values(times)) list.length = 0;
  for (const spikes of inputs) forward(spikes);
  const rates = events.map((count, step) => count / times.w1[step]! / 1e3);
  print(`${steps} more forward passes, new input each step, results written into preallocated arrays:`);
  print(
    `  spikes @ W1 (${formatCount(input)} x ${formatCount(hidden)}, ${formatCount(median(events))} events a step): ` +
      `first step ${times.w1[0]!.toFixed(3)} ms (${rates[0]!.toFixed(1)} million events/s), ` +
      `median ${median(times.w1).toFixed(3)} ms (${median(rates).toFixed(1)} million events/s)`,
  );
  print(
    `  thresholding (hidden input > 0.2): median ${median(times.threshold).toFixed(3)} ms; ` +
      `spikes @ W2: median ${median(times.w2).toFixed(3)} ms`,
  );
  // The same products back to back, as `npm run bench` times them (its "tutorial 6" row).
  const backToBack = inputs.map((spikes, step) => {
    const start = performance.now();
    w1.vecmat(spikes, { out: hiddenIn });
    const ms = performance.now() - start;
    return { ms, rate: events[step]! / ms / 1e3 };
  });
  print(
    `  spikes @ W1 called back to back, as \`npm run bench\` times it ("tutorial 6" row): ` +
      `median ${median(backToBack.map((b) => b.ms)).toFixed(3)} ms (${median(backToBack.map((b) => b.rate)).toFixed(1)} million events/s)`,
  );

  const again = new JITCNormalR([0, 0.05, prob, seed], { shape: [input, hidden] }).vecmat(first);
  const before = w1.vecmat(first);
  print(
    `Reproducible: a new matrix with the same seed gives the identical hidden input: ${again.every((v, i) => v === before[i])}`,
  );
}
