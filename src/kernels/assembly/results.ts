// Results made ready inside wasm memory before they leave for the caller's array: a batched
// scatter's result (accumulated position by position, k contiguous values per position) turned
// into k contiguous rows, and a result added to what the caller's array held (one float32
// rounding per element, as referenceProducts' callers define accumulation).

const TILE: u32 = 16;

/**
 * dst (cols x rows) = transpose of src (rows x cols), both row-major float32, tile by tile, 4 x 4
 * blocks with SIMD; with `add`, dst += the transpose instead.
 */
export function transposeF32(src: usize, dst: usize, rows: u32, cols: u32, add: bool): void {
  if (add) transpose(src, dst, rows, cols, true);
  else transpose(src, dst, rows, cols, false);
}

// @ts-ignore: decorator
@inline function put(at: usize, v: v128, add: bool): void {
  v128.store(at, add ? f32x4.add(v128.load(at), v) : v);
}

// @ts-ignore: decorator
@inline function putScalar(at: usize, x: f32, add: bool): void {
  store<f32>(at, add ? load<f32>(at) + x : x);
}

// @ts-ignore: decorator
@inline function transpose(src: usize, dst: usize, rows: u32, cols: u32, add: bool): void {
  const srcRow = <usize>cols << 2;
  const dstRow = <usize>rows << 2;
  for (let r0: u32 = 0; r0 < rows; r0 += TILE) {
    const rEnd = min(r0 + TILE, rows);
    const r4 = r0 + ((rEnd - r0) & ~3);
    for (let c0: u32 = 0; c0 < cols; c0 += TILE) {
      const cEnd = min(c0 + TILE, cols);
      const c4 = c0 + ((cEnd - c0) & ~3);
      // 4 x 4 blocks: four source rows in, four destination rows out.
      for (let r = r0; r < r4; r += 4) {
        for (let c = c0; c < c4; c += 4) {
          const s = src + <usize>r * srcRow + (<usize>c << 2);
          const a0 = v128.load(s);
          const a1 = v128.load(s + srcRow);
          const a2 = v128.load(s + 2 * srcRow);
          const a3 = v128.load(s + 3 * srcRow);
          const t0 = v128.shuffle<i32>(a0, a1, 0, 4, 1, 5);
          const t1 = v128.shuffle<i32>(a2, a3, 0, 4, 1, 5);
          const t2 = v128.shuffle<i32>(a0, a1, 2, 6, 3, 7);
          const t3 = v128.shuffle<i32>(a2, a3, 2, 6, 3, 7);
          const d = dst + <usize>c * dstRow + (<usize>r << 2);
          put(d, v128.shuffle<i32>(t0, t1, 0, 1, 4, 5), add);
          put(d + dstRow, v128.shuffle<i32>(t0, t1, 2, 3, 6, 7), add);
          put(d + 2 * dstRow, v128.shuffle<i32>(t2, t3, 0, 1, 4, 5), add);
          put(d + 3 * dstRow, v128.shuffle<i32>(t2, t3, 2, 3, 6, 7), add);
        }
        for (let c = c4; c < cEnd; c++) {
          for (let i: u32 = 0; i < 4; i++) {
            putScalar(dst + <usize>c * dstRow + (<usize>(r + i) << 2), load<f32>(src + <usize>(r + i) * srcRow + (<usize>c << 2)), add);
          }
        }
      }
      for (let r = r4; r < rEnd; r++) {
        for (let c = c0; c < cEnd; c++) {
          putScalar(dst + <usize>c * dstRow + (<usize>r << 2), load<f32>(src + <usize>r * srcRow + (<usize>c << 2)), add);
        }
      }
    }
  }
}

/** dst[i] += src[i] for n float32 values, sixteen at a time (four independent vectors). */
export function addF32(dst: usize, src: usize, n: u32): void {
  const end = dst + (<usize>n << 2);
  let d = dst;
  let s = src;
  for (; d + 64 <= end; d += 64, s += 64) {
    const a0 = f32x4.add(v128.load(d), v128.load(s));
    const a1 = f32x4.add(v128.load(d, 16), v128.load(s, 16));
    const a2 = f32x4.add(v128.load(d, 32), v128.load(s, 32));
    const a3 = f32x4.add(v128.load(d, 48), v128.load(s, 48));
    v128.store(d, a0);
    v128.store(d, a1, 16);
    v128.store(d, a2, 32);
    v128.store(d, a3, 48);
  }
  for (; d + 16 <= end; d += 16, s += 16) v128.store(d, f32x4.add(v128.load(d), v128.load(s)));
  for (; d < end; d += 4, s += 4) store<f32>(d, load<f32>(d) + load<f32>(s));
}

/** v = v + 0 for n float32 values: what adding an all-zero result does (-0 becomes +0). */
export function plusZeroF32(at: usize, n: u32): void {
  const end = at + (<usize>n << 2);
  const zero = f32x4.splat(0);
  let d = at;
  for (; d + 16 <= end; d += 16) v128.store(d, f32x4.add(v128.load(d), zero));
  for (; d < end; d += 4) store<f32>(d, load<f32>(d) + 0);
}
