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

/**
 * The backend every matrix uses unless it names its own: 'wasm' until `setDefaultBackend` changes it.
 *
 * @returns 'wasm' or 'reference'.
 * @example
 * ```ts
 * import { defaultBackendName } from 'jitconn';
 *
 * defaultBackendName(); // 'wasm'
 * ```
 */
export function defaultBackendName(): BackendName {
  return defaultName;
}

/**
 * Chooses the backend every matrix uses unless it names its own. A matrix without a backend reads
 * the default at each product, so it follows the change; a network takes the default when it is
 * created. Both backends give the same bits: 'reference' is the plain definition, to check
 * results or debug.
 *
 * @param name - 'wasm' or 'reference'.
 * @throws {@link JitconnArgumentError} when `name` is not one of them.
 * @example
 * ```ts
 * import { JITCScalarR, setDefaultBackend } from 'jitconn';
 *
 * setDefaultBackend('reference');
 * new JITCScalarR([0.1, 0.1, 1], { shape: [100, 50] }).backend; // 'reference'
 * setDefaultBackend('wasm');
 * ```
 */
export function setDefaultBackend(name: BackendName): void {
  defaultName = checkBackendName(name);
}

export function getBackend(name: BackendName): Backend {
  return BACKENDS[checkBackendName(name)];
}
