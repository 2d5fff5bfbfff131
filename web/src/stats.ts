import { formatBytes, formatCount, formatLarge, formatMs, formatRatio } from './format';
import type { Frame, ModelDescription, RuntimeInfo } from './protocol';

/** The statistics and memory panels, and the badges. */

const text = (id: string, value: string): void => {
  document.getElementById(id)!.textContent = value;
};

export function showRuntime(info: RuntimeInfo): void {
  const isolation = document.getElementById('isolation-badge')!;
  isolation.textContent = info.isolated ? 'cross-origin isolated' : 'not cross-origin isolated';
  isolation.className = `badge ${info.isolated ? 'good' : 'warn'}`;
  const threads = document.getElementById('threads-badge')!;
  threads.textContent = `${info.threads} ${info.threads === 1 ? 'thread' : 'threads'}`;
  threads.className = `badge ${info.threads > 1 ? 'good' : 'warn'}`;
  text(
    'threads-prose',
    info.threads > 1 ? `${info.threads} threads` : 'one thread (the page is not cross-origin isolated)',
  );
}

export function showDescription(description: ModelDescription, durationMs: number): void {
  text('synapses', formatLarge(description.synapses));
  text('csr-bytes', formatBytes(description.csrBytes));
  text('jit-bytes', formatBytes(description.jitBytes));
  const ratio = description.csrBytes / Math.max(1, description.jitBytes);
  const jitShare = Math.max(0.2, Math.min(100, 100 / ratio));
  document.getElementById('csr-bar')!.style.width = description.synapses > 0 ? '100%' : '0';
  document.getElementById('jit-bar')!.style.width = `${jitShare}%`;
  text(
    'memory-ratio',
    description.synapses > 0
      ? `Stored as CSR (a float32 weight and an int32 index per synapse), the connectivity would take ${formatRatio(ratio)} the memory of the JIT matrices, which hold only their parameters.` +
          (description.csrBytes > 2 ** 32 ? ' More than a browser tab can address.' : '')
      : '',
  );
  text('state-bytes', formatBytes(description.stateBytes));
  text('setup-time', formatMs(description.setupMs));
  document.getElementById('node-command')!.textContent =
    description.nodeCommand === null
      ? 'jitconn simulate runs the balanced networks; choose COBA or CUBA to compare.'
      : `${description.nodeCommand} --duration ${durationMs} --no-plot`;
  const note =
    description.stride > 1
      ? `every ${ordinal(description.stride)} of ${formatCount(description.neurons)} neurons drawn`
      : `${formatCount(description.neurons)} neurons, every spike drawn`;
  text('raster-note', note);
  text('raster-title', `Spike raster · ${description.title}`);
  text('rate-note', 'spikes per neuron per second, per population');
}

export function showFrame(frame: Frame, description: ModelDescription): void {
  const seconds = frame.runningWallMs / 1000;
  text('sim-time', formatMs(frame.simulatedMs));
  if (seconds > 0.05) {
    // Simulated time per second of wall-clock time (real time: 1 s).
    text('speed', formatMs((frame.simulatedMs / frame.runningWallMs) * 1000));
    text('steps-per-second', formatCount(frame.steps / seconds));
  }
  text('spike-count', formatCount(frame.spikes));
  text(
    'mean-rate',
    frame.simulatedMs > 0
      ? `${(frame.spikes / description.neurons / (frame.simulatedMs / 1000)).toFixed(2)} Hz`
      : '–',
  );
  text('checksum', frame.checksum);
  text('checksum-note', `all ${formatCount(frame.spikes)} spikes to ${formatMs(frame.simulatedMs)}`);
}

export function showFps(fps: number | null): void {
  text('fps', fps === null ? '–' : `${Math.round(fps)} per s`);
}

export function showHeapMemory(bytes: number, complete: boolean): void {
  text('tab-memory', formatBytes(bytes));
  text('tab-memory-label', complete ? 'JS heaps, page + workers' : 'JS heap, page (measuring all…)');
}

function ordinal(n: number): string {
  const suffix =
    n % 100 >= 11 && n % 100 <= 13
      ? 'th'
      : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
  return `${formatCount(n)}${suffix}`;
}
