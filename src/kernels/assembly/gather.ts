// Gather products (referenceGather): out[line, c] = f32(sum over the line's connections, in
// position order, of w * y[position, c]), accumulated in f64. Lines are independent, so threads
// claim units of lines freely. A job walks one window of blocks; a line's f64 sums may come in
// from the previous window and leave for the next (params sumsIn, sumsOut), so windows walked
// one after another give exactly the sums of the whole line.
import {
  BLOCK_BITS, LANES_BLOCK, LANES_END, LANES_INDEX, LANES_LINE, LAW_SCALAR, RECORD_BYTES, RECORD_WEIGHTS,
  THREAD_LANES, THREAD_RECORDS, THREAD_SUMS,
} from './abi.generated';
import { generate, recordStride } from './generate';
import { claimUnits, describeStep, unitBatch, unitCount, unitLine, unitLines } from './units';
import * as P from './params.generated';

export function gatherJob(tid: i32): void {
  const region = P.threadBase + <usize>tid * P.threadStride;
  const lanes = region + THREAD_LANES;
  const rec = region + THREAD_RECORDS;
  const sums = region + THREAD_SUMS; // k f64 per lane
  const k = P.k;
  const stride = recordStride();
  const w = <f32>P.lawA;
  const drawn = P.law != LAW_SCALAR;
  const total = unitCount();
  const batch = unitBatch(total);
  const rowBytes = <usize>k << 3;
  for (;;) {
    const first = claimUnits(batch);
    if (first >= total) break;
    const last = min(first + batch, total);
    for (let u = first; u < last; u++) {
      const line = unitLine(u);
      const lines = unitLines(line);
      memory.fill(sums, 0, rowBytes << 2);
      // Sums carried over from the previous window of blocks.
      if (P.sumsIn != 0) memory.copy(sums, P.sumsIn + <usize>(line - P.lineStart) * rowBytes, <usize>lines * rowBytes);
      for (let step: u32 = 0; describeStep(line, step, lanes); step++) {
        generate(v128.load(lanes, LANES_LINE), v128.load(lanes, LANES_BLOCK), v128.load(lanes, LANES_END), rec, region);
        for (let l = 0; l < 4; l++) {
          const d = lanes + (<usize>l << 2);
          const end = <i32>load<u32>(d, LANES_END);
          if (end == 0) continue;
          const block = load<u32>(d, LANES_BLOCK) - P.blockStart; // within the window
          const yBase = P.y + ((<usize>(block << BLOCK_BITS) * <usize>k) << 2);
          const sum = sums + <usize>load<u32>(d, LANES_INDEX) * rowBytes;
          const r = rec + (<usize>l << 2);
          if (k == 1) {
            const s = load<f64>(sum);
            store<f64>(sum, drawn ? sumDrawn(r, end, yBase, s) : sumConst(r, stride, end, yBase, s, w));
          } else {
            sumRows(r, stride, end, yBase, sum, k, w, drawn);
          }
        }
      }
      if (P.sumsOut != 0) {
        memory.copy(P.sumsOut + <usize>(line - P.lineStart) * rowBytes, sums, <usize>lines * rowBytes);
        continue;
      }
      for (let l: u32 = 0; l < lines; l++) {
        const o = P.out + ((<usize>(line + l - P.lineStart) * <usize>k) << 2);
        const sum = sums + <usize>l * rowBytes;
        for (let c = 0; c < k; c++) store<f32>(o + (<usize>c << 2), <f32>load<f64>(sum + (<usize>c << 3)));
      }
    }
  }
}

function sumConst(r: usize, stride: usize, end: i32, yBase: usize, s: f64, w: f32): f64 {
  const wd = <f64>w;
  for (;;) {
    const pos = load<i32>(r);
    if (pos >= end) break;
    s += wd * <f64>load<f32>(yBase + (<usize>pos << 2));
    r += stride;
  }
  return s;
}

function sumDrawn(r: usize, end: i32, yBase: usize, s: f64): f64 {
  for (;;) {
    const pos = load<i32>(r);
    if (pos >= end) break;
    s += <f64>load<f32>(r, RECORD_WEIGHTS) * <f64>load<f32>(yBase + (<usize>pos << 2));
    r += RECORD_BYTES;
  }
  return s;
}

/** sum[c] += w * y[pos, c] for k columns, two at a time in f64. */
function sumRows(r: usize, stride: usize, end: i32, yBase: usize, sum: usize, k: i32, wConst: f32, drawn: bool): void {
  const rowBytes = <usize>k << 2;
  const k2 = k & ~1;
  for (;;) {
    const pos = load<i32>(r);
    if (pos >= end) break;
    const w = <f64>(drawn ? load<f32>(r, RECORD_WEIGHTS) : wConst);
    const wv = f64x2.splat(w);
    const yRow = yBase + <usize>pos * rowBytes;
    let c = 0;
    for (; c < k2; c += 2) {
      const q = sum + (<usize>c << 3);
      const yv = f64x2.promote_low_f32x4(v128.load64_zero(yRow + (<usize>c << 2)));
      v128.store(q, f64x2.add(v128.load(q), f64x2.mul(wv, yv)));
    }
    if (c < k) {
      const q = sum + (<usize>c << 3);
      store<f64>(q, load<f64>(q) + w * <f64>load<f32>(yRow + (<usize>c << 2)));
    }
    r += stride;
  }
}
