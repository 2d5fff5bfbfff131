import Table from 'cli-table3';
import { BinaryArray, JITCNormalR } from 'jitconn';
import { formatBytes, formatCount, storedCsrBytes } from '../units.js';
import { heading, median, type DemoContext } from './context.js';

/** The sizes compared: from the tutorial's examples to its section-1 billion-synapse network. */
const SIZES = [
  { rows: 1_000, cols: 500, prob: 0.15, note: 'tutorial 3' },
  { rows: 10_000, cols: 10_000, prob: 0.01, note: '' },
  { rows: 100_000, cols: 50_000, prob: 0.01, note: 'tutorial 6, first layer' },
  { rows: 100_000, cols: 100_000, prob: 0.01, note: '' },
  { rows: 1_000_000, cols: 1_000_000, prob: 0.001, note: '10^6 neurons x 1000 synapses (tutorial 1)' },
] as const;

/** Fraction of rows firing in the timed product. */
const FIRING = 0.01;

/**
 * Section 5: memory of a JIT matrix against the same synapses stored as CSR and as a dense
 * matrix, for several sizes, with the time of one event-driven product at 1% firing.
 */
export function memory(context: DemoContext): void {
  heading(context, '5. Memory and performance: JIT against stored matrices');
  const table = new Table({
    head: [
      'shape',
      'p',
      'synapses',
      'JIT',
      'stored CSR',
      'dense float32',
      'CSR / JIT',
      `spikes @ W, ${FIRING * 100}% firing`,
      'note',
    ],
    style: { head: [], border: [] },
  });
  for (const { rows, cols, prob, note } of SIZES) {
    const w = new JITCNormalR([0, 0.1, prob, 7], { shape: [rows, cols] });
    const synapses = rows * cols * prob;
    const csr = storedCsrBytes(rows, synapses);
    const spikes = BinaryArray.bernoulli(FIRING, rows, 11);
    const out = new Float32Array(cols);
    const times: number[] = [];
    for (let k = 0; k < 6; k++) {
      const start = performance.now();
      w.vecmat(spikes, { out });
      if (k > 0) times.push(performance.now() - start);
    }
    table.push([
      `${formatCount(rows)} x ${formatCount(cols)}`,
      String(prob),
      formatCount(synapses),
      formatBytes(w.memoryBytes()),
      formatBytes(csr),
      formatBytes(rows * cols * 4),
      `${formatCount(csr / w.memoryBytes())}x`,
      `${median(times).toFixed(2)} ms`,
      note,
    ]);
  }
  context.print(table.toString());
  context.print(
    'Synapses are expected counts (rows x cols x p); stored CSR: float32 weight + int32 column per synapse,',
  );
  context.print(
    'int32 row pointers. The JIT matrix holds its parameters only. `npm run bench` times CSR and dense products too.',
  );
}
