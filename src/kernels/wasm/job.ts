import { BLOCK_SIZE } from '../../definition/constants.js';
import { gapTable, type GapTable } from '../../definition/gapTable.js';
import { lineCount, lineLength } from '../../definition/matrixSpec.js';
import { lawAffine } from '../../definition/weights/weightLaw.js';
import type { MatrixSpec } from '../../types.js';
import { LAW } from '../abi/index.js';
import type { ParamBlock } from './params.js';
import type { Call } from './runtime.js';

/** Blocks of a line of `length` positions. */
export function blocksOf(length: number): number {
  return Math.ceil(length / BLOCK_SIZE);
}

/** p = 0, or so small that every gap is a whole block: no connection anywhere. */
function isEmptyTable(table: GapTable): boolean {
  return table.limits.length === BLOCK_SIZE && table.limits[BLOCK_SIZE - 1] === 0xffffffff;
}

/** A finite estimate of 1 / log2(1 - p) (the kernels check every estimate against the table). */
function inverseLog2q(prob: number): number {
  const inv = 1 / Math.log2(1 - prob);
  return Number.isFinite(inv) ? Math.max(inv, -1e30) : -1e30;
}

/** What every job on a matrix needs, worked out once per matrix (small products come often). */
export class Prepared {
  readonly table: GapTable;
  readonly lines: number;
  readonly length: number;
  readonly blocks: number;
  /** No connection anywhere: p = 0 (or below every threshold), or no positions. */
  readonly empty: boolean;
  readonly law: number;
  readonly lawA: number;
  readonly lawB: number;
  readonly invLog2q: number;

  constructor(readonly spec: MatrixSpec) {
    this.table = gapTable(spec.prob);
    this.lines = lineCount(spec);
    this.length = lineLength(spec);
    this.blocks = blocksOf(this.length);
    this.empty = this.lines === 0 || this.length === 0 || isEmptyTable(this.table);
    this.law = LAW[spec.law.kind];
    [this.lawA, this.lawB] = lawAffine(spec.law);
    this.invLog2q = inverseLog2q(spec.prob);
    // The fields it was made from, copied: a spec is compared by value, not trusted by identity.
    this.seen = { ...spec, law: { ...spec.law } };
  }

  private readonly seen: MatrixSpec;

  /** Whether this was prepared from a spec equal to `spec`. */
  matches(spec: MatrixSpec): boolean {
    const s = this.seen;
    const law = spec.law as Record<string, unknown>;
    const seenLaw = s.law as Record<string, unknown>;
    for (const key in seenLaw) if (law[key] !== seenLaw[key]) return false;
    return (
      s.prob === spec.prob &&
      s.rows === spec.rows &&
      s.cols === spec.cols &&
      s.seedLo === spec.seedLo &&
      s.seedHi === spec.seedHi &&
      s.orientation === spec.orientation
    );
  }
}

const prepared = new WeakMap<MatrixSpec, Prepared>();
let last: Prepared | null = null;

export function prepare(spec: MatrixSpec): Prepared {
  if (last !== null && last.spec === spec && last.matches(spec)) return last;
  let p = prepared.get(spec);
  if (p === undefined || !p.matches(spec)) {
    p = new Prepared(spec);
    prepared.set(spec, p);
  }
  last = p;
  return p;
}

/**
 * Writes the parameters every job of `kind` needs (the matrix, only when the call's last job was
 * on another one; other buffers unset; the whole line as the window of blocks); the caller adds
 * its own.
 */
export function writeSpec(call: Call, m: Prepared, kind: number): ParamBlock {
  const params = call.params;
  if (call.lastSpec !== m) {
    const padded = call.heap.table(m.table);
    params.seedLo = m.spec.seedLo;
    params.seedHi = m.spec.seedHi;
    params.law = m.law;
    params.lawA = m.lawA;
    params.lawB = m.lawB;
    params.table = padded.address;
    params.tableLen = padded.length;
    params.guide = padded.guide;
    params.invLog2q = m.invLog2q;
    params.lineCount = m.lines;
    params.lineLength = m.length;
    call.lastSpec = m;
  }
  params.kind = kind;
  params.blockStart = 0;
  params.blockEnd = m.blocks;
  params.k = 1;
  params.chunks = 1;
  params.values = 0;
  params.counts = 0;
  params.sumsIn = 0;
  params.sumsOut = 0;
  return params;
}
