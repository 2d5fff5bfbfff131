// Scatter products (src/definition/referenceProducts.ts referenceScatter): every active line adds
// f32(x * w) of each connection into the output, in float32, in increasing line order per output
// element, chunk by chunk (src/definition/scatterChunks.ts), so the result is bit-identical to the
// reference for any number of threads. groups.ts says how the work is cut; one thread generates
// and applies group after group, several threads share the work through chain.ts.
import { THREAD_RECORDS } from './abi.generated';
import { applyGroup, beginScatter, chunkGroups, describeGroup, generateDescribed, reduceShare, zeroShare } from './groups';
import { scatterChain } from './chain';
import * as P from './params.generated';

export function scatterJob(tid: i32): void {
  const T = P.threads;
  const region = P.threadBase + <usize>tid * P.threadStride;
  beginScatter(tid, T, region);
  zeroShare();
  if (T == 1) scatterAlone(region + THREAD_RECORDS);
  else scatterChain(region);
}

function scatterAlone(rec: usize): void {
  for (let c = 0; c < P.chunks; c++) {
    const target = c == 0 ? P.out : P.partial;
    const n = chunkGroups(c);
    for (let j = 0; j < n; j++) {
      describeGroup(c, j);
      applyGroup(rec, generateDescribed(rec), target);
    }
    if (c > 0) reduceShare();
  }
}

