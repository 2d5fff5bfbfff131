import type { Population } from '../plot/spikes.js';
import type { SimulateOptions } from './options.js';

/**
 * The seam between `jitconn simulate` and a network: a model builds a Simulation from the
 * validated options; the command runs it, shows progress, handles Ctrl-C and writes the results.
 */

/** Where a running simulation is, reported through `onProgress`. */
export interface SimulationProgress {
  /** Simulated time reached, ms. */
  readonly simulatedMs: number;
  readonly steps: number;
  /** Spikes so far, all neurons. */
  readonly spikes: number;
}

/** What a run recorded, stopped early or not. */
export interface SimulationResult {
  /** Spike monitor: neuron `i[k]` fired at `t[k]` ms, in time order. */
  readonly spikes: { readonly i: Uint32Array; readonly t: Float64Array };
  readonly simulatedMs: number;
  readonly steps: number;
  /** Synaptic events delivered (presynaptic spikes times their targets, all projections). */
  readonly synapticEvents: number;
}

export interface RunControl {
  readonly durationMs: number;
  /**
   * Aborted on Ctrl-C: the run stops at the end of the current step and resolves with what it
   * recorded. The run must yield to the event loop now and then (every ~50 ms of wall time, e.g.
   * when it reports progress) or the signal, and the progress display, cannot arrive.
   */
  readonly signal: AbortSignal;
  readonly onProgress: (progress: SimulationProgress) => void;
}

/** A built network, ready to run once. */
export interface Simulation {
  /** Model name as printed and written to summary.json (e.g. "coba"). */
  readonly model: string;
  readonly neurons: number;
  /** Synapses onto each neuron. */
  readonly inDegree: number;
  /** Synapses in all projections: counted or expected, never stored. */
  readonly synapses: number;
  /** Bytes the JIT matrices hold (their parameters). */
  readonly jitBytes: number;
  /** Bytes the same synapses would need as stored CSR matrices. */
  readonly csrBytes: number;
  /** Named blocks of neurons (e.g. excitatory, inhibitory), coloured apart in the raster. */
  readonly populations: readonly Population[];
  run(control: RunControl): Promise<SimulationResult>;
}

/** Builds a model's network from the validated options (the setup, timed apart from the run). */
export type SimulationFactory = (options: SimulateOptions) => Simulation | Promise<Simulation>;

/** The models the command can run, by `--model` name; a name missing here is reported, not run. */
export type ModelRegistry = Partial<Record<SimulateOptions['model'], SimulationFactory>>;
