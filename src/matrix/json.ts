import { JitconnArgumentError } from '../errors.js';
import type { WeightLaw } from '../types.js';
import { createMatrix } from './classes.js';
import type { JITCMatrix, MatrixJSON } from './jitcMatrix.js';
import { checkFinite, checkProb, checkShape } from './validate.js';
import { checkLawFits } from './weightSpec.js';
import { seedWords } from '../definition/seed.js';

function checkLaw(law: unknown): WeightLaw {
  const value = typeof law === 'object' && law !== null ? (law as Record<string, unknown>) : null;
  switch (value?.['kind']) {
    case 'scalar':
      return checkLawFits({ kind: 'scalar', value: checkFinite(value['value'], 'law.value') }, ['law.value']);
    case 'normal':
      return checkLawFits(
        {
          kind: 'normal',
          loc: checkFinite(value['loc'], 'law.loc'),
          scale: checkFinite(value['scale'], 'law.scale'),
        },
        ['law.loc', 'law.scale'],
      );
    case 'uniform':
      return checkLawFits(
        {
          kind: 'uniform',
          offset: checkFinite(value['offset'], 'law.offset'),
          span: checkFinite(value['span'], 'law.span'),
        },
        ['law.offset', 'law.offset + law.span'],
      );
    default:
      throw new JitconnArgumentError('law', law, "an object of kind 'scalar', 'normal' or 'uniform'");
  }
}

function parse(json: unknown): Record<string, unknown> {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (error) {
      throw new JitconnArgumentError('json', json, `JSON text (${(error as Error).message})`);
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new JitconnArgumentError('json', value, 'a jitconn-matrix object or its JSON text');
  }
  return value as Record<string, unknown>;
}

/**
 * Rebuilds a matrix from what `toJSON()` wrote, the object or its JSON text: the same class (weight
 * law and orientation), connections and weights. It runs on the default backend.
 *
 * @param json - A {@link MatrixJSON} object or its JSON text.
 * @returns The matrix.
 * @throws {@link JitconnArgumentError} when the text is not JSON or not an object, or a field is
 *   missing or invalid (`format`, `version`, `orientation`, `law`, `prob`, `seed`, `shape`): the
 *   error names the field.
 * @example
 * ```ts
 * import { JITCUniformC, fromJSON } from 'jitconn';
 *
 * const M = new JITCUniformC([0, 0.2, 0.1, 9], { shape: [300, 200] });
 * const saved = JSON.stringify(M);
 * const again = fromJSON(saved); // a JITCUniformC with the same connections and weights
 * ```
 */
export function fromJSON(json: MatrixJSON | string): JITCMatrix {
  const value = parse(json);
  if (value['format'] !== 'jitconn-matrix') {
    throw new JitconnArgumentError('format', value['format'], "'jitconn-matrix'");
  }
  if (value['version'] !== 1) {
    throw new JitconnArgumentError('version', value['version'], '1 (the only version of the format so far)');
  }
  const orientation = value['orientation'];
  if (orientation !== 'row' && orientation !== 'col') {
    throw new JitconnArgumentError('orientation', orientation, "'row' or 'col'");
  }
  const raw = value['seed'];
  if (typeof raw === 'string' && !/^\d+$/.test(raw)) {
    throw new JitconnArgumentError('seed', raw, 'a number or a decimal string');
  }
  const seed = typeof raw === 'string' ? BigInt(raw) : (raw as number);
  seedWords(seed);
  return createMatrix({
    law: checkLaw(value['law']),
    prob: checkProb(value['prob']),
    seed,
    shape: checkShape(value['shape']),
    orientation,
  });
}
