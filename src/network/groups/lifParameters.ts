import { JitconnArgumentError } from '../../errors.js';
import { detExp } from '../../definition/weights/detmath.js';
import * as L from '../../kernels/neurons/layout.js';
import { setConstant, type LifMemory } from '../../kernels/neurons/lifMemory.js';
import type { SynapseModel } from '../../kernels/neurons/lifKernel.js';

/**
 * Parameters of a leaky integrate-and-fire group (times in ms, potentials in mV; conductances in
 * units of the leak conductance, so they are dimensionless). docs/networks.md gives the equations.
 */
export interface LifParameters {
  /** 'coba': conductance-based exponential synapses (default); 'cuba': current-based. */
  readonly synapse?: SynapseModel;
  /** Membrane time constant (default 20 ms). */
  readonly tauM?: number;
  /** Leak reversal potential E_L (default -60 mV). */
  readonly vRest?: number;
  /** A neuron spikes when v exceeds this (default -50 mV). */
  readonly vThreshold?: number;
  /** v after a spike, held for the refractory period (default -60 mV). */
  readonly vReset?: number;
  /** Refractory period (default 5 ms), rounded to whole steps. */
  readonly refractory?: number;
  /** Constant input, as the potential it adds at rest: R * I (default 0 mV). */
  readonly current?: number;
  /** Decay time constant of ge (default 5 ms). */
  readonly tauExc?: number;
  /** Decay time constant of gi (default 10 ms). */
  readonly tauInh?: number;
  /** COBA reversal potential of the excitatory conductance (default 0 mV). */
  readonly eExc?: number;
  /** COBA reversal potential of the inhibitory conductance (default -80 mV). */
  readonly eInh?: number;
}

/** Every LIF parameter, as a group holds them once the defaults are filled in. */
export type ResolvedLifParameters = Required<LifParameters>;

/** The defaults: the Vogels-Abbott neuron (COBA), no drive. */
export const LIF_DEFAULTS: ResolvedLifParameters = Object.freeze({
  synapse: 'coba',
  tauM: 20,
  vRest: -60,
  vThreshold: -50,
  vReset: -60,
  refractory: 5,
  current: 0,
  tauExc: 5,
  tauInh: 10,
  eExc: 0,
  eInh: -80,
});

const TIME_CONSTANTS = ['tauM', 'tauExc', 'tauInh'] as const;
const POTENTIALS = ['vRest', 'vThreshold', 'vReset', 'current', 'eExc', 'eInh'] as const;

/** The parameters with defaults filled in, every one checked. */
export function resolveLifParameters(parameters: LifParameters | undefined): ResolvedLifParameters {
  if (parameters !== undefined && (typeof parameters !== 'object' || parameters === null)) {
    throw new JitconnArgumentError('parameters', parameters, 'an object of LIF parameters or undefined');
  }
  const p = { ...LIF_DEFAULTS, ...stripUndefined(parameters ?? {}) };
  if (p.synapse !== 'coba' && p.synapse !== 'cuba') {
    throw new JitconnArgumentError('synapse', p.synapse, "'coba' or 'cuba'");
  }
  for (const name of TIME_CONSTANTS) {
    const value = p[name];
    if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) {
      throw new JitconnArgumentError(name, value, 'a time constant in ms, finite and > 0');
    }
  }
  for (const name of POTENTIALS) {
    if (typeof p[name] !== 'number' || !Number.isFinite(p[name])) {
      throw new JitconnArgumentError(name, p[name], 'a finite potential in mV');
    }
  }
  if (typeof p.refractory !== 'number' || !(p.refractory >= 0) || !Number.isFinite(p.refractory)) {
    throw new JitconnArgumentError('refractory', p.refractory, 'a finite time in ms, >= 0');
  }
  return p;
}

function stripUndefined(object: object): object {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
}

/** Steps a neuron stays clamped after a spike: the refractory period rounded to whole steps. */
export function refractorySteps(refractory: number, dt: number): number {
  return Math.round(refractory / dt);
}

/**
 * Writes a group's constants (layout.ts) for time step `dt`: exact decays exp(-dt / tau), the
 * COBA step means (tau / dt)(1 - exp(-dt / tau)) and the CUBA propagators. Computed in double from
 * basic operations and detExp (the same bits in every engine), then rounded to float32 once.
 */
export function writeLifConstants(memory: LifMemory, p: ResolvedLifParameters, dt: number): void {
  const set = (offset: number, value: number): void => setConstant(memory.constantsF32, offset, value);
  const decay = (tau: number): number => expNegative(-dt / tau);
  set(L.L_THRESHOLD, p.vThreshold);
  set(L.L_RESET, p.vReset);
  set(L.L_REST, p.vRest + p.current);
  setConstant(memory.constantsI32, L.L_REF_STEPS, refractorySteps(p.refractory, dt));
  set(L.L_DECAY_E, decay(p.tauExc));
  set(L.L_DECAY_I, decay(p.tauInh));
  set(L.L_DT_OVER_TAU, dt / p.tauM);
  set(L.L_E_EXC, p.eExc);
  set(L.L_E_INH, p.eInh);
  set(L.L_MEAN_E, (p.tauExc / dt) * (1 - decay(p.tauExc)));
  set(L.L_MEAN_I, (p.tauInh / dt) * (1 - decay(p.tauInh)));
  set(L.L_PROP_M, decay(p.tauM));
  set(L.L_PROP_E, synapticPropagator(p.tauExc, p.tauM, dt));
  set(L.L_PROP_I, synapticPropagator(p.tauInh, p.tauM, dt));
}

/**
 * How much a synaptic current g (in mV, decaying with tau) moves v over one step of
 * dv/dt = (g - (v - E)) / tauM: tau / (tau - tauM) * (exp(-dt / tau) - exp(-dt / tauM)), and its
 * limit (dt / tauM) exp(-dt / tauM) when the two time constants (nearly) coincide.
 */
export function synapticPropagator(tau: number, tauM: number, dt: number): number {
  if (Math.abs(tau - tauM) <= 1e-9 * tauM) return (dt / tauM) * expNegative(-dt / tauM);
  return (tau / (tau - tauM)) * (expNegative(-dt / tau) - expNegative(-dt / tauM));
}

/** exp(x) for x <= 0; below -700 (where detExp stops) the result is 0 in float32 anyway. */
function expNegative(x: number): number {
  return detExp(Math.max(x, -700));
}
