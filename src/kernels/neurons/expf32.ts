/**
 * The float32 exponential of the neuron kernels: constants shared by the host (which writes them
 * into each group's memory for the AssemblyScript kernel) and the TypeScript reference
 * (lifReference.ts). Every step is one IEEE float32 operation in a fixed order, so WebAssembly SIMD
 * and JavaScript (Math.fround after each operation) give the same bits:
 *
 *   x = min(max(x, -87), 87)              (so 2^k below stays a normal float32)
 *   y = x * log2(e)
 *   t = y + 1.5 * 2^23                    (float32 rounding: t - 1.5 * 2^23 is y rounded to an integer k)
 *   k = t - 1.5 * 2^23;  f = y - k        (f in [-1/2, 1/2])
 *   p = C0 + f (C1 + f (C2 + f (C3 + f (C4 + f C5))))    (2^f, minimax relative error 7.5e-8)
 *   e^x = p * 2^k                         (2^k from k's bits in t: (bits(t) - BIAS) << 23)
 *
 * Relative error about 2e-7 for |x| <= 1, growing to about 3e-6 at |x| = 87 (y's rounding).
 */
export const EXP_LOW = -87;
export const EXP_HIGH = 87;
export const EXP_LOG2E = 1.4426950408889634;
/** 1.5 * 2^23: adding it rounds a float32 of magnitude below 2^22 to an integer. */
export const EXP_ROUND = 12582912;
/** bits(EXP_ROUND) - 127: subtracted from bits(t) leaves k + 127, the biased exponent of 2^k. */
export const EXP_BIAS = 0x4b400000 - 127;
/** C0 .. C5: minimax (relative error) for 2^f on [-1/2, 1/2], found by the Remez exchange. */
export const EXP_POLYNOMIAL: readonly number[] = [
  1.0000000716546416, 0.6931469670652649, 0.2402211972396918, 0.05550713272875391, 0.009675541331021392,
  0.0013276472167819944,
];
