/**
 * Natural logarithm and exponential built from IEEE-754 basic operations only (after fdlibm),
 * so they give the same bits in every JavaScript engine and in WebAssembly. `Math.log` and
 * `Math.exp` are not specified to the last bit and may differ between engines, so the
 * definition never uses them. Accuracy: under one ulp, like fdlibm.
 */

const view = new DataView(new ArrayBuffer(8));

function highWord(x: number): number {
  view.setFloat64(0, x, true);
  return view.getInt32(4, true);
}

function withHighWord(x: number, hi: number): number {
  view.setFloat64(0, x, true);
  view.setInt32(4, hi, true);
  return view.getFloat64(0, true);
}

const LN2_HI = 6.9314718036912381649e-1;
const LN2_LO = 1.90821492927058770002e-10;
const LG1 = 6.66666666666673513e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;

/** log(x) for a positive, finite, normal double x (the only inputs the definition needs). */
export function detLog(x: number): number {
  let hx = highWord(x);
  let k = (hx >> 20) - 1023;
  hx &= 0x000fffff;
  const i = (hx + 0x95f64) & 0x100000;
  // Normalise x or x/2 into [sqrt(2)/2, sqrt(2)).
  x = withHighWord(x, hx | (i ^ 0x3ff00000));
  k += i >> 20;
  const f = x - 1.0;
  const dk = k;
  const s = f / (2.0 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const r = t2 + t1;
  const hfsq = 0.5 * f * f;
  return dk * LN2_HI - (hfsq - (s * (hfsq + r) + dk * LN2_LO) - f);
}

const INV_LN2 = 1.442695040888963387;
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.6533902205465251539e-6;
const P5 = 4.13813679705723846039e-8;

/** exp(x) for x in [-700, 0] (the definition only needs exp of non-positive arguments). */
export function detExp(x: number): number {
  // Reduce: x = k ln2 + r with |r| <= ln2 / 2; k is a non-positive integer.
  const k = Math.trunc(INV_LN2 * x - 0.5);
  const hi = x - k * LN2_HI;
  const lo = k * LN2_LO;
  const r = hi - lo;
  const t = r * r;
  const c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  const y = 1 - (lo - (r * c) / (2.0 - c) - hi);
  // Scale by 2^k through the exponent field: exact, unlike a general power function.
  return withHighWord(y, highWord(y) + (k << 20));
}
