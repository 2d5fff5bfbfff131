import type { TopLevelSpec } from 'vega-lite';
import type { Figure } from './render.js';
import { COLORS } from './theme.js';

/** One layer's spikes over time steps: `steps[s]` lists the neurons (indices) active at step s. */
export interface LayerActivity {
  readonly label: string;
  readonly steps: readonly ArrayLike<number>[];
  /** Neurons drawn (the first `neurons` of the layer). */
  readonly neurons: number;
}

export interface StepRasterInput {
  readonly layers: readonly LayerActivity[];
  readonly name?: string;
}

const PALETTE = [COLORS.primary, COLORS.inhibitory, COLORS.secondary];

/**
 * The tutorial's section-6 figure: for each layer a raster of neuron ID against time step, with
 * the average rate (spikes per neuron per step) in the panel's title. Panels share the time axis.
 */
export function stepRasterFigure(input: StepRasterInput): Figure {
  const panels = input.layers.map((layer, index) => {
    const values: { s: number; i: number }[] = [];
    layer.steps.forEach((active, s) => {
      for (let k = 0; k < active.length; k++)
        if (active[k]! < layer.neurons) values.push({ s, i: active[k]! });
    });
    const rate = values.length / (layer.neurons * layer.steps.length);
    return {
      width: 900,
      height: 230,
      title: `${layer.label} (avg rate: ${(rate * 100).toFixed(2)}%, ${values.length} spikes)`,
      data: { values },
      mark: { type: 'circle', size: 14, opacity: 0.9, color: PALETTE[index % PALETTE.length] },
      encoding: {
        x: {
          field: 's',
          type: 'quantitative',
          title: 'Time step',
          scale: { domain: [-0.5, layer.steps.length - 0.5], nice: false },
        },
        y: {
          field: 'i',
          type: 'quantitative',
          title: `Neuron ID (first ${layer.neurons})`,
          scale: { domain: [-1, layer.neurons], nice: false },
        },
      },
    };
  });
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    vconcat: panels,
    spacing: 28,
  } as unknown as TopLevelSpec;
  return { name: input.name ?? 'layer-rasters', spec };
}
