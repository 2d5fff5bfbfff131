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
  /** The group's name (default: its kind and position, e.g. 'lif0'). */
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
 *
 * @example
 * ```ts
 * import { JITCScalarR, Network } from 'jitconn';
 *
 * const network = new Network({ dt: 0.1 });
 * const input = network.poissonGroup(1000, { rate: 20, seed: 1 });
 * const cells = network.lifGroup(500, { current: 5 });
 * network.connect(input, cells, new JITCScalarR([0.5, 0.05, 2], { shape: [1000, 500] }), { target: 'ge' });
 * const spikes = network.spikeMonitor(cells);
 * await network.run(100); // 100 ms
 * console.log(spikes.count, 'spikes');
 * ```
 */
export class Network implements Steppable {
  /** The time step, in ms. */
  readonly dt: number;
  /** The backend of the neuron steps and of every projection's products. */
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

  /**
   * An empty network: add groups, connect them, add monitors, then run.
   *
   * @param options - `{ dt, backend }`: the time step in ms (default 0.1) and the backend (default:
   *   the default backend at creation).
   * @throws {@link JitconnArgumentError} when `options` is not an object, `dt` is not finite and > 0,
   *   or the backend is unknown.
   * @example
   * ```ts
   * import { Network } from 'jitconn';
   *
   * const network = new Network({ dt: 0.1, backend: 'wasm' });
   * ```
   */
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

  /**
   * Adds leaky integrate-and-fire neurons with exponential synapses (COBA or CUBA), at rest.
   *
   * @param size - Number of neurons, an integer in [1, 2^32 - 1].
   * @param parameters - The neuron parameters, each defaulting to {@link LIF_DEFAULTS} (the
   *   Vogels-Abbott neuron), and an optional `name`.
   * @returns The group: set its `v` to start elsewhere than at rest.
   * @throws {@link JitconnArgumentError} when `size` or a parameter is out of range, the name is not
   *   a string, or the network is running.
   * @throws {@link JitconnTooLargeError} when the group's state would exceed the 4 GiB of a
   *   WebAssembly memory.
   * @example
   * ```ts
   * import { Network } from 'jitconn';
   *
   * const network = new Network();
   * const cells = network.lifGroup(1000, { synapse: 'cuba', current: 11, name: 'cells' });
   * ```
   */
  lifGroup(size: number, parameters: LifParameters & Named = {}): LifGroup {
    return this.#add(
      new LifGroup(this.#name(parameters, 'lif'), this.#size(size), parameters, this.dt, this.backend),
    );
  }

  /**
   * Adds independent seeded Poisson spike trains, an input: `{ rate }` in Hz or `{ prob }` per
   * step, and a seed.
   *
   * @param size - Number of neurons, an integer in [1, 2^32 - 1].
   * @param options - `{ rate }` or `{ prob }` (exactly one), `seed`, and an optional `name`.
   * @returns The group.
   * @throws {@link JitconnArgumentError} when `size` is out of range, both or neither of `rate` and
   *   `prob` are given, the rate exceeds one spike per step (1000 / dt Hz) or is negative, `prob` is
   *   outside [0, 1], the seed is invalid, the name is not a string, or the network is running.
   * @example
   * ```ts
   * import { Network } from 'jitconn';
   *
   * const network = new Network({ dt: 0.1 });
   * const input = network.poissonGroup(500, { rate: 10, seed: 7 }); // 10 Hz each
   * ```
   */
  poissonGroup(size: number, options: PoissonOptions & Named): PoissonGroup {
    return this.#add(new PoissonGroup(this.#name(options, 'poisson'), this.#size(size), options, this.dt));
  }

  /**
   * Adds given spikes: neuron `indices[k]` fires at `times[k]` ms, in step round(times[k] / dt).
   *
   * @param size - Number of neurons, an integer in [1, 2^32 - 1].
   * @param options - `{ indices, times }` of equal length, and an optional `name`.
   * @returns The group.
   * @throws {@link JitconnArgumentError} when `size` is out of range, an index is not in
   *   [0, size), a time is not finite and >= 0, the lengths differ, a neuron has two spikes in one
   *   step, the name is not a string, or the network is running.
   * @example
   * ```ts
   * import { Network } from 'jitconn';
   *
   * const network = new Network({ dt: 0.1 });
   * const cue = network.spikeSource(10, { indices: [0, 3], times: [5, 12.5] });
   * ```
   */
  spikeSource(size: number, options: SpikeSourceOptions & Named): SpikeSource {
    return this.#add(new SpikeSource(this.#name(options, 'source'), this.#size(size), options, this.dt));
  }

  /**
   * Adds a memoryless layer: spikes where the input summed in the previous step exceeds
   * `threshold`.
   *
   * @param size - Number of neurons, an integer in [1, 2^32 - 1].
   * @param options - `{ threshold }`, and an optional `name`.
   * @returns The group.
   * @throws {@link JitconnArgumentError} when `size` is out of range, the threshold is not a number
   *   or is NaN, the name is not a string, or the network is running.
   * @example
   * ```ts
   * import { Network } from 'jitconn';
   *
   * const network = new Network({ dt: 1 });
   * const layer = network.thresholdGroup(200, { threshold: 0.2 });
   * ```
   */
  thresholdGroup(size: number, options: ThresholdOptions & Named): ThresholdGroup {
    return this.#add(new ThresholdGroup(this.#name(options, 'layer'), this.#size(size), options));
  }

  /**
   * Adds a projection from `pre` to `post` through `matrix` (see {@link Projection} for the shapes
   * accepted). Connect before running: a delay longer than any before restarts the presynaptic
   * group's spike history, so spikes already in flight towards other projections of that group
   * are dropped.
   *
   * @param pre - The presynaptic group of this network, or a slice of one.
   * @param post - The postsynaptic group of this network, or a slice of one.
   * @param matrix - A JIT matrix of shape [pre, post] or [post, pre]; it runs on the network's
   *   backend.
   * @param options - `{ target, delay }`: the postsynaptic variable the input is added to ('ge',
   *   'gi' or 'v' for a LIF group; default: the group's only variable), and the delay in whole steps
   *   (default 0, at most 65536).
   * @returns The projection.
   * @throws {@link JitconnArgumentError} when `pre` or `post` is not a group of this network or a
   *   slice of one, `matrix` is not a JIT matrix, `target` is not a variable of the postsynaptic
   *   group, `delay` is out of range, or the network is running.
   * @throws {@link JitconnShapeError} when the matrix's shape is neither [pre, post] nor [post, pre].
   * @example
   * ```ts
   * import { JITCScalarR, Network } from 'jitconn';
   *
   * const network = new Network({ dt: 0.1 });
   * const cells = network.lifGroup(1000);
   * const exc = cells.slice(0, 800);
   * const M = new JITCScalarR([0.6, 0.02, 2], { shape: [800, 1000] });
   * network.connect(exc, cells, M, { target: 'ge', delay: 10 }); // 1 ms delay
   * ```
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

  /**
   * Adds a monitor that records every spike of a group or slice (neuron index and time in ms).
   *
   * @param source - A group of this network, or a slice of one.
   * @returns The monitor: its `i` and `t` grow as the network runs.
   * @throws {@link JitconnArgumentError} when `source` is not a group of this network or a slice of
   *   one, or the network is running.
   * @example
   * ```ts
   * import { Network } from 'jitconn';
   *
   * const network = new Network();
   * const input = network.poissonGroup(100, { rate: 50, seed: 1 });
   * const spikes = network.spikeMonitor(input.slice(0, 10)); // the first 10 neurons
   * network.advance(1000);
   * spikes.i; spikes.t; // neuron (0 to 9) and time of each spike
   * ```
   */
  spikeMonitor(source: NeuronGroup | GroupSlice): SpikeMonitor {
    this.#checkIdle();
    const range = this.#range(source, 'source');
    const monitor = new SpikeMonitor(range);
    this.#spikeMonitors.push({ monitor, member: this.#memberOf(range.group) });
    return monitor;
  }

  /**
   * Adds a monitor that samples `variable` of chosen neurons every `every` steps, at the start of
   * the step (so the first sample is the initial state).
   *
   * @param source - A group of this network, or a slice of one.
   * @param variable - One of the group's state variables, e.g. 'v', 'ge', 'gi' for a LIF group.
   * @param options - `{ neurons, every }`: which neurons, as indices within the source (default:
   *   all), and every how many steps (default 1).
   * @returns The monitor.
   * @throws {@link JitconnArgumentError} when `source` is not a group of this network or a slice of
   *   one, the group has no such variable, a neuron index is out of the source, `every` is not an
   *   integer >= 1, or the network is running.
   * @example
   * ```ts
   * import { Network } from 'jitconn';
   *
   * const network = new Network({ dt: 0.1 });
   * const cells = network.lifGroup(100, { current: 15 });
   * const trace = network.stateMonitor(cells, 'v', { neurons: [0, 1], every: 10 });
   * network.advance(1000);
   * trace.trace(0); // neuron 0's potential every ms
   * ```
   */
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
   *
   * @param mode - 'expected' or 'counted'.
   * @returns The total over the projections.
   * @throws {@link JitconnArgumentError} when `mode` is neither.
   * @throws {@link JitconnTooLargeError} when counting a matrix would take too long (see
   *   `JITCMatrix.nnz`).
   * @example
   * ```ts
   * import { vogelsAbbott } from 'jitconn';
   *
   * const { network } = vogelsAbbott();
   * network.synapseCount(); // 320,000 expected
   * network.synapseCount('counted'); // the exact count, near it
   * ```
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

  /**
   * Bytes the projections' matrices hold: their parameters only.
   *
   * @returns 72 per projection.
   */
  jitBytes(): number {
    return this.#projections.reduce((total, { projection }) => total + projection.matrix.memoryBytes(), 0);
  }

  /**
   * Bytes the same synapses would take stored as CSR (float32 weights, int32 indices), at their
   * expected count: what the JIT matrices save.
   *
   * @returns The total over the projections.
   */
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

  /**
   * Runs `steps` steps at once, synchronously (no progress, no yielding): for short runs and for
   * code that interleaves steps with its own work.
   *
   * @param steps - A whole number of steps >= 0 (default 1).
   * @throws {@link JitconnArgumentError} when `steps` is not a whole number >= 0, or a run is in
   *   progress.
   * @example
   * ```ts
   * import { Network } from 'jitconn';
   *
   * const network = new Network({ dt: 0.1 });
   * const input = network.poissonGroup(100, { rate: 10, seed: 1 });
   * network.advance(10);
   * network.time; // 1 (ms)
   * ```
   */
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
   *
   * @param duration - Simulated time in ms, finite and >= 0.
   * @param options - `{ onProgress, signal, progressIntervalMs }`: a progress callback, an
   *   AbortSignal that stops the run, and the wall-clock ms between progress reports (default 100).
   * @returns What the run did: steps, simulated and wall-clock time, spikes, synaptic events.
   * @throws {@link JitconnArgumentError} (a rejected promise) when `duration` or an option is
   *   invalid, or a run is already in progress.
   * @example
   * ```ts
   * import { vogelsAbbott } from 'jitconn';
   *
   * const { network } = vogelsAbbott({ seed: 1 });
   * const result = await network.run(100, {
   *   onProgress: (p) => console.log(`${Math.round(100 * p.fraction)} %`),
   *   signal: AbortSignal.timeout(60_000),
   * });
   * console.log(result.spikes, result.interrupted);
   * ```
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

  /**
   * Asks a run in progress to stop after its current step; it resolves with `interrupted: true`.
   * Does nothing when no run is in progress.
   *
   * @example
   * ```ts
   * import { vogelsAbbott } from 'jitconn';
   *
   * const { network } = vogelsAbbott();
   * setTimeout(() => network.stop(), 1000); // stop after about 1 s of wall time
   * const { interrupted } = await network.run(60_000);
   * ```
   */
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
