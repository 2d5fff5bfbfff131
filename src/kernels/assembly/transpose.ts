// Transposes a float32 matrix inside wasm memory, so a batched scatter's result, accumulated
// position by position (k contiguous values per position), leaves as k contiguous rows.

const TILE: u32 = 16;

/** dst (cols x rows) = transpose of src (rows x cols), both row-major float32, tile by tile. */
export function transposeF32(src: usize, dst: usize, rows: u32, cols: u32): void {
  for (let r0: u32 = 0; r0 < rows; r0 += TILE) {
    const rEnd = min(r0 + TILE, rows);
    for (let c0: u32 = 0; c0 < cols; c0 += TILE) {
      const cEnd = min(c0 + TILE, cols);
      for (let r = r0; r < rEnd; r++) {
        const from = src + ((<usize>r * cols) << 2);
        for (let c = c0; c < cEnd; c++) {
          store<f32>(dst + ((<usize>c * rows + r) << 2), load<f32>(from + (<usize>c << 2)));
        }
      }
    }
  }
}
