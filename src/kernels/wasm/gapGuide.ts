/**
 * The guide table of a gap law for the kernels' fast path (src/kernels/assembly/gap.ts): entry b
 * is G(U) at the largest word U of bucket b (the words whose top 16 bits are b), with bit 31 set
 * when G is not constant over the bucket. G is non-increasing in U, so one pass from the top
 * bucket down, moving a pointer along the limits, builds it.
 */
export const GUIDE_ENTRIES = 65536;
const BUCKET = 65536;
const MIXED = 0x80000000;

export interface Guide {
  readonly entries: Uint32Array;
  /** Probability that a word lands in a mixed bucket (and needs a scan of the limits). */
  readonly mixedShare: number;
}

export function buildGuide(limits: Uint32Array): Guide {
  const entries = new Uint32Array(GUIDE_ENTRIES);
  const len = limits.length;
  let g = 0;
  let mixed = 0;
  for (let b = GUIDE_ENTRIES - 1; b >= 0; b--) {
    const top = b * BUCKET + (BUCKET - 1);
    while (g < len && limits[g]! >= top) g++;
    const gTop = g;
    const bottom = b * BUCKET;
    while (g < len && limits[g]! >= bottom) g++;
    if (g !== gTop) mixed++;
    entries[b] = (gTop | (g !== gTop ? MIXED : 0)) >>> 0;
  }
  return { entries, mixedShare: mixed / GUIDE_ENTRIES };
}
