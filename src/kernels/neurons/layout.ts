/**
 * Byte offsets of a leaky integrate-and-fire group's memory, shared by the TypeScript host and the
 * AssemblyScript neuron kernels (src/kernels/assembly/neurons imports this file too, so it holds
 * plain integer constants only). Each group has its own small, non-shared WebAssembly.Memory:
 *
 *   [0, LIF_ARRAYS)      the group's constants, written once by the host, each one stored four
 *                        times (16 bytes: the kernel loads it as a whole SIMD vector, which keeps
 *                        it in a register across the loop); f32 unless marked i32
 *   [LIF_ARRAYS, ...)    v, ge, gi (f32), refractory steps left (i32), this step's spikes (u32),
 *                        each padded to a multiple of 4 neurons (lifMemory.ts computes where)
 */

/** Bytes per constant: one 128-bit vector. */
export const L_STRIDE = 16;

export const L_THRESHOLD = 0;
export const L_RESET = 16;
/** The potential the membrane relaxes to without synaptic input: E_L + I (leak reversal plus drive). */
export const L_REST = 32;
/** i32: steps a neuron stays clamped at the reset potential after a spike. */
export const L_REF_STEPS = 48;
/** exp(-dt / tau_e), exp(-dt / tau_i): the exact decay of ge and gi over one step. */
export const L_DECAY_E = 64;
export const L_DECAY_I = 80;
/** COBA: dt / tau_m, the reversal potentials, and the means of exp(-t / tau) over a step. */
export const L_DT_OVER_TAU = 96;
export const L_E_EXC = 112;
export const L_E_INH = 128;
export const L_MEAN_E = 144;
export const L_MEAN_I = 160;
/** CUBA: the exact propagators of v, ge and gi into v over one step. */
export const L_PROP_M = 176;
export const L_PROP_E = 192;
export const L_PROP_I = 208;
/** 1.0, and the exponential's constants (expf32.ts), in the order of EXP_CONSTANTS. */
export const L_ONE = 224;
export const L_EXP_LOW = 240;
export const L_EXP_HIGH = 256;
export const L_EXP_LOG2E = 272;
export const L_EXP_ROUND = 288;
/** i32: the exponent bias minus the round constant's bits, for 2^k. */
export const L_EXP_BIAS = 304;
/** The polynomial for 2^f, coefficients of f^0 .. f^5, one vector apart (L_EXP_C0 + k * L_STRIDE). */
export const L_EXP_C0 = 320;
export const L_EXP_C1 = 336;
export const L_EXP_C2 = 352;
export const L_EXP_C3 = 368;
export const L_EXP_C4 = 384;
export const L_EXP_C5 = 400;
/**
 * COBA: the Taylor coefficients of phi(y) = (1 - e^-y) / y, y^0 .. y^7, one vector apart
 * (L_PHI_C0 + k * L_STRIDE), and the |y| beyond which phi takes its exact form (phi.ts).
 */
export const L_PHI_C0 = 416;
export const L_PHI_LIMIT = 544;

/** Where the state arrays begin (16-byte aligned, for v128 loads). */
export const LIF_ARRAYS = 560;
