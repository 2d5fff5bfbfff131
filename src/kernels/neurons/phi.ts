/**
 * phi(y) = (1 - e^-y) / y, the factor of the COBA step (lifReference.ts, docs/networks.md): with
 * y = g dt / tau_m, exponential Euler's v' = v_inf + (v - v_inf) e^-y is exactly
 * v' = v + (dt / tau_m) phi(y) (drive - g v), which needs neither the exponential nor a division.
 *
 * For |y| <= PHI_LIMIT (a total conductance up to 100 times the leak's at dt = 0.1 ms and
 * tau_m = 20 ms; the 4000-neuron COBA network stays below 0.56) phi is its Taylor polynomial of
 * degree 7, evaluated in float32 by Estrin's scheme (short dependency chains):
 *
 *   p = ((c0 + c1 y) + y^2 (c2 + c3 y)) + y^4 ((c4 + c5 y) + y^2 (c6 + c7 y))
 *
 * whose truncation error is at most 0.5^8 / 9! = 1.1e-8 relative, under a fifth of a float32 ulp.
 * Beyond it, (1 - e^-y) / y with the float32 exponential (expf32.ts). The SIMD kernel and the
 * TypeScript reference choose the same way for each neuron.
 */
export const PHI_LIMIT = 0.5;

/** (-1)^k / (k + 1)!, k = 0 .. 7. */
export const PHI_POLYNOMIAL: readonly number[] = Array.from({ length: 8 }, (_, k) => {
  let factorial = 1;
  for (let j = 2; j <= k + 1; j++) factorial *= j;
  return (k % 2 === 0 ? 1 : -1) / factorial;
});
