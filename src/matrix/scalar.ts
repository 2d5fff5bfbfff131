import type { Seed } from '../definition/seed.js';
import { createMatrix } from './classes.js';
import {
  initFrom,
  type CommonFields,
  type InternalInit,
  type MatrixInit,
  type ShapeOptions,
} from './construct.js';
import { JITCMatrix } from './jitcMatrix.js';
import { lawFromWeightSpec } from './weightSpec.js';

/** `[weight, prob, seed]`, as in the tutorial. */
export type ScalarData = readonly [weight: number, prob: number, seed: Seed];
export interface ScalarFields extends CommonFields {
  readonly weight: number;
}

const FIELDS = ['weight'];
const law = (values: Record<string, unknown>) => lawFromWeightSpec(values['weight'] as number);

/** Every connection has the same weight (homogeneous). */
export abstract class JITCScalar extends JITCMatrix {
  protected override derive(init: MatrixInit): JITCMatrix {
    return createMatrix(init);
  }
  /** The weight of every connection, as the float32 the products use. */
  get weight(): number {
    return this.law.kind === 'scalar' ? Math.fround(this.law.value) : NaN;
  }
}

/** Scalar weights, generated along rows: `spikes @ M` is event-driven. */
export class JITCScalarR extends JITCScalar {
  constructor(data: ScalarData | ScalarFields | InternalInit, options?: ShapeOptions) {
    super(initFrom(data, options, 'row', FIELDS, law));
  }
}

/** Scalar weights, generated along columns: `M @ spikes` is event-driven. */
export class JITCScalarC extends JITCScalar {
  constructor(data: ScalarData | ScalarFields | InternalInit, options?: ShapeOptions) {
    super(initFrom(data, options, 'col', FIELDS, law));
  }
}

/** The tutorial's names for the scalar classes. */
export const JITCHomoR = JITCScalarR;
export const JITCHomoC = JITCScalarC;
