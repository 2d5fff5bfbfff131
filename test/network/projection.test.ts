import { describe, expect, it } from 'vitest';
import {
  BinaryArray,
  JITCNormalC,
  JITCNormalR,
  JITCScalarR,
  JITCUniformC,
  JitconnArgumentError,
  JitconnShapeError,
  Network,
  type BackendName,
} from '../../src/index.js';

/** A spike source firing `neurons` at step 0, into a threshold layer that never fires (input kept for inspection). */
function setup(backend: BackendName, pre: number, post: number, neurons: number[]) {
  const network = new Network({ dt: 1, backend });
  const source = network.spikeSource(pre, { indices: neurons, times: neurons.map(() => 0) });
  const layer = network.thresholdGroup(post, { threshold: 1e30 });
  return { network, source, layer, spikes: BinaryArray.fromIndices(neurons, pre) };
}

function bits(x: Float32Array): number[] {
  return Array.from(new Uint32Array(x.buffer, x.byteOffset, x.length));
}

describe.each<BackendName>(['wasm', 'reference'])('projections (%s backend)', (backend) => {
  it('an R matrix [pre, post] delivers spikes @ M, event-driven, at the end of the step', () => {
    const { network, source, layer, spikes } = setup(backend, 300, 200, [3, 50, 299]);
    const matrix = new JITCNormalR([0.1, 0.4, 0.2, 9], { shape: [300, 200] });
    const projection = network.connect(source, layer, matrix);
    expect(projection.eventDriven).toBe(true);
    expect(projection.product).toBe('vecmat');
    network.advance(1);
    expect(bits(layer.input)).toEqual(bits(matrix.vecmat(spikes)));
  });

  it('a C matrix [post, pre] delivers M @ spikes, event-driven; the other shapes work densely', () => {
    const neurons = [0, 17, 120];
    const cases = [
      { matrix: new JITCUniformC({ wlow: -1, whigh: 2, prob: 0.3, seed: 4, shape: [90, 130] }), event: true },
      {
        matrix: new JITCUniformC({ wlow: -1, whigh: 2, prob: 0.3, seed: 4, shape: [130, 90] }),
        event: false,
      },
      { matrix: new JITCNormalR([0, 1, 0.3, 5], { shape: [90, 130] }), event: false },
    ];
    for (const { matrix, event } of cases) {
      const { network, source, layer, spikes } = setup(backend, 130, 90, neurons);
      const projection = network.connect(source, layer, matrix);
      expect(projection.eventDriven).toBe(event);
      network.advance(1);
      const expected = projection.product === 'vecmat' ? matrix.vecmat(spikes) : matrix.matvec(spikes);
      expect(bits(layer.input)).toEqual(bits(expected));
    }
  });

  it('a delay of d steps delivers the spikes of step s at the end of step s + d', () => {
    const { network, source, layer, spikes } = setup(backend, 40, 30, [1, 2, 39]);
    const matrix = new JITCScalarR([0.5, 0.5, 11], { shape: [40, 30] });
    network.connect(source, layer, matrix, { delay: 3 });
    const expected = bits(matrix.vecmat(spikes));
    for (let step = 0; step < 6; step++) {
      network.advance(1);
      const delivered = bits(layer.input);
      if (step === 3) expect(delivered).toEqual(expected);
      else expect(delivered.every((b) => b === 0)).toBe(true);
    }
  });

  it('slices: spikes of pre neurons [start, end) drive rows [0, end - start); post slices receive alone', () => {
    const { network, source, layer } = setup(backend, 50, 40, [5, 12, 20, 29, 30]);
    const matrix = new JITCNormalR([0, 1, 0.5, 3], { shape: [20, 10] });
    network.connect(source.slice(10, 30), layer.slice(25, 35), matrix);
    network.advance(1);
    const expected = matrix.vecmat(BinaryArray.fromIndices([2, 10, 19], 20));
    expect(bits(layer.input.subarray(25, 35))).toEqual(bits(expected));
    expect(layer.input.subarray(0, 25).every((x) => x === 0)).toBe(true);
    expect(layer.input.subarray(35).every((x) => x === 0)).toBe(true);
  });

  it('projections into one target add up, one float32 rounding each, in the order they were made', () => {
    const { network, source, layer, spikes } = setup(backend, 60, 50, [7, 8, 33]);
    const a = new JITCNormalR([0, 1, 0.4, 1], { shape: [60, 50] });
    const b = new JITCNormalC([0, 1, 0.4, 2], { shape: [50, 60] });
    network.connect(source, layer, a);
    network.connect(source, layer, b);
    network.advance(1);
    const expected = a.vecmat(spikes);
    b.matvec(spikes, { out: expected, accumulate: true });
    expect(bits(layer.input)).toEqual(bits(expected));
  });
});

describe('projection arguments', () => {
  it('refuse shapes that map neither pre to post nor post to pre, bad targets, delays and foreign groups', () => {
    const network = new Network();
    const lif = network.lifGroup(20);
    const source = network.spikeSource(30, { indices: [], times: [] });
    const matrix = new JITCScalarR([1, 0.1, 1], { shape: [30, 20] });
    expect(() => network.connect(source, lif, new JITCScalarR([1, 0.1, 1], { shape: [30, 21] }))).toThrow(
      JitconnShapeError,
    );
    expect(() => network.connect(source, lif, matrix)).toThrow(/target must be one of 'v', 'ge', 'gi'/);
    expect(() => network.connect(source, lif, matrix, { target: 'x' })).toThrow(JitconnArgumentError);
    expect(() => network.connect(lif, source, new JITCScalarR([1, 0.1, 1], { shape: [20, 30] }))).toThrow(
      /takes no input/,
    );
    expect(() => network.connect(source, lif, matrix, { target: 'ge', delay: 1.5 })).toThrow(/delay/);
    expect(() => network.connect(source, lif, matrix, { target: 'ge', delay: -1 })).toThrow(/delay/);
    expect(() => network.connect(source, lif, { shape: [30, 20] }, { target: 'ge' })).toThrow(/matrix/);
    const other = new Network().lifGroup(20);
    expect(() => network.connect(source, other, matrix, { target: 'ge' })).toThrow(
      /post must be a group of this network/,
    );
    expect(() => lif.slice(5, 5)).toThrow(/end/);
    expect(() => lif.slice(-1, 5)).toThrow(/start/);
  });

  it('count synapses without storing them, and the bytes a CSR matrix would need', () => {
    const network = new Network();
    const a = network.lifGroup(400);
    const matrix = new JITCScalarR([1, 0.05, 8], { shape: [300, 400] });
    network.connect(a.slice(100, 400), a, matrix, { target: 'ge' });
    expect(network.synapseCount()).toBeCloseTo(300 * 400 * 0.05, 6);
    expect(network.synapseCount('counted')).toBe(matrix.nnz());
    expect(network.jitBytes()).toBe(matrix.memoryBytes());
    expect(network.csrBytes()).toBeCloseTo(300 * 400 * 0.05 * 8 + 301 * 4, 6);
    expect(() => network.synapseCount('exact' as 'counted')).toThrow(/mode/);
  });
});
