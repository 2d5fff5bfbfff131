import { BinaryArray, JITCNormalR, JITCScalarR, JITCUniformR, matmul } from 'jitconn';
import { weightsFigure } from '../plot/weights.js';
import { heading, stats, type DemoContext } from './context.js';
import { normalLaw, uniformLaw } from './laws.js';

const sameBits = (a: Float32Array, b: Float32Array) => a.every((v, i) => Object.is(v, b[i]));

/** Section 2: every connection has one weight; an event-driven product; one matrix per seed. */
export function homogeneous(context: DemoContext): void {
  const { print } = context;
  heading(context, '2. JITCScalarR (JITCHomoR): homogeneous weights');
  const w = new JITCScalarR([0.1, 0.1, 12345], { shape: [1000, 500] });
  print(
    `shape (${w.shape.join(', ')}), weight ${w.weight}, connection probability ${w.prob}, seed ${w.seed}`,
  );
  print(`Memory: ${w.memoryBytes()} bytes of parameters, whatever the shape`);
  const spikes = BinaryArray.bernoulli(0.05, 1000, 0);
  const out = matmul(spikes, w);
  const { mean, max } = stats(out);
  print(`Input spikes: ${spikes.sum()} / 1000 neurons fired`);
  print(
    `Output: shape (${out.length},), maximum ${max.toFixed(4)}, average ${mean.toFixed(4)}, ` +
      `non-zero ${out.filter((v) => v > 0).length} neurons`,
  );
  const ones = new BinaryArray(new Array<boolean>(100).fill(true));
  const product = (seed: number) => matmul(ones, new JITCScalarR([0.1, 0.1, seed], { shape: [100, 50] }));
  const [first, again, other] = [product(999), product(999), product(888)];
  const difference = first.reduce((s, v, i) => s + Math.abs(v - other[i]!), 0) / first.length;
  print(`Reproducible: seed 999 twice gives identical results: ${sameBits(first, again)}`);
  print(
    `Seeds 999 and 888 give identical results: ${sameBits(first, other)} (average difference ${difference.toFixed(4)})`,
  );
}

/** Section 3: normal weights; the tutorial's sampled outputs and the weights themselves, drawn. */
export async function normal(context: DemoContext): Promise<void> {
  const { print } = context;
  heading(context, '3. JITCNormalR: normal weights N(wloc, wscale^2)');
  const w = new JITCNormalR([0.0, 0.1, 0.15, 42], { shape: [1000, 500] });
  print(
    `shape (${w.shape.join(', ')}), weight mean ${w.wloc}, standard deviation ${w.wscale}, probability ${w.prob}, seed ${w.seed}`,
  );

  // The tutorial's sampling: outputs of 100 sparse random inputs (sums of a few weights each).
  const out = new Float32Array(500);
  const samples: number[] = [];
  for (let i = 0; i < 100; i++) {
    w.vecmat(BinaryArray.bernoulli(0.02, 1000, 42 + i), { out });
    for (const v of out) if (v !== 0) samples.push(v);
  }
  const sampleMean = samples.reduce((a, b) => a + b, 0) / samples.length;
  const sampleStd = Math.sqrt(samples.reduce((s, v) => s + (v - sampleMean) ** 2, 0) / samples.length);
  print(
    `Sampling: 100 inputs, ${samples.length} non-zero outputs, mean ${sampleMean.toFixed(4)}, std ${sampleStd.toFixed(4)}`,
  );
  const weights = w.tocsr().data;
  const weightMean = weights.reduce((a, b) => a + b, 0) / weights.length;
  const weightStd = Math.sqrt(weights.reduce((s, v) => s + (v - weightMean) ** 2, 0) / weights.length);
  print(
    `Individual weights (${weights.length} connections): mean ${weightMean.toFixed(4)}, std ${weightStd.toFixed(4)}`,
  );

  await context.figure(
    weightsFigure({
      name: 'normal-sampled-outputs',
      samples,
      title: 'Weight distribution from JITCNormalR (μ=0.0, σ=0.1, prob=0.15): sampled outputs',
      xLabel: 'Aggregated weight value',
      mean: 0,
    }),
  );
  await context.figure(
    weightsFigure({
      name: 'normal-weights',
      samples: weights,
      title: 'JITCNormalR weights (μ=0.0, σ=0.1, prob=0.15): every connection of the matrix',
      xLabel: 'Weight',
      mean: 0,
      reference: normalLaw(0, 0.1, 'N(0, 0.1²)'),
    }),
  );
  print(
    'Left: the probability density; right: the cumulative distribution. Outputs are sums of a few weights,',
  );
  print('so they spread wider than the weights themselves (std about 0.1 * sqrt(connections per output)).');
}

/** Section 4: uniform weights; column sums of an all-ones input; the weights drawn. */
export async function uniform(context: DemoContext): Promise<void> {
  const { print } = context;
  heading(context, '4. JITCUniformR: uniform weights U[wlow, whigh)');
  const w = new JITCUniformR([-0.1, 0.3, 0.12, 777], { shape: [800, 400] });
  print(
    `shape (${w.shape.join(', ')}), weight minimum ${w.wlow}, maximum ${w.whigh}, probability ${w.prob}, seed ${w.seed}`,
  );
  print(`Expected weight mean: ${((w.wlow + w.whigh) / 2).toFixed(4)}`);
  const out = matmul(new BinaryArray(new Array<boolean>(800).fill(true)), w);
  const { mean, min, max } = stats(out);
  print(
    `All 800 inputs firing: minimum ${min.toFixed(4)}, maximum ${max.toFixed(4)}, average ${mean.toFixed(4)} ` +
      `(expected 800 * 0.12 * 0.1 = ${(800 * 0.12 * 0.1).toFixed(4)}), non-zero ${out.filter((v) => v !== 0).length}`,
  );
  await context.figure(
    weightsFigure({
      name: 'uniform-weights',
      samples: w.tocsr().data,
      title: 'JITCUniformR weights (U[-0.1, 0.3), prob=0.12): every connection of the matrix',
      xLabel: 'Weight',
      mean: 0.1,
      reference: uniformLaw(-0.1, 0.3, 'U[-0.1, 0.3)'),
    }),
  );
}
