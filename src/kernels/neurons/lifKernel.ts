import { platform } from '#platform';
import { WASM_BASE64 } from './neuronBinary.generated.js';
import type { LifMemory } from './lifMemory.js';
import { stepCobaReference, stepCubaReference } from './lifReference.js';

/** Which equations a leaky integrate-and-fire group integrates (docs/networks.md). */
export type SynapseModel = 'coba' | 'cuba';

/** One step of a group: integrates, fires, resets; returns the number of spikes in `spikes`. */
export type LifStep = () => number;

interface NeuronExports {
  stepCoba(n: number, v: number, ge: number, gi: number, ref: number, spikes: number): number;
  stepCuba(n: number, v: number, ge: number, gi: number, ref: number, spikes: number): number;
}

let compiled: WebAssembly.Module | null = null;

function neuronModule(): WebAssembly.Module {
  if (compiled === null) {
    const binary = atob(WASM_BASE64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    compiled = platform.compile(bytes);
  }
  return compiled;
}

/** The SIMD WebAssembly step over a group's memory (its own instance; no threads). */
export function wasmLifStep(model: SynapseModel, memory: LifMemory): LifStep {
  const instance = new WebAssembly.Instance(neuronModule(), { env: { memory: memory.memory } });
  const kernels = instance.exports as unknown as NeuronExports;
  const { size, at } = memory;
  const step = model === 'coba' ? kernels.stepCoba : kernels.stepCuba;
  // The kernel steps whole lane groups (padding included) but lists only spikes below size.
  return () => step(size, at.v, at.ge, at.gi, at.ref, at.spikes);
}

/** The TypeScript reference step: the same float32 operations in the same order. */
export function referenceLifStep(model: SynapseModel, memory: LifMemory): LifStep {
  return model === 'coba' ? stepCobaReference(memory) : stepCubaReference(memory);
}
