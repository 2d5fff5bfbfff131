import { JitconnArgumentError } from '../errors.js';

/** Where a run stands, passed to `onProgress`. */
export interface RunProgress {
  /** Steps done in this run. */
  readonly steps: number;
  /** Steps the run was asked for. */
  readonly totalSteps: number;
  /** Simulated ms done in this run. */
  readonly simulatedMs: number;
  /** Simulated ms the run was asked for (its steps times dt). */
  readonly durationMs: number;
  /** steps / totalSteps (1 for an empty run). */
  readonly fraction: number;
  /** Wall-clock ms since the run started. */
  readonly wallMs: number;
  /** Spikes of every group in this run so far. */
  readonly spikes: number;
  /** Synaptic events in this run so far (see {@link RunResult}). */
  readonly synapticEvents: number;
}

/** Options of `network.run`. */
export interface RunOptions {
  /** Called about every `progressIntervalMs` of wall time, and once at the end. */
  readonly onProgress?: (progress: RunProgress) => void;
  /** Aborting it stops the run after the current step, keeping what was recorded. */
  readonly signal?: AbortSignal;
  /** Wall-clock ms between progress reports (default 100). */
  readonly progressIntervalMs?: number;
}

/** What a run did. */
export interface RunResult {
  /** Steps done (fewer than asked when interrupted). */
  readonly steps: number;
  /** Simulated ms done: steps * dt. */
  readonly simulatedMs: number;
  /** Wall-clock ms the run took. */
  readonly wallMs: number;
  /** Spikes of every group in this run. */
  readonly spikes: number;
  /**
   * Synaptic events in this run: every delivered presynaptic spike times its projection's mean
   * out-degree (post size * p), i.e. the expected number of synapses the spikes reached.
   */
  readonly synapticEvents: number;
  /** True when the run was stopped (network.stop() or the signal) before its end. */
  readonly interrupted: boolean;
}

/** What the run loop needs from a network. */
export interface Steppable {
  readonly dt: number;
  /** One step; returns nothing, updates the totals below. */
  stepOnce(): void;
  readonly totalSpikes: number;
  readonly totalEvents: number;
  /** True once stop() was called during this run. */
  readonly stopRequested: boolean;
}

/** Wall-clock ms between yields to the event loop (so signals, timers and stop() get through). */
const YIELD_INTERVAL_MS = 25;
/** Steps between clock reads. */
const CLOCK_STRIDE = 8;

/**
 * Lets the event loop run once: setImmediate in Node; in browsers a message to itself, because
 * nested setTimeout(0) waits at least 4 ms there (a sixth of the run's time at one yield per 25 ms).
 */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof setImmediate === 'function') setImmediate(resolve);
    else if (typeof MessageChannel === 'function') postToSelf(resolve);
    else setTimeout(resolve, 0);
  });
}

let selfChannel: MessageChannel | null = null;
const waiting: (() => void)[] = [];

function postToSelf(resolve: () => void): void {
  if (selfChannel === null) {
    selfChannel = new MessageChannel();
    selfChannel.port1.onmessage = () => waiting.shift()?.();
  }
  waiting.push(resolve);
  selfChannel.port2.postMessage(null);
}

/** Number of steps of a run of `duration` ms at `dt`. */
export function stepsOf(duration: unknown, dt: number): number {
  if (typeof duration !== 'number' || !(duration >= 0) || !Number.isFinite(duration)) {
    throw new JitconnArgumentError('duration', duration, 'a finite number of ms, >= 0');
  }
  return Math.round(duration / dt);
}

/** Runs `steps` steps, yielding to the event loop now and then; see Network.run. */
export async function runSteps(network: Steppable, steps: number, options: RunOptions): Promise<RunResult> {
  const { onProgress, signal } = checkRunOptions(options);
  const interval = options.progressIntervalMs ?? 100;
  const start = performance.now();
  const spikes0 = network.totalSpikes;
  const events0 = network.totalEvents;
  const progress = (done: number, now: number): RunProgress => ({
    steps: done,
    totalSteps: steps,
    simulatedMs: done * network.dt,
    durationMs: steps * network.dt,
    fraction: steps === 0 ? 1 : done / steps,
    wallMs: now - start,
    spikes: network.totalSpikes - spikes0,
    synapticEvents: network.totalEvents - events0,
  });
  let nextYield = start + YIELD_INTERVAL_MS;
  let nextProgress = start + interval;
  let done = 0;
  let interrupted = false;
  while (done < steps) {
    if (network.stopRequested || signal?.aborted) {
      interrupted = true;
      break;
    }
    network.stepOnce();
    done++;
    if (done % CLOCK_STRIDE !== 0) continue;
    const now = performance.now();
    if (onProgress !== undefined && now >= nextProgress) {
      onProgress(progress(done, now));
      nextProgress = now + interval;
    }
    if (now >= nextYield) {
      await yieldToEventLoop();
      nextYield = performance.now() + YIELD_INTERVAL_MS;
    }
  }
  const end = performance.now();
  const last = progress(done, end);
  onProgress?.(last);
  return {
    steps: done,
    simulatedMs: last.simulatedMs,
    wallMs: last.wallMs,
    spikes: last.spikes,
    synapticEvents: last.synapticEvents,
    interrupted,
  };
}

function checkRunOptions(options: RunOptions): RunOptions {
  if (typeof options !== 'object' || options === null) {
    throw new JitconnArgumentError(
      'options',
      options,
      'an object { onProgress, signal, progressIntervalMs }',
    );
  }
  const { onProgress, signal, progressIntervalMs } = options;
  if (onProgress !== undefined && typeof onProgress !== 'function') {
    throw new JitconnArgumentError('onProgress', onProgress, 'a function or undefined');
  }
  if (
    signal !== undefined &&
    (typeof signal !== 'object' || signal === null || typeof signal.aborted !== 'boolean')
  ) {
    throw new JitconnArgumentError('signal', signal, 'an AbortSignal or undefined');
  }
  if (
    progressIntervalMs !== undefined &&
    !(typeof progressIntervalMs === 'number' && progressIntervalMs >= 0)
  ) {
    throw new JitconnArgumentError('progressIntervalMs', progressIntervalMs, 'a number of ms >= 0');
  }
  return options;
}
