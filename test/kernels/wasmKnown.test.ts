import { afterAll, describe, expect, it } from 'vitest';
import {
  wasmBackend,
  setParallelMinWork,
  setThreadCount,
  shutdownThreads,
  getThreadCount,
} from '../../src/kernels/wasm/index.js';
import { referenceBackend } from '../../src/kernels/referenceBackend.js';
import { gapFromWord, gapTable } from '../../src/definition/gapTable.js';
import { buildGuide } from '../../src/kernels/wasm/gapGuide.js';
import {
  allLines,
  firstDifference,
  gather,
  onThreads,
  sameBits,
  scatter,
  spec,
  values,
} from './kernelHelpers.js';
import { PARALLEL_MIN_NS } from '../../src/kernels/wasm/runtime.js';

afterAll(() => {
  setThreadCount(getThreadCount());
  setParallelMinWork(PARALLEL_MIN_NS);
  shutdownThreads();
});

describe('wasm kernels: known cases', () => {
  it('p = 1 connects everything: scatter, gather, nnz and lines are the dense products', () => {
    const s = spec(3, 1, { kind: 'scalar', value: 2 }, 'row', 3, 5);
    const active = { lines: Uint32Array.from([0, 2]), values: null, k: 1 };
    expect(Array.from(scatter(wasmBackend, s, active))).toEqual([4, 4, 4, 4, 4]);
    const y = Float32Array.from([1, 2, 3, 4, 5]);
    expect(Array.from(gather(wasmBackend, s, y, 1))).toEqual([30, 30, 30]);
    expect(wasmBackend.nnz(s)).toBe(15);
    const csr = allLines(wasmBackend, s);
    expect(Array.from(csr.indptr)).toEqual([0, 5, 10, 15]);
    expect(Array.from(csr.indices)).toEqual([0, 1, 2, 3, 4, 0, 1, 2, 3, 4, 0, 1, 2, 3, 4]);
    expect(Array.from(csr.data)).toEqual(new Array(15).fill(2));
  });

  it('p = 0 gives zeros at once, even for huge shapes', () => {
    const s = spec(1n << 63n, 0, { kind: 'normal', loc: 1, scale: 1 }, 'row', 4294967295, 1000);
    const lines = Uint32Array.from({ length: 100000 }, (_, i) => i * 42949);
    const out = scatter(wasmBackend, s, { lines, values: null, k: 3 });
    expect(out.length).toBe(3000);
    expect(out.every((v) => Object.is(v, 0))).toBe(true);
    expect(wasmBackend.nnz(spec(5, 0, { kind: 'scalar', value: 1 }, 'col', 4294967295, 4294967295))).toBe(0);
  });

  it('line indices above 2^31: an event product on a 3e9 x 100 matrix, both orientations', () => {
    for (const orientation of ['row', 'col'] as const) {
      const s = spec(2 ** 40 + 17, 0.2, { kind: 'uniform', offset: -1, span: 2 }, orientation, 3e9, 100);
      const lines = Uint32Array.from([0, 2 ** 31 - 1, 2 ** 31, 2 ** 31 + 7, 2999999999]);
      for (const active of [
        { lines, values: null, k: 1 },
        { lines, values: values(lines.length * 2, 9), k: 2 },
      ]) {
        const got = scatter(wasmBackend, s, active);
        const want = scatter(referenceBackend, s, active);
        expect(sameBits(got, want), firstDifference(got, want)).toBe(true);
        expect(got.some((v) => v !== 0)).toBe(true);
      }
    }
  });

  it('line index 2^32 - 2 on a matrix with 2^32 - 1 lines', () => {
    const s = spec(77, 0.05, { kind: 'normal', loc: 0, scale: 1 }, 'col', 4294967295, 70000);
    const active = { lines: Uint32Array.from([1, 4294967294]), values: null, k: 1 };
    const got = scatter(wasmBackend, s, active);
    expect(sameBits(got, scatter(referenceBackend, s, active))).toBe(true);
  });

  it('scatter with several chunks (over 2^20 expected connections) on 1, 2 and 3 threads', () => {
    const s = spec(2024, 0.01, { kind: 'normal', loc: 0.5, scale: 1 }, 'row', 5000, 70000);
    const lines = Uint32Array.from({ length: 1600 }, (_, i) => i * 3);
    for (const active of [
      { lines, values: null, k: 1 },
      { lines, values: values(lines.length * 2, 4), k: 2 },
    ]) {
      const want = scatter(referenceBackend, s, active);
      for (const threads of [1, 2, 3]) {
        setParallelMinWork(0);
        const got = onThreads(threads, () => scatter(wasmBackend, s, active));
        expect(sameBits(got, want), `${threads} threads: ${firstDifference(got, want)}`).toBe(true);
      }
    }
  });

  it('accumulating a product with nothing to add is out + 0 (-0 becomes +0), as in the reference', () => {
    const s = spec(9, 0.3, { kind: 'normal', loc: 0, scale: 1 }, 'row', 50, 40);
    const empty = spec(9, 0, { kind: 'normal', loc: 0, scale: 1 }, 'row', 50, 40);
    const start = Float32Array.from({ length: 40 }, (_, i) => (i % 3 === 0 ? -0 : i % 3 === 1 ? 0 : -i));
    for (const backend of [wasmBackend, referenceBackend]) {
      for (const [m, active] of [
        [s, { lines: new Uint32Array(0), values: null, k: 1 }],
        [empty, { lines: Uint32Array.of(3, 7), values: null, k: 1 }],
      ] as const) {
        const out = start.slice();
        backend.scatter(m, active, { out, accumulate: true, batchMajor: false, fresh: false });
        expect(Array.from(out)).toEqual(Array.from(start, (v) => v + 0));
        expect(out.some((v) => Object.is(v, -0))).toBe(false);
      }
      const out = Float32Array.from({ length: 50 }, () => -0);
      backend.gather(empty, new Float32Array(40), 1, {
        out,
        accumulate: true,
        batchMajor: false,
        fresh: false,
      });
      expect(out.every((v) => Object.is(v, 0))).toBe(true);
    }
  });

  it('gather with more columns than one pass handles (k = 16390)', () => {
    const s = spec(31, 0.6, { kind: 'normal', loc: 0.5, scale: 2 }, 'row', 3, 5);
    const k = 16390;
    const y = values(5 * k, 3);
    const got = gather(wasmBackend, s, y, k);
    expect(sameBits(got, gather(referenceBackend, s, y, k))).toBe(true);
  });

  it('the thread pool stops and starts again', () => {
    const s = spec(8, 0.1, { kind: 'scalar', value: 1.5 }, 'row', 200, 3000);
    const y = values(3000, 1);
    setThreadCount(2);
    setParallelMinWork(0);
    const first = gather(wasmBackend, s, y, 1);
    shutdownThreads();
    const again = gather(wasmBackend, s, y, 1);
    expect(sameBits(first, again)).toBe(true);
    expect(sameBits(first, gather(referenceBackend, s, y, 1))).toBe(true);
  });

  it('setThreadCount rejects what is not a thread count', () => {
    expect(() => setThreadCount(0)).toThrow(RangeError);
    expect(() => setThreadCount(1.5)).toThrow(RangeError);
  });
});

describe('guide table of the gap law', () => {
  it('holds G at each bucket top and flags exactly the buckets where G varies', () => {
    for (const p of [0.3, 0.01, 1e-3, 1e-5, 1]) {
      const table = gapTable(p);
      const { entries } = buildGuide(table.limits);
      for (let b = 0; b < 65536; b += 257) {
        const top = b * 65536 + 65535;
        const bottom = b * 65536;
        const gTop = gapFromWord(table, top);
        const mixed = gapFromWord(table, bottom) !== gTop;
        expect(entries[b]! & 0x7fffffff).toBe(gTop);
        expect(entries[b]! >>> 31).toBe(mixed ? 1 : 0);
      }
    }
  });
});
