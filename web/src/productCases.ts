import {
  BinaryArray,
  JITCNormalC,
  JITCNormalR,
  JITCScalarR,
  JITCUniformC,
  JITCUniformR,
  type JITCMatrix,
} from 'jitconn';

/**
 * Products the check page runs in a browser and the test suite runs in Node: each big enough to
 * be shared between threads. Their results, bit for bit, must be the same everywhere.
 */
export interface ProductCase {
  readonly name: string;
  readonly run: () => Float32Array;
}

const seededFloats = (n: number, seed: number): Float32Array => {
  // A small LCG: operands only need to be the same on both sides.
  const out = new Float32Array(n);
  let state = seed >>> 0;
  for (let i = 0; i < n; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out[i] = state / 2 ** 32 - 0.5;
  }
  return out;
};

export function productCases(): ProductCase[] {
  const normalR: JITCMatrix = new JITCNormalR([0, 0.1, 0.01, 7], { shape: [20_000, 30_000] });
  const uniformC: JITCMatrix = new JITCUniformC([-0.2, 0.3, 0.02, 11], { shape: [12_000, 16_000] });
  const scalarR: JITCMatrix = new JITCScalarR([0.5, 0.005, 3], { shape: [50_000, 40_000] });
  const normalC: JITCMatrix = new JITCNormalC([0.1, 0.2, 0.005, 2 ** 40 + 5], { shape: [30_000, 20_000] });
  const uniformR: JITCMatrix = new JITCUniformR([0, 1, 0.01, 99], { shape: [8_000, 10_000] });
  return [
    {
      name: 'spikes @ normal R (vecmat, events)',
      run: () => normalR.vecmat(BinaryArray.bernoulli(0.3, 20_000, 1)),
    },
    { name: 'normal R @ x (matvec, dense)', run: () => normalR.matvec(seededFloats(30_000, 2)) },
    {
      name: 'uniform C @ spikes (matvec, events)',
      run: () => uniformC.matvec(BinaryArray.bernoulli(0.2, 16_000, 3)),
    },
    { name: 'x @ uniform C (vecmat, dense)', run: () => uniformC.vecmat(seededFloats(12_000, 4)) },
    {
      name: 'spikes @ scalar R, 4 batches (rmatmat)',
      run: () => scalarR.rmatmat(BinaryArray.bernoulli(0.05, [4, 50_000], 5), 4),
    },
    { name: 'normal C @ X, 3 columns (matmat)', run: () => normalC.matmat(seededFloats(20_000 * 3, 6), 3) },
    {
      name: 'uniform R, accumulated into a buffer',
      run: () => uniformR.vecmat(seededFloats(8_000, 7), { out: seededFloats(10_000, 8), accumulate: true }),
    },
  ];
}

/** FNV-1a over the float32 results' bits: equal hashes, equal bits (up to a 2^-32 chance). */
export function resultHash(result: Float32Array): string {
  const words = new Uint32Array(result.buffer, result.byteOffset, result.length);
  let hash = 0x811c9dc5;
  for (let k = 0; k < words.length; k++) hash = Math.imul(hash ^ words[k]!, 0x01000193);
  return `${(hash >>> 0).toString(16).padStart(8, '0')}/${result.length}`;
}
