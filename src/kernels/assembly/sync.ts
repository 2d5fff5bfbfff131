// Waiting and progress signals between the threads of one job (shared memory atomics).
import { CTRL, C_ERROR, C_PROGRESS } from '../wasm/layout';

const PROGRESS: usize = CTRL + (C_PROGRESS << 2);
const SLEEPERS: usize = PROGRESS + 4;
const SPINS = 2000;
const WAIT_NS: i64 = 100000;

/** Tells waiting threads that something changed. */
export function signalProgress(): void {
  atomic.add<i32>(PROGRESS, 1);
  if (atomic.load<i32>(SLEEPERS) > 0) atomic.notify(PROGRESS);
}

/** The progress counter, read before checking whether there is anything to do. */
export function progressSeen(): i32 {
  return atomic.load<i32>(PROGRESS);
}

/**
 * Called when a thread found nothing to do: spins a while (threads usually have their own core),
 * then sleeps until progress is signalled (or a short timeout, as a safety net).
 * Returns false when another thread failed, so the job must be abandoned.
 */
export function idle(seen: i32, spins: i32): bool {
  if (atomic.load<i32>(CTRL + (C_ERROR << 2)) != 0) return false;
  if (spins < SPINS) return true;
  atomic.add<i32>(SLEEPERS, 1);
  memory.atomic.wait32(PROGRESS, seen, WAIT_NS);
  atomic.sub<i32>(SLEEPERS, 1);
  return true;
}
