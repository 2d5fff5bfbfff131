import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lifMemory, type LifMemory } from '../../src/kernels/neurons/lifMemory.js';
import { referenceLifStep, wasmLifStep, type SynapseModel } from '../../src/kernels/neurons/lifKernel.js';
import { expf32, phif32 } from '../../src/kernels/neurons/lifReference.js';
import { resolveLifParameters, writeLifConstants } from '../../src/network/groups/lifParameters.js';

/** Two memories with the same constants and state; one stepped by the kernel, one by the reference. */
function pair(model: SynapseModel, size: number, dt: number, tauExc: number, refractory: number) {
  const parameters = resolveLifParameters({ synapse: model, tauExc, refractory, current: 15 });
  const memories = [lifMemory(size), lifMemory(size)] as const;
  for (const memory of memories) writeLifConstants(memory, parameters, dt);
  return {
    memories,
    steps: [wasmLifStep(model, memories[0]), referenceLifStep(model, memories[1])] as const,
  };
}

/** A small seeded generator for test states (xorshift32). */
function generator(seed: number): () => number {
  let x = seed | 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

/** Random states covering free, refractory and negative counts, conductances of both signs, large and tiny. */
function randomise(memory: LifMemory, random: () => number): void {
  for (let i = 0; i < memory.size; i++) {
    memory.v[i] = -70 + 30 * random();
    memory.ge[i] = random() < 0.1 ? -0.5 * random() : 10 ** (4 * random() - 3);
    memory.gi[i] = random() < 0.05 ? 3000 * random() : 30 * random();
    memory.refractory[i] = random() < 0.2 ? Math.floor(4 * random()) - (random() < 0.1 ? 3 : 0) : 0;
  }
}

function bitsOf(array: Float32Array | Int32Array | Uint32Array): Int32Array {
  return new Int32Array(array.buffer, array.byteOffset, array.length);
}

function expectSameState(a: LifMemory, b: LifMemory): void {
  for (const name of ['v', 'ge', 'gi', 'refractory'] as const) {
    expect(bitsOf(a[name]), name).toEqual(bitsOf(b[name]));
  }
}

describe('neuron kernels', () => {
  it('the SIMD step equals the TypeScript reference bit for bit (COBA and CUBA, any size)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<SynapseModel>('coba', 'cuba'),
        fc.integer({ min: 1, max: 70 }),
        fc.constantFrom(0.1, 0.05, 1, 7.3),
        fc.constantFrom(5, 20, 0.5),
        fc.constantFrom(0, 0.3, 5),
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        (model, size, dt, tauExc, refractory, seed) => {
          const { memories, steps } = pair(model, size, dt, tauExc, refractory);
          const random = generator(seed);
          randomise(memories[0], random);
          for (const name of ['v', 'ge', 'gi', 'refractory'] as const)
            memories[1][name].set(memories[0][name]);
          for (let step = 0; step < 20; step++) {
            const counts = steps.map((stepOnce) => stepOnce());
            expect(counts[0]).toBe(counts[1]);
            expect(memories[0].spikes.subarray(0, counts[0])).toEqual(
              memories[1].spikes.subarray(0, counts[1]),
            );
            expectSameState(memories[0], memories[1]);
            // Input between steps, as projections add it.
            for (let i = 0; i < size; i++) {
              const add = random() < 0.3 ? 2 * random() : 0;
              memories[0].ge[i]! += add;
              memories[1].ge[i]! += add;
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('lists the spikes of a large group in increasing order, none from the padding lanes', () => {
    const { memories, steps } = pair('coba', 4001, 0.1, 5, 5);
    memories[0].v.fill(-40); // every neuron above threshold
    const count = steps[0]();
    expect(count).toBe(4001);
    expect(Array.from(memories[0].spikes.subarray(0, count))).toEqual(
      Array.from({ length: 4001 }, (_, i) => i),
    );
  });

  it('the float32 exponential is within 3e-7 of e^x for |x| <= 1 and 4e-6 up to |x| = 87', () => {
    const { constantsF32, constantsI32 } = lifMemory(1);
    let worstSmall = 0;
    let worstLarge = 0;
    for (let k = -87000; k <= 87000; k += 7) {
      const x = Math.fround(k / 1000 + 0.000123);
      const error = Math.abs(expf32(x, constantsF32, constantsI32) / Math.exp(x) - 1);
      if (Math.abs(x) <= 1) worstSmall = Math.max(worstSmall, error);
      else worstLarge = Math.max(worstLarge, error);
    }
    expect(worstSmall).toBeLessThan(3e-7);
    expect(worstLarge).toBeLessThan(4e-6);
    expect(expf32(0, constantsF32, constantsI32)).toBeCloseTo(1, 6);
  });

  it('phi(y) = (1 - e^-y) / y of the COBA step is within 4e-7 of the exact value, both sides of |y| = 1', () => {
    const { constantsF32, constantsI32 } = lifMemory(1);
    let worst = 0;
    for (let k = -40000; k <= 40000; k += 3) {
      const y = Math.fround(k / 10000 + 0.0000123);
      const exact = y === 0 ? 1 : -Math.expm1(-y) / y;
      worst = Math.max(worst, Math.abs(phif32(y, constantsF32, constantsI32) / exact - 1));
    }
    expect(worst).toBeLessThan(4e-7);
    expect(phif32(0, constantsF32, constantsI32)).toBe(1);
  });

  it('the exponential clamps its argument: no overflow or zero for |x| beyond 87', () => {
    const { constantsF32, constantsI32 } = lifMemory(1);
    expect(expf32(-1000, constantsF32, constantsI32)).toBeGreaterThan(0);
    expect(Number.isFinite(expf32(1000, constantsF32, constantsI32))).toBe(true);
  });
});
