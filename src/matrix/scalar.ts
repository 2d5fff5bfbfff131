import type { Seed } from '../definition/seed.js';
import { createMatrix } from './classes.js';
import { initFrom, type CommonFields, type MatrixInit, type ShapeOptions } from './construct.js';
import { JITCMatrix } from './jitcMatrix.js';
import { lawFromWeightSpec } from './weightSpec.js';

/** `[weight, prob, seed]`, as in the tutorial. */
export type ScalarData = readonly [weight: number, prob: number, seed: Seed];

/**
 * The options form of the scalar constructors.
 *
 * @example
 * ```ts
 * import { JITCScalarC, type ScalarFields } from 'jitconn';
 *
 * const fields: ScalarFields = { weight: -0.2, prob: 0.05, seed: 3, shape: [500, 1000] };
 * const M = new JITCScalarC(fields);
 * ```
 */
export interface ScalarFields extends CommonFields {
  /** The weight of every connection (finite in float32). */
  readonly weight: number;
}

const FIELDS = ['weight'];
const law = (values: Record<string, unknown>) => lawFromWeightSpec(values['weight'] as number);

/**
 * Every connection has the same weight (homogeneous). The base of {@link JITCScalarR} and
 * {@link JITCScalarC}: what `instanceof JITCScalar` tests.
 *
 * @example
 * ```ts
 * import { JITCScalar, JITCScalarR } from 'jitconn';
 *
 * const M = new JITCScalarR([0.1, 0.1, 12345], { shape: [1000, 500] });
 * M instanceof JITCScalar; // true
 * M.T instanceof JITCScalar; // true: the transpose is a JITCScalarC
 * ```
 */
export abstract class JITCScalar extends JITCMatrix {
  protected override derive(init: MatrixInit): JITCMatrix {
    return createMatrix(init);
  }
  /** The weight of every connection, as the float32 the products use. */
  get weight(): number {
    return this.law.kind === 'scalar' ? Math.fround(this.law.value) : NaN;
  }
}

/**
 * Scalar weights, generated along rows: `spikes @ M` (`vecmat`) is event-driven, generating only
 * the rows of the neurons that fired. Use it with presynaptic neurons as rows.
 *
 * @example
 * ```ts
 * import { BinaryArray, JITCScalarR } from 'jitconn';
 *
 * // 1000 presynaptic x 500 postsynaptic neurons, weight 0.1, probability 10 %, seed 12345.
 * const M = new JITCScalarR([0.1, 0.1, 12345], { shape: [1000, 500] });
 * const input = M.vecmat(BinaryArray.bernoulli(0.05, 1000, 0)); // Float32Array(500)
 * ```
 */
export class JITCScalarR extends JITCScalar {
  /**
   * A scalar matrix from the tutorial's tuple `[weight, prob, seed]` with `{ shape }`, or from one
   * options object `{ weight, prob, seed, shape, backend }`.
   *
   * @param data - The tuple `[weight, prob, seed]`, or every field as an options object.
   * @param options - With the tuple: `{ shape, backend }`. Ignored with the options object.
   * @throws {@link JitconnArgumentError} when a field is missing or out of range (a probability
   *   outside [0, 1], a seed that is neither an integer in [0, 2^53) nor a bigint in [0, 2^64), a
   *   dimension outside [1, 2^32 - 1]), the weight is not finite in float32, or the backend is unknown.
   * @example
   * ```ts
   * import { JITCScalarR } from 'jitconn';
   *
   * const A = new JITCScalarR([0.1, 0.1, 12345], { shape: [1000, 500] });
   * const B = new JITCScalarR({ weight: 0.1, prob: 0.1, seed: 12345, shape: [1000, 500] }); // the same matrix
   * ```
   */
  constructor(data: ScalarData | ScalarFields, options?: ShapeOptions) {
    super(initFrom(data, options, 'row', FIELDS, law));
  }
}

/**
 * Scalar weights, generated along columns: `M @ spikes` (`matvec`) is event-driven, generating only
 * the columns of the neurons that fired. Use it with presynaptic neurons as columns.
 *
 * @example
 * ```ts
 * import { BinaryArray, JITCScalarC } from 'jitconn';
 *
 * // 500 postsynaptic x 1000 presynaptic neurons.
 * const M = new JITCScalarC([0.1, 0.1, 12345], { shape: [500, 1000] });
 * const input = M.matvec(BinaryArray.fromIndices([3, 17, 400], 1000)); // Float32Array(500)
 * ```
 */
export class JITCScalarC extends JITCScalar {
  /**
   * A scalar matrix from the tutorial's tuple `[weight, prob, seed]` with `{ shape }`, or from one
   * options object `{ weight, prob, seed, shape, backend }`.
   *
   * @param data - The tuple `[weight, prob, seed]`, or every field as an options object.
   * @param options - With the tuple: `{ shape, backend }`. Ignored with the options object.
   * @throws {@link JitconnArgumentError} when a field is missing or out of range (a probability
   *   outside [0, 1], a seed that is neither an integer in [0, 2^53) nor a bigint in [0, 2^64), a
   *   dimension outside [1, 2^32 - 1]), the weight is not finite in float32, or the backend is unknown.
   * @example
   * ```ts
   * import { JITCScalarC } from 'jitconn';
   *
   * const M = new JITCScalarC([0.1, 0.1, 12345], { shape: [500, 1000] });
   * ```
   */
  constructor(data: ScalarData | ScalarFields, options?: ShapeOptions) {
    super(initFrom(data, options, 'col', FIELDS, law));
  }
}

/**
 * The tutorial's name for {@link JITCScalarR} (the same class).
 *
 * @example
 * ```ts
 * import { JITCHomoR, JITCScalarR } from 'jitconn';
 *
 * const M = new JITCHomoR([0.1, 0.1, 12345], { shape: [1000, 500] });
 * M instanceof JITCScalarR; // true
 * ```
 */
export const JITCHomoR = JITCScalarR;
/**
 * The tutorial's name for {@link JITCScalarC} (the same class).
 *
 * @example
 * ```ts
 * import { JITCHomoC } from 'jitconn';
 *
 * const M = new JITCHomoC([0.1, 0.1, 12345], { shape: [500, 1000] });
 * ```
 */
export const JITCHomoC = JITCScalarC;
