// Line units for the line-wise jobs (gather, counts, fill): four consecutive lines walked block
// by block in lock-step (each lane keeps its own line, so a line's blocks come in order), or, when
// the matrix has fewer than four lines, one line whose consecutive blocks fill the lanes.
import { BLOCK_BITS, BLOCK_SIZE, CONTROL_AT, CONTROL_CLAIM, LANES_BLOCK, LANES_END, LANES_INDEX, LANES_LINE } from './abi.generated';
import * as P from './params.generated';

const CLAIM: usize = CONTROL_AT + CONTROL_CLAIM;

/** Whether units are single lines (few lines) rather than groups of four lines. */
export function singleLineUnits(): bool {
  return P.lineCount < 4;
}

/** Blocks per line, ceil(lineLength / 2^16), without overflowing at lineLength = 2^32 - 1. */
export function blockCount(): u32 {
  return (P.lineLength >>> BLOCK_BITS) + <u32>((P.lineLength & (BLOCK_SIZE - 1)) != 0);
}

/** Length of block b of a line. */
export function blockLength(b: u32): u32 {
  const rest = P.lineLength - (b << BLOCK_BITS);
  return rest < <u32>BLOCK_SIZE ? rest : BLOCK_SIZE;
}

/** Units in the line range [lineStart, lineEnd). */
export function unitCount(): u32 {
  const n = P.lineEnd - P.lineStart;
  return singleLineUnits() ? n : (n >>> 2) + <u32>((n & 3) != 0); // (n + 3) / 4 would overflow
}

/** First line of unit u. */
export function unitLine(u: u32): u32 {
  return P.lineStart + (singleLineUnits() ? u : u << 2);
}

/** Claims the next batch of units: returns its first unit (>= total when none is left). */
export function claimUnits(batch: u32): u32 {
  return <u32>atomic.add<i32>(CLAIM, <i32>batch);
}

/** Units per claim: enough for few atomics, small enough to balance the threads. */
export function unitBatch(total: u32): u32 {
  const b = total / (<u32>P.threads * 16);
  return b < 1 ? 1 : b > 64 ? 64 : b;
}

/**
 * Lane descriptors (LANES) of step `step` of the unit starting at `line`, into dst; the index is
 * the lane's line offset within the unit. Steps walk the window [blockStart, blockEnd) of blocks
 * in order. Returns false when the unit has no such step.
 */
export function describeStep(line: u32, step: u32, dst: usize): bool {
  const blocks = P.blockEnd;
  if (singleLineUnits()) {
    const first = P.blockStart + (step << 2);
    if (first >= blocks) return false;
    for (let l: u32 = 0; l < 4; l++) {
      const b = first + l;
      const d = dst + (<usize>l << 2);
      store<u32>(d, 0, LANES_INDEX);
      store<u32>(d, line, LANES_LINE);
      store<u32>(d, b < blocks ? b : 0, LANES_BLOCK);
      store<u32>(d, b < blocks ? blockLength(b) : 0, LANES_END);
    }
    return true;
  }
  if (step >= blocks - P.blockStart) return false;
  const block = P.blockStart + step;
  const len = blockLength(block);
  for (let l: u32 = 0; l < 4; l++) {
    const d = dst + (<usize>l << 2);
    const valid = line + l < P.lineEnd && line + l >= line; // the second test guards wrap-around
    store<u32>(d, l, LANES_INDEX);
    store<u32>(d, valid ? line + l : 0, LANES_LINE);
    store<u32>(d, block, LANES_BLOCK);
    store<u32>(d, valid ? len : 0, LANES_END);
  }
  return true;
}

/** Lines in the unit starting at `line`. */
export function unitLines(line: u32): u32 {
  if (singleLineUnits()) return 1;
  const rest = P.lineEnd - line;
  return rest < 4 ? rest : 4;
}
