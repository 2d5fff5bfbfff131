import type { MatrixSpec } from '../types.js';

/** Number of lines (rows for R, columns for C). */
export function lineCount(spec: MatrixSpec): number {
  return spec.orientation === 'row' ? spec.rows : spec.cols;
}

/** Positions per line (columns for R, rows for C). */
export function lineLength(spec: MatrixSpec): number {
  return spec.orientation === 'row' ? spec.cols : spec.rows;
}
