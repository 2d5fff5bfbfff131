import { JitconnArgumentError } from '../../errors.js';
import type { GroupSlice } from '../groups/group.js';
import { ensureCapacity } from './growable.js';

/** Which neurons and how often. */
export interface StateMonitorOptions {
  /** Neurons to record, as indices within the monitored group or slice (default: all of them). */
  readonly neurons?: ArrayLike<number>;
  /** Record every this many steps (default 1). */
  readonly every?: number;
}

/**
 * Samples a state variable of chosen neurons every `every` steps, like Brian2's StateMonitor: at
 * the start of step s (time s * dt, before the step updates anything), so the first sample is the
 * initial state. `values` holds one row of `neurons.length` values per sample. Made by
 * `network.stateMonitor`.
 *
 * @example
 * ```ts
 * import { Network } from 'jitconn';
 *
 * const network = new Network({ dt: 0.1 });
 * const cells = network.lifGroup(10, { current: 15 });
 * const v = network.stateMonitor(cells, 'v', { neurons: [0, 5] });
 * network.advance(100);
 * v.samples; // 100
 * v.values; // 100 x 2 values, row-major: sample s of neuron 5 is v.values[2 * s + 1]
 * ```
 */
export class StateMonitor {
  /** The monitored neurons (a whole group as the slice of all its neurons). */
  readonly source: GroupSlice;
  /** The sampled state variable, e.g. 'v'. */
  readonly variable: string;
  /** Recorded neurons, as indices within the source. */
  readonly neurons: Uint32Array;
  /** Steps between samples. */
  readonly every: number;
  readonly #array: Float32Array;
  #values = new Float32Array(0);
  #t = new Float64Array(0);
  #samples = 0;

  /** @internal Created by `network.stateMonitor(source, variable, options)`. */
  constructor(source: GroupSlice, variable: string, options: StateMonitorOptions = {}) {
    if (typeof options !== 'object' || options === null) {
      throw new JitconnArgumentError('options', options, 'an object { neurons, every } or undefined');
    }
    this.source = source;
    this.variable = variable;
    this.#array = source.group.variable(variable);
    this.neurons = neuronsOf(options.neurons, source);
    const every = options.every ?? 1;
    if (!Number.isInteger(every) || every < 1) {
      throw new JitconnArgumentError('every', every, 'a whole number of steps >= 1');
    }
    this.every = every;
  }

  /** Sample times in ms (a view). */
  get t(): Float64Array {
    return this.#t.subarray(0, this.#samples);
  }

  /** Samples x neurons values, row-major (a view). */
  get values(): Float32Array {
    return this.#values.subarray(0, this.#samples * this.neurons.length);
  }

  /** Number of samples taken. */
  get samples(): number {
    return this.#samples;
  }

  /**
   * The recorded values of one recorded neuron, one per sample.
   *
   * @param k - The neuron's position in `neurons` (not its index in the group).
   * @returns A copy.
   * @throws {@link JitconnArgumentError} when `k` is not in [0, neurons.length).
   * @example
   * ```ts
   * import { Network } from 'jitconn';
   *
   * const network = new Network({ dt: 0.1 });
   * const cells = network.lifGroup(100, { current: 15 });
   * const monitor = network.stateMonitor(cells, 'v', { neurons: [42] });
   * network.advance(500);
   * const v42 = monitor.trace(0); // neuron 42's potential at every step
   * ```
   */
  trace(k: number): Float32Array {
    const width = this.neurons.length;
    if (!Number.isInteger(k) || k < 0 || k >= width) {
      throw new JitconnArgumentError('k', k, `a recorded neuron's position in [0, ${width})`);
    }
    return Float32Array.from({ length: this.#samples }, (_, s) => this.#values[s * width + k]!);
  }

  /** @internal Takes a sample at the start of step `step` when it is due. */
  sample(step: number, time: number): void {
    if (step % this.every !== 0) return;
    const width = this.neurons.length;
    const at = this.#samples * width;
    this.#values = ensureCapacity(this.#values, at + width);
    this.#t = ensureCapacity(this.#t, this.#samples + 1);
    const offset = this.source.start;
    for (let k = 0; k < width; k++) this.#values[at + k] = this.#array[offset + this.neurons[k]!]!;
    this.#t[this.#samples++] = time;
  }
}

function neuronsOf(neurons: ArrayLike<number> | undefined, source: GroupSlice): Uint32Array {
  if (neurons === undefined) return Uint32Array.from({ length: source.size }, (_, k) => k);
  if (neurons === null || typeof neurons !== 'object' || typeof neurons.length !== 'number') {
    throw new JitconnArgumentError('neurons', neurons, 'an array of neuron indices');
  }
  for (let k = 0; k < neurons.length; k++) {
    const neuron = neurons[k];
    if (!Number.isInteger(neuron) || neuron! < 0 || neuron! >= source.size) {
      throw new JitconnArgumentError(`neurons[${k}]`, neuron, `an integer in [0, ${source.size})`);
    }
  }
  return Uint32Array.from(neurons);
}
