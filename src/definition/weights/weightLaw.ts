import type { WeightLaw } from '../../types.js';
import { standardNormal } from './ziggurat.js';

/**
 * How each weight law (src/types.ts) turns the words of a block's weight stream into weights.
 * The affine forms are evaluated in double and rounded once to float32. `scale` and `span`
 * may be negative, so `k * M` is represented exactly for any real k: the realised weights
 * are those of M times k, up to that final rounding.
 */

const TWO_NEG_24 = 5.9604644775390625e-8;

/** A uniform float32 in [0, 1) with 24 bits, from one word. */
export function uniform24(word: number): number {
  return (word >>> 8) * TWO_NEG_24;
}

/** Draw one weight of `law` from the words of `nextWord`. */
export function drawWeight(law: WeightLaw, nextWord: () => number): number {
  switch (law.kind) {
    case 'scalar':
      return Math.fround(law.value);
    case 'normal':
      return Math.fround(law.loc + law.scale * standardNormal(nextWord));
    case 'uniform':
      return Math.fround(law.offset + law.span * uniform24(nextWord()));
  }
}

/** Numeric code of a law, as kernels see it. */
export function lawCode(law: WeightLaw): number {
  return law.kind === 'scalar' ? 0 : law.kind === 'normal' ? 1 : 2;
}

/** The law's two parameters in the affine form `a + b * variate` (scalar: a = value, b = 0). */
export function lawAffine(law: WeightLaw): [number, number] {
  switch (law.kind) {
    case 'scalar':
      return [law.value, 0];
    case 'normal':
      return [law.loc, law.scale];
    case 'uniform':
      return [law.offset, law.span];
  }
}

/** The same law with every realised weight multiplied by `factor`. */
export function scaleLaw(law: WeightLaw, factor: number): WeightLaw {
  switch (law.kind) {
    case 'scalar':
      return { kind: 'scalar', value: law.value * factor };
    case 'normal':
      return { kind: 'normal', loc: law.loc * factor, scale: law.scale * factor };
    case 'uniform':
      return { kind: 'uniform', offset: law.offset * factor, span: law.span * factor };
  }
}
