import { Command, Option } from 'commander';
import { MAX_DIMENSION, MAX_SEED, MAX_THREADS, integerIn, milliseconds, outputDirectory } from '../flags.js';

export const MODELS = ['coba', 'cuba'] as const;
export type ModelName = (typeof MODELS)[number];
export const BACKENDS = ['wasm', 'reference'] as const;
export const WEIGHT_LAWS = ['scalar', 'uniform', 'normal'] as const;

/** Validated options of `jitconn simulate`: what a simulation is built and run from. */
export interface SimulateOptions {
  readonly model: ModelName;
  readonly neurons: number;
  /** Synapses onto each neuron (p = inDegree / neurons); undefined: the model's own. */
  readonly inDegree: number | undefined;
  /** How weights vary about the model's weight (the library's VogelsAbbottOptions.weightLaw). */
  readonly weightLaw: (typeof WEIGHT_LAWS)[number];
  /** Simulated time, ms. */
  readonly durationMs: number;
  /** Time step, ms. */
  readonly dtMs: number;
  readonly seed: number;
  /** Worker threads; undefined: all cores. */
  readonly threads: number | undefined;
  readonly backend: (typeof BACKENDS)[number] | undefined;
  /** Folder the results are written into. */
  readonly out: string;
  /** Write the raster and rate pictures. */
  readonly plot: boolean;
}

export const SIMULATE_DEFAULTS = {
  model: 'coba',
  neurons: 4000,
  weightLaw: 'scalar',
  durationMs: 1000,
  dtMs: 0.1,
  seed: 1,
  out: './jitconn-out',
} as const;

/** Longest simulated time accepted: a million seconds. */
const MAX_DURATION_MS = 1e9;
/** Longest time step accepted. */
const MAX_DT_MS = 1000;

/** The flags of `jitconn simulate`, each parsed and range-checked as commander reads it. */
export function simulateFlags(command: Command): Command {
  return command
    .addOption(new Option('--model <name>', 'network model').choices(MODELS).default(SIMULATE_DEFAULTS.model))
    .addOption(
      new Option('--neurons <N>', 'neurons in the network')
        .argParser(integerIn(1, MAX_DIMENSION))
        .default(SIMULATE_DEFAULTS.neurons),
    )
    .addOption(
      new Option('--in-degree <K>', "synapses onto each neuron (default: the model's)").argParser(
        integerIn(1, MAX_DIMENSION),
      ),
    )
    .addOption(
      new Option('--weight-law <law>', 'weights: every one the same, or uniform or normal about it')
        .choices(WEIGHT_LAWS)
        .default(SIMULATE_DEFAULTS.weightLaw),
    )
    .addOption(
      new Option('--duration <time>', 'simulated time: ms, or with a unit (500ms, 1s)')
        .argParser(milliseconds('a duration', MAX_DURATION_MS))
        .default(SIMULATE_DEFAULTS.durationMs, '1000 ms'),
    )
    .addOption(
      new Option('--dt <time>', 'time step: ms, or with a unit')
        .argParser(milliseconds('a time step', MAX_DT_MS))
        .default(SIMULATE_DEFAULTS.dtMs, '0.1 ms'),
    )
    .addOption(
      new Option('--seed <S>', 'seed of the connectivity, initial state and inputs')
        .argParser(integerIn(0, MAX_SEED))
        .default(SIMULATE_DEFAULTS.seed),
    )
    .addOption(
      new Option('--threads <T>', 'worker threads (default: all cores)').argParser(integerIn(1, MAX_THREADS)),
    )
    .addOption(new Option('--backend <name>', 'compute backend (default: wasm)').choices(BACKENDS))
    .addOption(
      new Option('--out <dir>', 'folder for summary.json, the spikes and the pictures')
        .argParser(outputDirectory)
        .default(SIMULATE_DEFAULTS.out),
    )
    .option('--no-plot', 'skip the pictures');
}

/** What commander hands the action, with the flags' names. */
export interface SimulateFlags {
  model: ModelName;
  neurons: number;
  inDegree?: number;
  weightLaw: (typeof WEIGHT_LAWS)[number];
  duration: number;
  dt: number;
  seed: number;
  threads?: number;
  backend?: (typeof BACKENDS)[number];
  out: string;
  plot: boolean;
}

/**
 * The checks that involve two flags, then the options. Returns the one-line problem
 * (`[flag, value, expected]`) instead of options when a check fails.
 */
export function toSimulateOptions(
  flags: SimulateFlags,
): { options: SimulateOptions } | { problem: [string, string, string] } {
  if (flags.inDegree !== undefined && flags.inDegree > flags.neurons) {
    return { problem: ['--in-degree <K>', String(flags.inDegree), `at most --neurons (${flags.neurons})`] };
  }
  if (flags.dt > flags.duration) {
    return { problem: ['--dt <time>', `${flags.dt}`, `at most --duration (${flags.duration} ms)`] };
  }
  return {
    options: {
      model: flags.model,
      neurons: flags.neurons,
      inDegree: flags.inDegree,
      weightLaw: flags.weightLaw,
      durationMs: flags.duration,
      dtMs: flags.dt,
      seed: flags.seed,
      threads: flags.threads,
      backend: flags.backend,
      out: flags.out,
      plot: flags.plot,
    },
  };
}
