import { describe, expect, it } from 'vitest';
import { eventAccumulator } from '../../src/matrix/eventProducts.js';
import {
  BinaryArray,
  JITCNormalC,
  JITCUniformR,
  JitconnShapeError,
  type BackendName,
} from '../../src/index.js';

function bits(x: Float32Array): number[] {
  return Array.from(new Uint32Array(x.buffer, x.byteOffset, x.length));
}

describe.each<BackendName>(['wasm', 'reference'])('eventAccumulator (%s backend)', (backend) => {
  it('adds exactly what vecmat / matvec with { out, accumulate: true } add', () => {
    const r = new JITCUniformR({ wlow: -0.5, whigh: 1, prob: 0.1, seed: 3, shape: [500, 300], backend });
    const c = new JITCNormalC({ wloc: 0.2, wscale: 1, prob: 0.1, seed: 4, shape: [300, 500], backend });
    const lines = Uint32Array.from([0, 7, 8, 250, 499]);
    const spikes = BinaryArray.fromIndices(lines, 500);
    const start = Float32Array.from({ length: 300 }, (_, i) => Math.sin(i) * 3);
    for (const [matrix, product] of [
      [r, (out: Float32Array) => r.vecmat(spikes, { out, accumulate: true })],
      [c, (out: Float32Array) => c.matvec(spikes, { out, accumulate: true })],
    ] as const) {
      const out = start.slice();
      const accumulate = eventAccumulator(matrix, out);
      accumulate(lines);
      accumulate(new Uint32Array(0));
      accumulate(lines.subarray(1, 3));
      const expected = start.slice();
      product(expected);
      const more = BinaryArray.fromIndices([7, 8], 500);
      if (matrix === r) r.vecmat(more, { out: expected, accumulate: true });
      else c.matvec(more, { out: expected, accumulate: true });
      expect(bits(out)).toEqual(bits(expected));
    }
  });

  it('checks out once, when made', () => {
    const r = new JITCUniformR({ wlow: 0, whigh: 1, prob: 0.1, seed: 3, shape: [50, 30], backend });
    expect(() => eventAccumulator(r, new Float32Array(50))).toThrow(JitconnShapeError);
  });
});
