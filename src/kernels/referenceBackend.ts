import type { Backend } from '../types.js';
import { lineCount, lineLength } from '../definition/matrixSpec.js';
import {
  referenceGather,
  referenceLines,
  referenceNnz,
  referenceScatter,
} from '../definition/referenceProducts.js';
import { deliver } from './target.js';

/** The reference implementation as a backend: slow, plain, and the definition of every result. */
export const referenceBackend: Backend = {
  name: 'reference',
  scatter: (spec, active, target) =>
    deliver(referenceScatter(spec, active), lineLength(spec), active.k, target),
  gather: (spec, y, k, target) => deliver(referenceGather(spec, y, k), lineCount(spec), k, target),
  nnz: referenceNnz,
  lines: referenceLines,
};
