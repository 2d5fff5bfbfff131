// Line-wise structure jobs: connection counts per line (nnz, CSR row pointers) and the
// connections themselves (CSR indices and weights), for a range of lines.
import { BLOCK_BITS, LAW_SCALAR } from './constants';
import { RESULTS, T_RING, T_SCRATCH } from '../wasm/layout';
import { countLanes, generate, recordStride } from './generate';
import { claimUnits, describeStep, unitBatch, unitCount, unitLine, unitLines } from './units';
import * as P from './params';

const LANES_AT: usize = 1024;
const COUNTS_AT: usize = 2048;

/** Counts per line into P.counts (when set) and this thread's total into RESULTS. */
export function countJob(tid: i32): void {
  const scratch = P.threadBase + <usize>tid * P.threadStride + T_SCRATCH;
  const lanes = scratch + LANES_AT;
  const lane = scratch + COUNTS_AT;
  const total = unitCount();
  const batch = unitBatch(total);
  let sum: f64 = 0;
  for (;;) {
    const first = claimUnits(batch);
    if (first >= total) break;
    const last = min(first + batch, total);
    for (let u = first; u < last; u++) {
      const line = unitLine(u);
      let perLine = i32x4.splat(0); // single-line units sum all lanes into lane 0 below
      for (let step: u32 = 0; describeStep(line, step, lanes); step++) {
        countLanes(v128.load(lanes, 16), v128.load(lanes, 32), v128.load(lanes, 48), lane, scratch);
        perLine = i32x4.add(perLine, v128.load(lane));
      }
      const lines = unitLines(line);
      if (lines == 1 && P.lineCount < 4) {
        // Single-line unit: the lanes were consecutive blocks of one line.
        const c = <u32>i32x4.extract_lane(perLine, 0) + <u32>i32x4.extract_lane(perLine, 1) +
          <u32>i32x4.extract_lane(perLine, 2) + <u32>i32x4.extract_lane(perLine, 3);
        perLine = i32x4.replace_lane(i32x4.splat(0), 0, <i32>c);
      }
      v128.store(lane, perLine);
      for (let l: u32 = 0; l < lines; l++) {
        const c = load<u32>(lane + (<usize>l << 2));
        sum += <f64>c;
        if (P.counts != 0) store<u32>(P.counts + (<usize>(line + l - P.lineStart) << 2), c);
      }
    }
  }
  store<f64>(<usize>RESULTS + (<usize>tid << 6), sum);
}

/** Writes every connection of the line range at the offsets of P.offsets (u32, per line). */
export function fillJob(tid: i32): void {
  const region = P.threadBase + <usize>tid * P.threadStride;
  const scratch = region + T_SCRATCH;
  const lanes = scratch + LANES_AT;
  const cursors = scratch + COUNTS_AT;
  const rec = region + T_RING;
  const stride = recordStride();
  const drawn = P.law != LAW_SCALAR;
  const w = <f32>P.lawA;
  const total = unitCount();
  const batch = unitBatch(total);
  for (;;) {
    const first = claimUnits(batch);
    if (first >= total) break;
    const last = min(first + batch, total);
    for (let u = first; u < last; u++) {
      const line = unitLine(u);
      const lines = unitLines(line);
      for (let l: u32 = 0; l < lines; l++) {
        store<u32>(cursors + (<usize>l << 2), load<u32>(P.offsets + (<usize>(line + l - P.lineStart) << 2)));
      }
      for (let step: u32 = 0; describeStep(line, step, lanes); step++) {
        generate(v128.load(lanes, 16), v128.load(lanes, 32), v128.load(lanes, 48), rec, scratch);
        for (let l = 0; l < 4; l++) {
          const d = lanes + (<usize>l << 2);
          const end = <i32>load<u32>(d, 48);
          if (end == 0) continue;
          const base = load<u32>(d, 32) << BLOCK_BITS;
          const cur = cursors + (<usize>load<u32>(d) << 2);
          let at = <usize>load<u32>(cur);
          let r = rec + (<usize>l << 2);
          for (;;) {
            const pos = load<i32>(r);
            if (pos >= end) break;
            store<u32>(P.indices + (at << 2), base + <u32>pos);
            store<f32>(P.data + (at << 2), drawn ? load<f32>(r, 16) : w);
            at++;
            r += stride;
          }
          store<u32>(cur, <u32>at);
        }
      }
    }
  }
}
