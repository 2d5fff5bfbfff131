import { JitconnArgumentError } from '../../errors.js';

/**
 * A contiguous range [start, end) of a group's neurons (`group.slice(start, end)`), for
 * projections and monitors.
 *
 * @example
 * ```ts
 * import { Network, type GroupSlice } from 'jitconn';
 *
 * const network = new Network();
 * const cells = network.lifGroup(1000);
 * const excitatory: GroupSlice = cells.slice(0, 800);
 * const inhibitory: GroupSlice = cells.slice(800, 1000);
 * ```
 */
export interface GroupSlice {
  /** The group the neurons belong to. */
  readonly group: NeuronGroup;
  /** The first neuron of the range. */
  readonly start: number;
  /** One past the last neuron of the range. */
  readonly end: number;
  /** end - start. */
  readonly size: number;
}

/**
 * A group of neurons in a network: something that spikes each step, and may hold float32 state
 * variables that projections add into and state monitors sample. The base of the groups a
 * {@link Network} makes (`lifGroup`, `poissonGroup`, `spikeSource`, `thresholdGroup`).
 *
 * @example
 * ```ts
 * import { Network, NeuronGroup } from 'jitconn';
 *
 * const network = new Network();
 * network.lifGroup(100, { name: 'cells' });
 * network.poissonGroup(50, { rate: 5, seed: 1, name: 'input' });
 * for (const group of network.groups) {
 *   console.log(group.name, group.size, group.variables); // cells 100 ['v', 'ge', 'gi'], input 50 []
 * }
 * ```
 */
export abstract class NeuronGroup {
  /** A name for messages and summaries. */
  readonly name: string;
  /** Number of neurons. */
  readonly size: number;
  /** Float32 state variables by name: live views (writing one changes the state). */
  readonly #variables: ReadonlyMap<string, Float32Array>;

  protected constructor(name: string, size: number, variables: ReadonlyMap<string, Float32Array>) {
    this.name = name;
    this.size = size;
    this.#variables = variables;
  }

  /** The names of this group's float32 state variables (projection targets, state monitors). */
  get variables(): readonly string[] {
    return [...this.#variables.keys()];
  }

  /**
   * The live state array of a variable: writing into it changes the state.
   *
   * @param name - One of `variables`.
   * @returns One float32 per neuron.
   * @throws {@link JitconnArgumentError} when the group has no variable of that name.
   * @example
   * ```ts
   * import { Network } from 'jitconn';
   *
   * const cells = new Network().lifGroup(100);
   * cells.variable('v').fill(-55); // start every neuron at -55 mV
   * ```
   */
  variable(name: string): Float32Array {
    const array = this.#variables.get(name);
    if (array === undefined) {
      const names = this.variables.map((v) => `'${v}'`).join(', ');
      throw new JitconnArgumentError(
        'variable',
        name,
        names === ''
          ? `nothing: group ${this.name} has no state variables`
          : `one of ${names} (group ${this.name})`,
      );
    }
    return array;
  }

  /**
   * Neurons [start, end) of this group, for projections and monitors: the excitatory part of a
   * population, say.
   *
   * @param start - The first neuron, an integer in [0, size).
   * @param end - One past the last neuron, an integer in (start, size].
   * @returns The range (frozen).
   * @throws {@link JitconnArgumentError} when `start` or `end` is out of range.
   * @example
   * ```ts
   * import { Network } from 'jitconn';
   *
   * const network = new Network();
   * const cells = network.lifGroup(1000);
   * const monitor = network.spikeMonitor(cells.slice(0, 100)); // the first 100 neurons only
   * ```
   */
  slice(start: number, end: number): GroupSlice {
    if (!Number.isInteger(start) || start < 0 || start >= this.size) {
      throw new JitconnArgumentError('start', start, `an integer in [0, ${this.size}) (group ${this.name})`);
    }
    if (!Number.isInteger(end) || end <= start || end > this.size) {
      throw new JitconnArgumentError(
        'end',
        end,
        `an integer in (${start}, ${this.size}] (group ${this.name})`,
      );
    }
    return Object.freeze({ group: this, start, end, size: end - start });
  }

  /**
   * This step's spikes: the first `count` entries, in increasing order, where `count` is what the
   * last `update` returned. Read by the network after each update.
   */
  abstract readonly spikes: Uint32Array;

  /** @internal Advances the group by one step (step index `step`); returns the number of spikes. */
  abstract update(step: number): number;
}

/** A group or a slice of one, as the range of neurons it stands for. */
export function rangeOf(source: NeuronGroup | GroupSlice, argument: string): GroupSlice {
  if (source instanceof NeuronGroup) return { group: source, start: 0, end: source.size, size: source.size };
  if (typeof source === 'object' && source !== null && (source as GroupSlice).group instanceof NeuronGroup) {
    return source;
  }
  throw new JitconnArgumentError(argument, source, 'a neuron group of this network or a slice of one');
}
