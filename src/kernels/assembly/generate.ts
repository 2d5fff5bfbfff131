// The lock-step walk: four streams (lanes) advanced together, one candidate connection per lane
// per iteration, as in src/spec/lineWalk.ts. Each iteration writes a record: the four lanes'
// positions (i32, clamped at the lane's end: a lane is finished once its position reaches end)
// and, for drawn laws, the four weights (f32). The last record has every lane at its end, so a
// reader stops each lane at the first position >= end.
import { LAW_NORMAL, LAW_SCALAR, LAW_UNIFORM, STREAM_STRUCTURE_KIND, STREAM_WEIGHT_KIND } from './constants';
import { ZIG_K as ZK, ZIG_W as ZW } from '../wasm/layout';

const ZIG_K: usize = ZK;
const ZIG_W: usize = ZW;
import { estimateGaps, fixGaps } from './gap';
import { keyLanes, rotl4 } from './stream';
import { normalSlow } from './ziggurat';
import * as P from './params';

const TWO_NEG_24: f64 = 5.9604644775390625e-8;

/** Records of one lane group: `lines`, `blocks`, `ends` per lane (end 0: unused lane). */
export function generate(lines: v128, blocks: v128, ends: v128, rec: usize, scratch: usize): i32 {
  const law = P.law;
  if (law == LAW_SCALAR) return walk(LAW_SCALAR, lines, blocks, ends, rec, scratch);
  if (law == LAW_NORMAL) return walk(LAW_NORMAL, lines, blocks, ends, rec, scratch);
  return walk(LAW_UNIFORM, lines, blocks, ends, rec, scratch);
}

/** Bytes per record for the current law. */
export function recordStride(): usize {
  return P.law == LAW_SCALAR ? 16 : 32;
}

/** Connections per lane (no records): the counts are stored as an i32x4 at dst. */
export function countLanes(lines: v128, blocks: v128, ends: v128, dst: usize, scratch: usize): void {
  keyLanes(scratch, P.seedLo, P.seedHi, lines, blocks, STREAM_STRUCTURE_KIND);
  let s0 = v128.load(scratch);
  let s1 = v128.load(scratch, 16);
  let s2 = v128.load(scratch, 32);
  let s3 = v128.load(scratch, 48);
  const table = P.table;
  const len = P.tableLen;
  const inv = f32x4.splat(P.invLog2q);
  const lenF = f32x4.splat(<f32>len);
  const tableV = i32x4.splat(<i32>table);
  const oneV = i32x4.splat(1);
  let pos = i32x4.splat(-1);
  let count = i32x4.splat(0);
  do {
    const sum = i32x4.add(s0, s3);
    const u = i32x4.add(rotl4(sum, 7), s0);
    const t = i32x4.shl(s1, 9);
    s2 = v128.xor(s2, s0);
    s3 = v128.xor(s3, s1);
    s1 = v128.xor(s1, s2);
    s0 = v128.xor(s0, s3);
    s2 = v128.xor(s2, t);
    s3 = rotl4(s3, 11);
    const gaps = exactGaps(u, estimateGaps(u, inv, lenF), tableV, table, len, scratch);
    pos = i32x4.min_s(i32x4.add(i32x4.add(pos, gaps), oneV), ends);
    const live = i32x4.lt_s(pos, ends);
    count = i32x4.sub(count, live);
    if (!v128.any_true(live)) break;
  } while (true);
  v128.store(dst, count);
}

/** Checks the estimates e against the table and returns the exact gaps of u. */
// @ts-ignore: decorator
@inline function exactGaps(u: v128, e: v128, tableV: v128, table: usize, len: i32, scratch: usize): v128 {
  const at = i32x4.add(i32x4.shl(e, 2), tableV);
  const r0 = v128.load(<usize>i32x4.extract_lane(at, 0));
  const r1 = v128.load(<usize>i32x4.extract_lane(at, 1));
  const r2 = v128.load(<usize>i32x4.extract_lane(at, 2));
  const r3 = v128.load(<usize>i32x4.extract_lane(at, 3));
  const t0 = v128.shuffle<i32>(r0, r1, 0, 4, 1, 5);
  const t1 = v128.shuffle<i32>(r2, r3, 0, 4, 1, 5);
  const t2 = v128.shuffle<i32>(r0, r1, 2, 6, 3, 7);
  const t3 = v128.shuffle<i32>(r2, r3, 2, 6, 3, 7);
  const a = v128.shuffle<i32>(t0, t1, 0, 1, 4, 5); // P[e]
  const b = v128.shuffle<i32>(t0, t1, 2, 3, 6, 7); // P[e+1]
  const c = v128.shuffle<i32>(t2, t3, 0, 1, 4, 5); // P[e+2]
  const up = i32x4.ge_u(b, u); // G >= e + 1
  // Exact when: up and G < e + 2 (P[e+2] < u), or not up and G >= e (P[e] >= u).
  const good = v128.bitselect(v128.not(i32x4.ge_u(c, u)), i32x4.ge_u(a, u), up);
  const gaps = i32x4.sub(e, up);
  if (i32x4.all_true(good)) return gaps;
  return fixGaps(scratch, table, len, u, gaps, good);
}

// @ts-ignore: decorator
@inline function walk(law: i32, lines: v128, blocks: v128, ends: v128, rec: usize, scratch: usize): i32 {
  keyLanes(scratch, P.seedLo, P.seedHi, lines, blocks, STREAM_STRUCTURE_KIND);
  let s0 = v128.load(scratch);
  let s1 = v128.load(scratch, 16);
  let s2 = v128.load(scratch, 32);
  let s3 = v128.load(scratch, 48);
  let w0 = i32x4.splat(0);
  let w1 = w0;
  let w2 = w0;
  let w3 = w0;
  if (law != LAW_SCALAR) {
    keyLanes(scratch, P.seedLo, P.seedHi, lines, blocks, STREAM_WEIGHT_KIND);
    w0 = v128.load(scratch);
    w1 = v128.load(scratch, 16);
    w2 = v128.load(scratch, 32);
    w3 = v128.load(scratch, 48);
  }
  const stride: usize = law == LAW_SCALAR ? 16 : 32;
  const table = P.table;
  const len = P.tableLen;
  const inv = f32x4.splat(P.invLog2q);
  const lenF = f32x4.splat(<f32>len);
  const tableV = i32x4.splat(<i32>table);
  const oneV = i32x4.splat(1);
  const a = f64x2.splat(P.lawA);
  const b = f64x2.splat(P.lawB);
  let pos = i32x4.splat(-1);
  let r = rec;
  do {
    const sum = i32x4.add(s0, s3);
    const u = i32x4.add(rotl4(sum, 7), s0);
    const t = i32x4.shl(s1, 9);
    s2 = v128.xor(s2, s0);
    s3 = v128.xor(s3, s1);
    s1 = v128.xor(s1, s2);
    s0 = v128.xor(s0, s3);
    s2 = v128.xor(s2, t);
    s3 = rotl4(s3, 11);
    const gaps = exactGaps(u, estimateGaps(u, inv, lenF), tableV, table, len, scratch);
    pos = i32x4.min_s(i32x4.add(i32x4.add(pos, gaps), oneV), ends);
    v128.store(r, pos);
    if (law != LAW_SCALAR) {
      // One weight draw per lane per iteration: a lane's i-th draw belongs to its i-th connection.
      const wsum = i32x4.add(w0, w3);
      const word = i32x4.add(rotl4(wsum, 7), w0);
      const wt = i32x4.shl(w1, 9);
      w2 = v128.xor(w2, w0);
      w3 = v128.xor(w3, w1);
      w1 = v128.xor(w1, w2);
      w0 = v128.xor(w0, w3);
      w2 = v128.xor(w2, wt);
      w3 = rotl4(w3, 11);
      let lo: v128;
      let hi: v128;
      if (law == LAW_UNIFORM) {
        // offset + span * ((word >>> 8) * 2^-24), in f64, rounded once to f32
        const m = i32x4.shr_u(word, 8);
        const mHi = v128.shuffle<i32>(m, m, 2, 3, 2, 3);
        const scale = f64x2.splat(TWO_NEG_24);
        lo = f64x2.mul(f64x2.convert_low_i32x4_s(m), scale);
        hi = f64x2.mul(f64x2.convert_low_i32x4_s(mHi), scale);
      } else {
        // Ziggurat rectangle: layer (bits 0-6), sign (bit 7), magnitude (bits 8-31).
        const layer = i32x4.shl(v128.and(word, i32x4.splat(127)), 3);
        const m = i32x4.shr_u(word, 8);
        const l0 = <usize>i32x4.extract_lane(layer, 0);
        const l1 = <usize>i32x4.extract_lane(layer, 1);
        const l2 = <usize>i32x4.extract_lane(layer, 2);
        const l3 = <usize>i32x4.extract_lane(layer, 3);
        let kv = v128.load32_zero(ZIG_K + (l0 >> 1));
        kv = v128.load32_lane(ZIG_K + (l1 >> 1), kv, 1);
        kv = v128.load32_lane(ZIG_K + (l2 >> 1), kv, 2);
        kv = v128.load32_lane(ZIG_K + (l3 >> 1), kv, 3);
        let wLo = v128.load64_zero(ZIG_W + l0);
        wLo = v128.load64_lane(ZIG_W + l1, wLo, 1);
        let wHi = v128.load64_zero(ZIG_W + l2);
        wHi = v128.load64_lane(ZIG_W + l3, wHi, 1);
        const mHi = v128.shuffle<i32>(m, m, 2, 3, 2, 3);
        const negative = i32x4.shr_s(i32x4.shl(word, 24), 31);
        const signBit = f64x2.splat(-0.0);
        lo = f64x2.mul(f64x2.convert_low_i32x4_s(m), wLo);
        hi = f64x2.mul(f64x2.convert_low_i32x4_s(mHi), wHi);
        lo = v128.xor(lo, v128.and(i64x2.extend_low_i32x4_s(negative), signBit));
        hi = v128.xor(hi, v128.and(i64x2.extend_high_i32x4_s(negative), signBit));
        const accept = i32x4.lt_s(m, kv);
        if (!i32x4.all_true(accept)) {
          // Rare: finish the rejected lanes' draws one by one, then reload the lanes' states.
          const st = scratch + 64;
          v128.store(st, w0);
          v128.store(st, w1, 16);
          v128.store(st, w2, 32);
          v128.store(st, w3, 48);
          v128.store(scratch, lo, 128);
          v128.store(scratch, hi, 144);
          v128.store(scratch, accept, 160);
          v128.store(scratch, word, 176);
          for (let lane = 0; lane < 4; lane++) {
            const o = <usize>lane;
            if (load<i32>(scratch + 160 + (o << 2)) == 0) {
              store<f64>(scratch + 128 + (o << 3), normalSlow(load<u32>(scratch + 176 + (o << 2)), st, lane));
            }
          }
          w0 = v128.load(st);
          w1 = v128.load(st, 16);
          w2 = v128.load(st, 32);
          w3 = v128.load(st, 48);
          lo = v128.load(scratch, 128);
          hi = v128.load(scratch, 144);
        }
      }
      lo = f64x2.add(a, f64x2.mul(b, lo));
      hi = f64x2.add(a, f64x2.mul(b, hi));
      const weights = v128.shuffle<i32>(f32x4.demote_f64x2_zero(lo), f32x4.demote_f64x2_zero(hi), 0, 1, 4, 5);
      v128.store(r, weights, 16);
    }
    r += stride;
    if (!v128.any_true(i32x4.lt_s(pos, ends))) break;
  } while (true);
  return <i32>((r - rec) / stride);
}
