// Tutorial section 2: JITCScalarR (alias JITCHomoR), every connection with the same weight.
import { BinaryArray, JITCScalarR, matmul } from 'jitconn';

const nPre = 1000;
const nPost = 500;
// All connection weights are 0.1, connection probability 10%, seed 12345.
const jitcHomo = new JITCScalarR([0.1, 0.1, 12345], { shape: [nPre, nPost] });
console.log('JITCScalarR matrix information:');
console.log(` shape: (${jitcHomo.shape.join(', ')})`);
console.log(` weight: ${jitcHomo.weight}`);
console.log(` connection probability: ${jitcHomo.prob}`);
console.log(` random seed: ${jitcHomo.seed}`);
console.log(`\nMemory usage: ${jitcHomo.memoryBytes()} bytes of parameters, whatever the shape`);

// Event-driven product: only the rows of neurons that fired are generated.
const spikes = BinaryArray.bernoulli(0.05, nPre, 0);
console.log(`\nInput spikes: ${spikes.sum()} / ${nPre} neurons fired`);
const output = matmul(spikes, jitcHomo);
const mean = output.reduce((a, b) => a + b, 0) / output.length;
console.log('\nOutput:');
console.log(` shape: (${output.length},)`);
console.log(` maximum value: ${Math.max(...output).toFixed(4)}`);
console.log(` average value: ${mean.toFixed(4)}`);
console.log(` non-zero outputs: ${output.filter((v) => v > 0).length} neurons`);

// Reproducibility: the same seed is the same matrix; another seed is another matrix.
const jitc1 = new JITCScalarR([0.1, 0.1, 999], { shape: [100, 50] });
const jitc2 = new JITCScalarR([0.1, 0.1, 999], { shape: [100, 50] });
const testInput = new BinaryArray(new Array(100).fill(true));
const result1 = matmul(testInput, jitc1);
const result2 = matmul(testInput, jitc2);
const maxDifference = Math.max(...result1.map((v, i) => Math.abs(v - result2[i]!)));
console.log('\nReproducibility test:');
console.log(` Result1 and Result2 are identical: ${maxDifference === 0}`);
console.log(` Maximum difference: ${maxDifference}`);
const jitc3 = new JITCScalarR([0.1, 0.1, 888], { shape: [100, 50] });
const result3 = matmul(testInput, jitc3);
const meanDifference = result1.reduce((s, v, i) => s + Math.abs(v - result3[i]!), 0) / result1.length;
console.log('\nDifferent seeds produce different results:');
console.log(` Result1 and Result3 are identical: ${meanDifference === 0}`);
console.log(` Average difference: ${meanDifference.toFixed(4)}`);
