/**
 * xoshiro128++ (Blackman & Vigna 2019): the generator behind every stream.
 * 32-bit operations only, so JavaScript, WebAssembly and WGSL produce the same words.
 */
export class Xoshiro128pp {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(state: readonly [number, number, number, number]) {
    [this.s0, this.s1, this.s2, this.s3] = state.map((w) => w | 0) as [number, number, number, number];
  }

  /** The next unsigned 32-bit word. */
  next(): number {
    const s0 = this.s0;
    const s3 = this.s3;
    const sum = (s0 + s3) | 0;
    const result = (((sum << 7) | (sum >>> 25)) + s0) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = (this.s3 << 11) | (this.s3 >>> 21);
    return result;
  }
}
