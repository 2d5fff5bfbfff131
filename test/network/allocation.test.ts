import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { JITCNormalR, JITCScalarR, Network, vogelsAbbott } from '../../src/index.js';

const TYPED_ARRAYS = [
  'Int8Array',
  'Uint8Array',
  'Uint8ClampedArray',
  'Int16Array',
  'Uint16Array',
  'Int32Array',
  'Uint32Array',
  'Float32Array',
  'Float64Array',
  'BigInt64Array',
  'BigUint64Array',
  'DataView',
] as const;
const VIEW_METHODS = ['subarray', 'slice', 'map', 'filter'] as const;

/**
 * Counts typed arrays created while `f` runs: every `new` of a typed-array constructor (the
 * globals are replaced by counting proxies) and every subarray / slice / map / filter (which
 * create arrays without calling the global constructors).
 */
function countTypedArrays(f: () => void): number {
  let count = 0;
  const global = globalThis as unknown as Record<string, unknown>;
  const originals = TYPED_ARRAYS.map((name) => global[name]);
  const prototype = Object.getPrototypeOf(Uint8Array.prototype) as Record<string, unknown>;
  const methods = VIEW_METHODS.map((name) => prototype[name] as (...args: unknown[]) => unknown);
  TYPED_ARRAYS.forEach((name, k) => {
    global[name] = new Proxy(originals[k] as object, {
      construct(target, args, newTarget) {
        count++;
        return Reflect.construct(target as new (...a: unknown[]) => object, args, newTarget);
      },
    });
  });
  VIEW_METHODS.forEach((name, k) => {
    prototype[name] = function (this: unknown, ...args: unknown[]) {
      count++;
      return methods[k]!.apply(this, args);
    };
  });
  try {
    f();
  } finally {
    TYPED_ARRAYS.forEach((name, k) => (global[name] = originals[k]));
    VIEW_METHODS.forEach((name, k) => (prototype[name] = methods[k]));
  }
  return count;
}

/** Every kind of group, slices, delays (history copies) and projections whose products find no connection. */
function busyNetwork(): Network {
  const network = new Network({ dt: 0.1 });
  const neurons = network.lifGroup(1000, { current: 15 });
  const cuba = network.lifGroup(301, { synapse: 'cuba', current: 12 });
  const input = network.poissonGroup(2000, { rate: 50, seed: 1 });
  const source = network.spikeSource(10, { indices: [1, 2, 3], times: [0.5, 900, 1000.2] });
  const layer = network.thresholdGroup(50, { threshold: 0.1 });
  // p = 0: the products run through the network's event path but find no connection, so the
  // count below is the network's own; the product kernels are measured by the heap test.
  const none = (rows: number, cols: number, seed: number) =>
    new JITCScalarR([1, 0, seed], { shape: [rows, cols] });
  network.connect(input, neurons, none(2000, 1000, 1), { target: 'ge' });
  network.connect(neurons.slice(0, 800), neurons, none(800, 1000, 2), { target: 'ge', delay: 3 });
  network.connect(neurons.slice(800, 1000), cuba.slice(1, 301), none(200, 300, 3), {
    target: 'gi',
    delay: 15,
  });
  network.connect(source, layer, none(10, 50, 4));
  network.connect(cuba, layer, none(301, 50, 5), { delay: 2 });
  return network;
}

describe('steady state allocates nothing', () => {
  it('10^4 steps of a busy network create no typed array (no monitors)', () => {
    const network = busyNetwork();
    network.advance(1000);
    const before = network.totalSpikes;
    const created = countTypedArrays(() => network.advance(10_000));
    expect(network.totalSpikes - before).toBeGreaterThan(10_000); // it did spike (Poisson input, LIF drive)
    expect(created).toBe(0);
  });

  it('10^4 steps of a balanced network with real connections create no typed array (products included)', () => {
    const { network } = vogelsAbbott({ model: 'coba', neurons: 1000, inDegree: 80, seed: 3, record: false });
    network.advance(1000);
    const before = network.totalSpikes;
    const created = countTypedArrays(() => network.advance(10_000));
    expect(network.totalSpikes - before).toBeGreaterThan(10_000);
    expect(created).toBe(0);
  });

  it('the counter sees typed arrays made with new and with subarray (it can fail)', () => {
    expect(countTypedArrays(() => new Float32Array(3).subarray(1))).toBe(2);
  });

  it('monitors grow their buffers by doubling: a few dozen arrays over 10^4 steps, not one per step', () => {
    const network = busyNetwork();
    const group = network.groups[0]!;
    network.spikeMonitor(group);
    network.stateMonitor(group, 'v', { neurons: [0, 5], every: 10 });
    network.advance(1000);
    const created = countTypedArrays(() => network.advance(10_000));
    expect(created).toBeLessThan(40);
  });

  it('the heap does not grow over 10^4 steps of the COBA model with its products (garbage is collected)', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const { network } = vogelsAbbott({ neurons: 1000, seed: 2, record: false });
    const feedForward = new Network({ dt: 1 });
    const input = feedForward.poissonGroup(1000, { prob: 0.05, seed: 3 });
    const layer = feedForward.thresholdGroup(500, { threshold: 0.2 });
    feedForward.connect(input, layer, new JITCNormalR([0, 0.05, 0.05, 4], { shape: [1000, 500] }));
    network.advance(2000);
    feedForward.advance(200);
    gc();
    const before = process.memoryUsage().heapUsed;
    network.advance(10_000);
    feedForward.advance(2_000);
    gc();
    const growth = process.memoryUsage().heapUsed - before;
    // One object kept per step (24 bytes at least, with the reference to it) would add 288 KB over
    // these 12,000 steps; the bound leaves room for the engine's own caches, not for that.
    expect(growth).toBeLessThan(256 * 1024);
  });
});
