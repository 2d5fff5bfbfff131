import { JitconnArgumentError } from '../errors.js';
import { MAX_NORMAL_VARIATE } from '../definition/weights/ziggurat.js';
import type { WeightLaw } from '../types.js';
import { checkFinite, checkNonNegative } from './validate.js';

/**
 * A new weight law for `withWeight`: a scalar, or the parameters of a normal or uniform law.
 *
 * @example
 * ```ts
 * import { JITCScalarR, type WeightSpec } from 'jitconn';
 *
 * const laws: WeightSpec[] = [0.2, { weight: 0.2 }, { wloc: 0.2, wscale: 0.05 }, { wlow: 0, whigh: 0.4 }];
 * const M = new JITCScalarR([0.1, 0.1, 1], { shape: [100, 100] });
 * const variants = laws.map((law) => M.withWeight(law)); // the same connections, four laws
 * ```
 */
export type WeightSpec =
  | number
  | {
      /** Every weight (scalar law). */
      readonly weight: number;
    }
  | {
      /** Mean of the weights (normal law). */
      readonly wloc: number;
      /** Standard deviation of the weights, >= 0 (normal law). */
      readonly wscale: number;
    }
  | {
      /** Lower bound of the weights, included (uniform law). */
      readonly wlow: number;
      /** Upper bound of the weights, excluded, >= wlow (uniform law). */
      readonly whigh: number;
    };

const FLOAT32_LIMIT = 'a number whose weights stay finite in float32 (|w| < 3.4e38)';

function isFloat32Finite(x: number): boolean {
  return Number.isFinite(Math.fround(x));
}

/** Which parameter of a law breaks the float32 rule (0 or 1), with its value and the rule, or null. */
function lawProblem(law: WeightLaw): { parameter: 0 | 1; value: number; expected: string } | null {
  switch (law.kind) {
    case 'scalar':
      return isFloat32Finite(law.value) ? null : { parameter: 0, value: law.value, expected: FLOAT32_LIMIT };
    case 'normal': {
      if (!isFloat32Finite(law.loc)) return { parameter: 0, value: law.loc, expected: FLOAT32_LIMIT };
      const largest = Math.abs(law.loc) + MAX_NORMAL_VARIATE * Math.abs(law.scale);
      if (isFloat32Finite(largest)) return null;
      return {
        parameter: 1,
        value: law.scale,
        expected: `a number with |wloc| + ${MAX_NORMAL_VARIATE} * wscale finite in float32 (< 3.4e38), since draws reach ${MAX_NORMAL_VARIATE} standard deviations`,
      };
    }
    case 'uniform': {
      if (!isFloat32Finite(law.offset)) return { parameter: 0, value: law.offset, expected: FLOAT32_LIMIT };
      const high = law.offset + law.span;
      return isFloat32Finite(high) ? null : { parameter: 1, value: high, expected: FLOAT32_LIMIT };
    }
  }
}

/** Whether every weight the law can realise is a finite float32. */
export function lawFits(law: WeightLaw): boolean {
  return lawProblem(law) === null;
}

/**
 * Refuses a law whose realised weights would not all be finite float32 values: a scalar or a
 * uniform bound beyond float32, or a normal law whose largest draw (loc + 9.89 scale) overflows.
 * `names` are the user's names for the two parameters, for the error message.
 */
export function checkLawFits(law: WeightLaw, names: readonly [string, string?]): WeightLaw {
  const problem = lawProblem(law);
  if (problem) {
    throw new JitconnArgumentError(names[problem.parameter] ?? names[0], problem.value, problem.expected);
  }
  return law;
}

/** Parse a user's weight specification into a law, validating it. */
export function lawFromWeightSpec(weight: WeightSpec, argument = 'weight'): WeightLaw {
  if (typeof weight === 'number') {
    return checkLawFits({ kind: 'scalar', value: checkFinite(weight, argument) }, [argument]);
  }
  if (typeof weight === 'object' && weight !== null) {
    if ('weight' in weight) {
      return checkLawFits({ kind: 'scalar', value: checkFinite(weight.weight, 'weight') }, ['weight']);
    }
    if ('wloc' in weight) {
      const law: WeightLaw = {
        kind: 'normal',
        loc: checkFinite(weight.wloc, 'wloc'),
        scale: checkNonNegative(weight.wscale, 'wscale'),
      };
      return checkLawFits(law, ['wloc', 'wscale']);
    }
    if ('wlow' in weight) {
      const low = checkFinite(weight.wlow, 'wlow');
      const high = checkFinite(weight.whigh, 'whigh');
      if (!(high >= low)) throw new JitconnArgumentError('whigh', high, `a number >= wlow (${low})`);
      const law: WeightLaw = { kind: 'uniform', offset: low, span: checkFinite(high - low, 'whigh - wlow') };
      return checkLawFits(law, ['wlow', 'whigh']);
    }
  }
  throw new JitconnArgumentError(argument, weight, 'a number, {weight}, {wloc, wscale} or {wlow, whigh}');
}
