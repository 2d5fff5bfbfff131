import { vogelsAbbott } from 'jitconn';
import type { SimulateOptions } from './options.js';
import type { ModelRegistry, Simulation, SimulationFactory } from './source.js';

/** Wall-clock ms between progress reports: the run yields to the event loop there (Ctrl-C, the bar). */
const PROGRESS_MS = 50;

/** A Vogels-Abbott network (src/network/models/vogelsAbbott.ts) as a Simulation. */
function vogelsAbbottSimulation(options: SimulateOptions): Simulation {
  const built = vogelsAbbott({
    model: options.model,
    neurons: options.neurons,
    seed: options.seed,
    dt: options.dtMs,
    weightLaw: options.weightLaw,
    ...(options.inDegree !== undefined ? { inDegree: options.inDegree } : {}),
  });
  const { network, spikes, parameters } = built;
  return {
    model: parameters.model,
    neurons: parameters.neurons,
    inDegree: parameters.inDegree,
    synapses: network.synapseCount('expected'),
    jitBytes: network.jitBytes(),
    csrBytes: network.csrBytes(),
    populations: [
      { name: 'excitatory', start: 0, end: parameters.excitatory },
      { name: 'inhibitory', start: parameters.excitatory, end: parameters.neurons },
    ],
    async run({ durationMs, signal, onProgress }) {
      const result = await network.run(durationMs, {
        signal,
        progressIntervalMs: PROGRESS_MS,
        onProgress: (p) => onProgress({ simulatedMs: p.simulatedMs, steps: p.steps, spikes: p.spikes }),
      });
      return {
        spikes: { i: spikes!.i, t: spikes!.t },
        simulatedMs: result.simulatedMs,
        steps: result.steps,
        synapticEvents: result.synapticEvents,
      };
    },
  };
}

const vogelsAbbottFactory: SimulationFactory = (options) => vogelsAbbottSimulation(options);

/** The network models `jitconn simulate` runs, by --model name. */
export const MODELS_AVAILABLE: ModelRegistry = { coba: vogelsAbbottFactory, cuba: vogelsAbbottFactory };
