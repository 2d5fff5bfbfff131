import { JitconnArgumentError } from '../errors.js';
import { MAX_DIMENSION } from '../definition/constants.js';

/** A probability in [0, 1]. */
export function checkProb(prob: unknown, argument = 'prob'): number {
  if (typeof prob !== 'number' || !(prob >= 0 && prob <= 1)) {
    throw new JitconnArgumentError(argument, prob, 'a number in [0, 1]');
  }
  return prob;
}

/** A finite number. */
export function checkFinite(value: unknown, argument: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new JitconnArgumentError(argument, value, 'a finite number');
  }
  return value;
}

/** A finite number >= 0. */
export function checkNonNegative(value: unknown, argument: string): number {
  checkFinite(value, argument);
  if ((value as number) < 0) throw new JitconnArgumentError(argument, value, 'a finite number >= 0');
  return value as number;
}

/** A dimension: an integer in [1, 2^32 - 1]. */
export function checkDimension(value: unknown, argument: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_DIMENSION) {
    throw new JitconnArgumentError(argument, value, 'an integer in [1, 2^32 - 1]');
  }
  return value;
}

/** A shape: [rows, cols], both dimensions. */
export function checkShape(shape: unknown, argument = 'shape'): [number, number] {
  if (!Array.isArray(shape) || shape.length !== 2) {
    throw new JitconnArgumentError(argument, shape, 'an array [rows, cols]');
  }
  return [
    checkDimension(shape[0], `${argument}[0] (rows)`),
    checkDimension(shape[1], `${argument}[1] (cols)`),
  ];
}

/** A batch size k: an integer >= 1. */
export function checkBatch(k: unknown, argument = 'k'): number {
  if (typeof k !== 'number' || !Number.isInteger(k) || k < 1) {
    throw new JitconnArgumentError(argument, k, 'an integer >= 1 (the number of columns of the operand)');
  }
  return k;
}

/** A tuple of exactly `names.length` entries, e.g. [weight, prob, seed]. */
export function checkTuple(data: unknown, names: readonly string[], argument = 'data'): unknown[] {
  if (!Array.isArray(data) || data.length !== names.length) {
    throw new JitconnArgumentError(argument, data, `an array [${names.join(', ')}]`);
  }
  return data;
}

/** A materialisation budget: an integer in [0, 2^53). */
export function checkMaxElements(value: unknown, argument = 'maxElements'): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new JitconnArgumentError(argument, value, 'an integer in [0, 2^53) (4-byte elements)');
  }
  return value;
}

/** Strictly increasing integer indices in [0, limit), as a Uint32Array. */
export function checkRowList(rows: unknown, limit: number, argument = 'rows'): Uint32Array {
  if (!(Array.isArray(rows) || ArrayBuffer.isView(rows)) || rows instanceof DataView) {
    throw new JitconnArgumentError(argument, rows, 'an array of strictly increasing row indices');
  }
  const list = rows as ArrayLike<unknown>;
  const out = new Uint32Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const row = list[i];
    if (typeof row !== 'number' || !Number.isInteger(row) || row < 0 || row >= limit) {
      throw new JitconnArgumentError(`${argument}[${i}]`, row, `an integer in [0, ${limit})`);
    }
    if (i > 0 && row <= out[i - 1]!) {
      throw new JitconnArgumentError(
        `${argument}[${i}]`,
        row,
        `a row index above ${out[i - 1]} (strictly increasing)`,
      );
    }
    out[i] = row;
  }
  return out;
}
