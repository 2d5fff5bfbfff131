import type { GapTable } from '../../definition/gapTable.js';
import { BLOCK_SIZE } from '../../definition/constants.js';
import type { MatrixSpec } from '../../types.js';

/** Rough cost model (ns, one thread, measured) deciding whether a call is worth the worker threads. */
const NS_PER_CONNECTION = 2.5;
/** Per connection with its weight: normal weights cost most (the ziggurat's rare paths stall a lane). */
const NS_PER_WEIGHTED: Record<MatrixSpec['law']['kind'], number> = { scalar: 1.7, uniform: 2.5, normal: 4.5 };
const NS_PER_COLUMN = 0.6;
const NS_PER_BLOCK = 60;

/** Scatter cost per extra column of a batch, and of touching one fresh page of a result. */
const SCATTER_NS_PER_COLUMN = 0.2;
const NS_PER_PAGE = 1200;

/** Estimated ns of walking `lines` lines of `length` positions for k columns. */
export function workNs(
  lines: number,
  length: number,
  table: GapTable,
  k: number,
  law?: MatrixSpec['law']['kind'],
): number {
  const connections = lines * length * table.effectiveProb;
  const perConnection = law === undefined ? NS_PER_CONNECTION : NS_PER_WEIGHTED[law];
  const blocks = Math.ceil(length / BLOCK_SIZE);
  return connections * (perConnection + NS_PER_COLUMN * (k - 1)) + lines * blocks * NS_PER_BLOCK;
}

/**
 * Where thread 0's share of a parallel scatter starts, in 1/65536 of a block (params.split):
 * thread 0 first touches the result's pages, so it gets that much less of the work (any split
 * gives the same result; this one only evens the threads' time).
 */
export function scatterSplit(
  threads: number,
  connections: number,
  law: MatrixSpec['law']['kind'],
  k: number,
  floats: number,
): number {
  const work = connections * (NS_PER_WEIGHTED[law] + SCATTER_NS_PER_COLUMN * (k - 1));
  const touch = ((floats * 4) / 4096) * NS_PER_PAGE;
  const mine = Math.max(0, (1 - ((threads - 1) * touch) / work) / threads);
  return Math.round((1 - mine) * 65536);
}
