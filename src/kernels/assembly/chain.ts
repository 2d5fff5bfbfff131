// The multi-thread scatter as a chain: thread t walks, for every group in order, only the part
// of each lane that falls in its own share of the output (groups.ts: share t of every block),
// starting from where thread t - 1 stopped, and applies those records itself. Between threads
// passes only a small handoff per group (generator states and last position of the four lanes,
// generate.ts generateSegment), never the records: records stay in the cache of the core that
// made them, which matters when the cores are far apart (cache-line round trips of hundreds of
// ns). Each output element is still written by one thread, groups in order, as the definition
// requires; the work per thread is its share of every walk, so it stays even.
//
// The chain starts at the last thread, a worker that starts at once, and ends at thread 0, the
// caller's thread, which first touches the pages of the result (pool.ts run): shares are
// numbered the other way round (groups.ts beginScatter).
//
// The thread of share t writes its handoffs (t < threads - 1) to a ring in its own region, after
// the records, and then counts them in its line of the handoff counts (zeroed by the host before
// each job). The thread of share t + 1 rereads that count only when it has used up the
// groups it knew of (the head usually runs far ahead, so that line rarely moves between cores),
// and reports in its cursor how many groups it has taken, so slots are reused only after that.
// The ring is long enough for the head to run far ahead while thread 0 still touches the result.
import {
  CURSORS_AT, HANDOFF_COUNTS_AT, HANDOFF_POS, HANDOFF_S0, HANDOFF_SLOT_BYTES, HANDOFF_SLOTS, HANDOFF_W0,
  SHARE_LINE_BYTES, THREAD_HANDOFFS, THREAD_RECORDS,
} from './abi.generated';
import { applyGroup, chunkGroups, describeGroup, generateShare, part, reduceShare } from './groups';
import { beginSleep, failed, signalProgress, sleep } from './sync';
import * as P from './params.generated';
// Handoffs are read this many groups ahead of their use, so that they cross from the other core
// while this thread still works (a miss costs 100 to 400 ns between cores, a group a few us).
const AHEAD: i32 = 2;

/** Handoff ring of share t: in the region of its thread (threads - 1 - t, groups.ts). */
function ringOf(t: i32): usize {
  return P.threadBase + <usize>(P.threads - 1 - t) * P.threadStride + THREAD_HANDOFFS;
}

/** Handoffs written by share t so far (one cache line each). */
function countOf(t: i32): usize {
  return HANDOFF_COUNTS_AT + <usize>t * SHARE_LINE_BYTES;
}

let sink: i32 = 0;

/** Groups share t has taken so far (one cache line each). */
function cursorOf(t: i32): usize {
  return CURSORS_AT + <usize>t * SHARE_LINE_BYTES;
}

// A thread waits for its neighbour for up to about one group's walk, which is common and short
// (the threads run in step), so it spins far longer than sync.ts's SPINS before it sleeps: a
// futex sleep and wake-up cost tens of microseconds, and slow the waker too.
const CHAIN_SPINS = 200000;

// Waits spin a while, then sleep on the progress counter (sync.ts), looking once more after
// registering as a sleeper so no wake-up is lost.
/** Waits until the value at `at` is at least `want`; returns it, or -1 if the job failed. */
function waitAtLeast(at: usize, want: i32): i32 {
  let spins = 0;
  let v = atomic.load<i32>(at);
  while (v < want) {
    if (++spins >= CHAIN_SPINS) {
      spins = 0;
      if (failed()) return -1;
      const seen = beginSleep();
      sleep(seen, atomic.load<i32>(at) < want);
    }
    v = atomic.load<i32>(at);
  }
  return v;
}

export function scatterChain(region: usize): bool {
  // Links of the chain go by share: share s continues where share s - 1 stopped.
  const s = <i32>part;
  const rec = region + THREAD_RECORDS;
  const slots = HANDOFF_SLOTS;
  const inRing: usize = s > 0 ? ringOf(s - 1) : 0;
  const outRing: usize = s + 1 < P.threads ? ringOf(s) : 0;
  let ready = 0; // handoffs the previous thread has written, as last read
  let next = 0; // groups the next thread has taken, as last read
  let g = 0;
  for (let c = 0; c < P.chunks; c++) {
    const target = c == 0 ? P.out : P.partial;
    const n = chunkGroups(c);
    for (let j = 0; j < n; j++, g++) {
      describeGroup(c, j);
      let src: usize = 0;
      if (inRing != 0) {
        if (g >= ready) {
          ready = waitAtLeast(countOf(s - 1), g + 1);
          if (ready < 0) return false;
        }
        src = inRing + (<usize>g % slots) * HANDOFF_SLOT_BYTES;
        if (g + AHEAD < ready) {
          // One word of each cache line of the handoff.
          const ahead = inRing + (<usize>(g + AHEAD) % slots) * HANDOFF_SLOT_BYTES;
          sink += load<i32>(ahead, HANDOFF_S0) + load<i32>(ahead, HANDOFF_W0) + load<i32>(ahead, HANDOFF_POS);
        }
      }
      let dst: usize = 0;
      if (outRing != 0) {
        dst = outRing + (<usize>g % slots) * HANDOFF_SLOT_BYTES;
        if (<usize>(g - next) >= slots) {
          next = waitAtLeast(cursorOf(s + 1), g + 1 - <i32>slots);
          if (next < 0) return false;
        }
      }
      const iters = generateShare(rec, src, dst);
      // The handoff read is done: tell the previous thread its slot is free (it reads this only
      // when its ring is full, so every few groups is enough).
      if (inRing != 0 && (g & 3) == 3) {
        atomic.store<i32>(cursorOf(s), g + 1);
        signalProgress();
      }
      if (dst != 0) {
        atomic.store<i32>(countOf(s), g + 1);
        signalProgress();
      }
      applyGroup(rec, iters, target);
    }
    if (c > 0) reduceShare();
  }
  return true;
}
