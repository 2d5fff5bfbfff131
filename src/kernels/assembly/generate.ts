// The lock-step walk: four streams (lanes) advanced together, one candidate connection per lane
// per iteration, as in src/definition/lineWalk.ts. Each iteration writes a record (RECORD): the
// four lanes' positions (i32, clamped at the lane's end: a lane is finished once its position
// reaches end) and, for drawn laws, the four weights (f32). The last record has every lane at its
// end, so a reader stops each lane at the first position >= end. `region` is the calling thread's
// region (THREAD), whose small areas the walk uses as scratch.
import {
  HANDOFF_BYTES, HANDOFF_POS, HANDOFF_S0, HANDOFF_S1, HANDOFF_S2, HANDOFF_S3, HANDOFF_W0, HANDOFF_W1, HANDOFF_W2,
  HANDOFF_W3, HANDOFF_WEIGHTS, KEYS_S0, KEYS_S1, KEYS_S2, KEYS_S3, LAW_NORMAL, LAW_SCALAR, LAW_UNIFORM,
  RECORD_BYTES, RECORD_BYTES_SCALAR, RECORD_WEIGHTS, STREAM_STRUCTURE, STREAM_WEIGHT, THREAD_GAP_FIX, THREAD_KEYS,
  THREAD_ZIG, ZIG_K_AT as ZIG_K, ZIG_STATE_ACCEPT, ZIG_STATE_HI, ZIG_STATE_LO, ZIG_STATE_W0, ZIG_STATE_W1,
  ZIG_STATE_W2, ZIG_STATE_W3, ZIG_STATE_WORD, ZIG_W_AT as ZIG_W,
} from './abi.generated';
import { estimateGaps, exactGaps, guideGaps } from './gap';
import { keyLanes, rotl4 } from './stream';
import { normalRejected } from './ziggurat';
import * as P from './params.generated';

const TWO_NEG_24: f64 = 5.9604644775390625e-8;

/**
 * Records of one lane group: `lines`, `blocks`, `ends` per lane (end 0: unused lane). Returns the
 * number of records, or -1 as soon as they would exceed `limit` (the caller then retries where
 * the worst case fits; the walk is deterministic).
 */
export function generate(lines: v128, blocks: v128, ends: v128, rec: usize, region: usize, limit: i32 = 0x7fffffff): i32 {
  const law = P.law;
  if (P.guide != 0) {
    if (law == LAW_SCALAR) return walk(LAW_SCALAR, true, lines, blocks, ends, rec, region, limit);
    if (law == LAW_NORMAL) return walk(LAW_NORMAL, true, lines, blocks, ends, rec, region, limit);
    return walk(LAW_UNIFORM, true, lines, blocks, ends, rec, region, limit);
  }
  if (law == LAW_SCALAR) return walk(LAW_SCALAR, false, lines, blocks, ends, rec, region, limit);
  if (law == LAW_NORMAL) return walk(LAW_NORMAL, false, lines, blocks, ends, rec, region, limit);
  return walk(LAW_UNIFORM, false, lines, blocks, ends, rec, region, limit);
}

/**
 * Records of one segment of a lane group: the candidates of each lane below its `to`, then one
 * record with every lane at its `to` (so a reader stops there). With src != 0 the walk resumes
 * from the handoff (HANDOFF) a previous segment left at src, else it starts at the lanes'
 * beginnings; with dst != 0 it leaves its own handoff there: per lane, the first candidate at or
 * past the segment's end, pending. Segments walked one after another give exactly the
 * candidates, and weights, of the whole walk.
 */
export function generateSegment(lines: v128, blocks: v128, to: v128, rec: usize, region: usize, src: usize, dst: usize): i32 {
  const law = P.law;
  const max = 0x7fffffff;
  if (P.guide != 0) {
    if (law == LAW_SCALAR) return walk(LAW_SCALAR, true, lines, blocks, to, rec, region, max, true, src, dst);
    if (law == LAW_NORMAL) return walk(LAW_NORMAL, true, lines, blocks, to, rec, region, max, true, src, dst);
    return walk(LAW_UNIFORM, true, lines, blocks, to, rec, region, max, true, src, dst);
  }
  if (law == LAW_SCALAR) return walk(LAW_SCALAR, false, lines, blocks, to, rec, region, max, true, src, dst);
  if (law == LAW_NORMAL) return walk(LAW_NORMAL, false, lines, blocks, to, rec, region, max, true, src, dst);
  return walk(LAW_UNIFORM, false, lines, blocks, to, rec, region, max, true, src, dst);
}

/** Writes the lanes in `lanes` (bit l: lane l) of a segment's handoff. */
function handOff(dst: usize, lanes: i32, s0: v128, s1: v128, s2: v128, s3: v128, w0: v128, w1: v128, w2: v128, w3: v128, pos: v128, weights: v128): void {
  let m = i32x4.splat(0);
  m = i32x4.replace_lane(m, 0, -(lanes & 1));
  m = i32x4.replace_lane(m, 1, -((lanes >> 1) & 1));
  m = i32x4.replace_lane(m, 2, -((lanes >> 2) & 1));
  m = i32x4.replace_lane(m, 3, -((lanes >> 3) & 1));
  v128.store(dst, v128.bitselect(s0, v128.load(dst, HANDOFF_S0), m), HANDOFF_S0);
  v128.store(dst, v128.bitselect(s1, v128.load(dst, HANDOFF_S1), m), HANDOFF_S1);
  v128.store(dst, v128.bitselect(s2, v128.load(dst, HANDOFF_S2), m), HANDOFF_S2);
  v128.store(dst, v128.bitselect(s3, v128.load(dst, HANDOFF_S3), m), HANDOFF_S3);
  v128.store(dst, v128.bitselect(w0, v128.load(dst, HANDOFF_W0), m), HANDOFF_W0);
  v128.store(dst, v128.bitselect(w1, v128.load(dst, HANDOFF_W1), m), HANDOFF_W1);
  v128.store(dst, v128.bitselect(w2, v128.load(dst, HANDOFF_W2), m), HANDOFF_W2);
  v128.store(dst, v128.bitselect(w3, v128.load(dst, HANDOFF_W3), m), HANDOFF_W3);
  v128.store(dst, v128.bitselect(pos, v128.load(dst, HANDOFF_POS), m), HANDOFF_POS);
  v128.store(dst, v128.bitselect(weights, v128.load(dst, HANDOFF_WEIGHTS), m), HANDOFF_WEIGHTS);
}

/** Gaps of four structure words: by the guide table or by the log estimate, exact either way. */
// @ts-ignore: decorator
@inline function gapsOf(guided: bool, u: v128, guideV: v128, inv: v128, lenF: v128, tableV: v128, table: usize, len: i32, fix: usize): v128 {
  if (guided) return guideGaps(u, guideV, table, len, fix);
  return exactGaps(u, estimateGaps(u, inv, lenF), tableV, table, len, fix);
}

/** Bytes per record for the current law. */
export function recordStride(): usize {
  return P.law == LAW_SCALAR ? RECORD_BYTES_SCALAR : RECORD_BYTES;
}

/** Connections per lane (no records): the counts are stored as an i32x4 at dst. */
export function countLanes(lines: v128, blocks: v128, ends: v128, dst: usize, region: usize): void {
  if (P.guide != 0) count(true, lines, blocks, ends, dst, region);
  else count(false, lines, blocks, ends, dst, region);
}

// @ts-ignore: decorator
@inline function count(guided: bool, lines: v128, blocks: v128, ends: v128, dst: usize, region: usize): void {
  const keys = region + THREAD_KEYS;
  const fix = region + THREAD_GAP_FIX;
  keyLanes(keys, P.seedLo, P.seedHi, lines, blocks, STREAM_STRUCTURE);
  let s0 = v128.load(keys, KEYS_S0);
  let s1 = v128.load(keys, KEYS_S1);
  let s2 = v128.load(keys, KEYS_S2);
  let s3 = v128.load(keys, KEYS_S3);
  const table = P.table;
  const len = P.tableLen;
  const inv = f32x4.splat(P.invLog2q);
  const lenF = f32x4.splat(<f32>len);
  const tableV = i32x4.splat(<i32>table);
  const guideV = i32x4.splat(<i32>P.guide);
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
    const gaps = gapsOf(guided, u, guideV, inv, lenF, tableV, table, len, fix);
    pos = i32x4.min_s(i32x4.add(i32x4.add(pos, gaps), oneV), ends);
    const live = i32x4.lt_s(pos, ends);
    count = i32x4.sub(count, live);
    if (!v128.any_true(live)) break;
  } while (true);
  v128.store(dst, count);
}

// @ts-ignore: decorator
@inline function walk(
  law: i32, guided: bool, lines: v128, blocks: v128, ends: v128, rec: usize, region: usize, limit: i32,
  seg: bool = false, src: usize = 0, dst: usize = 0,
): i32 {
  const stride: usize = law == LAW_SCALAR ? RECORD_BYTES_SCALAR : RECORD_BYTES;
  const keys = region + THREAD_KEYS;
  const fix = region + THREAD_GAP_FIX;
  let pos = i32x4.splat(-1);
  let r = rec;
  let mask = 15; // lanes still below their end (bit l: lane l)
  let s0: v128, s1: v128, s2: v128, s3: v128;
  if (seg && src != 0) {
    // Resume where the previous segment's thread stopped (see generateSegment): its pending
    // candidate is this segment's first record. Lanes already past `to` hand it on unchanged.
    if (dst != 0) {
      for (let i: usize = 0; i < HANDOFF_BYTES; i += 16) v128.store(dst + i, v128.load(src + i));
    }
    s0 = v128.load(src, HANDOFF_S0);
    s1 = v128.load(src, HANDOFF_S1);
    s2 = v128.load(src, HANDOFF_S2);
    s3 = v128.load(src, HANDOFF_S3);
    pos = v128.load(src, HANDOFF_POS);
    mask = i32x4.bitmask(i32x4.lt_s(pos, ends));
    v128.store(r, i32x4.min_s(pos, ends));
    if (law != LAW_SCALAR) v128.store(r, v128.load(src, HANDOFF_WEIGHTS), RECORD_WEIGHTS);
    r += stride;
    if (mask == 0) return 1;
  } else {
    keyLanes(keys, P.seedLo, P.seedHi, lines, blocks, STREAM_STRUCTURE);
    s0 = v128.load(keys, KEYS_S0);
    s1 = v128.load(keys, KEYS_S1);
    s2 = v128.load(keys, KEYS_S2);
    s3 = v128.load(keys, KEYS_S3);
  }
  let w0 = i32x4.splat(0);
  let w1 = w0;
  let w2 = w0;
  let w3 = w0;
  if (seg && src != 0 && law != LAW_SCALAR) {
    w0 = v128.load(src, HANDOFF_W0);
    w1 = v128.load(src, HANDOFF_W1);
    w2 = v128.load(src, HANDOFF_W2);
    w3 = v128.load(src, HANDOFF_W3);
  } else if (law != LAW_SCALAR) {
    keyLanes(keys, P.seedLo, P.seedHi, lines, blocks, STREAM_WEIGHT);
    w0 = v128.load(keys, KEYS_S0);
    w1 = v128.load(keys, KEYS_S1);
    w2 = v128.load(keys, KEYS_S2);
    w3 = v128.load(keys, KEYS_S3);
  }
  const table = P.table;
  const len = P.tableLen;
  const inv = f32x4.splat(P.invLog2q);
  const lenF = f32x4.splat(<f32>len);
  const tableV = i32x4.splat(<i32>table);
  const guideV = i32x4.splat(<i32>P.guide);
  const oneV = i32x4.splat(1);
  const a = f64x2.splat(P.lawA);
  const b = f64x2.splat(P.lawB);

  let left = limit;
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
    const gaps = gapsOf(guided, u, guideV, inv, lenF, tableV, table, len, fix);
    if (seg) {
      pos = i32x4.add(i32x4.add(pos, gaps), oneV);
      v128.store(r, i32x4.min_s(pos, ends));
    } else {
      pos = i32x4.min_s(i32x4.add(i32x4.add(pos, gaps), oneV), ends);
      v128.store(r, pos);
    }
    let weights = oneV;
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
        const layer = v128.and(word, i32x4.splat(127));
        const layer8 = i32x4.shl(layer, 3);
        const m = i32x4.shr_u(word, 8);
        const l0 = <usize>i32x4.extract_lane(layer8, 0);
        const l1 = <usize>i32x4.extract_lane(layer8, 1);
        const l2 = <usize>i32x4.extract_lane(layer8, 2);
        const l3 = <usize>i32x4.extract_lane(layer8, 3);
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
        const xLo = f64x2.mul(f64x2.convert_low_i32x4_s(m), wLo);
        const xHi = f64x2.mul(f64x2.convert_low_i32x4_s(mHi), wHi);
        lo = v128.xor(xLo, v128.and(i64x2.extend_low_i32x4_s(negative), signBit));
        hi = v128.xor(xHi, v128.and(i64x2.extend_high_i32x4_s(negative), signBit));
        const accept = i32x4.lt_s(m, kv);
        if (i32x4.bitmask(accept) != 15) {
          // About one lane in 80 misses the rectangle: finish those draws out of line.
          const st = region + THREAD_ZIG;
          v128.store(st, w0, ZIG_STATE_W0);
          v128.store(st, w1, ZIG_STATE_W1);
          v128.store(st, w2, ZIG_STATE_W2);
          v128.store(st, w3, ZIG_STATE_W3);
          v128.store(st, lo, ZIG_STATE_LO);
          v128.store(st, hi, ZIG_STATE_HI);
          v128.store(st, word, ZIG_STATE_WORD);
          v128.store(st, accept, ZIG_STATE_ACCEPT);
          normalRejected(st);
          w0 = v128.load(st, ZIG_STATE_W0);
          w1 = v128.load(st, ZIG_STATE_W1);
          w2 = v128.load(st, ZIG_STATE_W2);
          w3 = v128.load(st, ZIG_STATE_W3);
          lo = v128.load(st, ZIG_STATE_LO);
          hi = v128.load(st, ZIG_STATE_HI);
        }
      }
      lo = f64x2.add(a, f64x2.mul(b, lo));
      hi = f64x2.add(a, f64x2.mul(b, hi));
      weights = v128.shuffle<i32>(f32x4.demote_f64x2_zero(lo), f32x4.demote_f64x2_zero(hi), 0, 1, 4, 5);
      v128.store(r, weights, RECORD_WEIGHTS);
    }
    r += stride;
    if (seg) {
      // Rare (once per lane): keep the crossing lanes' states, after this candidate, and the
      // candidate itself for the next segment. The walk goes on for the other lanes.
      const m = i32x4.bitmask(i32x4.lt_s(pos, ends));
      if (m != mask) {
        if (dst != 0) handOff(dst, mask & ~m, s0, s1, s2, s3, w0, w1, w2, w3, pos, weights);
        if (m == 0) break;
        mask = m;
      }
    } else {
      if (!v128.any_true(i32x4.lt_s(pos, ends))) break;
      if (--left == 0) return -1;
    }
  } while (true);
  return <i32>((r - rec) / stride);
}
