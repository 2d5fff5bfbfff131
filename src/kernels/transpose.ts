/** Layout helper shared by the backends: batched results leave position-major or batch-major. */

/** Transpose an (r x c) row-major float32 matrix. */
export function transposeFloat32(x: Float32Array, r: number, c: number): Float32Array {
  if (r === 1 || c === 1) return x;
  const out = new Float32Array(x.length);
  // In tiles, so reads and writes both stay within a few cache lines.
  const tile = 32;
  for (let i0 = 0; i0 < r; i0 += tile) {
    const iEnd = Math.min(i0 + tile, r);
    for (let j0 = 0; j0 < c; j0 += tile) {
      const jEnd = Math.min(j0 + tile, c);
      for (let i = i0; i < iEnd; i++) for (let j = j0; j < jEnd; j++) out[j * r + i] = x[i * c + j]!;
    }
  }
  return out;
}
