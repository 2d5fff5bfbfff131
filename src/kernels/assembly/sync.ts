// Sleeping and waking between the threads of one job (shared memory atomics). Threads spin a
// while when they find nothing to do (they usually have a core each), then sleep on PROGRESS.
// Progress makers bump PROGRESS only when someone sleeps, so the common path touches no
// contended cache line: a sleeper registers in SLEEPERS first, reads PROGRESS, then looks for
// work once more before waiting, so a wake-up cannot be lost (all accesses are seq-cst atomics).
import { CONTROL_AT, CONTROL_ERROR, CONTROL_PROGRESS, CONTROL_SLEEPERS } from './abi.generated';

const PROGRESS: usize = CONTROL_AT + CONTROL_PROGRESS;
const SLEEPERS: usize = CONTROL_AT + CONTROL_SLEEPERS;
export const SPINS = 4000;
const WAIT_NS: i64 = 200000;

/** Tells sleeping threads that something changed (a group was published or consumed). */
export function signalProgress(): void {
  if (atomic.load<i32>(SLEEPERS) > 0) {
    atomic.add<i32>(PROGRESS, 1);
    atomic.notify(PROGRESS);
  }
}

/** Whether another thread failed, so the job must be abandoned. */
export function failed(): bool {
  return atomic.load<i32>(CONTROL_AT + CONTROL_ERROR) != 0;
}

/** Registers a sleeper and returns the progress count to wait on. */
export function beginSleep(): i32 {
  atomic.add<i32>(SLEEPERS, 1);
  return atomic.load<i32>(PROGRESS);
}

/** Sleeps unless progress happened since beginSleep (or the timeout passes), then unregisters. */
export function sleep(seen: i32, stillIdle: bool): void {
  if (stillIdle) memory.atomic.wait32(PROGRESS, seen, WAIT_NS);
  atomic.sub<i32>(SLEEPERS, 1);
}
