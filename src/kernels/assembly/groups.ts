// Groups of a scatter product: four (active line, block) items walked in lock-step (generate.ts),
// first all full blocks, line-major, then the last partial block of every line, so the lanes of
// a group have equal lengths. For one block, groups visit lines in increasing order, and a group's
// lanes are applied in lane order: every output element sees its lines in increasing order, as
// src/definition/referenceProducts.ts requires.
//
// Each of the job's threads owns a share of every block of the output (cut: even shares, or less
// for thread 0 while it touches the result's pages), walks and applies every group for its share
// only (chain.ts), and zeroes and reduces only its share.
import {
  BLOCK_BITS, BLOCK_SIZE, LANES_BLOCK, LANES_END, LANES_INDEX, LANES_LINE, LANES_TO, LAW_SCALAR, RECORD_BYTES, RECORD_WEIGHTS,
  THREAD_LANES,
} from './abi.generated';
import { generate, generateSegment, recordStride } from './generate';
import { blockCount, blockLength } from './units';
import * as P from './params.generated';

// This thread's view of the job (set by beginScatter): its region and lane descriptors (LANES).
let region: usize = 0;
let lanes: usize = 0;
// This thread's share of every block: positions [cut(len, part), cut(len, part + 1)) of each
// block (or of each lane's walk) of length len. Splitting every block (rather than the line)
// keeps the threads' work even all along the job, whatever order the blocks come in.
export let part: u32 = 0;
export let parts: u32 = 1;
export let stride: usize = 16;
let constWeight: f32 = 0;
// The window of blocks [blockStart, blockEnd) the job walks: its full blocks, and the length of
// the line's last, partial block when the window holds it (else 0).
let windowFull: u32 = 0;
let windowPart: u32 = 0;

/** Groups of chunk c. */
export function chunkGroups(c: i32): i32 {
  const n = <u64>(load<u32>(P.chunkStarts + (<usize>(c + 1) << 2)) - load<u32>(P.chunkStarts + (<usize>c << 2)));
  const full = <u64>windowFull;
  return <i32>((n * full + 3) / 4 + (windowPart != 0 ? (n + 3) / 4 : 0));
}

/** Writes the lane descriptors of group j of chunk c (indices, lines, blocks, ends). */
export function describeGroup(c: i32, j: i32): void {
  const s = load<u32>(P.chunkStarts + (<usize>c << 2));
  const n = <u64>(load<u32>(P.chunkStarts + (<usize>(c + 1) << 2)) - s);
  const full = <u64>windowFull;
  const fullItems = n * full;
  const fullGroups = (fullItems + 3) / 4;
  let item: u64;
  let last: u64;
  let index: u32;
  let block: u32; // within the window
  let blocks: u32; // blocks per line in this phase (0 for the partial blocks)
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
    end = windowPart;
  }
  for (let l = 0; l < 4; l++) {
    const d = lanes + (<usize>l << 2);
    const valid = item < last;
    store<u32>(d, valid ? index : s, LANES_INDEX);
    store<u32>(d, valid ? load<u32>(P.active + (<usize>index << 2)) : 0, LANES_LINE);
    store<u32>(d, valid ? P.blockStart + block : 0, LANES_BLOCK);
    store<u32>(d, valid ? end : 0, LANES_END);
    item++;
    if (blocks == 0) {
      index++;
    } else if (++block == blocks) {
      block = 0;
      index++;
    }
  }
}

export function generateDescribed(rec: usize, limit: i32 = 0x7fffffff): i32 {
  return generate(v128.load(lanes, LANES_LINE), v128.load(lanes, LANES_BLOCK), v128.load(lanes, LANES_END), rec, region, limit);
}

/**
 * Records of this thread's share of the described group (chain.ts): each lane walked from its
 * share's start (the handoff at src, or the lane's beginning) to its share's end.
 */
export function generateShare(rec: usize, src: usize, dst: usize): i32 {
  let to = v128.load(lanes, LANES_END);
  if (part + 1 < parts) {
    for (let l = 0; l < 4; l++) {
      const d = lanes + (<usize>l << 2);
      store<u32>(d, cut(load<u32>(d, LANES_END), part + 1), LANES_TO);
    }
    to = v128.load(lanes, LANES_TO);
  }
  return generateSegment(v128.load(lanes, LANES_LINE), v128.load(lanes, LANES_BLOCK), to, rec, region, src, dst);
}

/**
 * Where share s of a length len starts: shares 0 to parts - 2 split [0, len * split) evenly, the
 * last (thread 0's, beginScatter) has the rest. P.split is in 1/65536 of len; 0 means even shares.
 */
function cut(len: u32, s: u32): u32 {
  if (s >= parts) return len;
  if (s == 0) return 0; // (no 64-bit division on the single-thread path)
  if (P.split == 0) return <u32>((<u64>len * s) / parts);
  return <u32>((<u64>len * s * P.split) / ((<u64>(parts - 1)) << 16));
}

/**
 * Applies the described group's records (iters of them at rec), which hold this thread's range
 * only (generateDescribed on one thread, generateShare on several), to that range.
 */
export function applyGroup(rec: usize, iters: i32, target: usize): void {
  const k = P.k;
  for (let l = 0; l < 4; l++) {
    const d = lanes + (<usize>l << 2);
    const end = load<u32>(d, LANES_END);
    if (end == 0) continue;
    const base = (load<u32>(d, LANES_BLOCK) - P.blockStart) << BLOCK_BITS; // within the window
    const from = <i32>cut(end, part);
    const to = <i32>cut(end, part + 1);
    if (from >= to) continue;
    const r = rec + (<usize>l << 2);
    const dst = target + ((<usize>base * <usize>k) << 2);
    const index = <usize>load<u32>(d, LANES_INDEX);
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
    store<f32>(o, load<f32>(o) + load<f32>(r, RECORD_WEIGHTS));
    r += RECORD_BYTES;
  }
}

function addScaled(r: usize, to: i32, dst: usize, x: f32): void {
  for (;;) {
    const pos = load<i32>(r);
    if (pos >= to) break;
    const o = dst + (<usize>pos << 2);
    store<f32>(o, load<f32>(o) + x * load<f32>(r, RECORD_WEIGHTS));
    r += RECORD_BYTES;
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
    const w = drawn ? load<f32>(r, RECORD_WEIGHTS) : wConst;
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

/** Byte range [from, to) of the output rows of this thread's share of block b of the window. */
let shareFrom: usize = 0;
let shareTo: usize = 0;
function share(b: u32): void {
  const len = blockLength(P.blockStart + b);
  const base = <usize>(b << BLOCK_BITS);
  const k = <usize>P.k;
  shareFrom = ((base + <usize>cut(len, part)) * k) << 2;
  shareTo = ((base + <usize>cut(len, part + 1)) * k) << 2;
}

/** out += partial over this thread's share; the partial is zeroed for the next chunk. */
export function reduceShare(): void {
  for (let b: u32 = 0, blocks = P.blockEnd - P.blockStart; b < blocks; b++) {
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
  for (let b: u32 = 0, blocks = P.blockEnd - P.blockStart; b < blocks; b++) {
    share(b);
    memory.fill(P.out + shareFrom, 0, shareTo - shareFrom);
    if (P.chunks > 1) memory.fill(P.partial + shareFrom, 0, shareTo - shareFrom);
  }
}

/** Sets this thread's view of the job: its region, its share of every block, the record format. */
export function beginScatter(tid: i32, threads: i32, threadRegion: usize): void {
  region = threadRegion;
  lanes = region + THREAD_LANES;
  stride = recordStride();
  constWeight = <f32>P.lawA;
  const tail = P.lineLength & (BLOCK_SIZE - 1);
  windowPart = tail != 0 && P.blockEnd == blockCount() ? tail : 0;
  windowFull = P.blockEnd - P.blockStart - <u32>(windowPart != 0);
  // Reversed so that share 0, the head of the chain (chain.ts), goes to a worker thread.
  part = <u32>(threads - 1 - tid);
  parts = <u32>threads;
}
