import {
  L_DECAY_E,
  L_DECAY_I,
  L_E_EXC,
  L_E_INH,
  L_EXP_BIAS,
  L_EXP_C0,
  L_EXP_C1,
  L_EXP_C2,
  L_EXP_C3,
  L_EXP_C4,
  L_EXP_C5,
  L_EXP_HIGH,
  L_EXP_LOG2E,
  L_EXP_LOW,
  L_EXP_ROUND,
  L_MEAN_E,
  L_MEAN_I,
  L_NEG_DT_OVER_TAU,
  L_ONE,
  L_PROP_E,
  L_PROP_I,
  L_PROP_M,
  L_REF_STEPS,
  L_RESET,
  L_REST,
  L_THRESHOLD,
} from './layout.js';
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
  x = pmin(pmax(x, getConstant(c, L_EXP_LOW)), getConstant(c, L_EXP_HIGH));
  const y = f(x * getConstant(c, L_EXP_LOG2E));
  const round = getConstant(c, L_EXP_ROUND);
  const t = f(y + round);
  const frac = f(y - f(t - round));
  let p = f(f(frac * getConstant(c, L_EXP_C5)) + getConstant(c, L_EXP_C4));
  p = f(f(frac * p) + getConstant(c, L_EXP_C3));
  p = f(f(frac * p) + getConstant(c, L_EXP_C2));
  p = f(f(frac * p) + getConstant(c, L_EXP_C1));
  p = f(f(frac * p) + getConstant(c, L_EXP_C0));
  asFloat[0] = t;
  bits[0] = (bits[0]! - getConstant(ci, L_EXP_BIAS)) << 23;
  return f(p * asFloat[0]!);
}

/** Refractoriness, threshold and reset of neuron i (the kernel's `fire`); returns the new count. */
function fire(memory: LifMemory, i: number, integrated: number, count: number): number {
  const { constantsF32: c, constantsI32: ci, refractory } = memory;
  const ref = refractory[i]!;
  if (ref !== 0) {
    if (ref > 0) refractory[i] = ref - 1;
    return count;
  }
  memory.v[i] = integrated;
  if (integrated > getConstant(c, L_THRESHOLD)) {
    memory.v[i] = getConstant(c, L_RESET);
    refractory[i] = getConstant(ci, L_REF_STEPS);
    memory.spikes[count] = i;
    return count + 1;
  }
  return count;
}

export function stepCobaReference(memory: LifMemory): number {
  const { constantsF32: c, constantsI32: ci, v, ge, gi, size } = memory;
  const one = getConstant(c, L_ONE);
  const rest = getConstant(c, L_REST);
  const negDtOverTau = getConstant(c, L_NEG_DT_OVER_TAU);
  const eExc = getConstant(c, L_E_EXC);
  const eInh = getConstant(c, L_E_INH);
  const meanE = getConstant(c, L_MEAN_E);
  const meanI = getConstant(c, L_MEAN_I);
  const decayE = getConstant(c, L_DECAY_E);
  const decayI = getConstant(c, L_DECAY_I);
  let count = 0;
  for (let i = 0; i < size; i++) {
    const gE = f(ge[i]! * meanE);
    const gI = f(gi[i]! * meanI);
    const total = f(f(one + gE) + gI);
    const drive = f(f(rest + f(gE * eExc)) + f(gI * eInh));
    const vInf = f(drive / total);
    const decay = expf32(f(total * negDtOverTau), c, ci);
    const integrated = f(vInf + f(f(v[i]! - vInf) * decay));
    ge[i] = ge[i]! * decayE;
    gi[i] = gi[i]! * decayI;
    count = fire(memory, i, integrated, count);
  }
  return count;
}

export function stepCubaReference(memory: LifMemory): number {
  const { constantsF32: c, v, ge, gi, size } = memory;
  const rest = getConstant(c, L_REST);
  const propM = getConstant(c, L_PROP_M);
  const propE = getConstant(c, L_PROP_E);
  const propI = getConstant(c, L_PROP_I);
  const decayE = getConstant(c, L_DECAY_E);
  const decayI = getConstant(c, L_DECAY_I);
  let count = 0;
  for (let i = 0; i < size; i++) {
    const relaxed = f(rest + f(f(v[i]! - rest) * propM));
    const integrated = f(f(relaxed + f(ge[i]! * propE)) + f(gi[i]! * propI));
    ge[i] = ge[i]! * decayE;
    gi[i] = gi[i]! * decayI;
    count = fire(memory, i, integrated, count);
  }
  return count;
}
