import { JitconnArgumentError } from '../errors.js';
import { checkBackendName, defaultBackendName } from '../matrix/backends.js';
import { checkDimension } from '../matrix/validate.js';
import type { BackendName } from '../types.js';
import { NeuronGroup, rangeOf, type GroupSlice } from './groups/group.js';
import { LifGroup } from './groups/lifGroup.js';
import type { LifParameters } from './groups/lifParameters.js';
import { PoissonGroup, type PoissonOptions } from './groups/poissonGroup.js';
import { SpikeSource, type SpikeSourceOptions } from './groups/spikeSource.js';
import { ThresholdGroup, type ThresholdOptions } from './groups/thresholdGroup.js';
import { SpikeMonitor } from './monitors/spikeMonitor.js';
import { StateMonitor, type StateMonitorOptions } from './monitors/stateMonitor.js';
import { Projection, type ConnectOptions } from './projection.js';
import { runSteps, stepsOf, type RunOptions, type RunResult, type Steppable } from './run.js';
import { SpikeHistory } from './spikeHistory.js';

/** Options of a network. */
export interface NetworkOptions {
  /** The time step in ms (default 0.1). */
  readonly dt?: number;
  /** Backend of the neuron steps and of every projection's products (default: the default backend). */
  readonly backend?: BackendName;
}

/** A name for a group, in messages and summaries. */
export interface Named {
  readonly name?: string;
}

interface Member {
  readonly group: NeuronGroup;
  history: SpikeHistory;
  spikeCount: number;
}

/**
 * A spiking network stepped at a fixed dt. Each step, in this order: state monitors sample; every
 * group updates (integrates, fires, draws or replays its spikes); spike monitors record; every
 * projection delivers the spikes of `delay` steps ago into its target. Nothing in a step depends
 * on the order groups or projections were added. See docs/networks.md.
 */
export class Network implements Steppable {
  readonly dt: number;
  readonly backend: BackendName;
  readonly #members: Member[] = [];
  readonly #projections: { projection: Projection; member: Member }[] = [];
  readonly #spikeMonitors: { monitor: SpikeMonitor; member: Member }[] = [];
  readonly #stateMonitors: StateMonitor[] = [];
  #steps = 0;
  #spikes = 0;
  #events = 0;
  #running = false;
  #stop = false;

  constructor(options: NetworkOptions = {}) {
    if (typeof options !== 'object' || options === null) {
      throw new JitconnArgumentError('options', options, 'an object { dt, backend } or undefined');
    }
    const dt = options.dt ?? 0.1;
    if (typeof dt !== 'number' || !(dt > 0) || !Number.isFinite(dt)) {
      throw new JitconnArgumentError('dt', dt, 'a time step in ms, finite and > 0');
    }
    this.dt = dt;
    this.backend = options.backend === undefined ? defaultBackendName() : checkBackendName(options.backend);
  }

  // ----- building ---------------------------------------------------------------------------

  /** Leaky integrate-and-fire neurons (COBA or CUBA exponential synapses). */
  lifGroup(size: number, parameters: LifParameters & Named = {}): LifGroup {
    return this.#add(
      new LifGroup(this.#name(parameters, 'lif'), this.#size(size), parameters, this.dt, this.backend),
    );
  }

  /** Independent seeded Poisson spike trains: `{ rate }` in Hz or `{ prob }` per step, and a seed. */
  poissonGroup(size: number, options: PoissonOptions & Named): PoissonGroup {
    return this.#add(new PoissonGroup(this.#name(options, 'poisson'), this.#size(size), options, this.dt));
  }

  /** Spikes from given lists: neuron `indices[k]` fires at `times[k]` ms. */
  spikeSource(size: number, options: SpikeSourceOptions & Named): SpikeSource {
    return this.#add(new SpikeSource(this.#name(options, 'source'), this.#size(size), options, this.dt));
  }

  /** A memoryless layer: spikes where the input summed in the previous step exceeds `threshold`. */
  thresholdGroup(size: number, options: ThresholdOptions & Named): ThresholdGroup {
    return this.#add(new ThresholdGroup(this.#name(options, 'layer'), this.#size(size), options));
  }

  /**
   * A projection from `pre` to `post` through `matrix` (see Projection for the shapes accepted).
   * Connect before running: a delay longer than any before restarts the presynaptic group's spike
   * history, so spikes already in flight towards other projections of that group are dropped.
   */
  connect(
    pre: NeuronGroup | GroupSlice,
    post: NeuronGroup | GroupSlice,
    matrix: unknown,
    options: ConnectOptions = {},
  ): Projection {
    this.#checkIdle();
    if (typeof options !== 'object' || options === null) {
      throw new JitconnArgumentError('options', options, 'an object { target, delay } or undefined');
    }
    const from = this.#range(pre, 'pre');
    const to = this.#range(post, 'post');
    const projection = new Projection(from, to, matrix, options, this.backend);
    const member = this.#memberOf(from.group);
    if (projection.delay + 1 > member.history.depth) {
      member.history = new SpikeHistory(from.group.spikes, projection.delay + 1);
    }
    this.#projections.push({ projection, member });
    return projection;
  }

  /** Records every spike of a group or slice (neuron index and time in ms). */
  spikeMonitor(source: NeuronGroup | GroupSlice): SpikeMonitor {
    this.#checkIdle();
    const range = this.#range(source, 'source');
    const monitor = new SpikeMonitor(range);
    this.#spikeMonitors.push({ monitor, member: this.#memberOf(range.group) });
    return monitor;
  }

  /** Samples `variable` of chosen neurons every `every` steps. */
  stateMonitor(
    source: NeuronGroup | GroupSlice,
    variable: string,
    options: StateMonitorOptions = {},
  ): StateMonitor {
    this.#checkIdle();
    const monitor = new StateMonitor(this.#range(source, 'source'), variable, options);
    this.#stateMonitors.push(monitor);
    return monitor;
  }

  /** The groups, in the order they were added. */
  get groups(): readonly NeuronGroup[] {
    return this.#members.map((member) => member.group);
  }

  /** The projections, in the order they were added. */
  get projections(): readonly Projection[] {
    return this.#projections.map(({ projection }) => projection);
  }

  // ----- sizes --------------------------------------------------------------------------------

  /**
   * Synapses of every projection: 'expected' (default) is rows * cols * p per matrix, instant;
   * 'counted' regenerates every connection to count it (seconds for 10^9). Never stored.
   */
  synapseCount(mode: 'expected' | 'counted' = 'expected'): number {
    if (mode !== 'expected' && mode !== 'counted') {
      throw new JitconnArgumentError('mode', mode, "'expected' or 'counted'");
    }
    return this.#projections.reduce(
      (total, { projection }) =>
        total + (mode === 'expected' ? projection.expectedSynapses() : projection.matrix.nnz()),
      0,
    );
  }

  /** Bytes the projections' matrices hold: their parameters only. */
  jitBytes(): number {
    return this.#projections.reduce((total, { projection }) => total + projection.matrix.memoryBytes(), 0);
  }

  /** Bytes the same synapses would take stored as CSR (float32 weights, int32 indices), expected count. */
  csrBytes(): number {
    return this.#projections.reduce((total, { projection }) => total + projection.csrBytes(), 0);
  }

  // ----- running ------------------------------------------------------------------------------

  /** Steps done so far. */
  get steps(): number {
    return this.#steps;
  }

  /** Simulated time so far, in ms (steps * dt). */
  get time(): number {
    return this.#steps * this.dt;
  }

  /** Spikes of every group so far. */
  get totalSpikes(): number {
    return this.#spikes;
  }

  /** Synaptic events so far (delivered spikes times mean out-degree, see RunResult). */
  get totalEvents(): number {
    return this.#events;
  }

  /** @internal For the run loop. */
  get stopRequested(): boolean {
    return this.#stop;
  }

  /** Runs `steps` steps at once, synchronously (no progress, no yielding). */
  advance(steps = 1): void {
    if (!Number.isInteger(steps) || steps < 0) {
      throw new JitconnArgumentError('steps', steps, 'a whole number of steps >= 0');
    }
    this.#checkIdle();
    for (let s = 0; s < steps; s++) this.stepOnce();
  }

  /**
   * Simulates `duration` ms (rounded to whole steps), yielding to the event loop every few tens of
   * ms so that timers, signals (Ctrl-C), `options.signal` and `stop()` are heard. A stopped run
   * resolves normally with `interrupted: true`; what monitors recorded stays.
   */
  async run(duration: number, options: RunOptions = {}): Promise<RunResult> {
    const steps = stepsOf(duration, this.dt);
    this.#checkIdle();
    this.#running = true;
    this.#stop = false;
    try {
      return await runSteps(this, steps, options);
    } finally {
      this.#running = false;
      this.#stop = false;
    }
  }

  /** Asks a run in progress to stop after its current step. */
  stop(): void {
    if (this.#running) this.#stop = true;
  }

  /** @internal One step (see the class comment for the order). */
  stepOnce(): void {
    const step = this.#steps;
    const time = step * this.dt;
    const members = this.#members;
    for (let m = 0; m < this.#stateMonitors.length; m++) this.#stateMonitors[m]!.sample(step, time);
    for (let g = 0; g < members.length; g++) {
      const member = members[g]!;
      const count = member.group.update(step);
      member.spikeCount = count;
      member.history.record(step, member.group.spikes, count);
      this.#spikes += count;
    }
    for (let m = 0; m < this.#spikeMonitors.length; m++) {
      const { monitor, member } = this.#spikeMonitors[m]!;
      monitor.record(member.group.spikes, member.spikeCount, time);
    }
    for (let p = 0; p < this.#projections.length; p++) {
      const { projection, member } = this.#projections[p]!;
      this.#events += projection.deliver(step, member.history) * projection.meanOutDegree;
    }
    this.#steps = step + 1;
  }

  // ----- helpers ------------------------------------------------------------------------------

  #add<G extends NeuronGroup>(group: G): G {
    this.#checkIdle();
    this.#members.push({ group, history: new SpikeHistory(group.spikes, 1), spikeCount: 0 });
    return group;
  }

  #memberOf(group: NeuronGroup): Member {
    return this.#members.find((member) => member.group === group)!;
  }

  #range(source: NeuronGroup | GroupSlice, argument: string): GroupSlice {
    const range = rangeOf(source, argument);
    if (!this.#members.some((member) => member.group === range.group)) {
      throw new JitconnArgumentError(argument, source, 'a group of this network (or a slice of one)');
    }
    return range;
  }

  #size(size: number): number {
    return checkDimension(size, 'size');
  }

  #name(options: Named | undefined, kind: string): string {
    const name = (options as Named | undefined)?.name;
    if (name !== undefined && typeof name !== 'string') {
      throw new JitconnArgumentError('name', name, 'a string or undefined');
    }
    return name ?? `${kind}${this.#members.length}`;
  }

  #checkIdle(): void {
    if (this.#running)
      throw new JitconnArgumentError('network', 'running', 'idle (wait for run() to finish)');
  }
}
