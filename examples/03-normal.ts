// Tutorial section 3: JITCNormalR, weights from N(wloc, wscale^2).
import asciichart from 'asciichart';
import { BinaryArray, JITCNormalR, matmul } from 'jitconn';

const jitcNormal = new JITCNormalR([0.0, 0.1, 0.15, 42], { shape: [1000, 500] });
console.log('JITCNormalR matrix information:');
console.log(` shape: (${jitcNormal.shape.join(', ')})`);
console.log(` weight mean: ${jitcNormal.wloc}`);
console.log(` weight standard deviation: ${jitcNormal.wscale}`);
console.log(` connection probability: ${jitcNormal.prob}`);
console.log(` random seed: ${jitcNormal.seed}`);

// Sample aggregated weights with sparse random inputs, as the tutorial does.
const samples: number[] = [];
for (let i = 0; i < 100; i++) {
  const out = matmul(BinaryArray.bernoulli(0.02, 1000, 42 + i), jitcNormal);
  for (const v of out) if (v !== 0) samples.push(v);
}
const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
const std = Math.sqrt(samples.reduce((s, v) => s + (v - mean) ** 2, 0) / samples.length);
console.log('\nSampling statistics:');
console.log(` Number of samples: 100`);
console.log(` Samples collected: ${samples.length}`);
console.log(` Mean: ${mean.toFixed(4)}`);
console.log(` Standard deviation: ${std.toFixed(4)}`);

// The individual weights themselves: every connection of the realised matrix.
const { data } = jitcNormal.tocsr();
const weightMean = data.reduce((a, b) => a + b, 0) / data.length;
const weightStd = Math.sqrt(data.reduce((s, v) => s + (v - weightMean) ** 2, 0) / data.length);
console.log(
  `\nIndividual weights (${data.length} connections): mean ${weightMean.toFixed(4)}, std ${weightStd.toFixed(4)}`,
);

const bins = 40;
const [low, high] = [-0.4, 0.4];
const density = new Array<number>(bins).fill(0);
for (const v of data) {
  const bin = Math.floor(((v - low) / (high - low)) * bins);
  if (bin >= 0 && bin < bins) density[bin]! += bins / (high - low) / data.length;
}
console.log('\nWeight density over [-0.4, 0.4] (expected: a bell of height 3.99 at 0):');
console.log(asciichart.plot(density, { height: 10 }));
