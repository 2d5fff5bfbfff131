import * as L from './layout.js';
import { getConstant, type LifMemory } from './lifMemory.js';

/**
 * The neuron step in plain TypeScript: every float operation is rounded to float32 (Math.fround)
 * in the order the SIMD kernel (src/kernels/assembly/neurons) performs it, with the constants it
 * reads from the group's memory, so the two agree bit for bit. (A double operation on float32
 * operands, rounded once to float32, is the float32 operation for +, -, * and /.)
 */

const f = Math.fround;
const bits = new Int32Array(1);
const asFloat = new Float32Array(bits.buffer);

/** pmin / pmax of WebAssembly SIMD: b < a ? b : a and a < b ? b : a (NaN in a passes through). */
const pmin = (a: number, b: number): number => (b < a ? b : a);
const pmax = (a: number, b: number): number => (a < b ? b : a);

/** e^x for a float32 x, as the kernel computes it with the constants in `c` (expf32.ts). */
export function expf32(x: number, c: Float32Array, ci: Int32Array): number {
  x = pmin(pmax(x, getConstant(c, L.L_EXP_LOW)), getConstant(c, L.L_EXP_HIGH));
  const y = f(x * getConstant(c, L.L_EXP_LOG2E));
  const round = getConstant(c, L.L_EXP_ROUND);
  const t = f(y + round);
  const frac = f(y - f(t - round));
  let p = f(f(frac * getConstant(c, L.L_EXP_C5)) + getConstant(c, L.L_EXP_C4));
  p = f(f(frac * p) + getConstant(c, L.L_EXP_C3));
  p = f(f(frac * p) + getConstant(c, L.L_EXP_C2));
  p = f(f(frac * p) + getConstant(c, L.L_EXP_C1));
  p = f(f(frac * p) + getConstant(c, L.L_EXP_C0));
  asFloat[0] = t;
  bits[0] = (bits[0]! - getConstant(ci, L.L_EXP_BIAS)) << 23;
  return f(p * asFloat[0]!);
}

/** The new potential of a neuron from v, ge, gi at the start of the step. */
type Integrate = (v: number, ge: number, gi: number) => number;

/** phi(y) = (1 - e^-y) / y as the kernel computes it (phi.ts): Estrin's polynomial, or the exact form. */
export function phif32(y: number, c: Float32Array, ci: Int32Array): number {
  if (Math.abs(y) > getConstant(c, L.L_PHI_LIMIT)) return f(f(1 - expf32(-y, c, ci)) / y);
  const k = (i: number): number => getConstant(c, L.L_PHI_C0 + i * L.L_STRIDE);
  const y2 = f(y * y);
  const y4 = f(y2 * y2);
  const q0 = f(k(0) + f(k(1) * y));
  const q1 = f(k(2) + f(k(3) * y));
  const q2 = f(k(4) + f(k(5) * y));
  const q3 = f(k(6) + f(k(7) * y));
  return f(f(q0 + f(y2 * q1)) + f(y4 * f(q2 + f(y2 * q3))));
}

function coba(memory: LifMemory): Integrate {
  const { constantsF32: c, constantsI32: ci } = memory;
  const [one, rest, dtOverTau, eExc, eInh, meanE, meanI] = [
    L.L_ONE,
    L.L_REST,
    L.L_DT_OVER_TAU,
    L.L_E_EXC,
    L.L_E_INH,
    L.L_MEAN_E,
    L.L_MEAN_I,
  ].map((offset) => getConstant(c, offset)) as [number, number, number, number, number, number, number];
  return (v, ge, gi) => {
    const gE = f(ge * meanE);
    const gI = f(gi * meanI);
    const total = f(f(one + gE) + gI);
    const drive = f(f(rest + f(gE * eExc)) + f(gI * eInh));
    const rate = f(dtOverTau * phif32(f(total * dtOverTau), c, ci));
    return f(v + f(rate * f(drive - f(total * v))));
  };
}

function cuba(memory: LifMemory): Integrate {
  const c = memory.constantsF32;
  const [rest, propM, propE, propI] = [L.L_REST, L.L_PROP_M, L.L_PROP_E, L.L_PROP_I].map((offset) =>
    getConstant(c, offset),
  ) as [number, number, number, number];
  return (v, ge, gi) => f(f(f(rest + f(f(v - rest) * propM)) + f(ge * propE)) + f(gi * propI));
}

/** One step (the kernel's `step`): integrate, decay, then refractoriness, threshold and reset. */
function step(memory: LifMemory, integrate: Integrate): number {
  const { constantsF32: c, constantsI32: ci, v, ge, gi, refractory, spikes, size } = memory;
  const decayE = getConstant(c, L.L_DECAY_E);
  const decayI = getConstant(c, L.L_DECAY_I);
  const threshold = getConstant(c, L.L_THRESHOLD);
  let count = 0;
  for (let i = 0; i < size; i++) {
    const integrated = integrate(v[i]!, ge[i]!, gi[i]!);
    ge[i] = ge[i]! * decayE;
    gi[i] = gi[i]! * decayI;
    const ref = refractory[i]!;
    if (ref !== 0) {
      if (ref > 0) refractory[i] = ref - 1;
    } else if (integrated > threshold) {
      v[i] = getConstant(c, L.L_RESET);
      refractory[i] = getConstant(ci, L.L_REF_STEPS);
      spikes[count++] = i;
    } else {
      v[i] = integrated;
    }
  }
  return count;
}

/** The reference step of a COBA group over its memory. */
export function stepCobaReference(memory: LifMemory): () => number {
  const integrate = coba(memory);
  return () => step(memory, integrate);
}

/** The reference step of a CUBA group over its memory. */
export function stepCubaReference(memory: LifMemory): () => number {
  const integrate = cuba(memory);
  return () => step(memory, integrate);
}
