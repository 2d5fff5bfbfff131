import type { GroupSlice } from '../groups/group.js';
import { ensureCapacity } from './growable.js';

/**
 * Records every spike of a group (or a slice of one), like Brian2's SpikeMonitor: `i[k]` is the
 * neuron (its index within the monitored group or slice) and `t[k]` the time in ms (step * dt) of
 * the k-th spike, in order of time, then neuron. Made by `network.spikeMonitor`.
 *
 * @example
 * ```ts
 * import { vogelsAbbott } from 'jitconn';
 *
 * const { network, spikes } = vogelsAbbott({ seed: 1 });
 * await network.run(100);
 * if (spikes) console.log(spikes.count, spikes.i[0], spikes.t[0]); // count, first neuron, its time
 * ```
 */
export class SpikeMonitor {
  /** The monitored neurons (a whole group as the slice of all its neurons). */
  readonly source: GroupSlice;
  #i = new Uint32Array(0);
  #t = new Float64Array(0);
  #count = 0;

  /** @internal Created by `network.spikeMonitor(source)`. */
  constructor(source: GroupSlice) {
    this.source = source;
  }

  /** Neuron indices of the recorded spikes (a view of the first `count` entries). */
  get i(): Uint32Array {
    return this.#i.subarray(0, this.#count);
  }

  /** Spike times in ms (a view of the first `count` entries). */
  get t(): Float64Array {
    return this.#t.subarray(0, this.#count);
  }

  /** Number of spikes recorded. */
  get count(): number {
    return this.#count;
  }

  /**
   * Spikes per neuron of the monitored range, over everything recorded.
   *
   * @returns One count per neuron of the source, by its index within the source.
   * @example
   * ```ts
   * import { Network } from 'jitconn';
   *
   * const network = new Network({ dt: 1 });
   * const input = network.poissonGroup(100, { prob: 0.1, seed: 1 });
   * const spikes = network.spikeMonitor(input);
   * network.advance(1000);
   * spikes.countsPerNeuron(); // about 100 each
   * ```
   */
  countsPerNeuron(): Uint32Array {
    const counts = new Uint32Array(this.source.size);
    for (let k = 0; k < this.#count; k++) counts[this.#i[k]!]! += 1;
    return counts;
  }

  /**
   * Forgets the spikes recorded so far, keeping its buffers: a display that reads the new spikes
   * now and then and clears the monitor holds only the spikes since its last read.
   *
   * @example
   * ```ts
   * import { vogelsAbbott } from 'jitconn';
   *
   * const { network, spikes } = vogelsAbbott();
   * for (let second = 0; second < 3; second++) {
   *   await network.run(1000);
   *   console.log(`${spikes!.count} spikes in second ${second}`);
   *   spikes!.clear();
   * }
   * ```
   */
  clear(): void {
    this.#count = 0;
  }

  /** @internal Appends the spikes of one step (the group's first `count` spikes). */
  record(spikes: Uint32Array, count: number, time: number): void {
    const { start, end } = this.source;
    let at = this.#count;
    this.#i = ensureCapacity(this.#i, at + count);
    this.#t = ensureCapacity(this.#t, at + count);
    const i = this.#i;
    const t = this.#t;
    for (let k = 0; k < count; k++) {
      const neuron = spikes[k]!;
      if (neuron < start || neuron >= end) continue;
      i[at] = neuron - start;
      t[at] = time;
      at++;
    }
    this.#count = at;
  }
}
