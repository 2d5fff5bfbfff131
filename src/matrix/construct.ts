import type { Seed } from '../spec/seed.js';
import { seedWords } from '../spec/seed.js';
import type { WeightLaw } from '../spec/weights/weightLaw.js';
import type { MatrixInit, MatrixOptions } from './jitcMatrix.js';
import { checkProb, checkShape, checkTuple } from './validate.js';

/** Marks an already validated init passed between our own classes. */
export const FROM_INIT = Symbol('jitconn.fromInit');
export interface InternalInit {
  readonly [FROM_INIT]: MatrixInit;
}

/** Options of the tuple form: `new JITCScalarR([weight, prob, seed], { shape })`. */
export interface ShapeOptions extends MatrixOptions {
  readonly shape: readonly [number, number];
}

/** The common fields of the options form. */
export interface CommonFields extends MatrixOptions {
  readonly prob: number;
  readonly seed: Seed;
  readonly shape: readonly [number, number];
}

/**
 * Build a validated init from either constructor form. `fields` names the tuple entries before
 * prob and seed (e.g. ['wloc', 'wscale']); `law` turns their values into a weight law.
 */
export function initFrom(
  data: unknown,
  options: ShapeOptions | undefined,
  orientation: 'row' | 'col',
  fields: readonly string[],
  law: (values: Record<string, unknown>) => WeightLaw,
): MatrixInit {
  if (typeof data === 'object' && data !== null && FROM_INIT in data)
    return (data as InternalInit)[FROM_INIT];
  const names = [...fields, 'prob', 'seed'];
  let values: Record<string, unknown>;
  let shape: unknown;
  let backend: MatrixOptions['backend'];
  if (Array.isArray(data)) {
    const tuple = checkTuple(data, names);
    values = Object.fromEntries(names.map((name, i) => [name, tuple[i]]));
    shape = options?.shape;
    backend = options?.backend;
  } else if (typeof data === 'object' && data !== null) {
    values = data as Record<string, unknown>;
    shape = values['shape'];
    backend = values['backend'] as MatrixOptions['backend'];
  } else {
    checkTuple(data, names);
    throw new Error('unreachable');
  }
  const seed = values['seed'] as Seed;
  seedWords(seed);
  return {
    law: law(values),
    prob: checkProb(values['prob']),
    seed,
    shape: checkShape(shape),
    orientation,
    backend,
  };
}
