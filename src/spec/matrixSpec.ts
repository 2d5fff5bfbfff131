import type { WeightLaw } from './weights/weightLaw.js';

/**
 * Everything that defines a JIT matrix: it is a pure function of these fields and (row, column).
 *
 * Orientation `row` (the R classes) generates along rows: line i is row i, position j is
 * column j. Orientation `col` (the C classes) generates along columns: line j is column j,
 * position i is row i. The transpose of one is the other with the same fields and the shape
 * swapped, so `R.T` is exactly a C matrix and `C.T` an R matrix.
 */
export interface MatrixSpec {
  readonly seedLo: number;
  readonly seedHi: number;
  readonly prob: number;
  readonly law: WeightLaw;
  readonly orientation: 'row' | 'col';
  readonly rows: number;
  readonly cols: number;
}

/** Number of lines (rows for R, columns for C). */
export function lineCount(spec: MatrixSpec): number {
  return spec.orientation === 'row' ? spec.rows : spec.cols;
}

/** Positions per line (columns for R, rows for C). */
export function lineLength(spec: MatrixSpec): number {
  return spec.orientation === 'row' ? spec.cols : spec.rows;
}
