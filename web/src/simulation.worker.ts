/// <reference lib="webworker" />
import { SpikeChecksum, startThreads } from 'jitconn';
import { buildModel, type BuiltModel } from './models';
import type {
  Frame,
  FromWorker,
  ModelDescription,
  ModelSettings,
  Pace,
  RunSettings,
  ToWorker,
} from './protocol';
import { combineChecksums } from './checksum';

/**
 * The simulation worker: owns the network, runs it in slices, and sends the page what it draws
 * (a frame about every 33 ms of wall time). The library runs here on every core (its own Web
 * Workers share the kernels' memory when the page is cross-origin isolated).
 */

const scope = self as unknown as DedicatedWorkerGlobalScope;
const send = (message: FromWorker, transfer: Transferable[] = []) => scope.postMessage(message, transfer);

/** Most raster rows: above this many neurons, every k-th neuron is drawn. */
const MAX_ROWS = 4000;
/** Wall-clock ms between frames. */
const FRAME_MS = 33;
/** Simulated ms per slice when running at real-time pace. */
const PACED_SLICE_MS = 10;

interface Session {
  readonly model: BuiltModel;
  readonly description: ModelDescription;
  readonly checksums: SpikeChecksum[];
  /** Steps per rate bin, and the bin counts not yet complete (kept between frames). */
  readonly binSteps: number;
  runningWallMs: number;
  spikes: number;
}

let session: Session | null = null;
let running = false;
let pauseRequested = false;
let pace: Pace = 'max';
/** A network asked for while a run was ending: built once it has. */
let pendingBuild: { id: number; model: ModelSettings } | null = null;
/** When the slice now running began (null between slices). */
let sliceStartedAt: number | null = null;

scope.onmessage = (event: MessageEvent<ToWorker>) =>
  guarded(() => {
    const message = event.data;
    if (message.kind === 'build') requestBuild(message.id, message.model);
    else if (message.kind === 'run') void run(message.run);
    else if (message.kind === 'pace') setPace(message.pace);
    else if (message.kind === 'pause') pause();
  });

/** Runs `action`; a failure (a bad setting the library refused, say) goes to the page as a message. */
function guarded(action: () => void): void {
  try {
    action();
  } catch (error) {
    send({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}

void startThreads().then((threads) =>
  send({ kind: 'runtime', info: { threads, isolated: scope.crossOriginIsolated === true } }),
);

function requestBuild(id: number, model: ModelSettings): void {
  if (!running) return build(id, model);
  pendingBuild = { id, model };
  pause();
}

function build(id: number, settings: ModelSettings): void {
  const start = performance.now();
  const model = buildModel(settings);
  const { network } = model;
  const stride = Math.max(1, Math.ceil(model.neurons / MAX_ROWS));
  const binSteps = Math.max(1, Math.round(model.binMs / network.dt));
  const description: ModelDescription = {
    title: model.title,
    bands: model.bands,
    neurons: model.neurons,
    dtMs: network.dt,
    stride,
    binMs: binSteps * network.dt,
    synapses: network.synapseCount('expected'),
    jitBytes: network.jitBytes(),
    csrBytes: network.csrBytes(),
    stateBytes: model.stateBytes,
    setupMs: performance.now() - start,
    nodeCommand: model.nodeCommand,
  };
  session = {
    model,
    description,
    checksums: model.blocks.map(() => new SpikeChecksum(network.dt)),
    binSteps,
    runningWallMs: 0,
    spikes: 0,
  };
  send({ kind: 'built', id, description });
  send(...frameOf(session));
}

/** A new pace takes effect from the next slice: the current one ends after its step. */
function setPace(next: Pace): void {
  pace = next;
  if (running) session?.model.network.stop();
}

function pause(): void {
  pauseRequested = true;
  session?.model.network.stop();
}

async function run(settings: RunSettings): Promise<void> {
  if (session === null || running) return;
  const current = session;
  const { network } = current.model;
  running = true;
  pauseRequested = false;
  pace = settings.pace;
  const stepsWanted = Math.round(settings.durationMs / network.dt);
  let wallStart = performance.now();
  let simStart = network.time;
  try {
    while (network.steps < stepsWanted && !pauseRequested) {
      const left = (stepsWanted - network.steps) * network.dt;
      const paced = pace === 'realtime';
      sliceStartedAt = performance.now();
      await network.run(paced ? Math.min(left, PACED_SLICE_MS) : left, {
        progressIntervalMs: FRAME_MS,
        onProgress: () => send(...frameOf(current)),
      });
      current.runningWallMs += performance.now() - sliceStartedAt;
      sliceStartedAt = null;
      if (paced && !pauseRequested) {
        // Real time: simulated ms since the pace began never ahead of wall-clock ms.
        const ahead = network.time - simStart - (performance.now() - wallStart);
        if (ahead > 0) await new Promise((resolve) => setTimeout(resolve, ahead));
      } else {
        wallStart = performance.now();
        simStart = network.time;
      }
    }
  } catch (error) {
    send({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
  } finally {
    running = false;
    sliceStartedAt = null;
    send(...frameOf(current));
    send({ kind: 'stopped', finished: network.steps >= stepsWanted });
    const next = pendingBuild;
    pendingBuild = null;
    if (next !== null) guarded(() => build(next.id, next.model));
  }
}

/** The spikes recorded since the last frame, as a frame (the monitors are cleared). */
function frameOf(current: Session): [FromWorker, Transferable[]] {
  const { model, description, checksums, binSteps } = current;
  const { network } = model;
  const { stride, bands } = description;
  const dt = network.dt;
  let newSpikes = 0;
  for (const { monitor } of model.blocks) newSpikes += monitor.count;
  const rows = new Uint32Array(Math.ceil(newSpikes / stride) + model.blocks.length * bands.length);
  const times = new Float32Array(rows.length);
  // Rate bins touched by this frame: from the first spike's bin (or the current one) to the current one.
  const currentBin = Math.floor(Math.max(0, network.steps - 1) / binSteps);
  let firstBin = currentBin;
  for (const { monitor } of model.blocks) {
    if (monitor.count > 0)
      firstBin = Math.min(firstBin, Math.floor(Math.round(monitor.t[0]! / dt) / binSteps));
  }
  const bins = currentBin - firstBin + 1;
  const counts = new Uint32Array(bins * bands.length);
  let drawn = 0;
  model.blocks.forEach(({ monitor, offset }, b) => {
    const { i, t } = monitor;
    checksums[b]!.add(i, t);
    for (let k = 0; k < i.length; k++) {
      const neuron = offset + i[k]!;
      let band = 0;
      while (band + 1 < bands.length && neuron >= bands[band + 1]!.start) band++;
      const step = Math.round(t[k]! / dt);
      counts[band * bins + Math.floor(step / binSteps) - firstBin]! += 1;
      const within = neuron - bands[band]!.start;
      if (within % stride !== 0 || drawn >= rows.length) continue;
      rows[drawn] = rowOf(bands, band, within, stride);
      times[drawn] = t[k]!;
      drawn++;
    }
    current.spikes += i.length;
    monitor.clear();
  });
  const frame: Frame = {
    simulatedMs: network.time,
    steps: network.steps,
    runningWallMs: current.runningWallMs + (sliceStartedAt === null ? 0 : performance.now() - sliceStartedAt),
    spikes: current.spikes,
    checksum: combineChecksums(checksums),
    rows: rows.subarray(0, drawn),
    times: times.subarray(0, drawn),
    firstBin,
    bins,
    counts,
  };
  return [{ kind: 'frame', frame }, [rows.buffer, times.buffer, counts.buffer]];
}

/** Raster row of the `within`-th neuron of band `band` (bands stacked in order, `stride` neurons a row). */
function rowOf(bands: ModelDescription['bands'], band: number, within: number, stride: number): number {
  let row = 0;
  for (let b = 0; b < band; b++) row += Math.ceil(bands[b]!.size / stride);
  return row + within / stride;
}
