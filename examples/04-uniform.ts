// Tutorial section 4: JITCUniformR, weights from U[wlow, whigh).
import { BinaryArray, JITCUniformR, matmul } from 'jitconn';

const jitcUniform = new JITCUniformR([-0.1, 0.3, 0.12, 777], { shape: [800, 400] });
console.log('JITCUniformR matrix information:');
console.log(` shape: (${jitcUniform.shape.join(', ')})`);
console.log(` weight minimum value: ${jitcUniform.wlow}`);
console.log(` weight maximum value: ${jitcUniform.whigh}`);
console.log(` connection probability: ${jitcUniform.prob}`);
console.log(` random seed: ${jitcUniform.seed}`);
console.log(`\nExpected weight mean: ${((jitcUniform.wlow + jitcUniform.whigh) / 2).toFixed(4)}`);

const testSpikes = new BinaryArray(new Array(800).fill(true));
const output = matmul(testSpikes, jitcUniform);
console.log('Output statistics:');
console.log(` minimum value: ${Math.min(...output).toFixed(4)}`);
console.log(` maximum value: ${Math.max(...output).toFixed(4)}`);
console.log(` average value: ${(output.reduce((a, b) => a + b, 0) / output.length).toFixed(4)}`);
console.log(` non-zero outputs: ${output.filter((v) => v !== 0).length}`);
// Each column sums Binomial(800, 0.12) weights of mean 0.1: expected 800 * 0.12 * 0.1 = 9.6.
console.log(` expected average: ${(800 * 0.12 * 0.1).toFixed(4)}`);
