import { JitconnArgumentError } from '../errors.js';
import type { SpikeMonitor } from './monitors/spikeMonitor.js';

/** Summary statistics of recorded spikes. */
export interface SpikeStatistics {
  /** Spikes per neuron per second over the window, averaged over every neuron of the source. */
  readonly meanRateHz: number;
  /**
   * Mean over neurons with at least 3 spikes in the window of the coefficient of variation of
   * their inter-spike intervals (standard deviation / mean, population form); NaN if none has.
   */
  readonly cvIsi: number;
  /** Neurons that contributed to cvIsi. */
  readonly cvNeurons: number;
  /** Spikes in the window. */
  readonly spikes: number;
}

/**
 * Rate and irregularity of the spikes a monitor recorded in [fromMs, toMs): the mean firing rate,
 * and the mean coefficient of variation of the inter-spike intervals (about 1 for Poisson-like
 * firing, 0 for regular).
 *
 * @param monitor - The spike monitor.
 * @param toMs - End of the window in ms, excluded: usually `network.time`.
 * @param fromMs - Start of the window in ms (default 0), e.g. to leave out a transient.
 * @returns The statistics of the window.
 * @throws {@link JitconnArgumentError} when `toMs` is not a number after `fromMs`.
 * @example
 * ```ts
 * import { spikeStatistics, vogelsAbbott } from 'jitconn';
 *
 * const { network, spikes } = vogelsAbbott({ seed: 1 });
 * await network.run(1000);
 * const { meanRateHz, cvIsi } = spikeStatistics(spikes!, network.time, 200); // skip the first 200 ms
 * ```
 */
export function spikeStatistics(monitor: SpikeMonitor, toMs: number, fromMs = 0): SpikeStatistics {
  if (typeof toMs !== 'number' || !(toMs > fromMs)) {
    throw new JitconnArgumentError('toMs', toMs, `a time in ms after fromMs = ${fromMs}`);
  }
  const { i, t } = monitor;
  const size = monitor.source.size;
  const last = new Float64Array(size).fill(NaN);
  const count = new Uint32Array(size);
  const sum = new Float64Array(size);
  const sumSquares = new Float64Array(size);
  let spikes = 0;
  for (let k = 0; k < i.length; k++) {
    const time = t[k]!;
    if (time < fromMs || time >= toMs) continue;
    const neuron = i[k]!;
    spikes++;
    count[neuron]! += 1;
    const previous = last[neuron]!;
    if (!Number.isNaN(previous)) {
      const interval = time - previous;
      sum[neuron]! += interval;
      sumSquares[neuron]! += interval * interval;
    }
    last[neuron] = time;
  }
  let cvTotal = 0;
  let cvNeurons = 0;
  for (let n = 0; n < size; n++) {
    const intervals = count[n]! - 1;
    if (intervals < 2) continue;
    const mean = sum[n]! / intervals;
    const variance = Math.max(0, sumSquares[n]! / intervals - mean * mean);
    cvTotal += Math.sqrt(variance) / mean;
    cvNeurons++;
  }
  return {
    meanRateHz: spikes / size / ((toMs - fromMs) / 1000),
    cvIsi: cvNeurons === 0 ? NaN : cvTotal / cvNeurons,
    cvNeurons,
    spikes,
  };
}
