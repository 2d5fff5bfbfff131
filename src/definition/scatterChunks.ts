/**
 * How a scatter product (one that adds each active line's connections into the output) is
 * split, so that its floating-point result is the same for any number of threads.
 *
 * The active lines are cut into C contiguous chunks; each chunk sums its lines, in increasing
 * line order, into its own float32 partial output; the result is partial 0 + partial 1 + ...,
 * added in chunk order. C depends only on the work (never on threads):
 *
 *     E = active lines * line length * p        (expected connections visited)
 *     C = 1                                      if E < 2^20
 *     C = min(16, active lines, 2^floor(log2(E / (4 * line length))))   otherwise (at least 1)
 *
 * so a chunk holds at least about four connections per output element and the extra partials
 * cost little next to the work they split.
 */
export const MIN_SPLIT_EVENTS = 1 << 20;
export const MAX_CHUNKS = 16;

export function scatterChunkCount(activeLines: number, lineLength: number, prob: number): number {
  const expected = activeLines * lineLength * prob;
  if (!(expected >= MIN_SPLIT_EVENTS)) return 1;
  const ratio = expected / (4 * lineLength);
  let chunks = 1;
  while (chunks * 2 <= ratio && chunks * 2 <= MAX_CHUNKS) chunks *= 2;
  return Math.max(1, Math.min(chunks, activeLines));
}

/** First active-line index (into the active list) of chunk `chunk` out of `chunks`. */
export function chunkStart(chunk: number, chunks: number, activeLines: number): number {
  return Math.floor((chunk * activeLines) / chunks);
}
