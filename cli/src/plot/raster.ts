import type { TopLevelSpec } from 'vega-lite';
import { formatCount, ordinal } from '../units.js';
import type { Figure } from './render.js';
import { rasterStride, spikeCounts, type Population, type SpikeTrains } from './spikes.js';
import { COLORS } from './theme.js';

export interface RasterInput {
  readonly spikes: SpikeTrains;
  readonly neurons: number;
  readonly durationMs: number;
  readonly title: string;
  /** Coloured blocks of neurons (e.g. excitatory and inhibitory); one colour when absent. */
  readonly populations?: readonly Population[];
  /** Most spikes drawn: beyond it every k-th neuron is shown, and the figure says so. */
  readonly maxPoints?: number;
  /** Most neurons drawn; by default as many as the points allow (rows then share pixels). */
  readonly maxRows?: number;
  readonly name?: string;
}

const WIDTH = 900;
const HEIGHT = 460;
const PALETTE = [COLORS.excitatory, COLORS.inhibitory, COLORS.secondary, COLORS.reference];

/**
 * A spike raster: neuron index against time (ms), one dot per spike. Large recordings are thinned
 * to every k-th neuron (whole spike trains, real indices), and the subtitle says how many neurons
 * and spikes are shown.
 */
export function rasterFigure(input: RasterInput): Figure {
  const { spikes, neurons, durationMs, populations = [] } = input;
  const total = spikes.i.length;
  const counts = spikeCounts(spikes, neurons);
  const stride = rasterStride(counts, input.maxRows ?? neurons, input.maxPoints ?? 30_000);
  const groupOf = (n: number) => populations.find((p) => n >= p.start && n < p.end)?.name ?? 'neurons';
  const values: { t: number; i: number; group: string }[] = [];
  for (let k = 0; k < total; k++) {
    const n = spikes.i[k]!;
    if (n % stride === 0) values.push({ t: spikes.t[k]!, i: n, group: groupOf(n) });
  }
  const rows = Math.ceil(neurons / stride);
  const rowPixels = HEIGHT / Math.max(rows, 1);
  const size = Math.min(16, Math.max(3, (0.9 * rowPixels) ** 2));
  const rate = total / neurons / (durationMs / 1000);
  const shown =
    stride === 1
      ? `all ${formatCount(neurons)} neurons`
      : `every ${ordinal(stride)} neuron shown (${formatCount(rows)} of ${formatCount(neurons)}, ` +
        `${formatCount(values.length)} of the spikes)`;
  const groups = populations.length > 0 ? populations.map((p) => p.name) : ['neurons'];

  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: WIDTH,
    height: HEIGHT,
    title: {
      text: input.title,
      subtitle: `${formatCount(total)} spikes, mean rate ${rate.toFixed(1)} Hz; ${shown}`,
    },
    data: { values },
    mark: { type: 'circle', size, opacity: 0.85 },
    encoding: {
      x: {
        field: 't',
        type: 'quantitative',
        title: 'Time (ms)',
        scale: { domain: [0, durationMs], nice: false },
      },
      y: {
        field: 'i',
        type: 'quantitative',
        title: 'Neuron index',
        scale: { domain: [0, neurons], nice: false },
        axis: { format: ',d', tickMinStep: 1 },
      },
      color: {
        field: 'group',
        type: 'nominal',
        scale: { domain: groups, range: PALETTE.slice(0, groups.length) },
        legend: populations.length > 1 ? { title: null, orient: 'top', symbolOpacity: 1 } : null,
      },
    },
  };
  return { name: input.name ?? 'raster', spec };
}
