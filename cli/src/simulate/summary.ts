import { spikeChecksum } from 'jitconn';
import type { SimulateOptions } from './options.js';
import type { Simulation, SimulationResult } from './source.js';
import { cvIsi, meanRateHz } from './statistics.js';

/** summary.json: what ran, how big, how fast, how it fired. The one description of its fields. */
export interface Summary {
  /** Package version that wrote it. */
  readonly jitconn: string;
  readonly model: string;
  readonly neurons: number;
  readonly inDegree: number;
  /** How the weights vary (--weight-law). */
  readonly weightLaw: string;
  readonly populations: Simulation['populations'];
  /** Synapses in all projections (never stored). */
  readonly synapses: number;
  /** Bytes the JIT matrices hold, and what stored CSR matrices would need for the same synapses. */
  readonly jitBytes: number;
  readonly csrBytes: number;
  readonly seed: number;
  readonly dtMs: number;
  /** Simulated time asked for, and reached (less when interrupted). */
  readonly durationMs: number;
  readonly simulatedMs: number;
  readonly steps: number;
  /** Worker threads the products could use, and the compute backend. */
  readonly threads: number;
  readonly backend: string;
  /** Wall time to build the network, and to run it. */
  readonly setupSeconds: number;
  readonly runSeconds: number;
  readonly stepsPerSecond: number;
  readonly synapticEvents: number;
  readonly synapticEventsPerSecond: number;
  readonly spikes: number;
  /** Checksum of every spike (neuron and step), 8 hex digits: jitconn's spikeChecksum; the demo page shows the same. */
  readonly spikeChecksum: string;
  readonly meanRateHz: number;
  /** Mean coefficient of variation of inter-spike intervals (see statistics.ts); null if too few spikes. */
  readonly cvIsi: number | null;
  /** Peak resident memory of the process, bytes. */
  readonly peakResidentBytes: number;
  /** True when Ctrl-C stopped the run: the files hold what was recorded until then. */
  readonly interrupted: boolean;
}

export interface Timings {
  readonly setupSeconds: number;
  readonly runSeconds: number;
}

export function buildSummary(
  version: string,
  options: SimulateOptions,
  runtime: { readonly backend: string; readonly threads: number },
  simulation: Simulation,
  result: SimulationResult,
  timings: Timings,
  interrupted: boolean,
): Summary {
  const { spikes } = result;
  const perSecond = (n: number) => (timings.runSeconds > 0 ? n / timings.runSeconds : 0);
  return {
    jitconn: version,
    model: simulation.model,
    neurons: simulation.neurons,
    inDegree: simulation.inDegree,
    weightLaw: options.weightLaw,
    populations: simulation.populations,
    synapses: simulation.synapses,
    jitBytes: simulation.jitBytes,
    csrBytes: simulation.csrBytes,
    seed: options.seed,
    dtMs: options.dtMs,
    durationMs: options.durationMs,
    simulatedMs: result.simulatedMs,
    steps: result.steps,
    threads: runtime.threads,
    backend: runtime.backend,
    setupSeconds: timings.setupSeconds,
    runSeconds: timings.runSeconds,
    stepsPerSecond: perSecond(result.steps),
    synapticEvents: result.synapticEvents,
    synapticEventsPerSecond: perSecond(result.synapticEvents),
    spikes: spikes.i.length,
    spikeChecksum: spikeChecksum(spikes, options.dtMs),
    meanRateHz: meanRateHz(spikes.i.length, simulation.neurons, result.simulatedMs),
    cvIsi: cvIsi(spikes.i, spikes.t, simulation.neurons),
    peakResidentBytes: process.resourceUsage().maxRSS * 1024,
    interrupted,
  };
}
