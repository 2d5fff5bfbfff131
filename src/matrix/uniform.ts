import type { Seed } from '../definition/seed.js';
import { createMatrix } from './classes.js';
import { initFrom, type CommonFields, type MatrixInit, type ShapeOptions } from './construct.js';
import { JITCMatrix } from './jitcMatrix.js';
import { lawFromWeightSpec } from './weightSpec.js';

/** `[wlow, whigh, prob, seed]`, as in the tutorial. */
export type UniformData = readonly [wlow: number, whigh: number, prob: number, seed: Seed];

/**
 * The options form of the uniform constructors.
 *
 * @example
 * ```ts
 * import { JITCUniformR, type UniformFields } from 'jitconn';
 *
 * const fields: UniformFields = { wlow: -0.1, whigh: 0.3, prob: 0.12, seed: 777, shape: [800, 400] };
 * const M = new JITCUniformR(fields);
 * ```
 */
export interface UniformFields extends CommonFields {
  /** Lower bound of the weights, included (finite). */
  readonly wlow: number;
  /** Upper bound of the weights, excluded (finite, >= wlow). */
  readonly whigh: number;
}

const FIELDS = ['wlow', 'whigh'];
const law = (values: Record<string, unknown>) =>
  lawFromWeightSpec({ wlow: values['wlow'] as number, whigh: values['whigh'] as number });

/**
 * Weights drawn from U[wlow, whigh). The base of {@link JITCUniformR} and {@link JITCUniformC}:
 * what `instanceof JITCUniform` tests.
 *
 * @example
 * ```ts
 * import { JITCUniform, JITCUniformR } from 'jitconn';
 *
 * const M = new JITCUniformR([-0.1, 0.3, 0.12, 777], { shape: [800, 400] });
 * M instanceof JITCUniform; // true, and so is M.T (a JITCUniformC)
 * [M.wlow, M.whigh]; // the bounds, as float32
 * ```
 */
export abstract class JITCUniform extends JITCMatrix {
  protected override derive(init: MatrixInit): JITCMatrix {
    return createMatrix(init);
  }
  private bounds(): [number, number] {
    if (this.law.kind !== 'uniform') return [NaN, NaN];
    const end = this.law.offset + this.law.span;
    return [Math.min(this.law.offset, end), Math.max(this.law.offset, end)];
  }
  /** Lower bound of the weights (as float32). */
  get wlow(): number {
    return Math.fround(this.bounds()[0]);
  }
  /** Upper bound of the weights (as float32). */
  get whigh(): number {
    return Math.fround(this.bounds()[1]);
  }
}

/**
 * Uniform weights, generated along rows: `spikes @ M` (`vecmat`) is event-driven, generating only
 * the rows of the neurons that fired. Use it with presynaptic neurons as rows.
 *
 * @example
 * ```ts
 * import { BinaryArray, JITCUniformR } from 'jitconn';
 *
 * // 800 presynaptic x 400 postsynaptic neurons, weights U[-0.1, 0.3), probability 12 %, seed 777.
 * const M = new JITCUniformR([-0.1, 0.3, 0.12, 777], { shape: [800, 400] });
 * const input = M.vecmat(BinaryArray.bernoulli(0.05, 800, 0)); // Float32Array(400)
 * ```
 */
export class JITCUniformR extends JITCUniform {
  /**
   * A uniform matrix from the tutorial's tuple `[wlow, whigh, prob, seed]` with `{ shape }`, or
   * from one options object `{ wlow, whigh, prob, seed, shape, backend }`.
   *
   * @param data - The tuple `[wlow, whigh, prob, seed]`, or every field as an options object.
   * @param options - With the tuple: `{ shape, backend }`. Ignored with the options object.
   * @throws {@link JitconnArgumentError} when a field is missing or out of range (a probability
   *   outside [0, 1], a seed that is neither an integer in [0, 2^53) nor a bigint in [0, 2^64), a
   *   dimension outside [1, 2^32 - 1]), whigh < wlow, a bound is not finite in float32, or the
   *   backend is unknown.
   * @example
   * ```ts
   * import { JITCUniformR } from 'jitconn';
   *
   * const A = new JITCUniformR([-0.1, 0.3, 0.12, 777], { shape: [800, 400] });
   * const B = new JITCUniformR({ wlow: -0.1, whigh: 0.3, prob: 0.12, seed: 777, shape: [800, 400] }); // = A
   * ```
   */
  constructor(data: UniformData | UniformFields, options?: ShapeOptions) {
    super(initFrom(data, options, 'row', FIELDS, law));
  }
}

/**
 * Uniform weights, generated along columns: `M @ spikes` (`matvec`) is event-driven, generating
 * only the columns of the neurons that fired. Use it with presynaptic neurons as columns.
 *
 * @example
 * ```ts
 * import { BinaryArray, JITCUniformC } from 'jitconn';
 *
 * // 400 postsynaptic x 800 presynaptic neurons.
 * const M = new JITCUniformC([-0.1, 0.3, 0.12, 777], { shape: [400, 800] });
 * const input = M.matvec(BinaryArray.bernoulli(0.05, 800, 0)); // Float32Array(400)
 * ```
 */
export class JITCUniformC extends JITCUniform {
  /**
   * A uniform matrix from the tutorial's tuple `[wlow, whigh, prob, seed]` with `{ shape }`, or
   * from one options object `{ wlow, whigh, prob, seed, shape, backend }`.
   *
   * @param data - The tuple `[wlow, whigh, prob, seed]`, or every field as an options object.
   * @param options - With the tuple: `{ shape, backend }`. Ignored with the options object.
   * @throws {@link JitconnArgumentError} when a field is missing or out of range (a probability
   *   outside [0, 1], a seed that is neither an integer in [0, 2^53) nor a bigint in [0, 2^64), a
   *   dimension outside [1, 2^32 - 1]), whigh < wlow, a bound is not finite in float32, or the
   *   backend is unknown.
   * @example
   * ```ts
   * import { JITCUniformC } from 'jitconn';
   *
   * const M = new JITCUniformC([-0.1, 0.3, 0.12, 777], { shape: [400, 800] });
   * ```
   */
  constructor(data: UniformData | UniformFields, options?: ShapeOptions) {
    super(initFrom(data, options, 'col', FIELDS, law));
  }
}
