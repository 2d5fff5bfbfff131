import type { CsrMatrix } from 'jitconn';

/**
 * What a user would otherwise write: the same connections stored, as CSR typed arrays or a
 * dense Float32Array, with the plain loops a careful JavaScript programmer would use.
 * Event-driven baselines skip inactive rows too, and every baseline writes into a buffer it
 * reuses (zeroed per call where it accumulates), as the JIT product does, so the comparison is fair.
 */

/** x @ W for stored CSR rows, visiting only the rows of `active` (event input when values is null). */
export function csrScatter(
  csr: CsrMatrix,
  active: Uint32Array,
  values: Float32Array | null,
  k: number,
  out: Float32Array,
): Float32Array {
  out.fill(0);
  const { indptr, indices, data } = csr;
  for (let a = 0; a < active.length; a++) {
    const row = active[a]!;
    const end = indptr[row + 1]!;
    if (k === 1) {
      const x = values === null ? 1 : values[a]!;
      for (let e = indptr[row]!; e < end; e++) out[indices[e]!]! += x * data[e]!;
      continue;
    }
    for (let e = indptr[row]!; e < end; e++) {
      const base = indices[e]! * k;
      const w = data[e]!;
      for (let c = 0; c < k; c++) out[base + c]! += (values === null ? 1 : values[a * k + c]!) * w;
    }
  }
  return out;
}

/** W @ y for stored CSR rows (y is cols x k, element-major). */
export function csrGather(csr: CsrMatrix, y: Float32Array, k: number, out: Float32Array): Float32Array {
  const rows = csr.shape[0];
  const { indptr, indices, data } = csr;
  for (let row = 0; row < rows; row++) {
    for (let c = 0; c < k; c++) {
      let sum = 0;
      for (let e = indptr[row]!; e < indptr[row + 1]!; e++) sum += data[e]! * y[indices[e]! * k + c]!;
      out[row * k + c] = sum;
    }
  }
  return out;
}

/** x @ W for a dense row-major W, visiting only active rows. */
export function denseScatter(
  dense: Float32Array,
  cols: number,
  active: Uint32Array,
  values: Float32Array | null,
  out: Float32Array,
): Float32Array {
  out.fill(0);
  for (let a = 0; a < active.length; a++) {
    const x = values === null ? 1 : values[a]!;
    const base = active[a]! * cols;
    for (let j = 0; j < cols; j++) out[j]! += x * dense[base + j]!;
  }
  return out;
}

/** W @ y for a dense row-major W (vectors only). */
export function denseGather(
  dense: Float32Array,
  rows: number,
  cols: number,
  y: Float32Array,
  out: Float32Array,
): Float32Array {
  for (let i = 0; i < rows; i++) {
    let sum = 0;
    const base = i * cols;
    for (let j = 0; j < cols; j++) sum += dense[base + j]! * y[j]!;
    out[i] = sum;
  }
  return out;
}
