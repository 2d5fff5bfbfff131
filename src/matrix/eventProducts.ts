import { JitconnShapeError } from '../errors.js';
import { lineLength } from '../definition/matrixSpec.js';
import type { ActiveLines, ProductTarget } from '../types.js';
import { getBackend } from './backends.js';
import type { JITCMatrix } from './jitcMatrix.js';

/** Adds the event-driven product of a spike list into the target fixed at creation. */
export type EventAccumulator = (lines: Uint32Array) => void;

/**
 * Internal (not exported by the package): the event-driven product for a caller that has already
 * validated its spike lists, as a network does every step. `out` is checked once, here; each call
 * then adds `spikes @ M` (an R matrix) or `M @ spikes` (a C matrix) into `out`, exactly as
 * `M.vecmat(x, { out, accumulate: true })` / `M.matvec(...)` with x the BinaryArray of `lines`
 * would, without building a BinaryArray or an options object per call.
 *
 * The caller guarantees, on every call: `lines` strictly increasing line indices below the number
 * of lines (rows of an R matrix, columns of a C matrix), and `out` not shared with `lines`.
 */
export function eventAccumulator(matrix: JITCMatrix, out: Float32Array): EventAccumulator {
  const spec = matrix.spec;
  const length = lineLength(spec);
  if (!(out instanceof Float32Array) || out.length !== length) {
    throw new JitconnShapeError(
      `out must be a Float32Array of ${length} entries (the event-driven product's length), got ${out.length}`,
    );
  }
  const backend = getBackend(matrix.backend);
  const target: ProductTarget = { out, accumulate: true, batchMajor: false, fresh: false };
  const active: { lines: Uint32Array; values: null; k: number } = {
    lines: new Uint32Array(0),
    values: null,
    k: 1,
  };
  return (lines) => {
    if (lines.length === 0) return;
    active.lines = lines;
    backend.scatter(spec, active satisfies ActiveLines, target);
  };
}
