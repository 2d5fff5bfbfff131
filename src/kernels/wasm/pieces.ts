import { JitconnTooLargeError } from '../../errors.js';
import { limits } from './limits.js';

/**
 * How a product too large for the kernel memory is cut: into pieces of `columns` batch columns
 * and `blocks` blocks of positions (scatter outputs, gather operands), each piece's buffers
 * within limits.pieceBytes. Every piece computes exactly its part of the whole, so the pieces
 * together are the same bits.
 */
export interface Pieces {
  readonly columns: number;
  readonly blocks: number;
}

/**
 * The widest batch (at most `maxColumns`) whose `fixed` bytes (what every piece needs whatever
 * its blocks) and one block's `perBlock` bytes fit, then as many blocks (at most `totalBlocks`)
 * as fit beside them.
 */
export function planPieces(
  maxColumns: number,
  totalBlocks: number,
  fixed: (columns: number) => number,
  perBlock: (columns: number) => number,
  what: string,
): Pieces {
  const budget = limits.pieceBytes;
  const fits = (columns: number) => fixed(columns) + perBlock(columns) <= budget;
  if (!fits(1)) {
    throw new JitconnTooLargeError(
      `${what} needs ${fixed(1) + perBlock(1)} bytes of kernel memory even one column and one block at a time, ` +
        `more than the ${budget} a wasm kernel lays out per piece`,
    );
  }
  let columns = maxColumns;
  if (!fits(columns)) {
    let lo = 1; // fits
    let hi = columns; // does not fit
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (fits(mid)) lo = mid;
      else hi = mid;
    }
    columns = lo;
  }
  const blocks = Math.max(
    1,
    Math.min(totalBlocks, Math.floor((budget - fixed(columns)) / perBlock(columns))),
  );
  return { columns, blocks };
}
