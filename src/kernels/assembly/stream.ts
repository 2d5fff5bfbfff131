// Stream keys (src/definition/streamKey.ts) for four lanes at once. The generator step itself is written
// out inside the lock-step loops (generate.ts), where its state lives in locals.
import { KEYS_S0, KEYS_S1, KEYS_S2, KEYS_S3 } from './abi.generated';

const K0: i32 = 0x61707865;
const K1: i32 = 0x3320646e;
const K2: i32 = 0x79622d32;
const K3: i32 = 0x6b206574;
export const ROUND_CONSTANT: i32 = <i32>0x9e3779b9;

// @ts-ignore: decorator
@inline export function rotl4(x: v128, r: i32): v128 {
  return v128.or(i32x4.shl(x, r), i32x4.shr_u(x, 32 - r));
}

/** Writes the xoshiro128++ states of four streams (lanes of lines/blocks) at dst (KEYS). */
export function keyLanes(dst: usize, lo: i32, hi: i32, lines: v128, blocks: v128, kind: i32): void {
  let a = i32x4.splat(lo ^ K0);
  let b = i32x4.splat(hi ^ K1);
  let c = v128.xor(lines, i32x4.splat(K2));
  let d = v128.xor(v128.or(blocks, i32x4.splat(kind << 16)), i32x4.splat(K3));
  for (let round = 1; round <= 8; round++) {
    a = i32x4.add(a, i32x4.splat(round * ROUND_CONSTANT));
    a = i32x4.add(a, b);
    d = rotl4(v128.xor(d, a), 16);
    c = i32x4.add(c, d);
    b = rotl4(v128.xor(b, c), 12);
    a = i32x4.add(a, b);
    d = rotl4(v128.xor(d, a), 8);
    c = i32x4.add(c, d);
    b = rotl4(v128.xor(b, c), 7);
  }
  // xoshiro's forbidden all-zero state gets the fixed replacement of the definition.
  const zero = i32x4.eq(v128.or(v128.or(a, b), v128.or(c, d)), i32x4.splat(0));
  a = v128.bitselect(i32x4.splat(ROUND_CONSTANT), a, zero);
  v128.store(dst, a, KEYS_S0);
  v128.store(dst, b, KEYS_S1);
  v128.store(dst, c, KEYS_S2);
  v128.store(dst, d, KEYS_S3);
}
