import { describe, expect, it } from 'vitest';
import { referenceBackend } from '../../src/kernels/referenceBackend.js';
import { wasmBackend } from '../../src/kernels/wasm/index.js';
import { scatterChunkCount } from '../../src/definition/scatterChunks.js';
import {
  firstDifference,
  kernelSettings,
  onThreads,
  sameBits,
  scatter,
  spec,
  values,
} from './kernelHelpers.js';
import type { WeightLaw } from '../../src/types.js';

/**
 * Scatters big enough for the multi-thread chain's uneven shares (results of 2^18 floats and
 * more, where the calling thread takes a smaller share) and for several chunks: bit-identical
 * to the reference on 1, 2 and 3 threads, with the default parallel threshold.
 */
kernelSettings({});

const LAWS: WeightLaw[] = [
  { kind: 'scalar', value: 0.25 },
  { kind: 'normal', loc: 0.1, scale: -0.7 },
  { kind: 'uniform', offset: 1, span: -3 },
];

describe('large scatters on several threads', () => {
  it.each([
    { length: 300_000, lines: 40, k: 1, prob: 0.01 },
    { length: 140_000, lines: 30, k: 3, prob: 0.02 },
    { length: 70_000, lines: 2_000, k: 1, prob: 0.01 },
  ])('$length positions, $lines active lines, k = $k, p = $prob', ({ length, lines, k, prob }) => {
    for (const law of LAWS) {
      const s = spec(2n ** 33n + 5n, prob, law, 'row', 1_000_000, length);
      const active = {
        lines: Uint32Array.from({ length: lines }, (_, i) => i * 479 + (i % 5)),
        values: law.kind === 'scalar' ? null : values(lines * k, lines),
        k,
      };
      const want = scatter(referenceBackend, s, active);
      for (const threads of [1, 2, 3]) {
        const got = onThreads(threads, () => scatter(wasmBackend, s, active));
        expect(sameBits(got, want), `${law.kind}, ${threads} threads: ${firstDifference(got, want)}`).toBe(
          true,
        );
      }
    }
  });

  it('the last case really is split into chunks', () => {
    expect(scatterChunkCount(2_000, 70_000, 0.01)).toBeGreaterThan(1);
  });
});
