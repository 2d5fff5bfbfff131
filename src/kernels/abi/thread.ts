import { BLOCK_SIZE } from '../../definition/constants.js';
import { LINE_BYTES } from './control.js';
import { alignUp, struct } from './struct.js';

/**
 * Each thread's own region of the kernel memory (contiguous regions: thread t's at
 * params.threadBase + t * params.threadStride) and the records the kernels keep there.
 * Vectors (v128) hold four lanes: the four streams walked in lock-step (generate.ts).
 */

/** Four xoshiro128++ states, one word per lane each (stream.ts keyLanes writes them, the walk loads them). */
export const KEYS = struct({ s0: 'v128', s1: 'v128', s2: 'v128', s3: 'v128' });

/** The lanes whose gap estimate missed, finished one by one (gap.ts fixGaps, fixMixed). */
export const GAP_FIX = struct({ word: 'v128', gaps: 'v128', good: 'v128' });

/** Normal draws that missed the ziggurat's rectangle, finished out of line (ziggurat.ts normalRejected). */
export const ZIG_STATE = struct({
  w0: 'v128',
  w1: 'v128',
  w2: 'v128',
  w3: 'v128',
  /** The variates of lanes 0-1 and 2-3 (f64x2). */
  lo: 'v128',
  hi: 'v128',
  /** The words that missed, and the rectangle's verdict per lane. */
  word: 'v128',
  accept: 'v128',
});

/** Lane descriptors of the four items walked in lock-step (u32 per lane). */
export const LANES = struct({
  /** The lane's active-list index (scatter) or line offset within its unit (line jobs). */
  index: 'v128',
  line: 'v128',
  block: 'v128',
  /** Walk end within the block (0: unused lane). */
  end: 'v128',
  /** Scatter chain: end of this thread's share of the walk. */
  to: 'v128',
});

/**
 * One record per lock-step iteration: the four lanes' positions (i32), then, for drawn laws, their
 * four weights (f32). Scalar weights need only the positions: their records are 16 bytes.
 */
export const RECORD = struct({ positions: 'v128', weights: 'v128' });
export const RECORD_BYTES_SCALAR = 16;

/**
 * The records of one walk at most: one per position of a block, plus the closing one and, for a
 * walk that resumes a handoff (the scatter chain), the candidate handed on.
 */
export const RECORDS_BYTES = (BLOCK_SIZE + 2) * RECORD.bytes;

/**
 * What a thread of the scatter chain hands to the next for one group (chain.ts, generate.ts
 * generateSegment): per lane, the first candidate at or past its share's end, pending: the
 * structure and weight states just after drawing it, its position and its weight.
 */
export const HANDOFF = struct({
  s0: 'v128',
  s1: 'v128',
  s2: 'v128',
  s3: 'v128',
  w0: 'v128',
  w1: 'v128',
  w2: 'v128',
  w3: 'v128',
  pos: 'v128',
  weights: 'v128',
});
/** Handoff slots span whole 128-byte line pairs (fetched together), so two threads never share one. */
export const HANDOFF_SLOT_BYTES = alignUp(HANDOFF.bytes, 2 * LINE_BYTES);
/** Handoffs in a thread's ring: enough for the chain's head to run far ahead of thread 0. */
export const HANDOFF_SLOTS = 4096;

/** Largest batch a gather job takes at once: the per-lane f64 sums must fit the thread's region. */
export const GATHER_MAX_K = 16384;

export const THREAD = struct(
  {
    keys: { bytes: KEYS.bytes, align: LINE_BYTES },
    gapFix: { bytes: GAP_FIX.bytes, align: LINE_BYTES },
    zig: { bytes: ZIG_STATE.bytes, align: LINE_BYTES },
    lanes: { bytes: LANES.bytes, align: LINE_BYTES },
    /** Count job: connections per lane (u32 x 4). Fill job: the next entry of each line of the unit. */
    laneCounts: { type: 'v128', align: LINE_BYTES },
    records: { bytes: RECORDS_BYTES, align: 4096 },
    /** Gather: k f64 sums per lane. */
    sums: { bytes: 4 * GATHER_MAX_K * 8, align: LINE_BYTES },
    /** Scatter chain: the ring of handoffs this thread writes for the next share. */
    handoffs: { bytes: HANDOFF_SLOTS * HANDOFF_SLOT_BYTES, align: 4096 },
  },
  { align: 4096 },
);
