import { describe, expect, it } from 'vitest';
import { STREAM_NETWORK } from '../../src/definition/constants.js';
import { walkLine } from '../../src/definition/lineWalk.js';
import { EventWalk } from '../../src/network/groups/eventWalk.js';
import { JitconnArgumentError, Network } from '../../src/index.js';

function definitionWalk(seed: number, prob: number, line: number, length: number): number[] {
  const positions: number[] = [];
  const spec = {
    seedLo: seed,
    seedHi: 0,
    prob,
    law: { kind: 'scalar', value: 1 },
    orientation: 'row',
    rows: line + 1,
    cols: length,
  } as const;
  walkLine(spec, line, length, (position) => positions.push(position), STREAM_NETWORK);
  return positions;
}

describe('Poisson groups', () => {
  it('draw exactly the definition walk of stream kind 3, line = step (across several blocks)', () => {
    for (const [prob, length] of [
      [0.01, 200_000],
      [0.5, 1000],
      [1, 70],
      [0, 70],
    ] as const) {
      const walk = new EventWalk(77, 0, prob, length);
      const out = new Uint32Array(length);
      for (const line of [0, 1, 12345]) {
        const count = walk.walk(line, out);
        expect(Array.from(out.subarray(0, count))).toEqual(definitionWalk(77, prob, line, length));
      }
    }
  });

  it('fire at the given rate: the total count is Binomial(n * steps, rate * dt)', () => {
    const network = new Network({ dt: 0.1 });
    const input = network.poissonGroup(1000, { rate: 100, seed: 5 });
    const monitor = network.spikeMonitor(input);
    network.advance(1000);
    // Binomial(10^6, 0.01): mean 10^4, sd 99.5; +-6 sd has a false-failure rate of 2e-9.
    expect(Math.abs(monitor.count - 10_000)).toBeLessThan(6 * 99.5);
    expect(input.prob).toBeCloseTo(0.01, 12);
  });

  it('are reproducible from the seed and differ between seeds and steps', () => {
    const trains = [3, 3, 4].map((seed) => {
      const network = new Network();
      const monitor = network.spikeMonitor(network.poissonGroup(500, { prob: 0.05, seed }));
      network.advance(20);
      return Array.from(monitor.i);
    });
    expect(trains[0]).toEqual(trains[1]);
    expect(trains[0]).not.toEqual(trains[2]);
    const network = new Network();
    const group = network.poissonGroup(500, { prob: 0.05, seed: 3 });
    const first = Array.from(group.spikes.subarray(0, group.update(0)));
    const second = Array.from(group.spikes.subarray(0, group.update(1)));
    expect(first).not.toEqual(second);
  });

  it('refuse a missing or doubled rate and rates above one spike per step', () => {
    const network = new Network({ dt: 1 });
    expect(() => network.poissonGroup(10, { seed: 1 })).toThrow(JitconnArgumentError);
    expect(() => network.poissonGroup(10, { rate: 5, prob: 0.1, seed: 1 })).toThrow(/rate/);
    expect(() => network.poissonGroup(10, { rate: 2000, seed: 1 })).toThrow(/at most one spike per step/);
    expect(() => network.poissonGroup(10, { prob: 1.5, seed: 1 })).toThrow(/prob/);
    expect(() => network.poissonGroup(10, { prob: 0.1, seed: -1 })).toThrow(/seed/);
  });
});

describe('spike sources', () => {
  it('replay the given spikes at step round(t / dt), in order of time then neuron', () => {
    const network = new Network({ dt: 0.5 });
    const source = network.spikeSource(10, { indices: [3, 1, 7, 2, 9], times: [1.0, 1.1, 0, 5, 1.2] });
    const monitor = network.spikeMonitor(source);
    network.advance(20);
    expect(Array.from(monitor.i)).toEqual([7, 1, 3, 9, 2]);
    expect(Array.from(monitor.t)).toEqual([0, 1, 1, 1, 5]);
  });

  it('refuse bad lists: out of range, negative or non-finite times, two spikes of a neuron in one step', () => {
    const network = new Network({ dt: 1 });
    expect(() => network.spikeSource(5, { indices: [5], times: [0] })).toThrow(/indices\[0\]/);
    expect(() => network.spikeSource(5, { indices: [1.5], times: [0] })).toThrow(JitconnArgumentError);
    expect(() => network.spikeSource(5, { indices: [1], times: [-1] })).toThrow(/times\[0\]/);
    expect(() => network.spikeSource(5, { indices: [1], times: [Infinity] })).toThrow(/times\[0\]/);
    expect(() => network.spikeSource(5, { indices: [1, 2], times: [0] })).toThrow(/times/);
    expect(() => network.spikeSource(5, { indices: [1, 1], times: [2, 2.2] })).toThrow(/another step/);
  });
});

describe('threshold groups', () => {
  it('spike where the input summed in the previous step exceeds the threshold, then clear it', () => {
    const network = new Network();
    const layer = network.thresholdGroup(4, { threshold: 0.2 });
    const monitor = network.spikeMonitor(layer);
    layer.input.set([0.1, 0.2, 0.3, -1]);
    network.advance(2);
    expect(Array.from(monitor.i)).toEqual([2]);
    expect(Array.from(layer.input)).toEqual([0, 0, 0, 0]);
    expect(() => network.thresholdGroup(4, { threshold: Number.NaN })).toThrow(/threshold/);
  });
});
