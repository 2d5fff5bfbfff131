import { JitconnArgumentError } from '../errors.js';

/** FNV-1a's offset basis and prime (32-bit). */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * A checksum of spike trains, so that two runs (Node and a browser, two thread counts) can be
 * compared by eye: FNV-1a over 32-bit words, two per spike, the neuron index and the step number
 * (t / dt), in the order the spikes were recorded (time, then neuron). Spikes can be added in any
 * number of pieces: the value depends only on the whole sequence. It detects any change of a spike,
 * its time or the order; it is a fingerprint, not a cryptographic hash.
 *
 * @example
 * ```ts
 * import { SpikeChecksum, vogelsAbbott } from 'jitconn';
 *
 * const { network, spikes } = vogelsAbbott({ seed: 1 });
 * const checksum = new SpikeChecksum(network.dt);
 * for (let chunk = 0; chunk < 5; chunk++) {
 *   await network.run(200);
 *   checksum.add(spikes!.i, spikes!.t);
 *   spikes!.clear(); // the checksum keeps what the monitor forgets
 * }
 * console.log(checksum.hex, checksum.count);
 * ```
 */
export class SpikeChecksum {
  /** The time step in ms that turns spike times into step numbers. */
  readonly dt: number;
  #hash = FNV_OFFSET;
  #count = 0;

  /**
   * An empty checksum (of no spikes).
   *
   * @param dt - The network's time step in ms (spike times are whole multiples of it).
   * @throws {@link JitconnArgumentError} when `dt` is not finite and > 0.
   * @example
   * ```ts
   * import { SpikeChecksum } from 'jitconn';
   *
   * new SpikeChecksum(0.1).add([3, 7], [0.5, 0.5]).hex; // 8 hex digits
   * ```
   */
  constructor(dt: number) {
    if (typeof dt !== 'number' || !(dt > 0) || !Number.isFinite(dt)) {
      throw new JitconnArgumentError('dt', dt, 'a time step in ms, finite and > 0');
    }
    this.dt = dt;
  }

  /**
   * Adds spikes [from, to) of neuron indices `i` and times `t` (ms), as a SpikeMonitor holds them.
   *
   * @param i - Neuron indices, one per spike.
   * @param t - Spike times in ms, one per spike.
   * @param from - The first spike to add (default 0).
   * @param to - One past the last spike to add (default `i.length`).
   * @returns This checksum, to chain calls.
   * @throws {@link JitconnArgumentError} when `t` has fewer than `to` entries.
   * @example
   * ```ts
   * import { SpikeChecksum } from 'jitconn';
   *
   * const i = [3, 7, 1];
   * const t = [0.5, 0.5, 0.8];
   * const whole = new SpikeChecksum(0.1).add(i, t).hex;
   * const pieces = new SpikeChecksum(0.1).add(i, t, 0, 2).add(i, t, 2, 3).hex; // the same as whole
   * ```
   */
  add(i: ArrayLike<number>, t: ArrayLike<number>, from = 0, to = i.length): this {
    if (t.length < to) throw new JitconnArgumentError('t', t.length, `at least ${to} spike times`);
    let hash = this.#hash;
    const dt = this.dt;
    for (let k = from; k < to; k++) {
      hash = Math.imul(hash ^ i[k]!, FNV_PRIME);
      hash = Math.imul(hash ^ Math.round(t[k]! / dt), FNV_PRIME);
    }
    this.#hash = hash;
    this.#count += Math.max(0, to - from);
    return this;
  }

  /** Spikes added. */
  get count(): number {
    return this.#count;
  }

  /** The checksum as an unsigned 32-bit integer. */
  get value(): number {
    return this.#hash >>> 0;
  }

  /** The checksum as 8 hexadecimal digits (what summaries and the demo page show). */
  get hex(): string {
    return this.value.toString(16).padStart(8, '0');
  }
}

/**
 * The checksum (8 hex digits) of every spike a monitor holds; see {@link SpikeChecksum}. Two runs
 * with the same spikes print the same digits: compare a run in Node with one in a browser, or on
 * two thread counts.
 *
 * @param spikes - A spike monitor, or any `{ i, t }` of neuron indices and times in ms.
 * @param dt - The network's time step in ms.
 * @returns 8 hexadecimal digits.
 * @throws {@link JitconnArgumentError} when `dt` is not finite and > 0, or `t` is shorter than `i`.
 * @example
 * ```ts
 * import { spikeChecksum, vogelsAbbott } from 'jitconn';
 *
 * const { network, spikes } = vogelsAbbott({ seed: 1 });
 * await network.run(100);
 * console.log(spikeChecksum(spikes!, network.dt)); // the same digits on every backend and thread count
 * ```
 */
export function spikeChecksum(
  spikes: { readonly i: ArrayLike<number>; readonly t: ArrayLike<number> },
  dt: number,
): string {
  return new SpikeChecksum(dt).add(spikes.i, spikes.t).hex;
}
