/** Firing statistics of a recorded run, as summary.json reports them. */

/** Mean firing rate over all neurons (Hz): spikes / (neurons * simulated seconds). */
export function meanRateHz(spikeCount: number, neurons: number, simulatedMs: number): number {
  return simulatedMs > 0 ? spikeCount / neurons / (simulatedMs / 1000) : 0;
}

/** Neurons need this many inter-spike intervals to enter the CV average. */
export const MIN_INTERVALS = 2;

/**
 * Irregularity: the coefficient of variation (standard deviation / mean, population form) of each
 * neuron's inter-spike intervals, averaged over the neurons with at least MIN_INTERVALS intervals.
 * A Poisson train gives about 1, a regular one 0. Null when no neuron fired often enough.
 * `t` must be in time order (as a spike monitor records).
 */
export function cvIsi(i: Uint32Array, t: Float64Array, neurons: number): number | null {
  // Group spike times by neuron (counting sort keeps each neuron's times in order).
  const start = new Uint32Array(neurons + 1);
  for (let k = 0; k < i.length; k++) start[i[k]! + 1]!++;
  for (let n = 0; n < neurons; n++) start[n + 1]! += start[n]!;
  const fill = start.slice(0, neurons);
  const times = new Float64Array(t.length);
  for (let k = 0; k < i.length; k++) times[fill[i[k]!]!++] = t[k]!;

  let total = 0;
  let counted = 0;
  for (let n = 0; n < neurons; n++) {
    const intervals = start[n + 1]! - start[n]! - 1;
    if (intervals < MIN_INTERVALS) continue;
    let sum = 0;
    let sumSquares = 0;
    for (let k = start[n]! + 1; k < start[n + 1]!; k++) {
      const isi = times[k]! - times[k - 1]!;
      sum += isi;
      sumSquares += isi * isi;
    }
    const mean = sum / intervals;
    if (mean <= 0) continue;
    const variance = Math.max(0, sumSquares / intervals - mean * mean);
    total += Math.sqrt(variance) / mean;
    counted++;
  }
  return counted > 0 ? total / counted : null;
}
