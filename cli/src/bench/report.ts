import Table from 'cli-table3';
import os from 'node:os';
import type { BenchResult } from './runCase.js';
import { formatBytes as bytes, storedCsrBytes } from '../units.js';

/** The machine a run happened on, printed with every result. */
export function machine(): Record<string, string | number> {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
  };
}

const millions = (x: number) => (x / 1e6).toFixed(1);
const ratio = (x: number | undefined) => (x === undefined ? 'n/a' : `${x.toFixed(2)}x`);

/** A table: one row per case, with medians, rates, memory and ratios against the baselines. */
export function formatTable(results: readonly BenchResult[]): string {
  const table = new Table({
    head: [
      'case',
      'shape',
      'p',
      'op',
      'k',
      'thr',
      'median ms',
      'first 20 ms',
      'M events/s',
      'M syn-col/s',
      'JIT bytes',
      'CSR bytes',
      'vs CSR',
      'vs dense',
    ],
    style: { head: [], border: [] },
  });
  for (const r of results) {
    const c = r.case;
    table.push([
      c.name,
      `${c.rows}x${c.cols}`,
      c.prob,
      `${c.op}${c.orientation === 'C' ? ' (C)' : ''}`,
      c.k,
      r.threads,
      r.medianMs.toFixed(3),
      r.firstCallsMs.toFixed(3),
      millions(r.eventsPerSecond),
      millions(r.synapseColumnsPerSecond),
      bytes(r.matrixBytes),
      bytes(storedCsrBytes(c.rows, c.rows * c.cols * c.prob)),
      ratio(r.csr?.ratio) + (r.csr?.note ? '*' : ''),
      ratio(r.dense?.ratio),
    ]);
  }
  return table.toString();
}

export function formatHeader(backend: string): string {
  const m = machine();
  return `jitconn bench on ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}, backend ${backend}`;
}

export const FOOTNOTE =
  'median ms: per call once warm, the result written into a reused buffer ({ out }); first 20 ms: median of the\n' +
  'first 20 calls on a new matrix and a new buffer, no warm-up (the cold figure). Baselines reuse their buffers too.\n' +
  'vs CSR / vs dense: baseline median time divided by the JIT median (above 1: the JIT product is faster).\n' +
  '* the CSR baseline held only the active rows (the whole stored matrix would not fit); CSR bytes are for the whole matrix.';
