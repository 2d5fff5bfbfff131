import { BinaryArray, JITCScalarC, JITCScalarR, type JITCMatrix } from 'jitconn';
import { heading, median, type DemoContext } from './context.js';

/** Median time (ms) of `spikes @ w` into a preallocated result, after one warm-up call. */
function timeProduct(w: JITCMatrix, spikes: BinaryArray, calls: number): { ms: number; out: Float32Array } {
  const out = new Float32Array(w.shape[1]);
  w.vecmat(spikes, { out });
  const times: number[] = [];
  for (let k = 0; k < calls; k++) {
    const start = performance.now();
    w.vecmat(spikes, { out });
    times.push(performance.now() - start);
  }
  return { ms: median(times), out };
}

/** Section 7: row-oriented (R) against column-oriented (C) matrices for spikes @ W. */
export function orientation(context: DemoContext): void {
  const { print } = context;
  heading(context, '7. Row-oriented (R) against column-oriented (C)');
  const [n, m] = [5000, 3000];
  const row = new JITCScalarR([0.1, 0.05, 100], { shape: [n, m] });
  const col = new JITCScalarC([0.1, 0.05, 100], { shape: [n, m] });
  const spikes = BinaryArray.bernoulli(0.02, n, 0);
  print(`Test configuration: ${n} -> ${m}, firing spikes: ${spikes.sum()}`);
  const r = timeProduct(row, spikes, 100);
  const c = timeProduct(col, spikes, 10);
  print(
    `spikes @ W, median per call: row-oriented (R) ${r.ms.toFixed(3)} ms, column-oriented (C) ${c.ms.toFixed(3)} ms`,
  );
  print('R generates only the rows of the neurons that fired; C must walk all its columns for spikes @ C.');
  const viaTranspose = col.T.matvec(spikes);
  print(`spikes @ C equals C.T @ spikes exactly: ${viaTranspose.every((v, i) => v === c.out[i])}`);
  print(
    'For forward propagation (spikes @ W) use the row-oriented classes: JITCScalarR, JITCNormalR, JITCUniformR',
  );
}
