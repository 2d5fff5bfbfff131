// Line-wise structure jobs: connection counts per line (nnz, CSR row pointers) and the
// connections themselves (CSR indices and weights), for a range of lines.
import {
  BLOCK_BITS, LANES_BLOCK, LANES_END, LANES_INDEX, LANES_LINE, LAW_SCALAR, RECORD_WEIGHTS, THREAD_LANE_COUNTS,
  THREAD_LANES, THREAD_LINE_BYTES, THREAD_LINE_RESULT, THREAD_LINES_AT, THREAD_RECORDS,
} from './abi.generated';
import { countLanes, generate, recordStride } from './generate';
import { claimUnits, describeStep, unitBatch, unitCount, unitLine, unitLines } from './units';
import * as P from './params.generated';

/** Counts per line into P.counts (when set) and this thread's total into its THREAD_LINE. */
export function countJob(tid: i32): void {
  const region = P.threadBase + <usize>tid * P.threadStride;
  const lanes = region + THREAD_LANES;
  const lane = region + THREAD_LANE_COUNTS;
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
        countLanes(v128.load(lanes, LANES_LINE), v128.load(lanes, LANES_BLOCK), v128.load(lanes, LANES_END), lane, region);
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
  store<f64>(THREAD_LINES_AT + <usize>tid * THREAD_LINE_BYTES, sum, THREAD_LINE_RESULT);
}

/** Writes every connection of the line range at the offsets of P.offsets (u32, per line). */
export function fillJob(tid: i32): void {
  const region = P.threadBase + <usize>tid * P.threadStride;
  const lanes = region + THREAD_LANES;
  const cursors = region + THREAD_LANE_COUNTS;
  const rec = region + THREAD_RECORDS;
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
        generate(v128.load(lanes, LANES_LINE), v128.load(lanes, LANES_BLOCK), v128.load(lanes, LANES_END), rec, region);
        for (let l = 0; l < 4; l++) {
          const d = lanes + (<usize>l << 2);
          const end = <i32>load<u32>(d, LANES_END);
          if (end == 0) continue;
          const base = load<u32>(d, LANES_BLOCK) << BLOCK_BITS;
          const cur = cursors + (<usize>load<u32>(d, LANES_INDEX) << 2);
          let at = <usize>load<u32>(cur);
          let r = rec + (<usize>l << 2);
          for (;;) {
            const pos = load<i32>(r);
            if (pos >= end) break;
            store<u32>(P.indices + (at << 2), base + <u32>pos);
            store<f32>(P.data + (at << 2), drawn ? load<f32>(r, RECORD_WEIGHTS) : w);
            at++;
            r += stride;
          }
          store<u32>(cur, <u32>at);
        }
      }
    }
  }
}
