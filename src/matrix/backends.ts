import { JitconnArgumentError } from '../errors.js';
import type { Backend, BackendName } from '../kernels/backend.js';
import { referenceBackend } from '../kernels/referenceBackend.js';

/** The backends this build has; the fast one registers itself when the package loads. */
const backends = new Map<BackendName, Backend>([['reference', referenceBackend]]);
let defaultName: BackendName = 'reference';

export function registerBackend(backend: Backend, makeDefault: boolean): void {
  backends.set(backend.name, backend);
  if (makeDefault) defaultName = backend.name;
}

export function defaultBackendName(): BackendName {
  return defaultName;
}

/** Choose the backend every matrix uses unless it names its own. */
export function setDefaultBackend(name: BackendName): void {
  getBackend(name);
  defaultName = name;
}

export function getBackend(name: BackendName): Backend {
  const backend = backends.get(name);
  if (!backend) throw new JitconnArgumentError('backend', name, `one of ${[...backends.keys()].join(', ')}`);
  return backend;
}
