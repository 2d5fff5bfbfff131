import type { Seed } from '../definition/seed.js';
import { createMatrix } from './classes.js';
import { initFrom, type CommonFields, type MatrixInit, type ShapeOptions } from './construct.js';
import { JITCMatrix } from './jitcMatrix.js';
import { lawFromWeightSpec } from './weightSpec.js';

/** `[wloc, wscale, prob, seed]`, as in the tutorial. */
export type NormalData = readonly [wloc: number, wscale: number, prob: number, seed: Seed];

/**
 * The options form of the normal constructors.
 *
 * @example
 * ```ts
 * import { JITCNormalR, type NormalFields } from 'jitconn';
 *
 * const fields: NormalFields = { wloc: 0, wscale: 0.1, prob: 0.15, seed: 42, shape: [1000, 500] };
 * const M = new JITCNormalR(fields);
 * ```
 */
export interface NormalFields extends CommonFields {
  /** Mean of the weights (finite). */
  readonly wloc: number;
  /** Standard deviation of the weights (finite, >= 0). */
  readonly wscale: number;
}

const FIELDS = ['wloc', 'wscale'];
const law = (values: Record<string, unknown>) =>
  lawFromWeightSpec({ wloc: values['wloc'] as number, wscale: values['wscale'] as number });

/**
 * Weights drawn from N(wloc, wscale^2), exactly (ziggurat, untruncated tails). The base of
 * {@link JITCNormalR} and {@link JITCNormalC}: what `instanceof JITCNormal` tests.
 *
 * @example
 * ```ts
 * import { JITCNormal, JITCNormalR } from 'jitconn';
 *
 * const M = new JITCNormalR([0, 0.1, 0.15, 42], { shape: [1000, 500] });
 * M instanceof JITCNormal; // true, and so is M.T (a JITCNormalC)
 * M.wscale; // 0.10000000149011612 (the float32 nearest 0.1)
 * ```
 */
export abstract class JITCNormal extends JITCMatrix {
  protected override derive(init: MatrixInit): JITCMatrix {
    return createMatrix(init);
  }
  /** Mean of the weights (as float32). */
  get wloc(): number {
    return this.law.kind === 'normal' ? Math.fround(this.law.loc) : NaN;
  }
  /** Standard deviation of the weights (as float32). */
  get wscale(): number {
    return this.law.kind === 'normal' ? Math.fround(Math.abs(this.law.scale)) : NaN;
  }
}

/**
 * Normal weights, generated along rows: `spikes @ M` (`vecmat`) is event-driven, generating only
 * the rows of the neurons that fired. Use it with presynaptic neurons as rows.
 *
 * @example
 * ```ts
 * import { BinaryArray, JITCNormalR } from 'jitconn';
 *
 * // 1000 presynaptic x 500 postsynaptic neurons, weights N(0, 0.1^2), probability 15 %, seed 42.
 * const M = new JITCNormalR([0, 0.1, 0.15, 42], { shape: [1000, 500] });
 * const input = M.vecmat(BinaryArray.bernoulli(0.05, 1000, 0)); // Float32Array(500)
 * ```
 */
export class JITCNormalR extends JITCNormal {
  /**
   * A normal matrix from the tutorial's tuple `[wloc, wscale, prob, seed]` with `{ shape }`, or
   * from one options object `{ wloc, wscale, prob, seed, shape, backend }`.
   *
   * @param data - The tuple `[wloc, wscale, prob, seed]`, or every field as an options object.
   * @param options - With the tuple: `{ shape, backend }`. Ignored with the options object.
   * @throws {@link JitconnArgumentError} when a field is missing or out of range (a probability
   *   outside [0, 1], a seed that is neither an integer in [0, 2^53) nor a bigint in [0, 2^64), a
   *   dimension outside [1, 2^32 - 1]), wscale < 0, the largest weights would not be finite in
   *   float32, or the backend is unknown.
   * @example
   * ```ts
   * import { JITCNormalR } from 'jitconn';
   *
   * const A = new JITCNormalR([0, 0.1, 0.15, 42], { shape: [1000, 500] });
   * const B = new JITCNormalR({ wloc: 0, wscale: 0.1, prob: 0.15, seed: 42, shape: [1000, 500] }); // = A
   * ```
   */
  constructor(data: NormalData | NormalFields, options?: ShapeOptions) {
    super(initFrom(data, options, 'row', FIELDS, law));
  }
}

/**
 * Normal weights, generated along columns: `M @ spikes` (`matvec`) is event-driven, generating
 * only the columns of the neurons that fired. Use it with presynaptic neurons as columns.
 *
 * @example
 * ```ts
 * import { BinaryArray, JITCNormalC } from 'jitconn';
 *
 * // 500 postsynaptic x 1000 presynaptic neurons.
 * const M = new JITCNormalC([0, 0.1, 0.15, 42], { shape: [500, 1000] });
 * const input = M.matvec(BinaryArray.bernoulli(0.05, 1000, 0)); // Float32Array(500)
 * ```
 */
export class JITCNormalC extends JITCNormal {
  /**
   * A normal matrix from the tutorial's tuple `[wloc, wscale, prob, seed]` with `{ shape }`, or
   * from one options object `{ wloc, wscale, prob, seed, shape, backend }`.
   *
   * @param data - The tuple `[wloc, wscale, prob, seed]`, or every field as an options object.
   * @param options - With the tuple: `{ shape, backend }`. Ignored with the options object.
   * @throws {@link JitconnArgumentError} when a field is missing or out of range (a probability
   *   outside [0, 1], a seed that is neither an integer in [0, 2^53) nor a bigint in [0, 2^64), a
   *   dimension outside [1, 2^32 - 1]), wscale < 0, the largest weights would not be finite in
   *   float32, or the backend is unknown.
   * @example
   * ```ts
   * import { JITCNormalC } from 'jitconn';
   *
   * const M = new JITCNormalC([0, 0.1, 0.15, 42], { shape: [500, 1000] });
   * ```
   */
  constructor(data: NormalData | NormalFields, options?: ShapeOptions) {
    super(initFrom(data, options, 'col', FIELDS, law));
  }
}
