import { visualisationNetwork, feedForward, vogelsAbbott, type Network, type SpikeMonitor } from 'jitconn';
import type { Band, ModelSettings } from './protocol';

/** A monitor whose neuron i is neuron offset + i of the model's index space. */
export interface MonitoredBlock {
  readonly monitor: SpikeMonitor;
  readonly offset: number;
}

/** A network built for the page, with what the page needs to know about it. */
export interface BuiltModel {
  readonly network: Network;
  readonly title: string;
  readonly blocks: readonly MonitoredBlock[];
  readonly bands: readonly Band[];
  readonly neurons: number;
  readonly binMs: number;
  readonly stateBytes: number;
  readonly nodeCommand: string | null;
}

const EXCITATORY = '#1f5fbf';
const INHIBITORY = '#c8372d';
const LAYERS = ['#5b6b7a', '#1f8a5b', '#c7731c'];

/** Bytes of state per leaky integrate-and-fire neuron: v, ge, gi, refractory, spike list (4 bytes each). */
const LIF_BYTES = 20;

export function buildModel(settings: ModelSettings): BuiltModel {
  return settings.model === 'feedforward' ? buildFeedForward(settings) : buildVogelsAbbott(settings);
}

function buildVogelsAbbott(settings: ModelSettings): BuiltModel {
  const model = settings.model === 'cuba' ? 'cuba' : 'coba';
  const { network, spikes, parameters } = vogelsAbbott({
    model,
    neurons: settings.neurons,
    inDegree: settings.inDegree,
    seed: settings.seed,
    weightLaw: settings.weightLaw,
  });
  const { excitatory, inhibitory, neurons } = parameters;
  const flags = [
    `--model ${model}`,
    `--neurons ${neurons}`,
    `--in-degree ${settings.inDegree}`,
    ...(settings.weightLaw === 'scalar' ? [] : [`--weight-law ${settings.weightLaw}`]),
    `--seed ${settings.seed}`,
  ];
  return {
    network,
    title: `Vogels-Abbott ${model.toUpperCase()} network`,
    blocks: [{ monitor: spikes!, offset: 0 }],
    bands: [
      { name: 'excitatory', start: 0, size: excitatory, color: EXCITATORY },
      { name: 'inhibitory', start: excitatory, size: inhibitory, color: INHIBITORY },
    ],
    neurons,
    binMs: 2,
    stateBytes: neurons * LIF_BYTES,
    nodeCommand: `npx jitconn simulate ${flags.join(' ')}`,
  };
}

function buildFeedForward(settings: ModelSettings): BuiltModel {
  const built =
    settings.layers === 'massive'
      ? feedForward({ seed: settings.seed, inputProb: 0.001 })
      : visualisationNetwork({ seed: settings.seed });
  const { network, input, hidden, output } = built;
  const layers = [
    { group: input, monitor: built.inputSpikes, name: 'input' },
    { group: hidden, monitor: built.hiddenSpikes, name: 'hidden' },
    { group: output, monitor: built.outputSpikes, name: 'output' },
  ];
  let offset = 0;
  const blocks: MonitoredBlock[] = [];
  const bands: Band[] = [];
  layers.forEach(({ group, monitor, name }, k) => {
    blocks.push({ monitor, offset });
    bands.push({
      name: `${name} (${group.size.toLocaleString('en-US')})`,
      start: offset,
      size: group.size,
      color: LAYERS[k]!,
    });
    offset += group.size;
  });
  return {
    network,
    title: 'The tutorial’s three-layer network',
    blocks,
    bands,
    neurons: offset,
    binMs: network.dt,
    // Threshold layers hold their summed input (float32) and spike list; Poisson inputs a spike list.
    stateBytes: (hidden.size + output.size) * 8 + input.size * 4,
    nodeCommand: null,
  };
}
