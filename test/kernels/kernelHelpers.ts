import fc from 'fast-check';
import { afterAll, beforeAll, expect } from 'vitest';
import {
  getThreadCount,
  setParallelMinWork,
  setThreadCount,
  shutdownThreads,
} from '../../src/kernels/wasm/index.js';
import { DEFAULT_LIMITS, setKernelLimits, type KernelLimits } from '../../src/kernels/wasm/limits.js';
import { jobCount, lastJobThreads, PARALLEL_MIN_NS } from '../../src/kernels/wasm/runtime.js';
import { seedWords } from '../../src/definition/seed.js';
import type { ActiveLines, Backend, LineConnections, MatrixSpec, WeightLaw } from '../../src/types.js';

/** Whether two float arrays hold the same bits (signed zeros and NaN payloads included). */
export function sameBits(a: Float32Array | Float64Array, b: Float32Array | Float64Array): boolean {
  if (a.constructor !== b.constructor || a.length !== b.length) return false;
  const bits = (x: Float32Array | Float64Array): ArrayLike<number | bigint> =>
    x instanceof Float32Array
      ? new Uint32Array(x.buffer, x.byteOffset, x.length)
      : new BigUint64Array(x.buffer, x.byteOffset, x.length);
  const x = bits(a);
  const y = bits(b);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

/** Where two float arrays first differ, for failure messages. */
export function firstDifference(a: ArrayLike<number>, b: ArrayLike<number>): string {
  if (a.length !== b.length) return `lengths ${a.length} and ${b.length}`;
  for (let i = 0; i < a.length; i++) {
    if (!Object.is(a[i], b[i])) return `element ${i}: ${a[i]} vs ${b[i]}`;
  }
  return 'none';
}

export function spec(
  seed: number | bigint,
  prob: number,
  law: WeightLaw,
  orientation: 'row' | 'col',
  lines: number,
  length: number,
): MatrixSpec {
  const { lo, hi } = seedWords(seed);
  const [rows, cols] = orientation === 'row' ? [lines, length] : [length, lines];
  return { seedLo: lo, seedHi: hi, prob, law, orientation, rows, cols };
}

const moderate = fc.double({ min: -8, max: 8, noNaN: true });

export const lawArb: fc.Arbitrary<WeightLaw> = fc.oneof(
  moderate.map((value): WeightLaw => ({ kind: 'scalar', value })),
  fc.tuple(moderate, moderate).map(([loc, scale]): WeightLaw => ({ kind: 'normal', loc, scale })),
  fc.tuple(moderate, moderate).map(([offset, span]): WeightLaw => ({ kind: 'uniform', offset, span })),
);

export const seedArb: fc.Arbitrary<number | bigint> = fc.oneof(
  fc.nat(1000),
  fc.maxSafeNat(),
  fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
);

/** p = 0, tiny, small, 0.01, 0.3, 1 and anything in between. */
export const probArb: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, 1e-12, 1e-6, 1e-4, 0.01, 0.3, 1),
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.double({ min: -6, max: 0, noNaN: true }).map((e) => 10 ** e),
);

/** Line lengths: short, around one block (2^16), and several blocks. */
export const lengthArb: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: 1, max: 300 }),
  fc.integer({ min: 60000, max: 70000 }),
  fc.integer({ min: 1, max: 250000 }),
);

export const kArb: fc.Arbitrary<number> = fc.constantFrom(1, 2, 5, 16);
export const threadsArb: fc.Arbitrary<number> = fc.constantFrom(1, 2, 3);

/** How many lines keep a case near `budget` connections (the reference is slow). */
export function linesWithin(budget: number, length: number, prob: number, most: number): number {
  return Math.max(1, Math.min(most, Math.floor(budget / (length * prob + 1))));
}

/** Seeded float32 values in [-4, 4), some exactly zero and some negative zero. */
export function values(n: number, seed: number): Float32Array {
  let s = (seed >>> 0) ^ 0x9e3779b9;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const r = s / 4294967296;
    out[i] = r < 0.1 ? 0 : r < 0.15 ? -0 : Math.fround((r - 0.5) * 8);
  }
  return out;
}

/** A backend's scatter into a fresh array (element-major, or batch-major when asked). */
export function scatter(
  backend: Backend,
  s: MatrixSpec,
  active: ActiveLines,
  batchMajor = false,
): Float32Array {
  const out = new Float32Array((s.orientation === 'row' ? s.cols : s.rows) * active.k);
  backend.scatter(s, active, { out, accumulate: false, batchMajor, fresh: true });
  return out;
}

/** A backend's gather into a fresh array. */
export function gather(
  backend: Backend,
  s: MatrixSpec,
  y: Float32Array,
  k: number,
  batchMajor = false,
): Float32Array {
  const out = new Float32Array((s.orientation === 'row' ? s.rows : s.cols) * k);
  backend.gather(s, y, k, { out, accumulate: false, batchMajor, fresh: true });
  return out;
}

/** Every connection of every line. */
export function allLines(backend: Backend, s: MatrixSpec): LineConnections {
  return backend.lines(s, 0, s.orientation === 'row' ? s.rows : s.cols);
}

/** What a product does with its target: overwrite or add, element-major or batch-major. */
export interface TargetMode {
  readonly accumulate: boolean;
  readonly batchMajor: boolean;
}

export const TARGET_MODES: readonly TargetMode[] = [
  { accumulate: false, batchMajor: false },
  { accumulate: true, batchMajor: false },
  { accumulate: false, batchMajor: true },
  { accumulate: true, batchMajor: true },
];

/** A caller's array before an accumulating product: seeded values, zeros, negative zeros. */
export function startingOut(n: number, mode: TargetMode): Float32Array {
  return mode.accumulate ? values(n, 77) : new Float32Array(n);
}

/** A backend's scatter into a target of the given mode. */
export function scatterInto(
  backend: Backend,
  s: MatrixSpec,
  active: ActiveLines,
  mode: TargetMode,
): Float32Array {
  const out = startingOut((s.orientation === 'row' ? s.cols : s.rows) * active.k, mode);
  backend.scatter(s, active, { out, ...mode, fresh: false });
  return out;
}

/** A backend's gather into a target of the given mode. */
export function gatherInto(
  backend: Backend,
  s: MatrixSpec,
  y: Float32Array,
  k: number,
  mode: TargetMode,
): Float32Array {
  const out = startingOut((s.orientation === 'row' ? s.rows : s.cols) * k, mode);
  backend.gather(s, y, k, { out, ...mode, fresh: false });
  return out;
}

/**
 * Runs `product` with the thread count set to `threads`, and fails unless every job it ran had
 * exactly that many threads taking part (as the threads recorded it): a pool that fell back to
 * fewer threads cannot pass a test for several. Products sent to the pool need
 * setParallelMinWork(0), or enough work.
 */
export function onThreads<T>(threads: number, product: () => T): T {
  setThreadCount(threads);
  const before = jobCount();
  const result = product();
  if (jobCount() !== before) expect(lastJobThreads(), 'threads that took part in the job').toBe(threads);
  return result;
}

/**
 * For a test file: sets the kernel knobs its tests need (parallelMinWork 0 sends every job to the
 * pool; lower limits reach the paths that split work), and after its tests puts back the
 * defaults and the thread count and stops the pool.
 */
export function kernelSettings(settings: { parallelMinWork?: number; limits?: Partial<KernelLimits> }): void {
  const cores = getThreadCount();
  beforeAll(() => {
    if (settings.parallelMinWork !== undefined) setParallelMinWork(settings.parallelMinWork);
    if (settings.limits) setKernelLimits(settings.limits);
  });
  afterAll(() => {
    setKernelLimits(DEFAULT_LIMITS);
    setParallelMinWork(PARALLEL_MIN_NS);
    setThreadCount(cores);
    shutdownThreads();
  });
}
