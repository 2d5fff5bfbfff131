/**
 * The spikes of a group's last `depth` steps, for projections with delays: step s is kept in slot
 * s mod depth until step s + depth overwrites it. Depth 1 (no delays) keeps the group's own
 * buffer and copies nothing.
 */
export class SpikeHistory {
  readonly depth: number;
  readonly #slots: Uint32Array[];
  readonly #counts: Int32Array;
  readonly #steps: Float64Array;

  constructor(own: Uint32Array, depth: number) {
    this.depth = depth;
    this.#slots = depth === 1 ? [own] : Array.from({ length: depth }, () => new Uint32Array(own.length));
    this.#counts = new Int32Array(depth);
    this.#steps = new Float64Array(depth).fill(-1);
  }

  /** Keeps the `count` spikes of step `step` (the first entries of `spikes`). */
  record(step: number, spikes: Uint32Array, count: number): void {
    const slot = step % this.depth;
    if (this.depth > 1) {
      const kept = this.#slots[slot]!;
      for (let k = 0; k < count; k++) kept[k] = spikes[k]!;
    }
    this.#counts[slot] = count;
    this.#steps[slot] = step;
  }

  /** The buffer holding step `step`'s spikes (its first `count(step)` entries). */
  spikes(step: number): Uint32Array {
    return this.#slots[step % this.depth]!;
  }

  /** Number of spikes in step `step`; 0 for a step before the first or no longer kept. */
  count(step: number): number {
    if (step < 0) return 0;
    const slot = step % this.depth;
    return this.#steps[slot] === step ? this.#counts[slot]! : 0;
  }
}
