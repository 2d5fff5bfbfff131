// detLog / detExp of src/definition/weights/detmath.ts, operation for operation, so the rare ziggurat
// paths give the same bits as the reference.

// @ts-ignore: decorator
@inline function highWord(x: f64): i32 {
  return <i32>(reinterpret<u64>(x) >> 32);
}

// @ts-ignore: decorator
@inline function withHighWord(x: f64, hi: i32): f64 {
  return reinterpret<f64>((reinterpret<u64>(x) & 0xffffffff) | (<u64>(<u32>hi) << 32));
}

const LN2_HI: f64 = 6.93147180369123816490e-1;
const LN2_LO: f64 = 1.90821492927058770002e-10;
const LG1: f64 = 6.666666666666735130e-1;
const LG2: f64 = 3.999999999940941908e-1;
const LG3: f64 = 2.857142874366239149e-1;
const LG4: f64 = 2.222219843214978396e-1;
const LG5: f64 = 1.818357216161805012e-1;
const LG6: f64 = 1.531383769920937332e-1;
const LG7: f64 = 1.479819860511658591e-1;

export function detLog(x: f64): f64 {
  let hx = highWord(x);
  let k = (hx >> 20) - 1023;
  hx &= 0x000fffff;
  const i = (hx + 0x95f64) & 0x100000;
  x = withHighWord(x, hx | (i ^ 0x3ff00000));
  k += i >> 20;
  const f = x - 1.0;
  const dk = <f64>k;
  const s = f / (2.0 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const r = t2 + t1;
  const hfsq = 0.5 * f * f;
  return dk * LN2_HI - (hfsq - (s * (hfsq + r) + dk * LN2_LO) - f);
}

const INV_LN2: f64 = 1.44269504088896338700e0;
const P1: f64 = 1.66666666666666019037e-1;
const P2: f64 = -2.77777777770155933842e-3;
const P3: f64 = 6.61375632143793436117e-5;
const P4: f64 = -1.65339022054652515390e-6;
const P5: f64 = 4.13813679705723846039e-8;

export function detExp(x: f64): f64 {
  const k = trunc<f64>(INV_LN2 * x - 0.5);
  const hi = x - k * LN2_HI;
  const lo = k * LN2_LO;
  const r = hi - lo;
  const t = r * r;
  const c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  const y = 1 - (lo - (r * c) / (2.0 - c) - hi);
  return withHighWord(y, highWord(y) + (<i32>k << 20));
}

/** detExp of two f64 lanes, operation for operation (the ziggurat's wedge test, four lanes at once). */
// @ts-ignore: decorator
@inline export function detExp2(x: v128): v128 {
  const k = f64x2.trunc(f64x2.sub(f64x2.mul(f64x2.splat(INV_LN2), x), f64x2.splat(0.5)));
  const hi = f64x2.sub(x, f64x2.mul(k, f64x2.splat(LN2_HI)));
  const lo = f64x2.mul(k, f64x2.splat(LN2_LO));
  const r = f64x2.sub(hi, lo);
  const t = f64x2.mul(r, r);
  let p = f64x2.add(f64x2.splat(P4), f64x2.mul(t, f64x2.splat(P5)));
  p = f64x2.add(f64x2.splat(P3), f64x2.mul(t, p));
  p = f64x2.add(f64x2.splat(P2), f64x2.mul(t, p));
  p = f64x2.add(f64x2.splat(P1), f64x2.mul(t, p));
  const c = f64x2.sub(r, f64x2.mul(t, p));
  const q = f64x2.div(f64x2.mul(r, c), f64x2.sub(f64x2.splat(2.0), c));
  const y = f64x2.sub(f64x2.splat(1.0), f64x2.sub(f64x2.sub(lo, q), hi));
  // Scale by 2^k through the exponent field (k is an integer in [-1010, 0]).
  const scale = i64x2.shl(i64x2.extend_low_i32x4_s(i32x4.trunc_sat_f64x2_s_zero(k)), 52);
  return i64x2.add(y, scale);
}
