import { JitconnArgumentError } from '../../errors.js';
import { NeuronGroup } from './group.js';

/** Given spikes: neuron `indices[k]` fires at `times[k]` (ms). */
export interface SpikeSourceOptions {
  /** The neuron of each spike, an integer in [0, size). */
  readonly indices: ArrayLike<number>;
  /** The time of each spike in ms (finite, >= 0), one per index. */
  readonly times: ArrayLike<number>;
}

/**
 * Spikes from given (neuron, time) lists, like Brian2's SpikeGeneratorGroup: a spike at time t
 * fires in step round(t / dt). Two spikes of one neuron in the same step are refused. Made by
 * `network.spikeSource`.
 *
 * @example
 * ```ts
 * import { Network } from 'jitconn';
 *
 * const network = new Network({ dt: 0.1 });
 * const cue = network.spikeSource(10, { indices: [0, 3, 0], times: [5, 12.5, 20] });
 * const spikes = network.spikeMonitor(cue);
 * network.advance(250);
 * spikes.t; // Float64Array [5, 12.5, 20]
 * ```
 */
export class SpikeSource extends NeuronGroup {
  readonly spikes: Uint32Array;
  /** Steps and neurons of every spike, sorted by step then neuron. */
  readonly #steps: Float64Array;
  readonly #neurons: Uint32Array;
  #next = 0;

  /** @internal Created by `network.spikeSource(size, options)`. */
  constructor(name: string, size: number, options: SpikeSourceOptions, dt: number) {
    super(name, size, new Map());
    const { steps, neurons } = sortedSpikes(options, size, dt);
    this.#steps = steps;
    this.#neurons = neurons;
    this.spikes = new Uint32Array(size);
  }

  /** @internal Called by the network once per step. */
  update(step: number): number {
    const steps = this.#steps;
    let next = this.#next;
    while (next < steps.length && steps[next]! < step) next++;
    let count = 0;
    while (next < steps.length && steps[next] === step) this.spikes[count++] = this.#neurons[next++]!;
    this.#next = next;
    return count;
  }
}

function sortedSpikes(
  options: SpikeSourceOptions,
  size: number,
  dt: number,
): { steps: Float64Array; neurons: Uint32Array } {
  if (typeof options !== 'object' || options === null) {
    throw new JitconnArgumentError('options', options, 'an object { indices, times }');
  }
  const { indices, times } = options;
  if (indices === null || typeof indices !== 'object' || typeof indices.length !== 'number') {
    throw new JitconnArgumentError('indices', indices, 'an array of neuron indices');
  }
  if (times === null || typeof times !== 'object' || times.length !== indices.length) {
    throw new JitconnArgumentError(
      'times',
      times,
      `an array of ${indices.length} times in ms (one per index)`,
    );
  }
  const count = indices.length;
  const order = Array.from({ length: count }, (_, k) => k);
  const steps = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    const neuron = indices[k]!;
    const time = times[k]!;
    if (!Number.isInteger(neuron) || neuron < 0 || neuron >= size) {
      throw new JitconnArgumentError(`indices[${k}]`, neuron, `a neuron index, an integer in [0, ${size})`);
    }
    if (typeof time !== 'number' || !(time >= 0) || !Number.isFinite(time)) {
      throw new JitconnArgumentError(`times[${k}]`, time, 'a finite time in ms, >= 0');
    }
    steps[k] = Math.round(time / dt);
  }
  order.sort((a, b) => steps[a]! - steps[b]! || indices[a]! - indices[b]!);
  const sortedSteps = new Float64Array(count);
  const neurons = new Uint32Array(count);
  order.forEach((k, at) => {
    sortedSteps[at] = steps[k]!;
    neurons[at] = indices[k]!;
    if (at > 0 && sortedSteps[at - 1] === sortedSteps[at] && neurons[at - 1] === neurons[at]) {
      throw new JitconnArgumentError(
        `times[${k}]`,
        times[k],
        `a time in another step than neuron ${neurons[at]}'s other spike in step ${sortedSteps[at]} (dt = ${dt} ms)`,
      );
    }
  });
  return { steps: sortedSteps, neurons };
}
