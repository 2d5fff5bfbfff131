// Tutorial section 7: row-oriented (R) versus column-oriented (C) matrices.
import { BinaryArray, JITCScalarC, JITCScalarR, matmul } from 'jitconn';

const n = 5000;
const m = 3000;
const jitcRow = new JITCScalarR([0.1, 0.05, 100], { shape: [n, m] });
const jitcCol = new JITCScalarC([0.1, 0.05, 100], { shape: [n, m] });
const spikes = BinaryArray.bernoulli(0.02, n, 0);
console.log(`Test configuration: ${n} -> ${m}, firing spikes: ${spikes.sum()}\n`);

function timePerCall(run: () => Float32Array, trials: number): { ms: number; result: Float32Array } {
  let result = run(); // warm-up
  const start = performance.now();
  for (let i = 0; i < trials; i++) result = run();
  return { ms: (performance.now() - start) / trials, result };
}

// spikes @ R generates only the ~100 active rows; spikes @ C must walk all 3000 columns.
const row = timePerCall(() => matmul(spikes, jitcRow), 100);
const col = timePerCall(() => matmul(spikes, jitcCol), 10);
console.log('Performance comparison (matrix-vector multiplication):');
console.log(` Row-oriented (R): ${row.ms.toFixed(3)} ms`);
console.log(` Column-oriented (C): ${col.ms.toFixed(3)} ms`);
// R and C with the same seed are different matrices (C is the transpose of an R of the swapped shape).
console.log(
  `\nR and C with one seed are different matrices: ${row.result.some((v, i) => v !== col.result[i])}`,
);
// The transpose of a C matrix is an R matrix, exactly: both products below are the same numbers.
const viaTranspose = jitcCol.T.matvec(spikes);
console.log(`spikes @ C equals C.T @ spikes exactly: ${viaTranspose.every((v, i) => v === col.result[i])}`);
console.log(
  '\nFor forward propagation (spikes @ W), use the row-oriented classes: JITCScalarR, JITCNormalR, JITCUniformR',
);
