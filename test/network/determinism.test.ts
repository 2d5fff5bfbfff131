import { afterAll, describe, expect, it } from 'vitest';
import { PARALLEL_MIN_NS } from '../../src/kernels/wasm/runtime.js';
import { setParallelMinWork } from '../../src/kernels/wasm/index.js';
import {
  getThreadCount,
  setThreadCount,
  visualisationNetwork,
  vogelsAbbott,
  type BackendName,
  type VogelsAbbottOptions,
} from '../../src/index.js';

interface Trains {
  i: number[];
  t: number[];
  v: number[];
}

function spikeTrains(options: VogelsAbbottOptions, steps: number): Trains {
  const { network, spikes, neurons } = vogelsAbbott(options);
  network.advance(steps);
  return { i: Array.from(spikes!.i), t: Array.from(spikes!.t), v: Array.from(neurons.v) };
}

/** Runs `f` with `threads` threads, every product sent through the worker pool when threads > 1. */
function withThreads<T>(threads: number, f: () => T): T {
  const before = getThreadCount();
  setThreadCount(threads);
  setParallelMinWork(threads > 1 ? 0 : PARALLEL_MIN_NS);
  try {
    return f();
  } finally {
    setThreadCount(before);
    setParallelMinWork(PARALLEL_MIN_NS);
  }
}

afterAll(() => setParallelMinWork(PARALLEL_MIN_NS));

describe('determinism', () => {
  for (const model of ['coba', 'cuba'] as const) {
    it(`${model}: the same seed gives the same spikes and state, bit for bit, on every thread count and backend`, () => {
      const options = (backend: BackendName): VogelsAbbottOptions => ({
        model,
        neurons: 1000,
        seed: 3,
        backend,
      });
      const one = withThreads(1, () => spikeTrains(options('wasm'), 1500));
      const two = withThreads(2, () => spikeTrains(options('wasm'), 1500));
      const three = withThreads(3, () => spikeTrains(options('wasm'), 1500));
      const reference = spikeTrains(options('reference'), 1500);
      expect(one.i.length).toBeGreaterThan(500);
      for (const other of [two, three, reference]) {
        expect(other.i).toEqual(one.i);
        expect(other.t).toEqual(one.t);
        expect(other.v).toEqual(one.v);
      }
      // And a different seed gives different trains.
      const other = withThreads(1, () => spikeTrains({ ...options('wasm'), seed: 4 }, 1500));
      expect(other.i).not.toEqual(one.i);
    });
  }

  it('the feed-forward network (normal weights, Poisson input) agrees across backends and threads', () => {
    const trains = (backend: BackendName, threads: number) =>
      withThreads(threads, () => {
        const model = visualisationNetwork({ backend });
        model.network.advance(30);
        return [model.inputSpikes, model.hiddenSpikes, model.outputSpikes].map((m) => Array.from(m.i));
      });
    const wasm = trains('wasm', 1);
    expect(wasm[1]!.length).toBeGreaterThan(0);
    expect(trains('wasm', 2)).toEqual(wasm);
    expect(trains('reference', 1)).toEqual(wasm);
  });
});
