// Network benchmark (npx tsx scripts/bench-network.ts [--case NAME] [--repeats N]): times the
// Vogels-Abbott models as a user runs them (setup and run apart), prints rate and CV, and splits a
// step of the 4000-neuron COBA model into its parts (neuron update, each projection's product,
// the rest). Cases:
//   coba4000   COBA, 4000 neurons, 1 s at dt = 0.1 ms, repeated (default, with cuba4000)
//   cuba4000   CUBA, the same
//   scaled     COBA at 20000 neurons for in-degrees 80, 200, 500 and 1000, 500 ms each
//   million    COBA, 1,000,000 neurons, in-degree 1000 (10^9 synapses), 100 ms; peak RSS
// Timings on a shared machine vary: medians, minima and maxima of the repeats are printed.
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { getThreadCount } from '../src/kernels/wasm/index.js';
import { eventAccumulator } from '../src/matrix/eventProducts.js';
import { spikeStatistics, vogelsAbbott, type VogelsAbbottOptions } from '../src/index.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] !== undefined ? args[at + 1]! : fallback;
};
const repeats = Number(option('repeats', '5'));
const cases = option('case', 'coba4000,cuba4000').split(',');

function stats(values: number[]): { median: number; min: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

const ms = (x: number): string => x.toFixed(1);
const us = (x: number): string => x.toFixed(2);

/** Setup and run of `duration` ms, `repeats` times with fresh networks; prints the figures. */
async function runModel(
  label: string,
  options: VogelsAbbottOptions,
  duration: number,
  times: number,
): Promise<void> {
  const setups: number[] = [];
  const runs: number[] = [];
  let last = null as null | { rate: number; cv: number; spikes: number; events: number; synapses: number };
  for (let r = 0; r < times; r++) {
    const t0 = performance.now();
    const model = vogelsAbbott(options);
    const t1 = performance.now();
    const result = await model.network.run(duration);
    setups.push(t1 - t0);
    runs.push(result.wallMs);
    const s = spikeStatistics(model.spikes!, model.network.time);
    last = {
      rate: s.meanRateHz,
      cv: s.cvIsi,
      spikes: result.spikes,
      events: result.synapticEvents,
      synapses: model.network.synapseCount(),
    };
  }
  const setup = stats(setups);
  const run = stats(runs);
  console.log(
    `${label}: first (cold) setup ${ms(setups[0]!)} ms and run ${ms(runs[0]!)} ms; then setup median ${ms(setup.median)} ms; ` +
      `run of ${duration} ms simulated: median ${ms(run.median)} ms ` +
      `(min ${ms(run.min)}, max ${ms(run.max)}, ${times} runs), ${(run.median / (duration / 1000) / 1000).toFixed(3)} s per simulated second`,
  );
  console.log(
    `  rate ${last!.rate.toFixed(2)} Hz, CV of ISI ${last!.cv.toFixed(3)}, ${last!.spikes} spikes, ` +
      `${last!.synapses.toExponential(3)} synapses (expected), ${(last!.events / (run.median / 1000) / 1e6).toFixed(1)} million synaptic events/s`,
  );
}

/** Median time per call of f, in microseconds. */
function perCall(f: () => void, calls: number): number {
  const times: number[] = [];
  for (let r = 0; r < 7; r++) {
    const t0 = performance.now();
    for (let k = 0; k < calls; k++) f();
    times.push(((performance.now() - t0) / calls) * 1000);
  }
  return stats(times).median;
}

/** A step of a model split into its parts, from the spike lists of `steps` steps of a real run. */
function profile(
  label: string,
  options: VogelsAbbottOptions,
  warm: number,
  steps: number,
  calls: number,
): void {
  const model = vogelsAbbott(options);
  const { network, neurons, excitatory, inhibitory } = model;
  network.advance(warm);
  const first = network.steps;
  const recorded = model.spikes!.count;
  // The whole step is timed over the very steps whose spike lists drive the parts below, so that
  // parts and whole see the same activity (a large network's rate drifts after its start).
  const t0 = performance.now();
  network.advance(steps);
  const full = ((performance.now() - t0) / steps) * 1000;
  const byStep: number[][] = Array.from({ length: steps }, () => []);
  const { i, t } = model.spikes!;
  for (let k = recorded; k < i.length; k++) byStep[Math.round(t[k]! / network.dt) - first]!.push(i[k]!);
  const split = model.parameters.excitatory;
  const lists = byStep.map((spikes) => ({
    exc: Uint32Array.from(spikes.filter((n) => n < split)),
    inh: Uint32Array.from(spikes.filter((n) => n >= split).map((n) => n - split)),
  }));
  const saved = [
    neurons.v.slice(),
    neurons.ge.slice(),
    neurons.gi.slice(),
    neurons.refractory.slice(),
  ] as const;
  const restore = (): void => {
    neurons.v.set(saved[0]);
    neurons.ge.set(saved[1]);
    neurons.gi.set(saved[2]);
    neurons.refractory.set(saved[3]);
  };
  const update =
    perCall(() => {
      restore();
      neurons.update();
    }, 2000) - perCall(restore, 2000);
  const scratch = new Float32Array(neurons.size);
  let s = 0;
  const excProduct = eventAccumulator(excitatory.matrix, scratch);
  const inhProduct = eventAccumulator(inhibitory.matrix, scratch);
  const exc = perCall(() => excProduct(lists[s++ % steps]!.exc), calls);
  const inh = perCall(() => inhProduct(lists[s++ % steps]!.inh), calls);
  const meanExc = lists.reduce((a, l) => a + l.exc.length, 0) / steps;
  const meanInh = lists.reduce((a, l) => a + l.inh.length, 0) / steps;
  console.log(`${label} step profile (medians of 7 batches, steady state):`);
  console.log(`  whole step (mean over those steps)  ${us(full)} us`);
  console.log(`  neuron update (${network.backend} kernel)        ${us(update)} us`);
  console.log(`  excitatory product (${meanExc.toFixed(1)} spikes/step) ${us(exc)} us`);
  console.log(`  inhibitory product (${meanInh.toFixed(1)} spikes/step) ${us(inh)} us`);
  console.log(`  the rest (spike lists, monitor, history)  ${us(full - update - exc - inh)} us`);
}

async function million(): Promise<void> {
  const t0 = performance.now();
  const model = vogelsAbbott({ model: 'coba', neurons: 1_000_000, inDegree: 1000 });
  const setup = performance.now() - t0;
  const result = await model.network.run(100);
  const s = spikeStatistics(model.spikes!, model.network.time);
  console.log(
    `COBA 1,000,000 neurons, in-degree 1000 (${model.network.synapseCount().toExponential(3)} synapses, never stored; ` +
      `JIT ${model.network.jitBytes()} B, CSR would be ${(model.network.csrBytes() / 2 ** 30).toFixed(1)} GiB): ` +
      `setup ${ms(setup)} ms, 100 ms simulated in ${ms(result.wallMs)} ms, rate ${s.meanRateHz.toFixed(2)} Hz, ` +
      `CV ${s.cvIsi.toFixed(3)}, ${result.spikes} spikes, ${(result.synapticEvents / (result.wallMs / 1000) / 1e6).toFixed(1)} million synaptic events/s, ` +
      `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`,
  );
}

console.log(
  `jitconn network bench on ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, Node ${process.version}, ${getThreadCount()} threads`,
);
for (const name of cases) {
  if (name === 'coba4000') {
    await runModel('COBA 4000', { model: 'coba' }, 1000, repeats);
    profile('COBA 4000', { model: 'coba' }, 2000, 1000, 2000);
  } else if (name === 'cuba4000') {
    await runModel('CUBA 4000', { model: 'cuba' }, 1000, repeats);
  } else if (name === 'scaled') {
    for (const inDegree of [80, 200, 500, 1000]) {
      await runModel(
        `COBA 20000, in-degree ${inDegree}`,
        { model: 'coba', neurons: 20000, inDegree },
        500,
        1,
      );
    }
  } else if (name === 'million') {
    await million();
    profile(
      'COBA 1,000,000 (in-degree 1000)',
      { model: 'coba', neurons: 1_000_000, inDegree: 1000 },
      300,
      50,
      20,
    );
  } else {
    console.error(`unknown case ${name}: coba4000, cuba4000, scaled or million`);
    process.exit(2);
  }
}
