import { JitconnArgumentError } from '../../errors.js';
import type { Seed } from '../../definition/seed.js';
import { JITCNormalR } from '../../matrix/normal.js';
import type { BackendName } from '../../types.js';
import type { PoissonGroup } from '../groups/poissonGroup.js';
import type { ThresholdGroup } from '../groups/thresholdGroup.js';
import type { SpikeMonitor } from '../monitors/spikeMonitor.js';
import { Network } from '../network.js';
import type { Projection } from '../projection.js';
import { derivedSeed } from './seeds.js';

/** Options of the tutorial's feed-forward networks (section 6). */
export interface FeedForwardOptions {
  /** Input neurons (default 100,000). */
  readonly inputs?: number;
  /** Hidden neurons (default 50,000). */
  readonly hidden?: number;
  /** Output neurons (default 1000). */
  readonly outputs?: number;
  /** Connection probability p of the first matrix; the second has 2p. */
  readonly prob?: number;
  /** Seed of the first matrix; the second has seed + 1. */
  readonly seed?: Seed;
  /** Spike probability of every input neuron in every step (default 0.001). */
  readonly inputProb?: number;
  /** Seed of the input spikes (default 999). */
  readonly inputSeed?: Seed;
  /** Hidden neurons spike where their input exceeds this (default 0.2). */
  readonly hiddenThreshold?: number;
  /** Outputs counted active where their input exceeds this (default 0.5). */
  readonly outputThreshold?: number;
  /** One step of the network, in ms (default 1: times are step numbers). */
  readonly dt?: number;
  /** Backend of the network (default: the default backend). */
  readonly backend?: BackendName;
}

/** A configured feed-forward network, ready to run. */
export interface FeedForwardNetwork {
  /** The network: run it. */
  readonly network: Network;
  /** The Poisson input layer. */
  readonly input: PoissonGroup;
  /** The hidden threshold layer. */
  readonly hidden: ThresholdGroup;
  /** The output threshold layer. */
  readonly output: ThresholdGroup;
  /** input -> hidden: JITCNormalR([0, 0.05, p, seed]). */
  readonly w1: Projection;
  /** hidden -> output: JITCNormalR([0, 0.1, 2p, seed + 1]). */
  readonly w2: Projection;
  /** Every input spike. */
  readonly inputSpikes: SpikeMonitor;
  /** Every hidden spike. */
  readonly hiddenSpikes: SpikeMonitor;
  /** Every output spike. */
  readonly outputSpikes: SpikeMonitor;
}

/**
 * The tutorial's `MassiveJITCNetwork` (section 6) as a network: Bernoulli input spikes each step,
 * hidden spikes where `input @ w1 > 0.2`, outputs `hidden @ w2` (spiking where > 0.5). Each layer
 * reacts one step after its input (a projection delivers at the end of a step), so the hidden
 * spikes of step s + 1 answer the input of step s, as the tutorial's forward pass of step s does.
 * Defaults: the 100K -> 50K -> 1K network (p = 0.01, seed 2024) driven at 0.1 % per step.
 *
 * @param options - Layer sizes, probability, seeds, thresholds, dt and backend; all optional.
 * @returns The network, its groups, projections and spike monitors.
 * @throws {@link JitconnArgumentError} when `options` is not an object, `prob` is not in [0, 0.5]
 *   (the second matrix has 2p), or another option is out of range (sizes, `inputProb`, seeds,
 *   thresholds, `dt`, `backend`).
 * @example
 * ```ts
 * import { feedForward } from 'jitconn';
 *
 * const { network, hiddenSpikes } = feedForward({ inputs: 10_000, hidden: 5000, outputs: 100 });
 * network.advance(100); // 100 steps of 1 ms
 * console.log(hiddenSpikes.count);
 * ```
 */
export function feedForward(options: FeedForwardOptions = {}): FeedForwardNetwork {
  if (typeof options !== 'object' || options === null) {
    throw new JitconnArgumentError('options', options, 'an object of model options or undefined');
  }
  const prob = options.prob ?? 0.01;
  if (typeof prob !== 'number' || !(prob >= 0 && prob <= 0.5)) {
    throw new JitconnArgumentError('prob', prob, 'a probability in [0, 0.5] (the second matrix has 2p)');
  }
  const seed = options.seed ?? 2024;
  const network = new Network({ dt: options.dt ?? 1, backend: options.backend });
  const input = network.poissonGroup(options.inputs ?? 100_000, {
    name: 'input',
    prob: options.inputProb ?? 0.001,
    seed: options.inputSeed ?? 999,
  });
  const hidden = network.thresholdGroup(options.hidden ?? 50_000, {
    name: 'hidden',
    threshold: options.hiddenThreshold ?? 0.2,
  });
  const output = network.thresholdGroup(options.outputs ?? 1000, {
    name: 'output',
    threshold: options.outputThreshold ?? 0.5,
  });
  const m1 = new JITCNormalR([0, 0.05, prob, seed], { shape: [input.size, hidden.size] });
  const m2 = new JITCNormalR([0, 0.1, 2 * prob, derivedSeed(seed, 1)], { shape: [hidden.size, output.size] });
  return {
    network,
    input,
    hidden,
    output,
    w1: network.connect(input, hidden, m1),
    w2: network.connect(hidden, output, m2),
    inputSpikes: network.spikeMonitor(input),
    hiddenSpikes: network.spikeMonitor(hidden),
    outputSpikes: network.spikeMonitor(output),
  };
}

/**
 * The tutorial's visualisation network (section 6): 1000 -> 500 -> 50, p = 0.05, seed 2025,
 * driven by 5 % Bernoulli input per step (seed 888); the tutorial runs it for VISUALISATION_STEPS
 * steps.
 *
 * @param options - Settings that replace these (see {@link feedForward}).
 * @returns The network, its groups, projections and spike monitors.
 * @throws {@link JitconnArgumentError} as {@link feedForward} does.
 * @example
 * ```ts
 * import { VISUALISATION_STEPS, visualisationNetwork } from 'jitconn';
 *
 * const { network, hiddenSpikes } = visualisationNetwork();
 * network.advance(VISUALISATION_STEPS);
 * hiddenSpikes.i; hiddenSpikes.t; // a raster of the hidden layer
 * ```
 */
export function visualisationNetwork(options: FeedForwardOptions = {}): FeedForwardNetwork {
  return feedForward({
    inputs: 1000,
    hidden: 500,
    outputs: 50,
    prob: 0.05,
    seed: 2025,
    inputProb: 0.05,
    inputSeed: 888,
    ...options,
  });
}

/** Steps the tutorial draws the visualisation network for. */
export const VISUALISATION_STEPS = 100;
