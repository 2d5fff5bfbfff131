import { CONTROL, MEMORY, PARAMS, wordIndices } from '../abi/index.js';

/** Index of each control word (abi/control.ts) in an Int32Array of the control block. */
export const CONTROL_WORD = wordIndices(CONTROL);

/** Index of params.threads in an Int32Array of the whole memory (the workers' loop reads it). */
export const THREADS_PARAM_WORD = (MEMORY.fields.params.offset + PARAMS.fields.threads.offset) / 4;
