/** Spikes as a spike monitor records them: neuron `i[k]` fired at time `t[k]` (ms). */
export interface SpikeTrains {
  readonly i: ArrayLike<number>;
  readonly t: ArrayLike<number>;
}

/** A named block of neurons [start, end), drawn in its own colour (e.g. excitatory, inhibitory). */
export interface Population {
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

/** Spikes per neuron. */
export function spikeCounts(spikes: SpikeTrains, neurons: number): Uint32Array {
  const counts = new Uint32Array(neurons);
  for (let k = 0; k < spikes.i.length; k++) counts[spikes.i[k]!]!++;
  return counts;
}

/**
 * Which neurons a raster shows: every `stride`-th one (0, stride, 2 stride, ...), keeping whole
 * spike trains and real indices. The smallest round stride (1, 2, 4, 5, 8, 10, 20, 25, ...: it
 * divides the usual population sizes) that shows at most `maxRows` neurons (a row per pixel or
 * more) and at most `maxPoints` spikes (what an SVG file carries comfortably).
 */
export function rasterStride(counts: Uint32Array, maxRows: number, maxPoints: number): number {
  let stride = niceStride(Math.ceil(counts.length / maxRows));
  for (;;) {
    let shown = 0;
    for (let n = 0; n < counts.length; n += stride) shown += counts[n]!;
    if (shown <= maxPoints) return stride;
    stride = niceStride(Math.max(stride + 1, Math.ceil((stride * shown) / maxPoints)));
  }
}

/** The smallest of 1, 2, 4, 5, 8 times a power of ten (and 25 times one) that is at least `n`. */
function niceStride(n: number): number {
  for (let power = 1; ; power *= 10) {
    const found = [1, 2, 2.5, 4, 5, 8].map((m) => m * power).find((s) => Number.isInteger(s) && s >= n);
    if (found !== undefined) return found;
  }
}

/**
 * Population rate in Hz: spikes in each bin of `binMs` over [0, durationMs), divided by the
 * number of neurons and the bin's length. A spike at exactly `durationMs` counts in the last bin.
 */
export function populationRate(
  spikes: SpikeTrains,
  neurons: number,
  durationMs: number,
  binMs: number,
): { start: Float64Array; rateHz: Float64Array } {
  const bins = Math.max(1, Math.ceil(durationMs / binMs - 1e-9));
  const counts = new Float64Array(bins);
  for (let k = 0; k < spikes.t.length; k++) {
    // Times on a time-step grid (k * dt) carry rounding error: a spike at a bin's edge must not
    // fall into the bin before it.
    counts[Math.min(bins - 1, Math.floor(spikes.t[k]! / binMs + 1e-6))]!++;
  }
  const start = new Float64Array(bins);
  const rateHz = new Float64Array(bins);
  for (let b = 0; b < bins; b++) {
    start[b] = b * binMs;
    const rest = durationMs - b * binMs;
    const width = rest >= binMs * (1 - 1e-9) ? binMs : rest;
    rateHz[b] = counts[b]! / neurons / (width / 1000);
  }
  return { start, rateHz };
}
