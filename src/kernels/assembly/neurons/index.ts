// Neuron kernels: one step of a leaky integrate-and-fire group, four neurons per SIMD vector.
// Each group has its own memory (src/kernels/neurons/layout.ts): the host writes the constants,
// each as a whole vector, and passes the addresses of the state arrays. Every float operation
// below is one IEEE float32 operation, in the order of the TypeScript reference
// (src/kernels/neurons/lifReference.ts), so both give the same bits.
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
} from '../../neurons/layout';

/**
 * e^x in each lane (src/kernels/neurons/expf32.ts). Constants are loaded from memory as whole
 * vectors: V8 then keeps them in registers, where literal vectors would be rebuilt at every use.
 */
// @ts-ignore: decorator
@inline
function exp4(x: v128): v128 {
  x = f32x4.pmin(f32x4.pmax(x, v128.load(L_EXP_LOW)), v128.load(L_EXP_HIGH));
  const y = f32x4.mul(x, v128.load(L_EXP_LOG2E));
  const t = f32x4.add(y, v128.load(L_EXP_ROUND));
  const f = f32x4.sub(y, f32x4.sub(t, v128.load(L_EXP_ROUND)));
  let p = f32x4.add(f32x4.mul(f, v128.load(L_EXP_C5)), v128.load(L_EXP_C4));
  p = f32x4.add(f32x4.mul(f, p), v128.load(L_EXP_C3));
  p = f32x4.add(f32x4.mul(f, p), v128.load(L_EXP_C2));
  p = f32x4.add(f32x4.mul(f, p), v128.load(L_EXP_C1));
  p = f32x4.add(f32x4.mul(f, p), v128.load(L_EXP_C0));
  return f32x4.mul(p, i32x4.shl(i32x4.sub(t, v128.load(L_EXP_BIAS)), 23));
}

/**
 * Refractoriness, threshold and reset of four neurons whose integrated potential is `integrated`:
 * neurons refractory at the start of the step (ref > 0) keep their potential and count down; the
 * others take the new potential and spike if it exceeds the threshold, which resets them and
 * starts their refractory count. Stores v and ref; returns the spike count after these four.
 */
// @ts-ignore: decorator
@inline
function fire(
  i: i32,
  n: i32,
  v: v128,
  integrated: v128,
  ref: v128,
  vAt: usize,
  refAt: usize,
  spikesAt: usize,
  count: i32,
): i32 {
  const zero = i32x4.splat(0);
  const free = i32x4.eq(ref, zero);
  v = v128.bitselect(integrated, v, free);
  ref = i32x4.add(ref, i32x4.gt_s(ref, zero));
  const spike = v128.and(f32x4.gt(v, v128.load(L_THRESHOLD)), free);
  if (v128.any_true(spike)) {
    v = v128.bitselect(v128.load(L_RESET), v, spike);
    ref = v128.bitselect(v128.load(L_REF_STEPS), ref, spike);
    const mask = i32x4.bitmask(spike);
    for (let lane = 0; lane < 4; lane++) {
      if ((mask & (1 << lane)) != 0 && i + lane < n) {
        store<u32>(spikesAt + (<usize>count << 2), <u32>(i + lane));
        count++;
      }
    }
  }
  const at = <usize>i << 2;
  v128.store(vAt + at, v);
  v128.store(refAt + at, ref);
  return count;
}

/**
 * One step of a conductance-based group: exponential Euler for v with ge and gi replaced by their
 * exact means over the step, then the exact decay of ge and gi. Returns the number of spikes,
 * written in increasing order at spikesAt.
 */
export function stepCoba(n: i32, vAt: usize, geAt: usize, giAt: usize, refAt: usize, spikesAt: usize): i32 {
  let count = 0;
  for (let i = 0; i < n; i += 4) {
    const at = <usize>i << 2;
    const v = v128.load(vAt + at);
    const ge = v128.load(geAt + at);
    const gi = v128.load(giAt + at);
    const ref = v128.load(refAt + at);
    const gE = f32x4.mul(ge, v128.load(L_MEAN_E));
    const gI = f32x4.mul(gi, v128.load(L_MEAN_I));
    const total = f32x4.add(f32x4.add(v128.load(L_ONE), gE), gI);
    const drive = f32x4.add(
      f32x4.add(v128.load(L_REST), f32x4.mul(gE, v128.load(L_E_EXC))),
      f32x4.mul(gI, v128.load(L_E_INH)),
    );
    const vInf = f32x4.div(drive, total);
    const decay = exp4(f32x4.mul(total, v128.load(L_NEG_DT_OVER_TAU)));
    const integrated = f32x4.add(vInf, f32x4.mul(f32x4.sub(v, vInf), decay));
    v128.store(geAt + at, f32x4.mul(ge, v128.load(L_DECAY_E)));
    v128.store(giAt + at, f32x4.mul(gi, v128.load(L_DECAY_I)));
    count = fire(i, n, v, integrated, ref, vAt, refAt, spikesAt, count);
  }
  return count;
}

/**
 * One step of a current-based group: the exact propagator of the linear system (v, ge, gi) over
 * the step. Returns the number of spikes, written in increasing order at spikesAt.
 */
export function stepCuba(n: i32, vAt: usize, geAt: usize, giAt: usize, refAt: usize, spikesAt: usize): i32 {
  let count = 0;
  for (let i = 0; i < n; i += 4) {
    const at = <usize>i << 2;
    const v = v128.load(vAt + at);
    const ge = v128.load(geAt + at);
    const gi = v128.load(giAt + at);
    const ref = v128.load(refAt + at);
    const rest = v128.load(L_REST);
    const relaxed = f32x4.add(rest, f32x4.mul(f32x4.sub(v, rest), v128.load(L_PROP_M)));
    const integrated = f32x4.add(
      f32x4.add(relaxed, f32x4.mul(ge, v128.load(L_PROP_E))),
      f32x4.mul(gi, v128.load(L_PROP_I)),
    );
    v128.store(geAt + at, f32x4.mul(ge, v128.load(L_DECAY_E)));
    v128.store(giAt + at, f32x4.mul(gi, v128.load(L_DECAY_I)));
    count = fire(i, n, v, integrated, ref, vAt, refAt, spikesAt, count);
  }
  return count;
}
