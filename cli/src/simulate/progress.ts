import type { Writable } from 'node:stream';
import { Presets, SingleBar } from 'cli-progress';
import type { SimulationProgress } from './source.js';

/** Live progress of a run: a bar on a terminal, a plain line every second otherwise. */
export interface ProgressDisplay {
  update(progress: SimulationProgress): void;
  stop(): void;
}

const rate = (n: number) =>
  n >= 1e6 ? `${(n / 1e6).toFixed(1)}M` : n >= 1e3 ? `${(n / 1e3).toFixed(1)}k` : n.toFixed(0);

const TERMINAL_FORMAT =
  '{bar} {percentage}% | {simulated} / {totalMs} ms simulated | {stepsRate} steps/s | {spikesRate} spikes/s | ETA {eta_formatted}';
const PLAIN_FORMAT =
  'progress: {simulated} / {totalMs} ms simulated ({percentage}%), {stepsRate} steps/s, {spikesRate} spikes/s, ETA {eta_formatted}';

/** A progress display for a run of `durationMs` on `stream` (a bar when it is a terminal). */
export function progressDisplay(stream: Writable & { isTTY?: boolean }, durationMs: number): ProgressDisplay {
  const terminal = stream.isTTY === true;
  const bar = new SingleBar(
    {
      stream,
      format: terminal ? TERMINAL_FORMAT : PLAIN_FORMAT,
      noTTYOutput: !terminal,
      notTTYSchedule: 1000,
      hideCursor: terminal,
      etaBuffer: 50,
      fps: 10,
    },
    Presets.shades_classic,
  );
  const started = performance.now();
  const payload = (p: SimulationProgress) => {
    const seconds = Math.max((performance.now() - started) / 1000, 1e-9);
    return {
      simulated: p.simulatedMs.toFixed(1),
      totalMs: durationMs.toFixed(1),
      stepsRate: rate(p.steps / seconds),
      spikesRate: rate(p.spikes / seconds),
    };
  };
  bar.start(durationMs, 0, payload({ simulatedMs: 0, steps: 0, spikes: 0 }));
  return {
    update: (p) => bar.update(Math.min(p.simulatedMs, durationMs), payload(p)),
    stop: () => bar.stop(),
  };
}
