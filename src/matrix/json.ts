import { JitconnArgumentError } from '../errors.js';
import type { WeightLaw } from '../spec/weights/weightLaw.js';
import type { JITCMatrix, MatrixJSON } from './jitcMatrix.js';
import { createMatrix } from './registry.js';
import { checkFinite, checkProb, checkShape } from './validate.js';

function checkLaw(law: unknown): WeightLaw {
  const value = law as Record<string, unknown> | null;
  switch (value?.['kind']) {
    case 'scalar':
      return { kind: 'scalar', value: checkFinite(value['value'], 'law.value') };
    case 'normal':
      return {
        kind: 'normal',
        loc: checkFinite(value['loc'], 'law.loc'),
        scale: checkFinite(value['scale'], 'law.scale'),
      };
    case 'uniform':
      return {
        kind: 'uniform',
        offset: checkFinite(value['offset'], 'law.offset'),
        span: checkFinite(value['span'], 'law.span'),
      };
    default:
      throw new JitconnArgumentError('law', law, "an object of kind 'scalar', 'normal' or 'uniform'");
  }
}

/** Rebuild a matrix from `toJSON()` output (an object or its JSON text). */
export function fromJSON(json: MatrixJSON | string): JITCMatrix {
  const value = (typeof json === 'string' ? JSON.parse(json) : json) as Record<string, unknown>;
  if (value['format'] !== 'jitconn-matrix' || value['version'] !== 1) {
    throw new JitconnArgumentError(
      'json',
      value['format'],
      "an object with format 'jitconn-matrix' and version 1",
    );
  }
  const orientation = value['orientation'];
  if (orientation !== 'row' && orientation !== 'col') {
    throw new JitconnArgumentError('orientation', orientation, "'row' or 'col'");
  }
  const seed = value['seed'];
  if (typeof seed === 'string' && !/^\d+$/.test(seed)) {
    throw new JitconnArgumentError('seed', seed, 'a number or a decimal string');
  }
  return createMatrix({
    law: checkLaw(value['law']),
    prob: checkProb(value['prob']),
    seed: typeof seed === 'string' ? BigInt(seed) : (seed as number),
    shape: checkShape(value['shape']),
    orientation,
  });
}
