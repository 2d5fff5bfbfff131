import {
  BinaryArray,
  JITCNormalC,
  JITCNormalR,
  JITCScalarC,
  JITCScalarR,
  JITCUniformC,
  JITCUniformR,
  type CsrMatrix,
  type JITCMatrix,
} from 'jitconn';
import { csrGather, csrScatter, denseGather, denseScatter } from './baselines.js';
import type { BenchCase } from './cases.js';
import { benchOperand, type BenchOperand } from './operands.js';
import { firstCallsMs, medianMs } from './timing.js';
import { storedCsrBytes } from '../units.js';

/** A baseline's timing against the JIT product (ratio > 1: the JIT product is faster). */
export interface BaselineResult {
  readonly medianMs: number;
  /** Bytes the stored matrix needs (the whole matrix, even when only active rows were built). */
  readonly bytes: number;
  readonly ratio: number;
  readonly note?: string;
}

export interface BenchResult {
  readonly case: BenchCase;
  readonly backend: string;
  readonly threads: number;
  /** Median per call once warm, writing into a reused result buffer. */
  readonly medianMs: number;
  /** Median of the first 20 calls on a new matrix and a new result buffer (the cold figure). */
  readonly firstCallsMs: number;
  /** Connections visited per call. */
  readonly events: number;
  readonly eventsPerSecond: number;
  /** Connections times operand columns, per second. */
  readonly synapseColumnsPerSecond: number;
  readonly matrixBytes: number;
  readonly csr: BaselineResult | null;
  readonly dense: BaselineResult | null;
}

/** Largest stored CSR the bench builds whole, and largest dense matrix (elements). */
const FULL_CSR_LIMIT = 2 ** 25;
const DENSE_LIMIT = 2 ** 27;

function makeMatrix(c: BenchCase): JITCMatrix {
  const options = {
    shape: [c.rows, c.cols] as [number, number],
    ...(c.backend ? { backend: c.backend } : {}),
  };
  const seed = 2026;
  const row = c.orientation === 'R';
  switch (c.weights) {
    case 'scalar':
      return row
        ? new JITCScalarR([0.1, c.prob, seed], options)
        : new JITCScalarC([0.1, c.prob, seed], options);
    case 'normal':
      return row
        ? new JITCNormalR([0, 0.1, c.prob, seed], options)
        : new JITCNormalC([0, 0.1, c.prob, seed], options);
    case 'uniform':
      return row
        ? new JITCUniformR([-0.1, 0.3, c.prob, seed], options)
        : new JITCUniformC([-0.1, 0.3, c.prob, seed], options);
  }
}

/** x @ M (the operand indexes rows) or M @ x (it indexes columns). */
function operandIndexesRows(c: BenchCase): boolean {
  return c.op === 'vecmat' || c.op === 'rmatmat';
}

/** Scatter products walk only active lines; gather products and todense walk every line. */
function isScatter(c: BenchCase): boolean {
  return operandIndexesRows(c) === (c.orientation === 'R') && c.op !== 'todense';
}

/** Number of floats the product returns. */
function resultLength(c: BenchCase): number {
  const outer = c.op === 'vecmat' || c.op === 'rmatmat' ? c.cols : c.rows;
  return outer * c.k;
}

/** The JIT product, writing into one reused buffer (as a simulation loop does). */
function product(m: JITCMatrix, c: BenchCase, operand: BenchOperand): () => unknown {
  if (c.op === 'todense') return () => m.todense({ maxElements: DENSE_LIMIT });
  const out = new Float32Array(resultLength(c));
  switch (c.op) {
    case 'vecmat':
      return () => m.vecmat(operand.value, { out });
    case 'matvec':
      return () => m.matvec(operand.value, { out });
    case 'matmat':
      return () => m.matmat(operand.value, c.k, { out });
    case 'rmatmat':
      return () => m.rmatmat(operand.value, c.k, { out });
  }
}

function countEvents(m: JITCMatrix, c: BenchCase, operand: BenchOperand): number {
  if (!isScatter(c)) return m.nnz();
  const ones = m.withWeight(1);
  const elements = operandIndexesRows(c) ? c.rows : c.cols;
  const spikes = BinaryArray.fromIndices(operand.active, elements);
  const counts = operandIndexesRows(c) ? ones.vecmat(spikes) : ones.matvec(spikes);
  return counts.reduce((sum, v) => sum + v, 0);
}

/** CSR of the rows in `rows` only (a stand-in with the same rows as the whole stored matrix). */
function activeRowsCsr(m: JITCMatrix, rows: Uint32Array): { csr: CsrMatrix; rowIndex: Uint32Array } {
  const csr = m.tocsr({ rows, maxElements: FULL_CSR_LIMIT * 4 });
  return { csr, rowIndex: Uint32Array.from(rows, (_, i) => i) };
}

function csrBaseline(
  m: JITCMatrix,
  c: BenchCase,
  operand: BenchOperand,
  jitMs: number,
): BaselineResult | null {
  const expected = c.rows * c.cols * c.prob;
  const bytes = storedCsrBytes(c.rows, expected);
  if (c.op === 'todense') return null;
  const rowsSide = operandIndexesRows(c);
  if (expected > FULL_CSR_LIMIT && !(rowsSide && c.orientation === 'R')) {
    return null;
  }
  let run: () => unknown;
  let note: string | undefined;
  if (rowsSide) {
    const built =
      expected > FULL_CSR_LIMIT
        ? activeRowsCsr(m, operand.active)
        : { csr: m.tocsr({ maxElements: FULL_CSR_LIMIT * 2 }), rowIndex: operand.active };
    if (expected > FULL_CSR_LIMIT) note = 'active rows built';
    const out = new Float32Array(c.cols * c.k);
    run = () => csrScatter(built.csr, built.rowIndex, operand.values, c.k, out);
  } else {
    const csr = m.tocsr({ maxElements: FULL_CSR_LIMIT * 2 });
    const out = new Float32Array(c.rows * c.k);
    run = () => csrGather(csr, operand.dense, c.k, out);
  }
  const ms = medianMs(run);
  return { medianMs: ms, bytes, ratio: ms / jitMs, ...(note ? { note } : {}) };
}

function denseBaseline(
  m: JITCMatrix,
  c: BenchCase,
  operand: BenchOperand,
  jitMs: number,
): BaselineResult | null {
  if (c.rows * c.cols > DENSE_LIMIT || c.k !== 1 || (c.op !== 'vecmat' && c.op !== 'matvec')) return null;
  const dense = m.todense({ maxElements: DENSE_LIMIT });
  const out = new Float32Array(c.op === 'vecmat' ? c.cols : c.rows);
  const run =
    c.op === 'vecmat'
      ? () => denseScatter(dense, c.cols, operand.active, operand.values, out)
      : () => denseGather(dense, c.rows, c.cols, operand.dense, out);
  const ms = medianMs(run);
  return { medianMs: ms, bytes: c.rows * c.cols * 4, ratio: ms / jitMs };
}

/** Run one case: the JIT product, then the stored-CSR and dense baselines on the same connections. */
export function runCase(c: BenchCase, threads: number, backend: string): BenchResult {
  const operand = benchOperand(c, operandIndexesRows(c) ? c.rows : c.cols);
  // Cold first, on a matrix and a buffer nothing has used yet; then the same product warm.
  const coldMs = firstCallsMs(product(makeMatrix(c), c, operand));
  const m = makeMatrix(c);
  const jitMs = medianMs(product(m, c, operand));
  const events = countEvents(m, c, operand);
  return {
    case: c,
    backend,
    threads,
    medianMs: jitMs,
    firstCallsMs: coldMs,
    events,
    eventsPerSecond: events / (jitMs / 1000),
    synapseColumnsPerSecond: (events * c.k) / (jitMs / 1000),
    matrixBytes: m.memoryBytes(),
    csr: csrBaseline(m, c, operand, jitMs),
    dense: denseBaseline(m, c, operand, jitMs),
  };
}
