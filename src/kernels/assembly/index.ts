// Entry of the kernels module: one exported function runs this thread's share of the job whose
// parameters are in shared memory (src/kernels/abi/params.ts). Every thread (the caller and the
// workers) instantiates this module over the same memory and calls runJob with its own id.
import {
  JOB_COUNT, JOB_FILL, JOB_GATHER, JOB_SCATTER, THREAD_LINE_BYTES, THREAD_LINE_JOB, THREAD_LINES_AT,
} from './abi.generated';
import * as P from './params.generated';
import { scatterJob } from './scatter';
import { gatherJob } from './gather';
import { countJob, fillJob } from './lines';
export { addF32, plusZeroF32, transposeF32 } from './results';

export function runJob(tid: i32): void {
  P.readParams();
  // This thread takes part: the host counts the marks after the job (lastJobThreads).
  store<i32>(THREAD_LINES_AT + <usize>tid * THREAD_LINE_BYTES, P.job, THREAD_LINE_JOB);
  const kind = P.kind;
  if (kind == JOB_SCATTER) scatterJob(tid);
  else if (kind == JOB_GATHER) gatherJob(tid);
  else if (kind == JOB_COUNT) countJob(tid);
  else if (kind == JOB_FILL) fillJob(tid);
}

