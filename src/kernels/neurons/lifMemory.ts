import { JitconnTooLargeError } from '../../errors.js';
import * as E from './expf32.js';
import { PHI_LIMIT, PHI_POLYNOMIAL } from './phi.js';
import * as L from './layout.js';

/**
 * The memory of one leaky integrate-and-fire group: its constants and state arrays, laid out as
 * layout.ts says, in a WebAssembly.Memory of its own that never grows (so the views below stay
 * valid for the group's life). Both steppers work on these views: the WebAssembly kernel reads and
 * writes the memory directly, the TypeScript reference through the views.
 */
export interface LifMemory {
  readonly memory: WebAssembly.Memory;
  /** Neurons, and neurons rounded up to a multiple of 4 (the kernels step whole lane groups). */
  readonly size: number;
  readonly padded: number;
  /** The constants block [0, L.LIF_ARRAYS), as float32 and int32 views. */
  readonly constantsF32: Float32Array;
  readonly constantsI32: Int32Array;
  /** State views of `size` neurons. */
  readonly v: Float32Array;
  readonly ge: Float32Array;
  readonly gi: Float32Array;
  readonly refractory: Int32Array;
  /** This step's spikes: the first `count` entries (count returned by the step). */
  readonly spikes: Uint32Array;
  /** Byte addresses of the arrays, for the kernel. */
  readonly at: {
    readonly v: number;
    readonly ge: number;
    readonly gi: number;
    readonly ref: number;
    readonly spikes: number;
  };
}

const PAGE = 65536;
/** Five arrays of 4-byte entries per neuron. */
const BYTES_PER_NEURON = 5 * 4;
const MAX_BYTES = 2 ** 32 - PAGE;

export function lifMemory(size: number): LifMemory {
  const padded = Math.max(4, Math.ceil(size / 4) * 4);
  const bytes = L.LIF_ARRAYS + padded * BYTES_PER_NEURON;
  if (bytes > MAX_BYTES) {
    throw new JitconnTooLargeError(
      `a group of ${size} leaky integrate-and-fire neurons needs ${bytes} bytes of state, more than the 4 GiB a WebAssembly memory holds`,
    );
  }
  const pages = Math.ceil(bytes / PAGE);
  const memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
  const buffer = memory.buffer;
  const stride = padded * 4;
  const at = {
    v: L.LIF_ARRAYS,
    ge: L.LIF_ARRAYS + stride,
    gi: L.LIF_ARRAYS + 2 * stride,
    ref: L.LIF_ARRAYS + 3 * stride,
    spikes: L.LIF_ARRAYS + 4 * stride,
  };
  const constantsF32 = new Float32Array(buffer, 0, L.LIF_ARRAYS / 4);
  const constantsI32 = new Int32Array(buffer, 0, L.LIF_ARRAYS / 4);
  setConstant(constantsF32, L.L_ONE, 1);
  setConstant(constantsF32, L.L_EXP_LOW, E.EXP_LOW);
  setConstant(constantsF32, L.L_EXP_HIGH, E.EXP_HIGH);
  setConstant(constantsF32, L.L_EXP_LOG2E, E.EXP_LOG2E);
  setConstant(constantsF32, L.L_EXP_ROUND, E.EXP_ROUND);
  setConstant(constantsI32, L.L_EXP_BIAS, E.EXP_BIAS);
  E.EXP_POLYNOMIAL.forEach((coefficient, k) =>
    setConstant(constantsF32, L.L_EXP_C0 + k * L.L_STRIDE, coefficient),
  );
  PHI_POLYNOMIAL.forEach((coefficient, k) =>
    setConstant(constantsF32, L.L_PHI_C0 + k * L.L_STRIDE, coefficient),
  );
  setConstant(constantsF32, L.L_PHI_LIMIT, PHI_LIMIT);
  return {
    memory,
    size,
    padded,
    constantsF32,
    constantsI32,
    v: new Float32Array(buffer, at.v, size),
    ge: new Float32Array(buffer, at.ge, size),
    gi: new Float32Array(buffer, at.gi, size),
    refractory: new Int32Array(buffer, at.ref, size),
    spikes: new Uint32Array(buffer, at.spikes, size),
    at,
  };
}

/** Writes a constant at `offset` (layout.ts) as the four lanes of a vector (rounded to the view's type). */
export function setConstant(view: Float32Array | Int32Array, offset: number, value: number): void {
  view.fill(value, offset / 4, (offset + L.L_STRIDE) / 4);
}

/** A constant's value (lane 0), as the kernels see it. */
export function getConstant(view: Float32Array | Int32Array, offset: number): number {
  return view[offset / 4]!;
}
