import type { JITCMatrix } from './jitcMatrix.js';
import type { MatrixInit } from './construct.js';
import { FROM_INIT } from './construct.js';
import { JITCNormalC, JITCNormalR } from './normal.js';
import { JITCScalarC, JITCScalarR } from './scalar.js';
import { JITCUniformC, JITCUniformR } from './uniform.js';

/**
 * The public class of a (weight law, orientation) pair, wired explicitly: a transpose, a scaled
 * copy, a new law or a parsed JSON document gets the class a user would have constructed.
 */
export function createMatrix(init: MatrixInit): JITCMatrix {
  const from = { [FROM_INIT]: init };
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
