import { BLOCK_SIZE } from './constants.js';

/**
 * The gap law of a line: how many unconnected positions precede the next connection.
 *
 * For connection probability p and q = 1 - p, the gap G is geometric: P(G >= g) = q^g.
 * The definition fixes it through integer thresholds T[g] = round(q^g * 2^32), g = 1..BLOCK_SIZE,
 * computed in IEEE double by repeated multiplication (so every host builds the same table), and
 * draws G from one uniform 32-bit word U as
 *
 *     G(U) = #{ g in 1..BLOCK_SIZE : U < T[g] }.
 *
 * So P(G >= g) = T[g] / 2^32: the geometric law to within 2^-33 for every g, with no logarithm.
 * G = BLOCK_SIZE means "no further connection in this block".
 *
 * Stored form: `limits[g - 1] = T[g] - 1` (so T = 2^32 fits in 32 bits and the test is
 * U <= limit), kept only while T[g] > 0; past `limits.length` every threshold is 0.
 */
export interface GapTable {
  /** The connection probability the table was built from. */
  readonly prob: number;
  /**
   * P(G = 0) = 1 - T[1] / 2^32: p rounded to a multiple of 2^-32. It is the probability of the first
   * position after a connection or a block start; every position's probability is within 2^-32
   * of p (even for p < 2^-33, where this is 0 but later positions of a block still connect).
   */
  readonly effectiveProb: number;
  /** T[g] - 1 for g = 1..limits.length, as unsigned 32-bit integers. */
  readonly limits: Uint32Array;
}

const TWO_32 = 4294967296;
const cache = new Map<number, GapTable>();

/** The gap table for probability `prob` in [0, 1] (validated by the caller); cached per p. */
export function gapTable(prob: number): GapTable {
  const cached = cache.get(prob);
  if (cached) return cached;
  const q = 1 - prob;
  const thresholds: number[] = [];
  let qPower = 1;
  for (let g = 1; g <= BLOCK_SIZE; g++) {
    qPower *= q;
    const threshold = Math.floor(qPower * TWO_32 + 0.5);
    if (threshold === 0) break;
    thresholds.push(threshold);
  }
  const limits = Uint32Array.from(thresholds, (t) => t - 1);
  const first = thresholds.length > 0 ? thresholds[0]! : 0;
  const table: GapTable = { prob, effectiveProb: 1 - first / TWO_32, limits };
  if (cache.size > 64) cache.clear();
  cache.set(prob, table);
  return table;
}

/**
 * G(U) by binary search over the non-increasing thresholds: the number of g with U <= limits[g-1].
 * This is the definition's plain form; kernels may search faster but must agree with it.
 */
export function gapFromWord(table: GapTable, word: number): number {
  const limits = table.limits;
  let lo = 0;
  let hi = limits.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (word <= limits[mid]!) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
