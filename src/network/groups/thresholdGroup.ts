import { JitconnArgumentError } from '../../errors.js';
import { NeuronGroup } from './group.js';

/** The threshold of a layer. */
export interface ThresholdOptions {
  /** A neuron spikes in a step where its input exceeds this (compared in float32, like the input). */
  readonly threshold: number;
}

/**
 * A memoryless spiking layer, as in the tutorial's feed-forward networks: projections add into
 * `input` during a step; in the next step every neuron whose input exceeds the threshold spikes,
 * and the input is cleared. (Like any projection target, input arrives one step after the spikes
 * that caused it, so each layer of a feed-forward chain adds one step of latency.) Made by
 * `network.thresholdGroup`.
 *
 * @example
 * ```ts
 * import { JITCNormalR, Network } from 'jitconn';
 *
 * const network = new Network({ dt: 1 });
 * const input = network.poissonGroup(1000, { prob: 0.05, seed: 1 });
 * const layer = network.thresholdGroup(500, { threshold: 0.2 });
 * network.connect(input, layer, new JITCNormalR([0, 0.1, 0.1, 2], { shape: [1000, 500] }));
 * network.advance(10);
 * ```
 */
export class ThresholdGroup extends NeuronGroup {
  /** The threshold as the float32 the input is compared with. */
  readonly threshold: number;
  readonly spikes: Uint32Array;
  readonly #input: Float32Array;

  /** @internal Created by `network.thresholdGroup(size, options)`. */
  constructor(name: string, size: number, options: ThresholdOptions) {
    const input = new Float32Array(size);
    super(name, size, new Map([['input', input]]));
    const threshold = (options as ThresholdOptions | undefined)?.threshold;
    if (typeof threshold !== 'number' || Number.isNaN(threshold)) {
      throw new JitconnArgumentError('threshold', threshold, 'a number that is not NaN');
    }
    this.threshold = Math.fround(threshold);
    this.#input = input;
    this.spikes = new Uint32Array(size);
  }

  /** The input summed since the last step: a live view. */
  get input(): Float32Array {
    return this.#input;
  }

  /** @internal Called by the network once per step. */
  update(): number {
    const input = this.#input;
    const threshold = this.threshold;
    let count = 0;
    for (let i = 0; i < input.length; i++) if (input[i]! > threshold) this.spikes[count++] = i;
    input.fill(0);
    return count;
  }
}
