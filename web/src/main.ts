import { controls, MODEL_FIELDS, readModel, readRun, showMessage, showModelFields } from './controls';
import { watchHeapMemory } from './memory';
import type { Frame, FromWorker, ModelDescription, ToWorker } from './protocol';
import { RasterPlot } from './raster';
import { RatePlot } from './rate';
import { showDescription, showFps, showFrame, showHeapMemory, showRuntime } from './stats';

/**
 * The demo page: sends the controls' settings to the simulation worker and draws what it sends
 * back, once per animation frame. States (body[data-state]): loading, ready, running, paused,
 * finished.
 */

type State = 'loading' | 'ready' | 'running' | 'paused' | 'finished';

const worker = new Worker(new URL('./simulation.worker.ts', import.meta.url), {
  type: 'module',
  name: 'simulation',
});
const post = (message: ToWorker) => worker.postMessage(message);
const raster = new RasterPlot(document.getElementById('raster') as HTMLCanvasElement);
const rate = new RatePlot(document.getElementById('rate') as HTMLCanvasElement);

let state: State = 'loading';
let description: ModelDescription | null = null;
let lastFrame: Frame | null = null;
let dirty = false;
/** The latest network asked for: an older one that arrives after it was asked is not shown. */
let buildId = 0;

function setState(next: State): void {
  state = next;
  document.body.dataset['state'] = next;
  const duration = readRun();
  const more =
    lastFrame === null ||
    ('settings' in duration && duration.settings.durationMs > lastFrame.simulatedMs + 1e-9);
  controls.run.disabled = !(state === 'ready' || state === 'paused' || (state === 'finished' && more));
  controls.run.textContent =
    state === 'paused' || (state === 'finished' && more && lastFrame!.steps > 0) ? 'Resume' : 'Run';
  controls.pause.disabled = state !== 'running';
  controls.reset.disabled = state === 'loading';
}

/** The settings of the network last asked for. */
let requested = '';

/** Builds the network the controls describe (a new one, from step 0); unless `force`, only if they changed. */
function build(force: boolean): void {
  const model = readModel();
  if ('problem' in model) {
    showMessage(model.problem, true);
    return;
  }
  const settings = JSON.stringify(model.settings);
  if (!force && settings === requested) return;
  requested = settings;
  showMessage('Building the network…');
  lastFrame = null;
  setState('loading');
  post({ kind: 'build', id: ++buildId, model: model.settings });
}

function run(): void {
  const settings = readRun();
  if ('problem' in settings) {
    showMessage(settings.problem, true);
    return;
  }
  showMessage('');
  setState('running');
  post({ kind: 'run', run: settings.settings });
}

worker.onmessage = (event: MessageEvent<FromWorker>) => {
  const message = event.data;
  switch (message.kind) {
    case 'runtime':
      showRuntime(message.info);
      break;
    case 'built': {
      if (message.id !== buildId) break;
      description = message.description;
      // About as much as a few seconds of running fill: steps of the tutorial's network, or ms.
      const windowMs = description.dtMs >= 1 || description.neurons >= 100_000 ? 100 : 500;
      raster.configure(description, windowMs);
      rate.configure(description);
      showDescription(description, Number(controls.duration.value));
      showMessage(`Built in ${Math.round(description.setupMs)} ms. Press Run.`);
      setState('ready');
      dirty = true;
      break;
    }
    case 'frame':
      if (state === 'loading') break; // spikes of a network being replaced
      lastFrame = message.frame;
      raster.add(message.frame);
      rate.add(message.frame);
      dirty = true;
      break;
    case 'stopped':
      if (state === 'loading') break; // a run ended for a rebuild
      setState(message.finished ? 'finished' : 'paused');
      showMessage(message.finished ? `Done: ${Number(controls.duration.value)} ms simulated.` : 'Paused.');
      break;
    case 'error':
      showMessage(message.message, true);
      if (state === 'loading' || state === 'running') setState(description ? 'paused' : 'loading');
      break;
  }
};

// Drawing: at most once per animation frame, whatever the number of frames the worker sent.
let frames = 0;
let fpsSince = performance.now();
let lastPaint = performance.now();
const frameGaps: number[] = [];
function paint(now: number): void {
  frames++;
  frameGaps.push(now - lastPaint);
  if (frameGaps.length > 600) frameGaps.shift();
  lastPaint = now;
  if (now - fpsSince >= 1000) {
    showFps(state === 'running' ? (frames * 1000) / (now - fpsSince) : null);
    frames = 0;
    fpsSince = now;
  }
  if (dirty && description !== null) {
    raster.render();
    const { leftMs, windowMs } = raster.window;
    rate.render(leftMs, windowMs);
    if (lastFrame !== null) showFrame(lastFrame, description);
    dirty = false;
  }
  requestAnimationFrame(paint);
}
requestAnimationFrame(paint);

watchHeapMemory((memory) => showHeapMemory(memory.bytes, memory.complete));

for (const field of MODEL_FIELDS) {
  field.addEventListener('change', () => {
    showModelFields();
    if (field === controls.model)
      controls.duration.value = controls.model.value === 'feedforward' ? '100' : '1000';
    build(false);
  });
}
controls.duration.addEventListener('change', () => {
  if (description !== null && state !== 'loading') {
    const settings = readRun();
    if ('settings' in settings && description.nodeCommand !== null) {
      document.getElementById('node-command')!.textContent =
        `${description.nodeCommand} --duration ${settings.settings.durationMs} --no-plot`;
    }
    setState(state);
  }
});
controls.pace.addEventListener('change', () =>
  post({ kind: 'pace', pace: controls.pace.value === 'realtime' ? 'realtime' : 'max' }),
);
controls.run.addEventListener('click', run);
controls.pause.addEventListener('click', () => post({ kind: 'pause' }));
controls.reset.addEventListener('click', () => build(true));
controls.form.addEventListener('submit', (event) => event.preventDefault());
window.addEventListener('resize', () => (dirty = true));

/** For tests and benchmarks: the last frame's counters, and the gaps between the last animation frames (ms). */
(window as unknown as { jitconnDemo: object }).jitconnDemo = {
  lastFrame: () =>
    lastFrame === null
      ? null
      : {
          simulatedMs: lastFrame.simulatedMs,
          steps: lastFrame.steps,
          runningWallMs: lastFrame.runningWallMs,
          spikes: lastFrame.spikes,
          checksum: lastFrame.checksum,
        },
  description: () => description,
  frameGaps: () => frameGaps.slice(),
  clearFrameGaps: () => frameGaps.splice(0),
};

showModelFields();
build(true);
