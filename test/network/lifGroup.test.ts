import { describe, expect, it } from 'vitest';
import { JitconnArgumentError, Network, type BackendName } from '../../src/index.js';

const BACKENDS: BackendName[] = ['wasm', 'reference'];

/** A single neuron that never reaches threshold, with given starting state. */
function single(
  backend: BackendName,
  synapse: 'coba' | 'cuba',
  state: { v: number; ge: number; gi: number },
  dt = 0.1,
) {
  const network = new Network({ dt, backend });
  const group = network.lifGroup(1, { synapse, vThreshold: 1000, current: 5 });
  group.v[0] = state.v;
  group.ge[0] = state.ge;
  group.gi[0] = state.gi;
  return { network, group };
}

/** Classic fourth-order Runge-Kutta in double for the COBA equations (the accuracy reference). */
function cobaReference(v: number, ge: number, gi: number, ms: number): number {
  const h = 0.001;
  const derivative = (t: number, x: number): number => {
    const gE = ge * Math.exp(-t / 5);
    const gI = gi * Math.exp(-t / 10);
    return (-60 - x + gE * (0 - x) + gI * (-80 - x) + 5) / 20;
  };
  let x = v;
  for (let t = 0; t < ms - h / 2; t += h) {
    const k1 = derivative(t, x);
    const k2 = derivative(t + h / 2, x + (h / 2) * k1);
    const k3 = derivative(t + h / 2, x + (h / 2) * k2);
    const k4 = derivative(t + h, x + h * k3);
    x += (h / 6) * (k1 + 2 * k2 + 2 * k3 + k4);
  }
  return x;
}

describe.each(BACKENDS)('LIF groups (%s backend)', (backend) => {
  it('CUBA integrates exactly: v follows the analytic solution of the linear system', () => {
    const { network, group } = single(backend, 'cuba', { v: -58, ge: 6, gi: -2.5 });
    network.advance(200); // 20 ms
    const t = 20;
    const synaptic = (g: number, tau: number): number =>
      ((g * tau) / (tau - 20)) * (Math.exp(-t / tau) - Math.exp(-t / 20));
    const expected = -55 + (-58 + 55) * Math.exp(-t / 20) + synaptic(6, 5) + synaptic(-2.5, 10);
    // float32 state: the rounding of 200 steps stays within 1e-3 mV.
    expect(group.v[0]!).toBeCloseTo(expected, 3);
    expect(group.ge[0]!).toBeCloseTo(6 * Math.exp(-t / 5), 5);
    expect(group.gi[0]!).toBeCloseTo(-2.5 * Math.exp(-t / 10), 5);
  });

  it('COBA without conductances relaxes exactly to E_L + I', () => {
    const { network, group } = single(backend, 'coba', { v: -70, ge: 0, gi: 0 });
    network.advance(300);
    expect(group.v[0]!).toBeCloseTo(-55 + (-70 + 55) * Math.exp(-30 / 20), 3);
  });

  it('COBA with decaying conductances stays within 0.005 mV of a fine Runge-Kutta solution', () => {
    for (const [ge, gi] of [
      [3, 0],
      [0, 20],
      [4, 25],
    ] as const) {
      const { network, group } = single(backend, 'coba', { v: -55, ge, gi });
      for (const ms of [1, 5, 20]) {
        network.advance(Math.round(ms / 0.1) - network.steps);
        // The scheme is second order in dt: measured errors are at most 7e-4 mV here.
        expect(Math.abs(group.v[0]! - cobaReference(-55, ge, gi, ms))).toBeLessThan(0.005);
      }
    }
  });

  it('a spiking neuron is reset and held at the reset for the refractory period', () => {
    const network = new Network({ dt: 0.1, backend });
    const group = network.lifGroup(1, { synapse: 'cuba', current: 30, refractory: 2 }); // rest -30 mV: above threshold
    const monitor = network.spikeMonitor(group);
    const trace = network.stateMonitor(group, 'v');
    network.advance(500);
    const steps = Array.from(monitor.t, (t) => Math.round(t / 0.1));
    expect(steps.length).toBeGreaterThan(3);
    const v = trace.values;
    for (let k = 0; k + 1 < steps.length; k++) {
      // 20 steps clamped at the reset after each spike, then free again.
      for (let s = steps[k]! + 1; s <= steps[k]! + 20; s++) expect(v[s]).toBe(-60);
      expect(steps[k + 1]! - steps[k]!).toBeGreaterThan(20);
      expect(steps[k + 1]! - steps[k]!).toBe(steps[1]! - steps[0]!); // deterministic, regular
    }
  });

  it('spikes only when v exceeds the threshold strictly', () => {
    const network = new Network({ dt: 0.1, backend });
    const group = network.lifGroup(2, { synapse: 'cuba', current: 10, vRest: -60, vThreshold: -50 });
    group.v.set([-50, -50]); // at rest + current = -50: stays exactly at threshold, never above
    const monitor = network.spikeMonitor(group);
    network.advance(100);
    expect(monitor.count).toBe(0);
    expect(Array.from(group.v)).toEqual([-50, -50]);
  });
});

describe('LIF parameters', () => {
  it('defaults are the Vogels-Abbott neuron; every parameter is checked', () => {
    const group = new Network().lifGroup(3);
    expect(group.parameters).toMatchObject({
      tauM: 20,
      vRest: -60,
      vThreshold: -50,
      vReset: -60,
      refractory: 5,
    });
    expect(Array.from(group.v)).toEqual([-60, -60, -60]);
    expect(() => new Network().lifGroup(3, { tauM: 0 })).toThrow(JitconnArgumentError);
    expect(() => new Network().lifGroup(3, { tauExc: Number.NaN })).toThrow(/tauExc/);
    expect(() => new Network().lifGroup(3, { vReset: Infinity })).toThrow(/vReset/);
    expect(() => new Network().lifGroup(3, { refractory: -1 })).toThrow(/refractory/);
    expect(() => new Network().lifGroup(3, { synapse: 'hh' as 'coba' })).toThrow(/synapse/);
    expect(() => new Network().lifGroup(0)).toThrow(/size/);
    expect(() => new Network().lifGroup(2.5)).toThrow(/size/);
  });
});
