// Neuron kernels: one step of a leaky integrate-and-fire group, four neurons per SIMD vector.
// Each group has its own memory (src/kernels/neurons/layout.ts): the host writes the constants,
// each as a whole vector, and passes the addresses of the state arrays. Every float operation
// below is one IEEE float32 operation, in the order of the TypeScript reference
// (src/kernels/neurons/lifReference.ts), so both give the same bits.
import * as L from '../../neurons/layout';

const COBA: i32 = 0;
const CUBA: i32 = 1;

/**
 * e^x in each lane (src/kernels/neurons/expf32.ts). Constants are loaded from memory as whole
 * vectors: V8 then keeps them in registers, where literal vectors would be rebuilt at every use.
 */
// @ts-ignore: decorator
@inline
function exp4(x: v128): v128 {
  x = f32x4.pmin(f32x4.pmax(x, v128.load(L.L_EXP_LOW)), v128.load(L.L_EXP_HIGH));
  const y = f32x4.mul(x, v128.load(L.L_EXP_LOG2E));
  const round = v128.load(L.L_EXP_ROUND);
  const t = f32x4.add(y, round);
  const f = f32x4.sub(y, f32x4.sub(t, round));
  let p = f32x4.add(f32x4.mul(f, v128.load(L.L_EXP_C5)), v128.load(L.L_EXP_C4));
  p = f32x4.add(f32x4.mul(f, p), v128.load(L.L_EXP_C3));
  p = f32x4.add(f32x4.mul(f, p), v128.load(L.L_EXP_C2));
  p = f32x4.add(f32x4.mul(f, p), v128.load(L.L_EXP_C1));
  p = f32x4.add(f32x4.mul(f, p), v128.load(L.L_EXP_C0));
  return f32x4.mul(p, i32x4.shl(i32x4.sub(t, v128.load(L.L_EXP_BIAS)), 23));
}

/** (1 - e^-y) / y where |y| > PHI_LIMIT (`far`), else `p`: rare, so kept out of the loop. */
function phiFar(y: v128, p: v128, far: v128): v128 {
  const exact = f32x4.div(f32x4.sub(v128.load(L.L_ONE), exp4(f32x4.neg(y))), y);
  return v128.bitselect(exact, p, far);
}

/**
 * phi(y) = (1 - e^-y) / y in each lane (src/kernels/neurons/phi.ts): its Taylor polynomial of
 * degree 7 by Estrin's scheme where |y| <= PHI_LIMIT, else the exact form, chosen per lane.
 */
// @ts-ignore: decorator
@inline
function phi4(y: v128): v128 {
  const y2 = f32x4.mul(y, y);
  const y4 = f32x4.mul(y2, y2);
  const q0 = f32x4.add(v128.load(L.L_PHI_C0), f32x4.mul(v128.load(L.L_PHI_C0 + L.L_STRIDE), y));
  const q1 = f32x4.add(v128.load(L.L_PHI_C0 + 2 * L.L_STRIDE), f32x4.mul(v128.load(L.L_PHI_C0 + 3 * L.L_STRIDE), y));
  const q2 = f32x4.add(v128.load(L.L_PHI_C0 + 4 * L.L_STRIDE), f32x4.mul(v128.load(L.L_PHI_C0 + 5 * L.L_STRIDE), y));
  const q3 = f32x4.add(v128.load(L.L_PHI_C0 + 6 * L.L_STRIDE), f32x4.mul(v128.load(L.L_PHI_C0 + 7 * L.L_STRIDE), y));
  const p = f32x4.add(f32x4.add(q0, f32x4.mul(y2, q1)), f32x4.mul(y4, f32x4.add(q2, f32x4.mul(y2, q3))));
  const far = f32x4.gt(f32x4.abs(y), v128.load(L.L_PHI_LIMIT));
  return v128.any_true(far) ? phiFar(y, p, far) : p;
}

/**
 * COBA: exponential Euler for v with ge and gi replaced by their exact means over the step. With
 * g = 1 + gE + gI, drive = E + gE E_exc + gI E_inh and y = g dt / tau_m, the step
 * v' = v_inf + (v - v_inf) e^-y (v_inf = drive / g) is v' = v + (dt / tau_m) phi(y) (drive - g v).
 */
// @ts-ignore: decorator
@inline
function integrateCoba(v: v128, ge: v128, gi: v128): v128 {
  const gE = f32x4.mul(ge, v128.load(L.L_MEAN_E));
  const gI = f32x4.mul(gi, v128.load(L.L_MEAN_I));
  const total = f32x4.add(f32x4.add(v128.load(L.L_ONE), gE), gI);
  const drive = f32x4.add(
    f32x4.add(v128.load(L.L_REST), f32x4.mul(gE, v128.load(L.L_E_EXC))),
    f32x4.mul(gI, v128.load(L.L_E_INH)),
  );
  const a = v128.load(L.L_DT_OVER_TAU);
  const rate = f32x4.mul(a, phi4(f32x4.mul(total, a)));
  return f32x4.add(v, f32x4.mul(rate, f32x4.sub(drive, f32x4.mul(total, v))));
}

/** CUBA: the exact propagator of the linear system (v, ge, gi) over the step. */
// @ts-ignore: decorator
@inline
function integrateCuba(v: v128, ge: v128, gi: v128): v128 {
  const rest = v128.load(L.L_REST);
  const relaxed = f32x4.add(rest, f32x4.mul(f32x4.sub(v, rest), v128.load(L.L_PROP_M)));
  return f32x4.add(
    f32x4.add(relaxed, f32x4.mul(ge, v128.load(L.L_PROP_E))),
    f32x4.mul(gi, v128.load(L.L_PROP_I)),
  );
}

/**
 * One step of `n` neurons (`model` is a constant at each call, so each export compiles to its own
 * loop): integrate v; decay ge and gi exactly; then refractoriness, threshold and reset: neurons
 * refractory at the start of the step (ref > 0) keep their potential and count down, the others
 * take the new potential and spike if it exceeds the threshold, which resets them and starts their
 * refractory count. Spikes are written in increasing order at spikesAt; returns their number.
 */
// @ts-ignore: decorator
@inline
function step(model: i32, n: i32, vAt: usize, geAt: usize, giAt: usize, refAt: usize, spikesAt: usize): i32 {
  let count = 0;
  const zero = i32x4.splat(0);
  for (let i = 0; i < n; i += 4) {
    const at = <usize>i << 2;
    let v = v128.load(vAt + at);
    const ge = v128.load(geAt + at);
    const gi = v128.load(giAt + at);
    let ref = v128.load(refAt + at);
    const integrated = model == COBA ? integrateCoba(v, ge, gi) : integrateCuba(v, ge, gi);
    v128.store(geAt + at, f32x4.mul(ge, v128.load(L.L_DECAY_E)));
    v128.store(giAt + at, f32x4.mul(gi, v128.load(L.L_DECAY_I)));
    const free = i32x4.eq(ref, zero);
    v = v128.bitselect(integrated, v, free);
    ref = i32x4.add(ref, i32x4.gt_s(ref, zero));
    const spike = v128.and(f32x4.gt(v, v128.load(L.L_THRESHOLD)), free);
    if (v128.any_true(spike)) {
      v = v128.bitselect(v128.load(L.L_RESET), v, spike);
      ref = v128.bitselect(v128.load(L.L_REF_STEPS), ref, spike);
      const mask = i32x4.bitmask(spike);
      for (let lane = 0; lane < 4; lane++) {
        if ((mask & (1 << lane)) != 0 && i + lane < n) {
          store<u32>(spikesAt + (<usize>count << 2), <u32>(i + lane));
          count++;
        }
      }
    }
    v128.store(vAt + at, v);
    v128.store(refAt + at, ref);
  }
  return count;
}

/** One step of a conductance-based group; returns the number of spikes. */
export function stepCoba(n: i32, vAt: usize, geAt: usize, giAt: usize, refAt: usize, spikesAt: usize): i32 {
  return step(COBA, n, vAt, geAt, giAt, refAt, spikesAt);
}

/** One step of a current-based group; returns the number of spikes. */
export function stepCuba(n: i32, vAt: usize, geAt: usize, giAt: usize, refAt: usize, spikesAt: usize): i32 {
  return step(CUBA, n, vAt, geAt, giAt, refAt, spikesAt);
}
