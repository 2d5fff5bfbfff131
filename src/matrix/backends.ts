import { JitconnArgumentError } from '../errors.js';
import { referenceBackend } from '../kernels/referenceBackend.js';
import { wasmBackend } from '../kernels/wasm/index.js';
import type { Backend, BackendName } from '../types.js';

/**
 * The compute backends, wired here and nowhere else: the WebAssembly kernels (the default) and
 * the reference implementation of the definition (plain, slow, and the meaning of every result).
 */
const BACKENDS: Readonly<Record<BackendName, Backend>> = { wasm: wasmBackend, reference: referenceBackend };
const NAMES = Object.keys(BACKENDS) as BackendName[];

let defaultName: BackendName = 'wasm';

/** A backend name, checked. */
export function checkBackendName(name: unknown, argument = 'backend'): BackendName {
  if (typeof name !== 'string' || !Object.hasOwn(BACKENDS, name)) {
    throw new JitconnArgumentError(argument, name, `one of ${NAMES.map((n) => `'${n}'`).join(', ')}`);
  }
  return name as BackendName;
}

/** The backend every matrix uses unless it names its own. */
export function defaultBackendName(): BackendName {
  return defaultName;
}

/** Choose the backend every matrix uses unless it names its own. */
export function setDefaultBackend(name: BackendName): void {
  defaultName = checkBackendName(name);
}

export function getBackend(name: BackendName): Backend {
  return BACKENDS[checkBackendName(name)];
}
