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
 */
export class SpikeChecksum {
  readonly dt: number;
  #hash = FNV_OFFSET;
  #count = 0;

  /** `dt`: the network's time step in ms (spike times are whole multiples of it). */
  constructor(dt: number) {
    if (typeof dt !== 'number' || !(dt > 0) || !Number.isFinite(dt)) {
      throw new JitconnArgumentError('dt', dt, 'a time step in ms, finite and > 0');
    }
    this.dt = dt;
  }

  /** Adds spikes [from, to) of neuron indices `i` and times `t` (ms), as a SpikeMonitor holds them. */
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

/** The checksum (8 hex digits) of every spike a monitor holds; see SpikeChecksum. */
export function spikeChecksum(
  spikes: { readonly i: ArrayLike<number>; readonly t: ArrayLike<number> },
  dt: number,
): string {
  return new SpikeChecksum(dt).add(spikes.i, spikes.t).hex;
}
