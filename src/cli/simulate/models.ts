import type { ModelRegistry } from './source.js';

/**
 * The network models `jitconn simulate` runs, by --model name: each a SimulationFactory over the
 * network layer. A name missing here is reported as not available, after the flags are checked.
 */
export const MODELS_AVAILABLE: ModelRegistry = {};
