/**
 * Copies columns [c0, c0 + width) of `rows` rows of a row-major matrix with k columns into kernel
 * memory at `at`, densely (rows of width floats): a product's operand, or a piece of it.
 */
export function copyColumns(
  f32: Float32Array,
  source: Float32Array,
  rows: number,
  k: number,
  c0: number,
  width: number,
  at: number,
  firstRow = 0,
): void {
  if (width === k) {
    const from = firstRow * k;
    f32.set(
      from === 0 && source.length === rows * k ? source : source.subarray(from, from + rows * k),
      at >> 2,
    );
    return;
  }
  for (let r = 0; r < rows; r++) {
    const from = (firstRow + r) * k + c0;
    f32.set(source.subarray(from, from + width), (at >> 2) + r * width);
  }
}
