import type { WeightLaw } from '../spec/weights/weightLaw.js';
import type { JITCMatrix, MatrixInit } from './jitcMatrix.js';

/**
 * Which public class represents a (weight law, orientation) pair. Each class registers itself,
 * so the base class can build a transpose, a scaled copy or another law without importing them.
 */
type Factory = (init: MatrixInit) => JITCMatrix;
const factories = new Map<string, Factory>();

function key(kind: WeightLaw['kind'], orientation: 'row' | 'col'): string {
  return `${kind}:${orientation}`;
}

export function registerMatrixClass(
  kind: WeightLaw['kind'],
  orientation: 'row' | 'col',
  factory: Factory,
): void {
  factories.set(key(kind, orientation), factory);
}

export function createMatrix(init: MatrixInit): JITCMatrix {
  const factory = factories.get(key(init.law.kind, init.orientation));
  if (!factory) throw new Error(`no matrix class registered for ${key(init.law.kind, init.orientation)}`);
  return factory(init);
}
