import { mkdir } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { defaultBackendName, getThreadCount, setDefaultBackend, setThreadCount } from 'jitconn';
import { formatBytes, formatCount } from '../units.js';
import { VERSION } from '../version.js';
import { withInterrupt } from './interrupt.js';
import type { SimulateOptions } from './options.js';
import { OUTPUT_FILES, writeSpikes, writeSummary } from './outputs.js';
import { progressDisplay } from './progress.js';
import type { SimulationFactory } from './source.js';
import { buildSummary, type Summary } from './summary.js';

export interface SimulateIo {
  readonly stdout: Writable & { isTTY?: boolean };
}

/**
 * `jitconn simulate` once its flags are valid: build the network (timed as setup), run it with a
 * progress display and Ctrl-C handling, then write summary.json, the spikes and the pictures.
 */
export async function runSimulate(
  options: SimulateOptions,
  build: SimulationFactory,
  io: SimulateIo = { stdout: process.stdout },
): Promise<Summary> {
  const print = (line = '') => io.stdout.write(`${line}\n`);
  if (options.backend) setDefaultBackend(options.backend);
  if (options.threads !== undefined) setThreadCount(options.threads);

  const setupStart = performance.now();
  const simulation = await build(options);
  const setupSeconds = (performance.now() - setupStart) / 1000;
  print(
    `jitconn simulate: ${simulation.model}, ${formatCount(simulation.neurons)} neurons, ` +
      `${formatCount(simulation.synapses)} synapses (in-degree ${formatCount(simulation.inDegree)}, ${options.weightLaw} weights), ` +
      `${options.durationMs} ms at dt = ${options.dtMs} ms, seed ${options.seed}`,
  );
  print(
    `Connectivity: ${formatBytes(simulation.jitBytes)} of JIT matrices, where stored CSR would need ` +
      `${formatBytes(simulation.csrBytes)}; setup ${setupSeconds.toFixed(3)} s`,
  );

  const progress = progressDisplay(io.stdout, options.durationMs);
  const runStart = performance.now();
  const { result, interrupted } = await withInterrupt(
    (signal) => simulation.run({ durationMs: options.durationMs, signal, onProgress: progress.update }),
    () =>
      print('\nInterrupted: stopping after this step and writing what was recorded (Ctrl-C again to quit)'),
  ).finally(() => progress.stop());
  const runSeconds = (performance.now() - runStart) / 1000;

  const runtime = { backend: defaultBackendName(), threads: getThreadCount() };
  const summary = buildSummary(
    VERSION,
    options,
    runtime,
    simulation,
    result,
    { setupSeconds, runSeconds },
    interrupted,
  );
  await mkdir(options.out, { recursive: true });
  await writeSpikes(options.out, result.spikes);
  await writeSummary(options.out, summary);
  // The plotting packages load only now: they stay out of the run's peak memory.
  const pictures = options.plot ? await import('./pictures.js') : undefined;
  const figures = pictures
    ? await pictures.writePictures(options, simulation.populations, summary, result.spikes)
    : [];

  print(
    `${interrupted ? 'Stopped' : 'Ran'} ${summary.simulatedMs} ms in ${runSeconds.toFixed(3)} s: ` +
      `${formatCount(summary.stepsPerSecond)} steps/s, ${(summary.synapticEventsPerSecond / 1e6).toFixed(1)} million synaptic events/s`,
  );
  print(
    `${formatCount(summary.spikes)} spikes: mean rate ${summary.meanRateHz.toFixed(2)} Hz, ` +
      `CV of inter-spike intervals ${summary.cvIsi === null ? 'n/a' : summary.cvIsi.toFixed(2)}; ` +
      `checksum ${summary.spikeChecksum}; peak resident memory ${formatBytes(summary.peakResidentBytes)}`,
  );
  print(`Wrote ${OUTPUT_FILES.summary}, ${OUTPUT_FILES.spikesI}, ${OUTPUT_FILES.spikesT} to ${options.out}`);
  if (figures.length > 0) print(`Pictures: ${figures.join(', ')}`);
  return summary;
}
