import { describe, expect, it } from 'vitest';
import { Network, spikeStatistics } from '../../src/index.js';

function monitored(indices: number[], times: number[], size: number) {
  const network = new Network({ dt: 1 });
  const monitor = network.spikeMonitor(network.spikeSource(size, { indices, times }));
  network.advance(1000);
  return monitor;
}

describe('spike statistics', () => {
  it('a regular train has CV 0 and its rate; intervals 5 and 15 alternating have CV 0.5', () => {
    const regular = monitored(
      Array.from({ length: 100 }, () => 0),
      Array.from({ length: 100 }, (_, k) => 10 * k),
      2,
    );
    expect(spikeStatistics(regular, 1000)).toEqual({ meanRateHz: 50, cvIsi: 0, cvNeurons: 1, spikes: 100 });
    const times = [0];
    for (let k = 1; k < 51; k++) times.push(times[k - 1]! + (k % 2 === 1 ? 5 : 15));
    const alternating = monitored(
      times.map(() => 0),
      times,
      1,
    );
    const stats = spikeStatistics(alternating, 1000);
    expect(stats.cvIsi).toBeCloseTo(0.5, 2);
    expect(stats.meanRateHz).toBe(51);
  });

  it('counts only spikes in the window and only neurons with 3 spikes or more for the CV', () => {
    const monitor = monitored([0, 0, 1, 1, 1], [5, 500, 10, 20, 40], 4);
    expect(spikeStatistics(monitor, 1000)).toMatchObject({ spikes: 5, cvNeurons: 1 });
    expect(spikeStatistics(monitor, 1000, 15)).toMatchObject({ spikes: 3, cvNeurons: 0 });
    expect(Number.isNaN(spikeStatistics(monitor, 1000, 15).cvIsi)).toBe(true);
    expect(() => spikeStatistics(monitor, 0)).toThrow(/toMs/);
  });
});
