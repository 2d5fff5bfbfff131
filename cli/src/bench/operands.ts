import { BinaryArray } from 'jitconn';
import type { BenchCase } from './cases.js';

/** The operand of a case and the lines it activates (for the baselines and the event count). */
export interface BenchOperand {
  /** What the JIT product receives. */
  readonly value: BinaryArray | Float32Array;
  /** Sorted indices of the operand's non-zero elements (rows for x @ M, columns for M @ x). */
  readonly active: Uint32Array;
  /** Values per active element (k each), or null for spikes. */
  readonly values: Float32Array | null;
  /** Dense (elements x k) float copy, for gather baselines. */
  readonly dense: Float32Array;
}

/** Seeded floats in [-1, 1), never exactly zero. */
function floats(n: number, seed: number): Float32Array {
  let s = seed | 1;
  return Float32Array.from({ length: n }, () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return ((s >>> 0) + 0.5) / 2147483648 - 1;
  });
}

/**
 * Build the operand: `elements` entries with k values each, a fraction `rate` of them active.
 * For k > 1 the same elements are active in every column, so each generated connection is used
 * k times. Layout follows the operation: (k x elements) for rmatmat, (elements x k) otherwise.
 */
export function benchOperand(c: BenchCase, elements: number): BenchOperand {
  const activeSpikes = c.rate >= 1 ? null : BinaryArray.bernoulli(c.rate, elements, 7);
  const active = activeSpikes ? activeSpikes.indices() : Uint32Array.from({ length: elements }, (_, i) => i);
  const k = c.k;
  const dense = new Float32Array(elements * k);
  const values = c.input === 'events' ? null : floats(active.length * k, 11);
  active.forEach((e, a) => {
    for (let q = 0; q < k; q++) dense[e * k + q] = values === null ? 1 : values[a * k + q]!;
  });
  if (c.input === 'events') {
    const value =
      k === 1
        ? (activeSpikes ?? new BinaryArray(new Uint8Array(elements).fill(1)))
        : batchOf(active, elements, k);
    return { value, active, values, dense };
  }
  const value = c.op === 'rmatmat' ? transpose(dense, elements, k) : dense;
  return { value, active, values, dense };
}

function batchOf(active: Uint32Array, elements: number, k: number): BinaryArray {
  const mask = new Uint8Array(elements * k);
  for (let q = 0; q < k; q++) for (const e of active) mask[q * elements + e] = 1;
  return new BinaryArray(mask, { shape: [k, elements] });
}

function transpose(x: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(x.length);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out[j * rows + i] = x[i * cols + j]!;
  return out;
}
