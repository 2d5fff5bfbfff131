import { describe, expect, it } from 'vitest';
import {
  BinaryArray,
  feedForward,
  JitconnArgumentError,
  spikeStatistics,
  visualisationNetwork,
  vogelsAbbott,
  type FeedForwardNetwork,
} from '../../src/index.js';

/*
 * Plausible activity of the benchmark networks. The runs below use fixed seeds, so they are
 * deterministic; the bounds say what "plausible" means. Brian2 2.5.1 (numpy target) on the same
 * models, seeds 0-3: COBA 19.0-22.1 Hz with Euler, 19.6-22.7 Hz with exponential Euler, CV of ISI
 * 1.49-1.63; CUBA (exact integration) 5.5-6.2 Hz, CV 0.52-0.54. This implementation, seeds 0-9:
 * COBA 21.2 Hz mean, 1.3 Hz standard deviation between seeds, CV 1.54 +- 0.03; CUBA 5.65 +- 0.27 Hz,
 * CV 0.52 +- 0.01. The rate bounds are about five seed-to-seed standard deviations either side of
 * that mean; CV above 1 for COBA is its irregular, bursty asynchronous state (a regular or silent
 * network would fail).
 */
const COBA = { rate: [15, 28], cv: [1.3, 1.8] } as const;
const CUBA = { rate: [4.3, 7], cv: [0.45, 0.6] } as const;

function expectWithin(value: number, [low, high]: readonly [number, number]): void {
  expect(value).toBeGreaterThan(low);
  expect(value).toBeLessThan(high);
}

describe('Vogels-Abbott benchmark networks', () => {
  it('COBA, 4000 neurons, 1 s: fires irregularly at a plausible rate', async () => {
    const { network, spikes, parameters } = vogelsAbbott({ model: 'coba', seed: 11 });
    expect(parameters).toMatchObject({ neurons: 4000, excitatory: 3200, inhibitory: 800, prob: 0.02 });
    expect(parameters.weights).toEqual({ exc: 0.6, inh: 6.7 });
    await network.run(1000);
    const stats = spikeStatistics(spikes!, network.time);
    expectWithin(stats.meanRateHz, COBA.rate);
    expectWithin(stats.cvIsi, COBA.cv);
    expect(stats.cvNeurons).toBeGreaterThan(3000);
    expect(Math.max(...spikes!.i)).toBeLessThan(4000);
  });

  it('CUBA, 4000 neurons, 1 s: fires irregularly at a plausible rate', async () => {
    const { network, spikes, parameters } = vogelsAbbott({ model: 'cuba', seed: 11 });
    expect(parameters.weights).toEqual({ exc: 1.62, inh: -9 });
    await network.run(1000);
    const stats = spikeStatistics(spikes!, network.time);
    expectWithin(stats.meanRateHz, CUBA.rate);
    expectWithin(stats.cvIsi, CUBA.cv);
  });

  it('has the benchmark connectivity: p = 0.02, about 320,000 synapses, initial v = -55 + 2 N(0, 1) mV', () => {
    const { network, neurons } = vogelsAbbott({ seed: 5 });
    // Binomial(16e6, 0.02): mean 320,000, sd 560; +-6 sd has a false-failure rate of 2e-9.
    expect(Math.abs(network.synapseCount('counted') - 320_000)).toBeLessThan(6 * 560);
    const v = Array.from(neurons.v);
    const mean = v.reduce((a, b) => a + b) / v.length;
    const sd = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / (v.length - 1));
    // The mean of 4000 N(-55, 4) draws has sd 0.032 mV, the sample sd about 0.022: 6 sd bounds.
    expect(Math.abs(mean + 55)).toBeLessThan(6 * 0.032);
    expect(Math.abs(sd - 2)).toBeLessThan(6 * 0.022);
  });

  it('scales to any size at a fixed in-degree: p = K / N, weights * 80 / K; at K = 80 the rate stays the benchmark`s', async () => {
    const scaled = vogelsAbbott({ neurons: 12_000, seed: 2 });
    expect(scaled.parameters.prob).toBeCloseTo(80 / 12_000, 12);
    expect(scaled.network.synapseCount()).toBeCloseTo(12_000 * 80, 3);
    await scaled.network.run(500);
    expectWithin(spikeStatistics(scaled.spikes!, 500, 100).meanRateHz, COBA.rate);
    const dense = vogelsAbbott({ neurons: 1_000_000, inDegree: 1000, record: false });
    expect(dense.parameters.prob).toBe(0.001);
    expect(dense.parameters.weights.exc).toBeCloseTo(0.048, 12);
    expect(dense.parameters.weights.inh).toBeCloseTo(0.536, 12);
    expect(dense.network.synapseCount()).toBeCloseTo(1e9, 0);
    expect(dense.network.jitBytes()).toBe(144);
  });

  it('weight laws: uniform on [0, 2w) and normal N(w, (w/5)^2) keep the mean weight w, and change the run', async () => {
    const scalar = vogelsAbbott({ seed: 6 });
    await scalar.network.run(100);
    for (const weightLaw of ['uniform', 'normal'] as const) {
      const model = vogelsAbbott({ seed: 6, weightLaw });
      expect(model.parameters.weightLaw).toBe(weightLaw);
      for (const [projection, w] of [
        [model.excitatory, 0.6],
        [model.inhibitory, 6.7],
      ] as const) {
        expect(projection.matrix.law).toEqual(
          weightLaw === 'uniform'
            ? { kind: 'uniform', offset: 0, span: 2 * w }
            : { kind: 'normal', loc: w, scale: w / 5 },
        );
        const weights = projection.matrix.tocsr().data;
        const mean = weights.reduce((a, b) => a + b, 0) / weights.length;
        // Standard error of the mean of n weights: w/sqrt(3n) (uniform) or w/(5 sqrt(n)) (normal); 6 of them
        // (false-failure rate 2e-9 per check).
        const se =
          weightLaw === 'uniform' ? w / Math.sqrt(3 * weights.length) : w / (5 * Math.sqrt(weights.length));
        expect(Math.abs(mean - w)).toBeLessThan(6 * se);
        expect(weights.reduce((a, b) => Math.min(a, b))).toBeGreaterThanOrEqual(0);
      }
      await model.network.run(100);
      expect(model.spikes!.count).toBeGreaterThan(0);
      expect(Array.from(model.spikes!.i)).not.toEqual(Array.from(scalar.spikes!.i));
    }
  });

  it('checks its options', () => {
    expect(() => vogelsAbbott({ weightLaw: 'lognormal' as 'normal' })).toThrow(/weightLaw/);
    expect(() => vogelsAbbott({ model: 'hh' as 'coba' })).toThrow(JitconnArgumentError);
    expect(() => vogelsAbbott({ neurons: 4 })).toThrow(/neurons/);
    expect(() => vogelsAbbott({ neurons: 100, inDegree: 101 })).toThrow(/inDegree/);
    expect(() => vogelsAbbott({ weights: { exc: Number.NaN } })).toThrow(/weights.exc/);
    expect(() => vogelsAbbott({ seed: 2 ** 53 - 1 })).toThrow(/seed \+ 1/);
  });
});

/** Checks the layers step by step against the matrices: hidden(s + 1) = [input(s) @ W1 > 0.2], output(s + 2) = hidden(s + 1) @ W2. */
function checkForward(model: FeedForwardNetwork, steps: number): number {
  const { network, input, hidden, output, w1, w2 } = model;
  const outputInput = network.stateMonitor(output, 'input');
  network.advance(steps);
  const perStep = (monitor: FeedForwardNetwork['inputSpikes'], step: number): number[] =>
    Array.from(monitor.i).filter((_, k) => monitor.t[k] === step * network.dt);
  let hiddenSpikes = 0;
  for (let s = 0; s + 2 < steps; s++) {
    const x = BinaryArray.fromIndices(perStep(model.inputSpikes, s), input.size);
    const hiddenInput = w1.matrix.vecmat(x);
    const expected = [...hiddenInput.keys()].filter((j) => hiddenInput[j]! > Math.fround(0.2));
    const actual = perStep(model.hiddenSpikes, s + 1);
    expect(actual).toEqual(expected);
    hiddenSpikes += actual.length;
    const y = w2.matrix.vecmat(BinaryArray.fromIndices(actual, hidden.size));
    expect(Array.from(outputInput.values.subarray((s + 2) * output.size, (s + 3) * output.size))).toEqual(
      Array.from(y),
    );
  }
  return hiddenSpikes;
}

describe('the tutorial`s section-6 networks', () => {
  it('the 1000 -> 500 -> 50 visualisation network computes the tutorial`s forward pass each step', () => {
    const model = visualisationNetwork();
    expect(model.w1.matrix.toJSON()).toMatchObject({
      law: { kind: 'normal', loc: 0, scale: 0.05 },
      prob: 0.05,
      seed: 2025,
    });
    expect(model.w2.matrix.toJSON()).toMatchObject({
      law: { kind: 'normal', loc: 0, scale: 0.1 },
      prob: 0.1,
      seed: 2026,
    });
    expect(checkForward(model, 30)).toBeGreaterThan(0);
    // 5 % input: Binomial(30000, 0.05), mean 1500, sd 37.7; 6 sd bounds.
    expect(Math.abs(model.inputSpikes.count - 1500)).toBeLessThan(6 * 37.7);
  });

  it('the 100K -> 50K -> 1K MassiveJITCNetwork runs its forward pass at 0.1 % input', () => {
    const model = feedForward();
    expect([model.input.size, model.hidden.size, model.output.size]).toEqual([100_000, 50_000, 1000]);
    expect(model.network.synapseCount()).toBeCloseTo(50e6 + 1e6, 0);
    expect(checkForward(model, 4)).toBeGreaterThan(0);
  });
});
