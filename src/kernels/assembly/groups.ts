// Groups of a scatter product: four (active line, block) items walked in lock-step (generate.ts),
// first all full blocks, line-major, then the last partial block of every line, so the lanes of
// a group have equal lengths. For one block, groups visit lines in increasing order, and a group's
// lanes are applied in lane order: every output element sees its lines in increasing order, as
// src/spec/referenceProducts.ts requires.
//
// Each of the job's threads owns a share of every block of the output (threads split each block
// evenly), applies every group to its share only, and zeroes and reduces only its share.
import { BLOCK_BITS, BLOCK_SIZE, LAW_SCALAR } from './constants';
import { T_SCRATCH } from '../wasm/layout';
import { generate, recordStride } from './generate';
import * as P from './params';

const LANES_AT: usize = 1024; // lane descriptors in the thread scratch: index, line, block, end

// This thread's view of the job (set by beginScatter).
export let scratch: usize = 0;
let lanes: usize = 0;
// This thread's share of every block: positions [len * part / parts, len * (part + 1) / parts)
// of each block of length len. Splitting every block (rather than the line) keeps the threads'
// work even all along the job, whatever order the blocks come in.
export let part: u32 = 0;
export let parts: u32 = 1;
export let stride: usize = 16;
let constWeight: f32 = 0;

/** Groups of chunk c. */
export function chunkGroups(c: i32): i32 {
  const n = <u64>(load<u32>(P.chunkStarts + (<usize>(c + 1) << 2)) - load<u32>(P.chunkStarts + (<usize>c << 2)));
  const full = <u64>(P.lineLength >>> BLOCK_BITS);
  const part = P.lineLength & (BLOCK_SIZE - 1);
  return <i32>((n * full + 3) / 4 + (part != 0 ? (n + 3) / 4 : 0));
}

/** Writes the lane descriptors of group j of chunk c (indices, lines, blocks, ends). */
export function describeGroup(c: i32, j: i32): void {
  const s = load<u32>(P.chunkStarts + (<usize>c << 2));
  const n = <u64>(load<u32>(P.chunkStarts + (<usize>(c + 1) << 2)) - s);
  const full = <u64>(P.lineLength >>> BLOCK_BITS);
  const part = P.lineLength & (BLOCK_SIZE - 1);
  const fullItems = n * full;
  const fullGroups = (fullItems + 3) / 4;
  let item: u64;
  let last: u64;
  let index: u32;
  let block: u32;
  let blocks: u32; // blocks per line in this phase (1 for the partial blocks)
  let end: u32;
  if (<u64>j < fullGroups) {
    item = <u64>j * 4;
    last = fullItems;
    const q = item / full; // one division per group: the lanes then step through the items
    index = s + <u32>q;
    block = <u32>(item - q * full);
    blocks = <u32>full;
    end = BLOCK_SIZE;
  } else {
    item = (<u64>j - fullGroups) * 4;
    last = n;
    index = s + <u32>item;
    block = <u32>full;
    blocks = 0;
    end = part;
  }
  for (let l = 0; l < 4; l++) {
    const d = lanes + (<usize>l << 2);
    const valid = item < last;
    store<u32>(d, valid ? index : s);
    store<u32>(d, valid ? load<u32>(P.active + (<usize>index << 2)) : 0, 16);
    store<u32>(d, valid ? block : 0, 32);
    store<u32>(d, valid ? end : 0, 48);
    item++;
    if (blocks == 0) {
      index++;
    } else if (++block == blocks) {
      block = 0;
      index++;
    }
  }
}

/** Largest lane end of the described group. */
export function maxEnd(): i32 {
  const e = v128.load(lanes, 48);
  return max(max(i32x4.extract_lane(e, 0), i32x4.extract_lane(e, 1)), max(i32x4.extract_lane(e, 2), i32x4.extract_lane(e, 3)));
}

export function generateDescribed(rec: usize, limit: i32 = 0x7fffffff): i32 {
  return generate(v128.load(lanes, 16), v128.load(lanes, 32), v128.load(lanes, 48), rec, scratch, limit);
}

/** First record index whose position in lane (at r, step stride) is >= from; iters records. */
function firstAtOrAfter(r: usize, iters: i32, from: i32): i32 {
  let lo = 0;
  let hi = iters - 1; // the last record is at the lane's end, which is >= from
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (load<i32>(r + <usize>mid * stride) < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Where each thread's share starts in each lane: header[t * 4 + l] (u32) is the first record of
 * lane l at or after thread t's share. The generating thread writes it while the records are
 * still in its cache, so the others need not search them.
 */
export function writeHeader(header: usize, rec: usize, iters: i32): void {
  for (let t: u32 = 0; t < parts; t++) {
    for (let l = 0; l < 4; l++) {
      const end = load<u32>(lanes + (<usize>l << 2), 48);
      const from = <i32>((end * t) / parts);
      const first = from > 0 && end != 0 ? firstAtOrAfter(rec + (<usize>l << 2), iters, from) : 0;
      store<u32>(header + (<usize>(t * 4 + <u32>l) << 2), <u32>first);
    }
  }
}

/**
 * Bytes of a group's header, before its records (none on one thread). Groups start on 128-byte
 * boundaries: a thread writing a new group never touches the cache lines (or line pairs, which
 * the hardware fetches together) that another thread is still reading.
 */
export function headerBytes(): usize {
  return parts == 1 ? 0 : alignUp((<usize>parts << 4), 128);
}

export function alignUp(n: usize, to: usize): usize {
  return (n + to - 1) & ~(to - 1);
}

let sink: i32 = 0;

/**
 * Reads one word of every cache line of this thread's share of a group's records, all at once,
 * before applying them: records generated on another core then arrive in parallel rather than
 * one miss after another (cores far apart take hundreds of ns per miss).
 */
export function touchShare(rec: usize, iters: i32): void {
  const header = rec - headerBytes();
  let lo: u32 = 0x7fffffff;
  let hi: u32 = 0;
  for (let l: u32 = 0; l < 4; l++) {
    lo = min(lo, load<u32>(header + ((part * 4 + l) << 2)));
    hi = max(hi, part + 1 < parts ? load<u32>(header + (((part + 1) * 4 + l) << 2)) : <u32>iters);
  }
  let s = 0;
  const end = rec + <usize>hi * stride;
  for (let p = (rec + <usize>lo * stride) & ~63; p < end; p += 64) s += load<i32>(p);
  sink += s;
}

/** Applies the described group's records (iters of them at rec) to this thread's range. */
export function applyGroup(rec: usize, iters: i32, target: usize): void {
  const k = P.k;
  for (let l = 0; l < 4; l++) {
    const d = lanes + (<usize>l << 2);
    const end = load<u32>(d, 48);
    if (end == 0) continue;
    const base = load<u32>(d, 32) << BLOCK_BITS;
    const from = <i32>((end * part) / parts);
    const to = <i32>((end * (part + 1)) / parts);
    if (from >= to) continue;
    let r = rec + (<usize>l << 2);
    if (from > 0) r += <usize>load<u32>(rec - headerBytes() + (<usize>(part * 4 + <u32>l) << 2)) * stride;
    const dst = target + ((<usize>base * <usize>k) << 2);
    const index = <usize>load<u32>(d);
    if (k == 1) {
      if (P.values == 0) {
        if (P.law == LAW_SCALAR) addConst(r, to, dst, constWeight);
        else addDrawn(r, to, dst);
      } else {
        const x = load<f32>(P.values + (index << 2));
        if (P.law == LAW_SCALAR) addConst(r, to, dst, x * constWeight);
        else addScaled(r, to, dst, x);
      }
    } else {
      const row: usize = P.values == 0 ? 0 : P.values + ((index * <usize>k) << 2);
      if (P.law == LAW_SCALAR) addRows(r, to, dst, k, row, constWeight, false);
      else addRows(r, to, dst, k, row, 0, true);
    }
  }
}

function addConst(r: usize, to: i32, dst: usize, c: f32): void {
  const step = stride;
  for (;;) {
    const pos = load<i32>(r);
    if (pos >= to) break;
    const o = dst + (<usize>pos << 2);
    store<f32>(o, load<f32>(o) + c);
    r += step;
  }
}

function addDrawn(r: usize, to: i32, dst: usize): void {
  for (;;) {
    const pos = load<i32>(r);
    if (pos >= to) break;
    const o = dst + (<usize>pos << 2);
    store<f32>(o, load<f32>(o) + load<f32>(r, 16));
    r += 32;
  }
}

function addScaled(r: usize, to: i32, dst: usize, x: f32): void {
  for (;;) {
    const pos = load<i32>(r);
    if (pos >= to) break;
    const o = dst + (<usize>pos << 2);
    store<f32>(o, load<f32>(o) + x * load<f32>(r, 16));
    r += 32;
  }
}

/** k values per position: out[pos, c] += f32(x[c] * w) (x = 1 for events, row = 0). */
function addRows(r: usize, to: i32, dst: usize, k: i32, row: usize, wConst: f32, drawn: bool): void {
  const step = stride;
  const rowBytes = <usize>k << 2;
  const k4 = k & ~3;
  for (;;) {
    const pos = load<i32>(r);
    if (pos >= to) break;
    const w = drawn ? load<f32>(r, 16) : wConst;
    const wv = f32x4.splat(w);
    const o = dst + <usize>pos * rowBytes;
    let c = 0;
    if (row == 0) {
      for (; c < k4; c += 4) {
        const q = o + (<usize>c << 2);
        v128.store(q, f32x4.add(v128.load(q), wv));
      }
      for (; c < k; c++) {
        const q = o + (<usize>c << 2);
        store<f32>(q, load<f32>(q) + w);
      }
    } else {
      for (; c < k4; c += 4) {
        const q = o + (<usize>c << 2);
        v128.store(q, f32x4.add(v128.load(q), f32x4.mul(v128.load(row + (<usize>c << 2)), wv)));
      }
      for (; c < k; c++) {
        const q = o + (<usize>c << 2);
        store<f32>(q, load<f32>(q) + load<f32>(row + (<usize>c << 2)) * w);
      }
    }
    r += step;
  }
}

/** Byte range [from, to) of the output rows of this thread's share of block b. */
let shareFrom: usize = 0;
let shareTo: usize = 0;
function share(b: u32): void {
  const rest = P.lineLength - (b << BLOCK_BITS);
  const len = rest < <u32>BLOCK_SIZE ? rest : <u32>BLOCK_SIZE;
  const base = <usize>(b << BLOCK_BITS);
  const k = <usize>P.k;
  shareFrom = ((base + <usize>((len * part) / parts)) * k) << 2;
  shareTo = ((base + <usize>((len * (part + 1)) / parts)) * k) << 2;
}

function blockCount(): u32 {
  return (P.lineLength + (BLOCK_SIZE - 1)) >>> BLOCK_BITS;
}

/** out += partial over this thread's share; the partial is zeroed for the next chunk. */
export function reduceShare(): void {
  for (let b: u32 = 0, blocks = blockCount(); b < blocks; b++) {
    share(b);
    let i = shareFrom;
    for (; i + 16 <= shareTo; i += 16) {
      v128.store(P.out + i, f32x4.add(v128.load(P.out + i), v128.load(P.partial + i)));
    }
    for (; i < shareTo; i += 4) store<f32>(P.out + i, load<f32>(P.out + i) + load<f32>(P.partial + i));
    memory.fill(P.partial + shareFrom, 0, shareTo - shareFrom);
  }
}

/** Zeroes this thread's share of the output (and of the partial sums when there are chunks). */
export function zeroShare(): void {
  for (let b: u32 = 0, blocks = blockCount(); b < blocks; b++) {
    share(b);
    memory.fill(P.out + shareFrom, 0, shareTo - shareFrom);
    if (P.chunks > 1) memory.fill(P.partial + shareFrom, 0, shareTo - shareFrom);
  }
}

/** Sets this thread's view of the job: its scratch, its share of every block, the record format. */
export function beginScatter(tid: i32, threads: i32, region: usize): void {
  scratch = region + T_SCRATCH;
  lanes = scratch + LANES_AT;
  stride = recordStride();
  constWeight = <f32>P.lawA;
  part = <u32>tid;
  parts = <u32>threads;
}
