import { describe, expect, it } from 'vitest';
import { referenceBackend } from '../../src/kernels/referenceBackend.js';
import {
  setParallelMinWork,
  setThreadCount,
  shutdownThreads,
  wasmBackend,
} from '../../src/kernels/wasm/index.js';
import { DEFAULT_LIMITS } from '../../src/kernels/wasm/limits.js';
import { kernelMemoryBytes, PARALLEL_MIN_NS } from '../../src/kernels/wasm/runtime.js';
import { kernelSettings, sameBits, scatter, spec } from './kernelHelpers.js';

/**
 * Kernel memory is given back: a call whose buffers grew it past a modest size drops it when it
 * returns (a WebAssembly.Memory cannot shrink; the next call starts a fresh one), and
 * shutdownThreads() drops all of it.
 */
kernelSettings({});

const MODEST = 64 * 2 ** 20;
const law = { kind: 'scalar', value: 1 } as const;
const two = { lines: Uint32Array.of(1, 5), values: null, k: 1 };

describe('kernel memory', () => {
  it.each([1, 2])('after a large call, then a small one, stays modest (%i threads)', (threads) => {
    shutdownThreads();
    expect(kernelMemoryBytes()).toBe(0);
    setThreadCount(threads);
    setParallelMinWork(threads > 1 ? 0 : PARALLEL_MIN_NS);
    // 40 million output floats: 160 MB of kernel memory for the call.
    const large = spec(3, 1e-4, law, 'row', 10, 40_000_000);
    const got = scatter(wasmBackend, large, two);
    expect(sameBits(got, scatter(referenceBackend, large, two))).toBe(true);
    expect(kernelMemoryBytes()).toBe(0);
    const small = spec(3, 0.02, law, 'row', 3200, 4000);
    const result = scatter(wasmBackend, small, two);
    expect(sameBits(result, scatter(referenceBackend, small, two))).toBe(true);
    expect(kernelMemoryBytes()).toBeGreaterThan(0);
    expect(kernelMemoryBytes()).toBeLessThan(MODEST);
  });

  it('is kept after calls within the limit, so repeated calls do not start afresh', () => {
    shutdownThreads();
    setThreadCount(1);
    // 4 million output floats: 16 MB, below the limit kept after a call.
    const medium = spec(4, 1e-3, law, 'row', 10, 4_000_000);
    scatter(wasmBackend, medium, two);
    const held = kernelMemoryBytes();
    expect(held).toBeGreaterThan(16e6);
    expect(held).toBeLessThan(DEFAULT_LIMITS.retainBytes + MODEST);
    scatter(wasmBackend, medium, two);
    expect(kernelMemoryBytes()).toBe(held);
  });

  it('is all given back by shutdownThreads(), and made afresh by the next call', () => {
    setThreadCount(2);
    setParallelMinWork(0);
    const s = spec(5, 0.05, law, 'col', 500, 3000);
    const first = scatter(wasmBackend, s, two);
    expect(kernelMemoryBytes()).toBeGreaterThan(0);
    shutdownThreads();
    expect(kernelMemoryBytes()).toBe(0);
    expect(sameBits(scatter(wasmBackend, s, two), first)).toBe(true);
  });
});
