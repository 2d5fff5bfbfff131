import type { Seed } from '../definition/seed.js';
import { createMatrix } from './classes.js';
import { initFrom, type CommonFields, type MatrixInit, type ShapeOptions } from './construct.js';
import { JITCMatrix } from './jitcMatrix.js';
import { lawFromWeightSpec } from './weightSpec.js';

/** `[wloc, wscale, prob, seed]`, as in the tutorial. */
export type NormalData = readonly [wloc: number, wscale: number, prob: number, seed: Seed];
export interface NormalFields extends CommonFields {
  readonly wloc: number;
  readonly wscale: number;
}

const FIELDS = ['wloc', 'wscale'];
const law = (values: Record<string, unknown>) =>
  lawFromWeightSpec({ wloc: values['wloc'] as number, wscale: values['wscale'] as number });

/** Weights drawn from N(wloc, wscale^2), exactly (ziggurat, untruncated tails). */
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

/** Normal weights, generated along rows: `spikes @ M` is event-driven. */
export class JITCNormalR extends JITCNormal {
  constructor(data: NormalData | NormalFields, options?: ShapeOptions) {
    super(initFrom(data, options, 'row', FIELDS, law));
  }
}

/** Normal weights, generated along columns: `M @ spikes` is event-driven. */
export class JITCNormalC extends JITCNormal {
  constructor(data: NormalData | NormalFields, options?: ShapeOptions) {
    super(initFrom(data, options, 'col', FIELDS, law));
  }
}
