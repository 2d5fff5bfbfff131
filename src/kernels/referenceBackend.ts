import type { Backend } from './backend.js';
import { lineCount, lineLength } from '../spec/matrixSpec.js';
import {
  referenceGather,
  referenceLines,
  referenceNnz,
  referenceScatter,
} from '../spec/referenceProducts.js';
import { transposeFloat32 } from './transpose.js';

/** The reference implementation as a backend: slow, plain, and the definition of every result. */
export const referenceBackend: Backend = {
  name: 'reference',
  scatter: (spec, active, batchMajor = false) => {
    const out = referenceScatter(spec, active);
    return batchMajor ? transposeFloat32(out, lineLength(spec), active.k) : out;
  },
  gather: (spec, y, k, batchMajor = false) => {
    const out = referenceGather(spec, y, k);
    return batchMajor ? transposeFloat32(out, lineCount(spec), k) : out;
  },
  nnz: referenceNnz,
  lines: referenceLines,
};
