import { JitconnArgumentError, JitconnShapeError } from '../errors.js';
import { eventAccumulator, type EventAccumulator } from '../matrix/eventProducts.js';
import { JITCMatrix } from '../matrix/jitcMatrix.js';
import type { BackendName } from '../types.js';
import type { GroupSlice } from './groups/group.js';
import type { SpikeHistory } from './spikeHistory.js';

/** How a projection adds its input. */
export interface ConnectOptions {
  /**
   * The postsynaptic variable the input is added to: 'ge', 'gi' or 'v' for a LIF group, 'input'
   * for a threshold group (the default where a group has only one variable).
   */
  readonly target?: string;
  /**
   * Delay in whole steps (default 0): spikes of step s are delivered at the end of step s + delay
   * and act from the next step on, as in Brian2.
   */
  readonly delay?: number;
}

/**
 * The products take spike lists as exact-length arrays: a projection makes a view of its list
 * buffer for every spike count up to this when it is created, so a step allocates none (a step
 * with more spikes than this makes one).
 */
const PREMADE_VIEWS = 4096;

/**
 * A JIT matrix between two groups (or slices of groups), delivering presynaptic spikes into a
 * postsynaptic variable with `accumulate`. The matrix maps pre to post: an R matrix of shape
 * [pre, post] is driven by `spikes @ M` (vecmat) and a C matrix of shape [post, pre] by
 * `M @ spikes` (matvec): both event-driven, only the spiking neurons' lines are generated. A
 * matrix in the other shape (an R [post, pre] or a C [pre, post]) works too, densely: every
 * postsynaptic line is walked each step a spike arrives. A square matrix is read the event-driven
 * way. Made by `network.connect`.
 *
 * @example
 * ```ts
 * import { JITCNormalC, Network } from 'jitconn';
 *
 * const network = new Network();
 * const input = network.poissonGroup(1000, { rate: 10, seed: 1 });
 * const cells = network.lifGroup(500);
 * const M = new JITCNormalC([0.5, 0.1, 0.1, 3], { shape: [500, 1000] }); // [post, pre]
 * const projection = network.connect(input, cells, M, { target: 'ge' });
 * projection.product; // 'matvec': M @ spikes
 * projection.eventDriven; // true: a C matrix generates only the spiking neurons' columns
 * ```
 */
export class Projection {
  /** The presynaptic neurons (a whole group as the slice of all its neurons). */
  readonly pre: GroupSlice;
  /** The postsynaptic neurons (a whole group as the slice of all its neurons). */
  readonly post: GroupSlice;
  /** The matrix, on the network's backend. */
  readonly matrix: JITCMatrix;
  /** The postsynaptic variable the input is added to. */
  readonly target: string;
  /** The delay in whole steps: spikes of step s are delivered at the end of step s + delay. */
  readonly delay: number;
  /** 'vecmat': spikes @ M (M is [pre, post]); 'matvec': M @ spikes (M is [post, pre]). */
  readonly product: 'vecmat' | 'matvec';
  /** Whether the product generates only the spiking neurons' lines. */
  readonly eventDriven: boolean;
  /** Mean connections per presynaptic neuron: post size * prob. */
  readonly meanOutDegree: number;
  readonly #out: Float32Array;
  readonly #lines: Uint32Array;
  readonly #views: Uint32Array[];
  readonly #accumulate: EventAccumulator | null;
  readonly #dense: Float32Array | null;

  /** @internal Created by `network.connect(pre, post, matrix, options)`. */
  constructor(
    pre: GroupSlice,
    post: GroupSlice,
    matrix: unknown,
    options: ConnectOptions,
    backend: BackendName,
  ) {
    if (!(matrix instanceof JITCMatrix)) {
      throw new JitconnArgumentError('matrix', matrix, 'a JIT matrix (JITCScalarR, JITCNormalC, ...)');
    }
    this.pre = pre;
    this.post = post;
    this.matrix = matrix.withBackend(backend);
    this.product = productOf(matrix, pre, post);
    this.eventDriven = (this.product === 'vecmat') === (matrix.orientation === 'row');
    this.target = targetOf(post, options.target);
    this.delay = delayOf(options.delay);
    this.meanOutDegree = post.size * matrix.prob;
    const variable = post.group.variable(this.target);
    this.#out =
      post.start === 0 && post.end === variable.length ? variable : variable.subarray(post.start, post.end);
    this.#lines = new Uint32Array(pre.size);
    const lines = this.#lines;
    this.#views = Array.from({ length: Math.min(pre.size, PREMADE_VIEWS) + 1 }, (_, count) =>
      lines.subarray(0, count),
    );
    this.#accumulate = this.eventDriven ? eventAccumulator(this.matrix, this.#out) : null;
    this.#dense = this.eventDriven ? null : new Float32Array(pre.size);
  }

  /**
   * The expected number of synapses: rows * cols * prob (nothing is stored).
   *
   * @returns The expected count (not necessarily an integer).
   */
  expectedSynapses(): number {
    return this.matrix.shape[0] * this.matrix.shape[1] * this.matrix.prob;
  }

  /**
   * The bytes a stored CSR matrix of these synapses would take: float32 weights, int32 indices and
   * row pointers.
   *
   * @param synapses - The number of synapses (default: the expected number).
   * @returns 8 bytes per synapse plus 4 per presynaptic neuron and 4.
   */
  csrBytes(synapses = this.expectedSynapses()): number {
    return synapses * 8 + (this.pre.size + 1) * 4;
  }

  /**
   * @internal Delivers the spikes of step `step - delay` (from the presynaptic group's history) at
   * step `step`; returns how many presynaptic spikes were delivered.
   */
  deliver(step: number, history: SpikeHistory): number {
    const from = step - this.delay;
    const count = history.count(from);
    if (count === 0) return 0;
    const spikes = history.spikes(from);
    const { start, end } = this.pre;
    const lines = this.#lines;
    let active = 0;
    for (let k = 0; k < count; k++) {
      const neuron = spikes[k]!;
      if (neuron >= start && neuron < end) lines[active++] = neuron - start;
    }
    if (active === 0) return 0;
    if (this.#accumulate !== null) this.#accumulate(this.#view(active));
    else this.#deliverDense(active);
    return active;
  }

  /** lines[0, count) as an exact-length view. */
  #view(count: number): Uint32Array {
    return this.#views[count] ?? this.#lines.subarray(0, count);
  }

  #deliverDense(active: number): void {
    const x = this.#dense!;
    for (let k = 0; k < active; k++) x[this.#lines[k]!] = 1;
    const options = { out: this.#out, accumulate: true };
    if (this.product === 'vecmat') this.matrix.vecmat(x, options);
    else this.matrix.matvec(x, options);
    for (let k = 0; k < active; k++) x[this.#lines[k]!] = 0;
  }
}

function productOf(matrix: JITCMatrix, pre: GroupSlice, post: GroupSlice): 'vecmat' | 'matvec' {
  const [rows, cols] = matrix.shape;
  const asVecmat = rows === pre.size && cols === post.size;
  const asMatvec = rows === post.size && cols === pre.size;
  if (asVecmat && asMatvec) return matrix.orientation === 'row' ? 'vecmat' : 'matvec';
  if (asVecmat) return 'vecmat';
  if (asMatvec) return 'matvec';
  throw new JitconnShapeError(
    `a projection from ${pre.size} to ${post.size} neurons needs a matrix of shape [${pre.size}, ${post.size}] (pre x post) or [${post.size}, ${pre.size}] (post x pre), got [${rows}, ${cols}]`,
  );
}

function targetOf(post: GroupSlice, target: unknown): string {
  const variables = post.group.variables;
  if (target === undefined && variables.length === 1) return variables[0]!;
  if (typeof target !== 'string' || !variables.includes(target)) {
    const names = variables.map((name) => `'${name}'`).join(', ');
    throw new JitconnArgumentError(
      'target',
      target,
      variables.length === 0
        ? `nothing: group ${post.group.name} takes no input`
        : `one of ${names} (group ${post.group.name})`,
    );
  }
  return target;
}

/** Longest delay, in steps: the history keeps this many steps of spikes per group. */
export const MAX_DELAY = 65536;

function delayOf(delay: unknown): number {
  if (delay === undefined) return 0;
  if (typeof delay !== 'number' || !Number.isInteger(delay) || delay < 0 || delay > MAX_DELAY) {
    throw new JitconnArgumentError('delay', delay, `a whole number of steps in [0, ${MAX_DELAY}]`);
  }
  return delay;
}
