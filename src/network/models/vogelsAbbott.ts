import { JitconnArgumentError } from '../../errors.js';
import type { Seed } from '../../definition/seed.js';
import type { JITCMatrix } from '../../matrix/jitcMatrix.js';
import { JITCNormalR } from '../../matrix/normal.js';
import { JITCScalarR } from '../../matrix/scalar.js';
import { JITCUniformR } from '../../matrix/uniform.js';
import type { BackendName } from '../../types.js';
import type { LifGroup } from '../groups/lifGroup.js';
import { LIF_DEFAULTS, type LifParameters } from '../groups/lifParameters.js';
import type { SpikeMonitor } from '../monitors/spikeMonitor.js';
import { Network } from '../network.js';
import type { Projection } from '../projection.js';
import { seededNormals, seededUniforms } from '../random.js';
import { derivedSeed } from './seeds.js';

/** Options of `vogelsAbbott` (all optional). */
export interface VogelsAbbottOptions {
  /** 'coba' (conductance-based, default) or 'cuba' (current-based). */
  readonly model?: 'coba' | 'cuba';
  /** Neurons, 80 % excitatory (default 4000). */
  readonly neurons?: number;
  /** Presynaptic partners per neuron on average, K (default 80: p = K / neurons = 0.02 at 4000). */
  readonly inDegree?: number;
  /** Seed of the connectivity (seed, seed + 1) and the initial potentials (default 0). */
  readonly seed?: Seed;
  /** Time step in ms (default 0.1). */
  readonly dt?: number;
  /** Backend of the network (default: the default backend). */
  readonly backend?: BackendName;
  /** Synaptic weights, replacing the scaled benchmark values (COBA: in units of the leak conductance; CUBA: mV). */
  readonly weights?: {
    /** Weight of the excitatory synapses. */
    readonly exc?: number;
    /** Weight of the inhibitory synapses (COBA: positive, a conductance; CUBA: negative). */
    readonly inh?: number;
  };
  /**
   * How the weights of a projection vary about its weight w: 'scalar' (default) every synapse w;
   * 'uniform' drawn from [0, 2w); 'normal' from N(w, (w / 5)^2) (a weight crosses zero with
   * probability 3e-7). The mean, and so the mean synaptic input, is w in all three.
   */
  readonly weightLaw?: VogelsAbbottWeightLaw;
  /** Record every spike (default true). */
  readonly record?: boolean;
}

/** The weight laws `vogelsAbbott` offers (see VogelsAbbottOptions.weightLaw). */
export const VOGELS_ABBOTT_WEIGHT_LAWS = ['scalar', 'uniform', 'normal'] as const;
/** How the weights of a Vogels-Abbott projection vary: 'scalar', 'uniform' or 'normal'. */
export type VogelsAbbottWeightLaw = (typeof VOGELS_ABBOTT_WEIGHT_LAWS)[number];

/** A configured Vogels-Abbott network, ready to run. */
export interface VogelsAbbottNetwork {
  /** The network: run it. */
  readonly network: Network;
  /** All neurons: excitatory [0, excitatory), inhibitory after. */
  readonly neurons: LifGroup;
  /** The excitatory neurons' projection onto every neuron (target 'ge'). */
  readonly excitatory: Projection;
  /** The inhibitory neurons' projection onto every neuron (target 'gi'). */
  readonly inhibitory: Projection;
  /** Every spike of every neuron (null when record is false). */
  readonly spikes: SpikeMonitor | null;
  /** What was built. */
  readonly parameters: {
    /** 'coba' or 'cuba'. */
    readonly model: 'coba' | 'cuba';
    /** Number of neurons. */
    readonly neurons: number;
    /** Number of excitatory neurons (80 %). */
    readonly excitatory: number;
    /** Number of inhibitory neurons (20 %). */
    readonly inhibitory: number;
    /** Mean presynaptic partners per neuron, K. */
    readonly inDegree: number;
    /** Connection probability, K / neurons. */
    readonly prob: number;
    /** The synaptic weights used. */
    readonly weights: {
      /** Excitatory weight. */
      readonly exc: number;
      /** Inhibitory weight. */
      readonly inh: number;
    };
    /** How the weights vary about them. */
    readonly weightLaw: VogelsAbbottWeightLaw;
    /** The seed. */
    readonly seed: Seed;
    /** The time step in ms. */
    readonly dt: number;
  };
}

/** The benchmark's in-degree: p = 0.02 of 4000 neurons. */
export const BENCHMARK_IN_DEGREE = 80;

/** Weights at the benchmark's in-degree (Brette et al. 2007, as in Brian2's benchmark scripts). */
export const BENCHMARK_WEIGHTS = {
  /** COBA: conductances in units of the leak conductance. */
  coba: {
    /** Excitatory weight. */
    exc: 0.6,
    /** Inhibitory weight. */
    inh: 6.7,
  },
  /** CUBA: currents, as mV. */
  cuba: {
    /** Excitatory weight. */
    exc: 1.62,
    /** Inhibitory weight. */
    inh: -9,
  },
} as const;

/** Neuron parameters of the two benchmarks: the default LIF neuron with a constant drive. */
export const BENCHMARK_NEURONS: Readonly<Record<'coba' | 'cuba', LifParameters>> = {
  // tau_m dv/dt = (E_L - v) + ge (E_exc - v) + gi (E_inh - v) + 20 mV
  coba: { ...LIF_DEFAULTS, synapse: 'coba', current: 20 },
  // tau_m dv/dt = (E_L - v) + ge + gi + 11 mV (Brian2's E_L = -49 mV)
  cuba: { ...LIF_DEFAULTS, synapse: 'cuba', current: 11 },
};

/**
 * The Vogels & Abbott (2005) balanced network of the simulator benchmarks (Brette et al. 2007):
 * LIF neurons, 80 % excitatory, every neuron receiving Bernoulli(p) connections from every neuron
 * (p = inDegree / neurons), exponential synapses, a constant drive. At the defaults it is the
 * benchmark: 4000 neurons, p = 0.02. At other sizes the in-degree K stays fixed and the weights are
 * scaled by 80 / K, so the mean synaptic input K * w * rate is the benchmark's (docs/networks.md).
 * Initial potentials: COBA -55 mV + 2 mV * N(0, 1); CUBA uniform in [-60, -50) mV (Brian2's CUBA).
 *
 * @param options - Model, size, in-degree, seed, dt, backend, weights, weight law, recording; all
 *   optional.
 * @returns The network, its neurons, projections, spike monitor and the parameters used.
 * @throws {@link JitconnArgumentError} when `options` is not an object, `model` or `weightLaw` is
 *   unknown, `neurons` is not an integer in [5, 2^32 - 1], `inDegree` is not in (0, neurons], a
 *   weight is not finite, or the seed, `dt` or backend is invalid.
 * @example
 * ```ts
 * import { spikeStatistics, vogelsAbbott } from 'jitconn';
 *
 * const { network, spikes } = vogelsAbbott({ model: 'coba', neurons: 4000, seed: 1 }); // the benchmark
 * await network.run(1000); // 1 s
 * spikeStatistics(spikes!, network.time); // { meanRateHz, cvIsi, cvNeurons, spikes }
 * ```
 */
export function vogelsAbbott(options: VogelsAbbottOptions = {}): VogelsAbbottNetwork {
  if (typeof options !== 'object' || options === null) {
    throw new JitconnArgumentError('options', options, 'an object of model options or undefined');
  }
  const model = options.model ?? 'coba';
  if (model !== 'coba' && model !== 'cuba')
    throw new JitconnArgumentError('model', model, "'coba' or 'cuba'");
  const size = options.neurons ?? 4000;
  if (!Number.isInteger(size) || size < 5 || size > 2 ** 32 - 1) {
    throw new JitconnArgumentError(
      'neurons',
      size,
      'an integer in [5, 2^32 - 1] (80 % excitatory, 20 % inhibitory)',
    );
  }
  const inDegree = options.inDegree ?? BENCHMARK_IN_DEGREE;
  if (typeof inDegree !== 'number' || !(inDegree > 0) || !(inDegree <= size)) {
    throw new JitconnArgumentError(
      'inDegree',
      inDegree,
      `a mean number of inputs per neuron in (0, ${size}]`,
    );
  }
  const seed = options.seed ?? 0;
  const weightLaw = options.weightLaw ?? 'scalar';
  if (!VOGELS_ABBOTT_WEIGHT_LAWS.includes(weightLaw)) {
    throw new JitconnArgumentError('weightLaw', weightLaw, "'scalar', 'uniform' or 'normal'");
  }
  const weights = scaledWeights(model, inDegree, options.weights);
  const network = new Network({ dt: options.dt, backend: options.backend });
  const inhibitory = Math.round(size * 0.2);
  const excitatory = size - inhibitory;
  const prob = inDegree / size;
  const neurons = network.lifGroup(size, { ...BENCHMARK_NEURONS[model], name: 'neurons' });
  neurons.v.set(model === 'coba' ? seededNormals(seed, size, -55, 2) : seededUniforms(seed, size, -60, -50));
  const exc = projectionMatrix(weightLaw, weights.exc, prob, seed, [excitatory, size]);
  const inh = projectionMatrix(weightLaw, weights.inh, prob, derivedSeed(seed, 1), [inhibitory, size]);
  const excProjection = network.connect(neurons.slice(0, excitatory), neurons, exc, { target: 'ge' });
  const inhProjection = network.connect(neurons.slice(excitatory, size), neurons, inh, { target: 'gi' });
  const spikes = options.record === false ? null : network.spikeMonitor(neurons);
  return {
    network,
    neurons,
    excitatory: excProjection,
    inhibitory: inhProjection,
    spikes,
    parameters: {
      model,
      neurons: size,
      excitatory,
      inhibitory,
      inDegree,
      prob,
      weights,
      weightLaw,
      seed,
      dt: network.dt,
    },
  };
}

/** The matrix of one projection: mean weight w under `law` (see VogelsAbbottOptions.weightLaw). */
function projectionMatrix(
  law: VogelsAbbottWeightLaw,
  w: number,
  prob: number,
  seed: Seed,
  shape: [number, number],
): JITCMatrix {
  switch (law) {
    case 'scalar':
      return new JITCScalarR({ weight: w, prob, seed, shape });
    case 'uniform':
      return new JITCUniformR({ wlow: Math.min(0, 2 * w), whigh: Math.max(0, 2 * w), prob, seed, shape });
    case 'normal':
      return new JITCNormalR({ wloc: w, wscale: Math.abs(w) / 5, prob, seed, shape });
  }
}

/** The benchmark weights times 80 / K, unless given. */
function scaledWeights(
  model: 'coba' | 'cuba',
  inDegree: number,
  given: VogelsAbbottOptions['weights'],
): { exc: number; inh: number } {
  if (given !== undefined && (typeof given !== 'object' || given === null)) {
    throw new JitconnArgumentError('weights', given, 'an object { exc, inh } or undefined');
  }
  const scale = BENCHMARK_IN_DEGREE / inDegree;
  const weight = (name: 'exc' | 'inh'): number => {
    const value = given?.[name] ?? BENCHMARK_WEIGHTS[model][name] * scale;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new JitconnArgumentError(`weights.${name}`, value, 'a finite number');
    }
    return value;
  };
  return { exc: weight('exc'), inh: weight('inh') };
}
