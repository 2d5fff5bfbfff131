import { describe, expect, it } from 'vitest';
import {
  JitconnArgumentError,
  Network,
  shutdownThreads,
  vogelsAbbott,
  type RunProgress,
} from '../../src/index.js';

/** A small self-sustained network (the benchmark at 500 neurons) with a spike monitor. */
function small(seed = 1) {
  return vogelsAbbott({ neurons: 500, seed });
}

describe('running a network', () => {
  it('runs duration / dt steps and reports steps, time, spikes and events', async () => {
    const { network, spikes } = small();
    const progress: RunProgress[] = [];
    const result = await network.run(50, { onProgress: (p) => progress.push(p), progressIntervalMs: 0 });
    expect(result).toMatchObject({ steps: 500, interrupted: false });
    expect(result.simulatedMs).toBeCloseTo(50, 9);
    expect(result.spikes).toBe(spikes!.count);
    expect(result.synapticEvents).toBeGreaterThan(0);
    expect(network.steps).toBe(500);
    expect(network.time).toBeCloseTo(50, 9);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toMatchObject({ steps: 500, totalSteps: 500, fraction: 1 });
    for (let k = 1; k < progress.length; k++)
      expect(progress[k]!.steps).toBeGreaterThanOrEqual(progress[k - 1]!.steps);
  });

  it('gives the same spikes whether run in one go, in pieces, or stepped with advance', async () => {
    const a = small(7);
    await a.network.run(40);
    const b = small(7);
    await b.network.run(15);
    await b.network.run(25);
    const c = small(7);
    c.network.advance(400);
    expect(Array.from(b.spikes!.i)).toEqual(Array.from(a.spikes!.i));
    expect(Array.from(c.spikes!.i)).toEqual(Array.from(a.spikes!.i));
    expect(Array.from(c.spikes!.t)).toEqual(Array.from(a.spikes!.t));
  });

  it('keeps no state in the product kernels: stopping their threads mid-run changes nothing', async () => {
    const a = small(9);
    await a.network.run(30);
    const b = small(9);
    await b.network.run(10);
    shutdownThreads();
    await b.network.run(20);
    expect(Array.from(b.spikes!.i)).toEqual(Array.from(a.spikes!.i));
    expect(Array.from(b.neurons.v)).toEqual(Array.from(a.neurons.v));
  });

  it('stop() ends a run after the current step, keeping what was recorded, and says so', async () => {
    const { network, spikes } = small();
    const result = await network.run(1000, {
      progressIntervalMs: 0,
      onProgress: (p) => {
        if (p.steps >= 80) network.stop();
      },
    });
    expect(result.interrupted).toBe(true);
    expect(result.steps).toBeGreaterThanOrEqual(80);
    expect(result.steps).toBeLessThan(10_000);
    expect(network.steps).toBe(result.steps);
    expect(spikes!.count).toBe(result.spikes);
    expect(Math.max(...spikes!.t)).toBeLessThan(result.steps * 0.1);
    const next = await network.run(1);
    expect(next).toMatchObject({ steps: 10, interrupted: false });
  });

  it('an AbortSignal aborted from a timer stops the run: the run yields to the event loop', async () => {
    const { network } = vogelsAbbott({ neurons: 2000, seed: 2 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const result = await network.run(1e6, { signal: controller.signal });
    expect(result.interrupted).toBe(true);
    expect(result.steps).toBeGreaterThan(0);
    expect(result.steps).toBeLessThan(1e7);
    const aborted = new AbortController();
    aborted.abort();
    expect(await network.run(10, { signal: aborted.signal })).toMatchObject({ steps: 0, interrupted: true });
  });

  it('refuses changes and a second run while running, and bad arguments', async () => {
    const { network, neurons } = small();
    const running = network.run(5000);
    expect(() => network.spikeMonitor(neurons)).toThrow(/idle/);
    expect(() => network.advance(1)).toThrow(/idle/);
    await expect(network.run(5)).rejects.toThrow(/idle/);
    network.stop();
    expect((await running).interrupted).toBe(true);
    await expect(network.run(-1)).rejects.toThrow(JitconnArgumentError);
    await expect(network.run(Number.NaN)).rejects.toThrow(/duration/);
    await expect(network.run(1, { onProgress: 5 as never })).rejects.toThrow(/onProgress/);
    expect(() => network.advance(-2)).toThrow(/steps/);
    expect(() => new Network({ dt: 0 })).toThrow(/dt/);
    expect(() => new Network({ backend: 'gpu' as 'wasm' })).toThrow(/backend/);
  });
});

describe('monitors', () => {
  it('a spike monitor of a slice records neuron indices within the slice', () => {
    const network = new Network({ dt: 1 });
    const source = network.spikeSource(10, { indices: [1, 4, 6, 9], times: [0, 0, 1, 2] });
    const whole = network.spikeMonitor(source);
    const part = network.spikeMonitor(source.slice(4, 8));
    network.advance(3);
    expect(Array.from(whole.i)).toEqual([1, 4, 6, 9]);
    expect(Array.from(part.i)).toEqual([0, 2]);
    expect(Array.from(part.t)).toEqual([0, 1]);
    expect(Array.from(whole.countsPerNeuron())).toEqual([0, 1, 0, 0, 1, 0, 1, 0, 0, 1]);
  });

  it('a state monitor samples chosen neurons at the start of every n-th step', () => {
    const network = new Network({ dt: 0.5 });
    const group = network.lifGroup(5, { synapse: 'cuba', current: 5 });
    group.v.set([-60, -59, -58, -57, -56]);
    const monitor = network.stateMonitor(group.slice(1, 5), 'v', { neurons: [3, 0], every: 4 });
    network.advance(9);
    expect(monitor.samples).toBe(3);
    expect(Array.from(monitor.t)).toEqual([0, 2, 4]);
    expect(Array.from(monitor.values.subarray(0, 2))).toEqual([-56, -59]);
    expect(monitor.trace(1)[0]).toBe(-59);
    expect(monitor.trace(1)[2]).toBeGreaterThan(-59); // relaxing towards -55
    expect(() => network.stateMonitor(group, 'w')).toThrow(/variable/);
    expect(() => network.stateMonitor(group, 'v', { neurons: [5] })).toThrow(/neurons\[0\]/);
    expect(() => network.stateMonitor(group, 'v', { every: 0 })).toThrow(/every/);
  });
});
