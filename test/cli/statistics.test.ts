import { describe, expect, it } from 'vitest';
import { cvIsi, meanRateHz } from '../../cli/src/simulate/statistics.js';

/** Spike arrays in time order from per-neuron trains. */
function merge(trains: number[][]): { i: Uint32Array; t: Float64Array } {
  const spikes = trains
    .flatMap((times, n) => times.map((t) => ({ n, t })))
    .sort((a, b) => a.t - b.t || a.n - b.n);
  return { i: Uint32Array.from(spikes, (s) => s.n), t: Float64Array.from(spikes, (s) => s.t) };
}

describe('firing statistics for summary.json', () => {
  it('mean rate: spikes per neuron per simulated second', () => {
    expect(meanRateHz(880, 4000, 10)).toBe(22);
    expect(meanRateHz(0, 10, 0)).toBe(0);
  });

  it('CV of inter-spike intervals: 0 for regular trains, exact for a known train', () => {
    const regular = merge([
      [0, 10, 20, 30],
      [5, 7, 9],
    ]);
    expect(cvIsi(regular.i, regular.t, 2)).toBe(0);
    // Intervals 1 and 3: mean 2, standard deviation 1, CV 0.5.
    const known = merge([[0, 1, 4]]);
    expect(cvIsi(known.i, known.t, 1)).toBe(0.5);
    // The second neuron has one interval only: left out of the average.
    const mixed = merge([
      [0, 1, 4],
      [2, 50],
    ]);
    expect(cvIsi(mixed.i, mixed.t, 3)).toBe(0.5);
  });

  it('null when no neuron has two intervals', () => {
    const sparse = merge([[1, 2], [3], []]);
    expect(cvIsi(sparse.i, sparse.t, 3)).toBeNull();
    expect(cvIsi(new Uint32Array(0), new Float64Array(0), 5)).toBeNull();
  });

  it('about 1 for Poisson trains', () => {
    // 200 neurons with 400 exponential intervals each (seeded). The CV estimate of one neuron has
    // a standard deviation of about 0.05 and a bias of about -0.003; the mean of 200 has 0.0035:
    // 0.03 is over 8 standard deviations (false-failure rate below 1e-15).
    let state = 12345;
    const random = () => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return (state + 0.5) / 2 ** 32;
    };
    const trains = Array.from({ length: 200 }, () => {
      let t = 0;
      return Array.from({ length: 401 }, () => (t += -Math.log(random())));
    });
    const { i, t } = merge(trains);
    expect(Math.abs(cvIsi(i, t, 200)! - 1)).toBeLessThan(0.03);
  });
});
