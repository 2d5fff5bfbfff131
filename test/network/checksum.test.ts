import { describe, expect, it } from 'vitest';
import { JitconnArgumentError, SpikeChecksum, spikeChecksum, vogelsAbbott } from '../../src/index.js';

/** FNV-1a over 32-bit words written out with BigInt arithmetic: an independent implementation. */
function fnvWords(words: number[]): string {
  let hash = 0x811c9dc5n;
  for (const word of words) hash = ((hash ^ BigInt(word >>> 0)) * 0x01000193n) % 2n ** 32n;
  return hash.toString(16).padStart(8, '0');
}

describe('spike checksums', () => {
  it('is FNV-1a over (neuron, step) words, in recording order', () => {
    const i = new Uint32Array([3, 0, 4_000_000_000]);
    const t = new Float64Array([0, 0.30000000000000004, 12345.6]);
    expect(spikeChecksum({ i, t }, 0.1)).toBe(fnvWords([3, 0, 0, 3, 4_000_000_000, 123456]));
    expect(new SpikeChecksum(0.1).hex).toBe(fnvWords([]));
  });

  it('is the same whether the spikes come at once or in pieces, and counts them', () => {
    const { network, spikes } = vogelsAbbott({ neurons: 400, seed: 3 });
    network.advance(500);
    const whole = new SpikeChecksum(network.dt).add(spikes!.i, spikes!.t);
    const pieces = new SpikeChecksum(network.dt);
    const n = spikes!.count;
    expect(n).toBeGreaterThan(100);
    for (let from = 0; from < n; from += 37) pieces.add(spikes!.i, spikes!.t, from, Math.min(n, from + 37));
    expect(pieces.hex).toBe(whole.hex);
    expect(pieces.count).toBe(n);
  });

  it('changes when one spike moves by one step or to the next neuron, or two spikes swap', () => {
    const i = new Uint32Array([5, 9, 2, 7]);
    const t = new Float64Array([1, 1, 2.5, 3]);
    const base = spikeChecksum({ i, t }, 0.5);
    const moved = Float64Array.from(t);
    moved[2] = 3;
    const renamed = Uint32Array.from(i);
    renamed[1] = 10;
    const swapped = Uint32Array.from([9, 5, 2, 7]);
    expect(spikeChecksum({ i, t: moved }, 0.5)).not.toBe(base);
    expect(spikeChecksum({ i: renamed, t }, 0.5)).not.toBe(base);
    expect(spikeChecksum({ i: swapped, t }, 0.5)).not.toBe(base);
  });

  it('refuses a bad time step or too few times', () => {
    expect(() => new SpikeChecksum(0)).toThrow(JitconnArgumentError);
    expect(() => new SpikeChecksum(0.1).add([1, 2], [0])).toThrow(/at least 2 spike times/);
  });
});

describe('SpikeMonitor.clear', () => {
  it('forgets what was recorded; later spikes are recorded as before', () => {
    const a = vogelsAbbott({ neurons: 400, seed: 4 });
    a.network.advance(600);
    const b = vogelsAbbott({ neurons: 400, seed: 4 });
    b.network.advance(300);
    const first = b.spikes!.count;
    b.spikes!.clear();
    expect(b.spikes!.count).toBe(0);
    expect(b.spikes!.i).toHaveLength(0);
    b.network.advance(300);
    expect(Array.from(b.spikes!.i)).toEqual(Array.from(a.spikes!.i.subarray(first)));
    expect(Array.from(b.spikes!.t)).toEqual(Array.from(a.spikes!.t.subarray(first)));
  });
});
