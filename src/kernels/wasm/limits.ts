/**
 * Sizes that bound what the kernels keep in their memory. Tests lower them to reach, on small
 * cases, the paths that split work (pieces, slices) and give memory back.
 */
export interface KernelLimits {
  /**
   * Most bytes of buffers one job lays out in kernel memory (inputs, outputs, partial sums).
   * A product whose buffers need more is computed in pieces: ranges of output positions, of
   * batch columns and of lines, each the same bits as the whole.
   */
  pieceBytes: number;
  /** Lines per counting job of lines() and nnz(). */
  countSliceLines: number;
  /** Connections per filling job of lines() (a line with more is filled a window of blocks at a time). */
  fillSliceEntries: number;
  /**
   * Memory a kernel instance keeps beyond its persistent part (gap tables, thread regions) once
   * a call is over: past it, the memory is dropped and the next call starts a fresh one.
   */
  retainBytes: number;
  /** How long the pool waits for a starting worker to report ready before it gives up on threads. */
  readyTimeoutMs: number;
}

export const DEFAULT_LIMITS: Readonly<KernelLimits> = Object.freeze({
  pieceBytes: 2 ** 30,
  countSliceLines: 2 ** 22,
  fillSliceEntries: 2 ** 23,
  retainBytes: 64 * 2 ** 20,
  readyTimeoutMs: 10_000,
});

export const limits: KernelLimits = { ...DEFAULT_LIMITS };

/** Changes some limits (tests); returns the previous values of all of them. */
export function setKernelLimits(changes: Partial<KernelLimits>): KernelLimits {
  const previous = { ...limits };
  Object.assign(limits, changes);
  return previous;
}
