import type { JITCMatrix } from './jitcMatrix.js';
import type { InternalInit, MatrixInit } from './construct.js';
import { FROM_INIT } from './construct.js';
import { JITCNormalC, JITCNormalR } from './normal.js';
import { JITCScalarC, JITCScalarR } from './scalar.js';
import { JITCUniformC, JITCUniformR } from './uniform.js';

/**
 * The public class of a (weight law, orientation) pair, wired explicitly: a transpose, a scaled
 * copy, a new law or a parsed JSON document gets the class a user would have constructed.
 */
export function createMatrix(init: MatrixInit): JITCMatrix {
  // The constructors' public signatures name only the user's two forms; `initFrom` recognises this
  // already validated init (by FROM_INIT) before anything else, so it passes through them unchanged.
  const from = { [FROM_INIT]: init } satisfies InternalInit as never;
  const row = init.orientation === 'row';
  switch (init.law.kind) {
    case 'scalar':
      return row ? new JITCScalarR(from) : new JITCScalarC(from);
    case 'normal':
      return row ? new JITCNormalR(from) : new JITCNormalC(from);
    case 'uniform':
      return row ? new JITCUniformR(from) : new JITCUniformC(from);
  }
}
