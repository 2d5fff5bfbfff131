import type { TopLevelSpec } from 'vega-lite';
import type { Figure } from './render.js';
import { niceStep } from './nice.js';
import { populationRate, type SpikeTrains } from './spikes.js';
import { COLORS } from './theme.js';

export interface RateInput {
  readonly spikes: SpikeTrains;
  readonly neurons: number;
  readonly durationMs: number;
  readonly title: string;
  /** Bin width (ms); by default about 500 bins, each a whole number of `dtMs` steps. */
  readonly binMs?: number;
  readonly dtMs?: number;
  readonly name?: string;
}

/** Population firing rate (Hz) against time (ms), with the mean rate as a dashed line. */
export function rateFigure(input: RateInput): Figure {
  const { spikes, neurons, durationMs } = input;
  // A whole number of time steps per bin, or bins hold unequal numbers of steps and the rate aliases.
  const binMs =
    input.binMs ??
    (input.dtMs
      ? Number((niceStep(durationMs / input.dtMs, 500, 1) * input.dtMs).toPrecision(12))
      : niceStep(durationMs, 500));
  const { start, rateHz } = populationRate(spikes, neurons, durationMs, binMs);
  const values = Array.from(start, (t, b) => ({ t: t + binMs / 2, rate: rateHz[b]! }));
  const mean = spikes.i.length / neurons / (durationMs / 1000);
  const x = {
    field: 't',
    type: 'quantitative' as const,
    title: 'Time (ms)',
    scale: { domain: [0, durationMs], nice: false },
  };
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 900,
    height: 260,
    title: {
      text: input.title,
      subtitle: `mean ${mean.toFixed(2)} Hz (dashed) over ${neurons.toLocaleString('en-US')} neurons; bins of ${binMs} ms`,
    },
    layer: [
      {
        data: { values },
        mark: {
          type: 'area',
          line: { color: COLORS.primary, strokeWidth: 1.2 },
          color: COLORS.primary,
          opacity: 0.25,
        },
        encoding: {
          x,
          y: { field: 'rate', type: 'quantitative', title: 'Population rate (Hz)', scale: { zero: true } },
        },
      },
      {
        data: { values: [{ rate: mean }] },
        mark: { type: 'rule', color: COLORS.mean, strokeDash: [6, 4], strokeWidth: 1.5 },
        encoding: { y: { field: 'rate', type: 'quantitative' } },
      },
    ],
  };
  return { name: input.name ?? 'rate', spec };
}
