import { Command, InvalidArgumentError, Option } from 'commander';
import { defaultBackendName, setDefaultBackend, type BackendName } from 'jitconn';
import { parseShape, SUITE, type BenchCase } from './cases.js';
import { FOOTNOTE, formatHeader, formatTable, machine } from './report.js';
import { runCase, type BenchResult } from './runCase.js';
import { threadControl } from './threads.js';
import { MAX_DIMENSION, MAX_THREADS, integerIn, numberIn } from '../flags.js';

interface BenchFlags {
  shape?: [number, number];
  prob?: number;
  rate?: number;
  op?: BenchCase['op'];
  k?: number;
  weights?: BenchCase['weights'];
  orientation?: BenchCase['orientation'];
  input?: BenchCase['input'];
  threads?: number;
  backend?: BackendName;
  json?: boolean;
}

/** The one case the flags describe, or null when no case flag was given (run the suite). */
function customCase(flags: BenchFlags): BenchCase | null {
  const keys = ['shape', 'prob', 'rate', 'op', 'k', 'weights', 'orientation', 'input'] as const;
  if (!keys.some((key) => flags[key] !== undefined)) return null;
  const [rows, cols] = flags.shape ?? [100_000, 100_000];
  const k = flags.k ?? 1;
  return {
    name: 'custom',
    rows,
    cols,
    prob: flags.prob ?? 0.01,
    rate: flags.rate ?? 0.01,
    op: flags.op ?? (k > 1 ? 'rmatmat' : 'vecmat'),
    k,
    weights: flags.weights ?? 'scalar',
    orientation: flags.orientation ?? 'R',
    input: flags.input ?? (k > 1 ? 'floats' : 'events'),
  };
}

function run(flags: BenchFlags): void {
  if (flags.backend) setDefaultBackend(flags.backend);
  const backend = defaultBackendName();
  const cases = [customCase(flags) ?? SUITE].flat();
  const control = threadControl();
  const allThreads = control.get();
  if (!flags.json) console.log(formatHeader(backend));
  const results: BenchResult[] = [];
  for (const c of cases) {
    const threads = flags.threads ?? c.threads ?? allThreads;
    control.set(threads);
    if (!flags.json) process.stderr.write(`running: ${c.name} ...\n`);
    results.push(runCase(c, control.get(), backend));
  }
  control.set(allThreads);
  if (flags.json) {
    console.log(JSON.stringify({ machine: machine(), backend, results }, null, 2));
    return;
  }
  console.log(formatTable(results));
  console.log(FOOTNOTE);
}

/** --shape, checked as commander reads it (before anything runs). */
const shape = (value: string): [number, number] => {
  try {
    return parseShape(value);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
};

/** `jitconn bench`: the fixed suite, or one case chosen by flags. */
export function benchCommand(): Command {
  return new Command('bench')
    .description('time JIT products against stored-CSR and dense baselines (the fixed suite, or one case)')
    .option('--shape <ROWSxCOLS>', 'matrix shape, e.g. 100000x100000', shape)
    .option('--prob <p>', 'connection probability', numberIn(0, 1))
    .option('--rate <r>', 'fraction of non-zero operand entries (firing rate)', numberIn(0, 1))
    .addOption(
      new Option('--op <op>', 'operation').choices(['vecmat', 'matvec', 'matmat', 'rmatmat', 'todense']),
    )
    .option('--k <k>', 'operand columns (batch size)', integerIn(1, MAX_DIMENSION))
    .addOption(new Option('--weights <law>', 'weight law').choices(['scalar', 'normal', 'uniform']))
    .addOption(new Option('--orientation <o>', 'R (row) or C (column) matrix').choices(['R', 'C']))
    .addOption(new Option('--input <kind>', 'spikes or floats').choices(['events', 'floats']))
    .option('--threads <n>', 'worker threads (default: all cores)', integerIn(1, MAX_THREADS))
    .addOption(new Option('--backend <name>', 'compute backend').choices(['wasm', 'reference']))
    .option('--json', 'print the results as one JSON object')
    .action((flags: BenchFlags) => run(flags));
}
