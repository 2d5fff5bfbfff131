import { lifMemory, type LifMemory } from '../../kernels/neurons/lifMemory.js';
import { referenceLifStep, wasmLifStep, type LifStep } from '../../kernels/neurons/lifKernel.js';
import type { BackendName } from '../../types.js';
import { NeuronGroup } from './group.js';
import {
  resolveLifParameters,
  writeLifConstants,
  type LifParameters,
  type ResolvedLifParameters,
} from './lifParameters.js';

/**
 * Leaky integrate-and-fire neurons with exponential synapses (docs/networks.md), state in float32:
 * `v` (mV), `ge` and `gi` (COBA: conductances in units of the leak; CUBA: currents as mV), and the
 * steps of refractoriness left. Projections add into `ge`, `gi` or `v`. Starts at v = vRest,
 * ge = gi = 0, no neuron refractory; set `v` (or the others) before running to start elsewhere.
 *
 * Each step: a neuron that is not refractory integrates v over the step; ge and gi decay; a
 * neuron that was not refractory and whose v now exceeds vThreshold spikes, is reset to vReset and
 * stays there for the refractory period. The step is a SIMD WebAssembly kernel on the `wasm`
 * backend and plain TypeScript on `reference`: the same float32 bits. Made by `network.lifGroup`.
 *
 * @example
 * ```ts
 * import { Network } from 'jitconn';
 *
 * const network = new Network({ dt: 0.1 });
 * const cells = network.lifGroup(1000, { current: 15 }); // driven above threshold
 * cells.v.fill(-55); // start at -55 mV instead of at rest
 * network.advance(1000);
 * cells.refractory; // steps of refractoriness left per neuron
 * ```
 */
export class LifGroup extends NeuronGroup {
  /** The parameters in force (defaults filled in). */
  readonly parameters: ResolvedLifParameters;
  readonly #memory: LifMemory;
  readonly #step: LifStep;

  /** @internal Created by `network.lifGroup(size, parameters)`. */
  constructor(
    name: string,
    size: number,
    parameters: LifParameters | undefined,
    dt: number,
    backend: BackendName,
  ) {
    const resolved = resolveLifParameters(parameters);
    const memory = lifMemory(size);
    super(
      name,
      size,
      new Map([
        ['v', memory.v],
        ['ge', memory.ge],
        ['gi', memory.gi],
      ]),
    );
    this.parameters = Object.freeze(resolved);
    this.#memory = memory;
    writeLifConstants(memory, resolved, dt);
    memory.v.fill(resolved.vRest);
    this.#step =
      backend === 'wasm' ? wasmLifStep(resolved.synapse, memory) : referenceLifStep(resolved.synapse, memory);
  }

  /** Membrane potentials (mV): a live view. */
  get v(): Float32Array {
    return this.#memory.v;
  }
  /** Excitatory conductances (COBA) or currents (CUBA, mV): a live view. */
  get ge(): Float32Array {
    return this.#memory.ge;
  }
  /** Inhibitory conductances (COBA) or currents (CUBA, mV): a live view. */
  get gi(): Float32Array {
    return this.#memory.gi;
  }
  /** Refractory steps left per neuron (0: free): a live view. */
  get refractory(): Int32Array {
    return this.#memory.refractory;
  }

  get spikes(): Uint32Array {
    return this.#memory.spikes;
  }

  /** @internal Called by the network once per step. */
  update(): number {
    return this.#step();
  }
}
