import { describe, expect, it } from 'vitest';
import { populationRate, rasterStride, spikeCounts } from '../../cli/src/plot/spikes.js';

describe('spike data for the pictures', () => {
  it('counts spikes per neuron', () => {
    expect(Array.from(spikeCounts({ i: [0, 2, 2, 4], t: [1, 2, 3, 4] }, 5))).toEqual([1, 0, 2, 0, 1]);
  });

  it('population rate: spikes per bin / neurons / bin length, the last bin shortened to the duration', () => {
    const spikes = { i: [0, 1, 2, 3, 0], t: [0, 0.5, 1.2, 2.9, 3] };
    const { start, rateHz } = populationRate(spikes, 4, 3, 1);
    expect(Array.from(start)).toEqual([0, 1, 2]);
    // Bin [2, 3] holds t = 2.9 and the spike at exactly the duration.
    expect(Array.from(rateHz)).toEqual([2 / 4 / 0.001, 1 / 4 / 0.001, 2 / 4 / 0.001]);
    const partial = populationRate({ i: [0], t: [2.2] }, 1, 2.5, 1);
    expect(partial.rateHz[2]).toBeCloseTo(1 / 0.0005, 9);
  });

  it('population rate: one spike per time step fills equal bins (no rounding at bin edges)', () => {
    const t = Array.from({ length: 1000 }, (_, k) => k * 0.1);
    const { rateHz } = populationRate({ i: new Array<number>(1000).fill(0), t }, 1, 100, 0.2);
    expect(rateHz).toHaveLength(500);
    expect(new Set(rateHz).size).toBe(1);
  });

  it('raster stride: every neuron when small, else the smallest round stride within rows and points', () => {
    const counts = (neurons: number, each: number) => new Uint32Array(neurons).fill(each);
    expect(rasterStride(counts(300, 10), 460, 30_000)).toBe(1);
    // 4000 neurons, at most 460 rows: 4000/460 = 8.7, so every 10th (round strides 1 2 4 5 8 10 20 25 ...).
    expect(rasterStride(counts(4000, 20), 460, 30_000)).toBe(10);
    // Rows allow every 2nd, points do not: 1000 x 100 spikes at most 30,000 shown needs every 4th.
    expect(rasterStride(counts(1000, 100), 1000, 30_000)).toBe(4);
    const million = rasterStride(counts(1_000_000, 2), 460, 30_000);
    expect(million).toBe(2500);
    // Spikes concentrated on shown neurons push the stride further until they fit.
    const skewed = new Uint32Array(1000);
    for (let n = 0; n < 1000; n += 10) skewed[n] = 5000;
    const stride = rasterStride(skewed, 1000, 30_000);
    let shown = 0;
    for (let n = 0; n < 1000; n += stride) shown += skewed[n]!;
    expect(shown).toBeLessThanOrEqual(30_000);
  });
});
