import type { Seed } from '../definition/seed.js';
import { seedWords } from '../definition/seed.js';
import type { BackendName, WeightLaw } from '../types.js';
import { checkBackendName } from './backends.js';
import { checkProb, checkShape, checkTuple } from './validate.js';

/** Everything a matrix is made of (validated). */
export interface MatrixInit {
  readonly law: WeightLaw;
  readonly prob: number;
  readonly seed: Seed;
  readonly shape: readonly [number, number];
  readonly orientation: 'row' | 'col';
  readonly backend?: BackendName | undefined;
}

/**
 * Options every matrix constructor accepts.
 *
 * @example
 * ```ts
 * import { JITCScalarR } from 'jitconn';
 *
 * const M = new JITCScalarR({ weight: 0.1, prob: 0.1, seed: 1, shape: [100, 50], backend: 'reference' });
 * M.backend; // 'reference'
 * ```
 */
export interface MatrixOptions {
  /**
   * Where its products run: 'wasm' or 'reference' (the plain definition, slow, same bits).
   * Default: the default backend when the product runs (see `setDefaultBackend`).
   */
  readonly backend?: BackendName;
}

/** Marks an already validated init passed between our own classes. */
export const FROM_INIT = Symbol('jitconn.fromInit');
export interface InternalInit {
  readonly [FROM_INIT]: MatrixInit;
}

/**
 * Options of the tuple form of the matrix constructors: the shape, and optionally the backend.
 *
 * @example
 * ```ts
 * import { JITCNormalC } from 'jitconn';
 *
 * const M = new JITCNormalC([0, 0.1, 0.05, 7], { shape: [2000, 1000] });
 * ```
 */
export interface ShapeOptions extends MatrixOptions {
  /** [rows, cols], integers in [1, 2^32 - 1]. */
  readonly shape: readonly [number, number];
}

/** The fields of the options form that every weight law shares. */
export interface CommonFields extends MatrixOptions {
  /** Connection probability of every entry, in [0, 1]. */
  readonly prob: number;
  /** The seed: the same seed gives the same connections and weights everywhere. */
  readonly seed: Seed;
  /** [rows, cols], integers in [1, 2^32 - 1]. */
  readonly shape: readonly [number, number];
}

/**
 * Build a validated init from either constructor form. `fields` names the tuple entries before
 * prob and seed (e.g. ['wloc', 'wscale']); `law` turns their values into a weight law.
 */
export function initFrom(
  data: unknown,
  options: unknown,
  orientation: 'row' | 'col',
  fields: readonly string[],
  law: (values: Record<string, unknown>) => WeightLaw,
): MatrixInit {
  if (typeof data === 'object' && data !== null && FROM_INIT in data)
    return (data as InternalInit)[FROM_INIT];
  const names = [...fields, 'prob', 'seed'];
  let values: Record<string, unknown>;
  let settings: Record<string, unknown>;
  if (Array.isArray(data)) {
    const tuple = checkTuple(data, names);
    values = Object.fromEntries(names.map((name, i) => [name, tuple[i]]));
    settings = typeof options === 'object' && options !== null ? (options as Record<string, unknown>) : {};
  } else if (typeof data === 'object' && data !== null) {
    values = data as Record<string, unknown>;
    settings = values;
  } else {
    checkTuple(data, names);
    throw new Error('unreachable');
  }
  const seed = values['seed'] as Seed;
  seedWords(seed);
  const backend = settings['backend'];
  return {
    law: law(values),
    prob: checkProb(values['prob']),
    seed,
    shape: checkShape(settings['shape']),
    orientation,
    backend: backend === undefined ? undefined : checkBackendName(backend),
  };
}
