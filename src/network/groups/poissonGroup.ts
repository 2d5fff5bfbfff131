import { JitconnArgumentError, JitconnTooLargeError } from '../../errors.js';
import { seedWords, type Seed } from '../../definition/seed.js';
import { EventWalk } from './eventWalk.js';
import { NeuronGroup } from './group.js';

/** Either a rate or a per-step probability, and a seed. */
export interface PoissonOptions {
  /** Firing rate of every neuron, in Hz (spike probability rate * dt per step). */
  readonly rate?: number;
  /** Or: the spike probability of every neuron in every step, in [0, 1]. */
  readonly prob?: number;
  /** Seed of the draws (give each random component of a network its own seed). */
  readonly seed: Seed;
}

/** Lines of the network stream kind that Poisson groups use: one per step, below this. */
export const MAX_POISSON_STEPS = 0xffffffff;

/**
 * Independent Poisson spike trains on the time grid: in each step every neuron spikes with
 * probability p = rate * dt, independently (exact Bernoulli, from the definition's seeded streams:
 * the draws of step s are line s of stream kind 3 under this group's seed). The same seed gives the
 * same spikes everywhere. Made by `network.poissonGroup`.
 *
 * @example
 * ```ts
 * import { Network } from 'jitconn';
 *
 * const network = new Network({ dt: 0.1 });
 * const input = network.poissonGroup(1000, { rate: 10, seed: 7 });
 * input.prob; // 0.001: 10 Hz for 0.1 ms
 * ```
 */
export class PoissonGroup extends NeuronGroup {
  /** Spike probability per neuron and step. */
  readonly prob: number;
  readonly spikes: Uint32Array;
  readonly #walk: EventWalk;

  /** @internal Created by `network.poissonGroup(size, options)`. */
  constructor(name: string, size: number, options: PoissonOptions, dt: number) {
    super(name, size, new Map());
    this.prob = poissonProb(options, dt);
    const { lo, hi } = seedWords(options.seed, 'seed');
    this.#walk = new EventWalk(lo, hi, this.prob, size);
    this.spikes = new Uint32Array(size);
  }

  /** @internal Called by the network once per step. */
  update(step: number): number {
    if (step >= MAX_POISSON_STEPS) {
      throw new JitconnTooLargeError(`a Poisson group draws at most ${MAX_POISSON_STEPS} steps`);
    }
    return this.#walk.walk(step, this.spikes);
  }
}

function poissonProb(options: PoissonOptions, dt: number): number {
  if (typeof options !== 'object' || options === null) {
    throw new JitconnArgumentError('options', options, 'an object { rate or prob, seed }');
  }
  const { rate, prob } = options;
  if ((rate === undefined) === (prob === undefined)) {
    throw new JitconnArgumentError('rate', rate, 'given, or prob given instead (exactly one of the two)');
  }
  if (prob !== undefined) {
    if (typeof prob !== 'number' || !(prob >= 0 && prob <= 1)) {
      throw new JitconnArgumentError('prob', prob, 'a probability per step in [0, 1]');
    }
    return prob;
  }
  const p = (rate as number) * (dt / 1000);
  if (typeof rate !== 'number' || !(rate >= 0) || !(p <= 1)) {
    throw new JitconnArgumentError(
      'rate',
      rate,
      `a rate in Hz in [0, ${1000 / dt}] (at most one spike per step of ${dt} ms)`,
    );
  }
  return p;
}
