import { BLOCK_SIZE, STREAM_STRUCTURE, STREAM_WEIGHT } from './constants.js';
import { gapFromWord, gapTable } from './gapTable.js';
import { streamState } from './streamKey.js';
import { drawWeight } from './weights/weightLaw.js';
import { Xoshiro128pp } from './xoshiro128pp.js';
import type { MatrixSpec } from '../types.js';

/**
 * The definition of a line, in its plainest form.
 *
 * Line `line` is cut into blocks of BLOCK_SIZE positions. In block b the structure stream
 * (seed, line, b, structure) is walked from position -1: each word U moves the walk
 * 1 + G(U) positions on (gapTable.ts), and every position it lands on inside the block and
 * inside the line is a connection. The k-th connection of the block takes its weight from the
 * k-th draw of the weight stream (seed, line, b, weight). Because the geometric law is
 * memoryless, every entry is Bernoulli(p), independently of every other.
 *
 * Calls `visit(position, weight)` for every connection of the first `length` positions, in
 * increasing position order. A shorter `length` visits a prefix of what a longer one visits.
 * `structureKind` selects the stream kind of the structure (only seeded spike vectors change it).
 */
export function walkLine(
  spec: MatrixSpec,
  line: number,
  length: number,
  visit: (position: number, weight: number) => void,
  structureKind: number = STREAM_STRUCTURE,
): void {
  const table = gapTable(spec.prob);
  const blocks = Math.ceil(length / BLOCK_SIZE);
  for (let block = 0; block < blocks; block++) {
    const base = block * BLOCK_SIZE;
    const end = Math.min(BLOCK_SIZE, length - base);
    const structure = new Xoshiro128pp(streamState(spec.seedLo, spec.seedHi, line, block, structureKind));
    const weights = new Xoshiro128pp(streamState(spec.seedLo, spec.seedHi, line, block, STREAM_WEIGHT));
    const nextWeightWord = (): number => weights.next();
    let position = -1;
    for (;;) {
      position += 1 + gapFromWord(table, structure.next());
      if (position >= end) break;
      visit(base + position, drawWeight(spec.law, nextWeightWord));
    }
  }
}
