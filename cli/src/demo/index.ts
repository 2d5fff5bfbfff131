import { Command, Option } from 'commander';
import { setDefaultBackend, setThreadCount } from 'jitconn';
import { MAX_DIMENSION, MAX_SEED, MAX_THREADS, integerIn, numberIn, outputDirectory } from '../flags.js';
import { BACKENDS } from '../simulate/options.js';
import { DEMO_DEFAULTS, type DemoOptions } from './options.js';

interface DemoFlags extends DemoOptions {
  readonly backend?: (typeof BACKENDS)[number];
  readonly threads?: number;
}

/** `jitconn demo`: flags for the section-6 network's scale, the backend, threads and --out. */
export function demoCommand(): Command {
  const d = DEMO_DEFAULTS;
  const dimension = integerIn(1, MAX_DIMENSION);
  return new Command('demo')
    .description(
      'the tutorial end to end (sections 2-7): weights, memory, the 100K -> 50K -> 1K network, pictures',
    )
    .addOption(new Option('--input <n>', 'section 6: input neurons').argParser(dimension).default(d.input))
    .addOption(new Option('--hidden <n>', 'section 6: hidden neurons').argParser(dimension).default(d.hidden))
    .addOption(new Option('--output <n>', 'section 6: output neurons').argParser(dimension).default(d.output))
    .addOption(
      new Option('--prob <p>', 'section 6: connection probability').argParser(numberIn(0, 1)).default(d.prob),
    )
    .addOption(
      new Option('--rate <r>', 'section 6: input firing probability per step')
        .argParser(numberIn(0, 1))
        .default(d.rate),
    )
    .addOption(new Option('--seed <s>', 'section 6: seed').argParser(integerIn(0, MAX_SEED)).default(d.seed))
    .addOption(
      new Option('--steps <n>', 'section 6: forward passes to time')
        .argParser(integerIn(1, 100_000))
        .default(d.steps),
    )
    .addOption(new Option('--backend <name>', 'compute backend (default: wasm)').choices(BACKENDS))
    .addOption(
      new Option('--threads <T>', 'worker threads (default: all cores)').argParser(integerIn(1, MAX_THREADS)),
    )
    .addOption(new Option('--out <dir>', 'folder for the pictures').argParser(outputDirectory).default(d.out))
    .option('--no-plot', 'skip the pictures')
    .action(async (flags: DemoFlags) => {
      if (flags.backend) setDefaultBackend(flags.backend);
      if (flags.threads !== undefined) setThreadCount(flags.threads);
      // Loaded when run: the plotting packages stay out of --help and of flag errors.
      const { runDemo } = await import('./run.js');
      await runDemo(flags);
    });
}
