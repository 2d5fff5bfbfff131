/**
 * The messages between the page (main.ts) and the simulation worker (simulation.worker.ts). The
 * worker owns the network; the page only draws what the worker sends, so it stays responsive
 * whatever the network's size.
 */

export type ModelName = 'coba' | 'cuba' | 'feedforward';
export type WeightLawName = 'scalar' | 'uniform' | 'normal';
export type LayerSizes = 'visualisation' | 'massive';
export type Pace = 'max' | 'realtime';

/** What defines a network: changing any of these builds a new one. */
export interface ModelSettings {
  readonly model: ModelName;
  /** Vogels-Abbott: neurons, in-degree K, weight law. */
  readonly neurons: number;
  readonly inDegree: number;
  readonly weightLaw: WeightLawName;
  /** Feed-forward: the tutorial's 1000 -> 500 -> 50 or 100K -> 50K -> 1K layers. */
  readonly layers: LayerSizes;
  readonly seed: number;
}

/** How a run goes: changing these does not rebuild the network. */
export interface RunSettings {
  /** Simulated time to stop at, ms. */
  readonly durationMs: number;
  /** As fast as possible, or no faster than real time. */
  readonly pace: Pace;
}

/** A block of neurons drawn in one colour (excitatory, inhibitory; or one layer). */
export interface Band {
  readonly name: string;
  /** Neurons [start, start + size) of the model's index space. */
  readonly start: number;
  readonly size: number;
  readonly color: string;
}

/** What the worker built. */
export interface ModelDescription {
  readonly title: string;
  readonly bands: readonly Band[];
  readonly neurons: number;
  readonly dtMs: number;
  /** Every `stride`-th neuron of each band is drawn in the raster. */
  readonly stride: number;
  /** Width of a population-rate bin, ms (a whole number of steps). */
  readonly binMs: number;
  /** Synapses (expected; never stored), the bytes their matrices hold, and stored CSR's. */
  readonly synapses: number;
  readonly jitBytes: number;
  readonly csrBytes: number;
  /** Bytes of neuron state (membrane potentials, conductances, ...). */
  readonly stateBytes: number;
  readonly setupMs: number;
  /** `jitconn simulate` flags that run the same network in Node (null when it has no such model). */
  readonly nodeCommand: string | null;
}

export interface RuntimeInfo {
  readonly threads: number;
  readonly isolated: boolean;
}

/** Spikes, rates and counters since the last frame. */
export interface Frame {
  /** Simulated time reached, steps done, and wall-clock ms spent running. */
  readonly simulatedMs: number;
  readonly steps: number;
  readonly runningWallMs: number;
  /** All spikes so far, and their checksum (8 hex digits, jitconn's spikeChecksum). */
  readonly spikes: number;
  readonly checksum: string;
  /** Drawn spikes: raster row and time in ms. */
  readonly rows: Uint32Array;
  readonly times: Float32Array;
  /** Spikes of this frame in rate bins [firstBin, firstBin + bins), band-major (bins of band 0, then band 1, ...), to be added to the bins so far. */
  readonly firstBin: number;
  readonly bins: number;
  readonly counts: Uint32Array;
}

export type ToWorker =
  | { readonly kind: 'build'; readonly id: number; readonly model: ModelSettings }
  | { readonly kind: 'run'; readonly run: RunSettings }
  | { readonly kind: 'pace'; readonly pace: Pace }
  | { readonly kind: 'pause' };

export type FromWorker =
  | { readonly kind: 'runtime'; readonly info: RuntimeInfo }
  | { readonly kind: 'built'; readonly id: number; readonly description: ModelDescription }
  | { readonly kind: 'frame'; readonly frame: Frame }
  | { readonly kind: 'stopped'; readonly finished: boolean }
  | { readonly kind: 'error'; readonly message: string };
