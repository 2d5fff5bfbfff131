import type { Seed } from '../definition/seed.js';
import { createMatrix } from './classes.js';
import { initFrom, type CommonFields, type MatrixInit, type ShapeOptions } from './construct.js';
import { JITCMatrix } from './jitcMatrix.js';
import { lawFromWeightSpec } from './weightSpec.js';

/** `[wlow, whigh, prob, seed]`, as in the tutorial. */
export type UniformData = readonly [wlow: number, whigh: number, prob: number, seed: Seed];
export interface UniformFields extends CommonFields {
  readonly wlow: number;
  readonly whigh: number;
}

const FIELDS = ['wlow', 'whigh'];
const law = (values: Record<string, unknown>) =>
  lawFromWeightSpec({ wlow: values['wlow'] as number, whigh: values['whigh'] as number });

/** Weights drawn from U[wlow, whigh). */
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

/** Uniform weights, generated along rows: `spikes @ M` is event-driven. */
export class JITCUniformR extends JITCUniform {
  constructor(data: UniformData | UniformFields, options?: ShapeOptions) {
    super(initFrom(data, options, 'row', FIELDS, law));
  }
}

/** Uniform weights, generated along columns: `M @ spikes` is event-driven. */
export class JITCUniformC extends JITCUniform {
  constructor(data: UniformData | UniformFields, options?: ShapeOptions) {
    super(initFrom(data, options, 'col', FIELDS, law));
  }
}
