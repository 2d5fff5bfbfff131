import type { Backend } from './backend.js';
import {
  referenceGather,
  referenceLines,
  referenceNnz,
  referenceScatter,
} from '../spec/referenceProducts.js';

/** The reference implementation as a backend: slow, plain, and the definition of every result. */
export const referenceBackend: Backend = {
  name: 'reference',
  scatter: referenceScatter,
  gather: referenceGather,
  nnz: referenceNnz,
  lines: referenceLines,
};
