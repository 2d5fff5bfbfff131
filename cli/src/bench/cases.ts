import type { BackendName } from 'jitconn';

export type BenchOp = 'vecmat' | 'matvec' | 'matmat' | 'rmatmat' | 'todense';
export type BenchWeights = 'scalar' | 'normal' | 'uniform';

/** One benchmark case: a matrix, an operation and its operand. */
export interface BenchCase {
  readonly name: string;
  readonly rows: number;
  readonly cols: number;
  readonly prob: number;
  /** Fraction of operand entries that are non-zero (spikes for event input). */
  readonly rate: number;
  readonly op: BenchOp;
  readonly k: number;
  readonly weights: BenchWeights;
  readonly orientation: 'R' | 'C';
  /** Spikes (BinaryArray) or floats. */
  readonly input: 'events' | 'floats';
  /** Worker threads (undefined: all cores). */
  readonly threads?: number | undefined;
  readonly backend?: BackendName | undefined;
}

const base = { k: 1, weights: 'scalar', orientation: 'R', input: 'events' } as const;

/**
 * The fixed suite: the tutorial's cases, a throughput case on one and on all threads, a dense
 * float input, a batched product and a million-neuron case (the tutorial's empty section 5).
 */
export const SUITE: readonly BenchCase[] = [
  {
    ...base,
    name: 'tutorial 6: 100K->50K forward, 0.1% firing',
    rows: 100_000,
    cols: 50_000,
    prob: 0.01,
    rate: 0.001,
    op: 'vecmat',
    weights: 'normal',
  },
  {
    ...base,
    name: 'tutorial 7: 5000x3000 R, 2% firing',
    rows: 5000,
    cols: 3000,
    prob: 0.05,
    rate: 0.02,
    op: 'vecmat',
  },
  {
    ...base,
    name: 'tutorial 7: 5000x3000 C, 2% firing',
    rows: 5000,
    cols: 3000,
    prob: 0.05,
    rate: 0.02,
    op: 'vecmat',
    orientation: 'C',
  },
  {
    ...base,
    name: 'throughput 100Kx100K, 1% firing, 1 thread',
    rows: 100_000,
    cols: 100_000,
    prob: 0.01,
    rate: 0.01,
    op: 'vecmat',
    threads: 1,
  },
  {
    ...base,
    name: 'throughput 100Kx100K, 1% firing, all threads',
    rows: 100_000,
    cols: 100_000,
    prob: 0.01,
    rate: 0.01,
    op: 'vecmat',
  },
  {
    ...base,
    name: 'dense float input 10Kx10K, M @ x',
    rows: 10_000,
    cols: 10_000,
    prob: 0.1,
    rate: 1,
    op: 'matvec',
    input: 'floats',
    weights: 'normal',
  },
  {
    ...base,
    name: 'batched k=16, 100Kx100K, 1% rows',
    rows: 100_000,
    cols: 100_000,
    prob: 0.01,
    rate: 0.01,
    op: 'rmatmat',
    k: 16,
    input: 'floats',
    threads: 1,
  },
  {
    ...base,
    name: 'scale 1Mx1M p=0.001, 1% firing',
    rows: 1_000_000,
    cols: 1_000_000,
    prob: 0.001,
    rate: 0.01,
    op: 'vecmat',
  },
];

/** Parse "ROWSxCOLS". */
export function parseShape(text: string): [number, number] {
  const match = /^(\d+)x(\d+)$/i.exec(text.trim());
  if (!match) throw new Error(`--shape must look like 100000x50000, got "${text}"`);
  return [Number(match[1]), Number(match[2])];
}
