import type { TopLevelSpec } from 'vega-lite';
import { formatCount } from '../units.js';
import { niceStep } from './nice.js';
import type { Figure } from './render.js';
import { COLORS } from './theme.js';

/** A law drawn over the samples for comparison (e.g. the normal the weights are drawn from). */
export interface ReferenceLaw {
  readonly label: string;
  readonly density: (x: number) => number;
  readonly cdf: (x: number) => number;
}

export interface WeightsInput {
  readonly samples: ArrayLike<number>;
  readonly title: string;
  readonly xLabel: string;
  /** The expected mean, drawn as a dashed line on both panels. */
  readonly mean?: number;
  readonly reference?: ReferenceLaw;
  /** About this many histogram bins (the width is rounded to 1, 2 or 5 times a power of ten). */
  readonly bins?: number;
  readonly name: string;
}

const PANEL = { width: 460, height: 320 } as const;
/** Points of the drawn cumulative distribution (exact at each). */
const CDF_POINTS = 400;
const MEAN = 'expected mean';

/** The empirical CDF at up to CDF_POINTS sample quantiles, plus its two ends. */
function empiricalCdf(sorted: Float64Array): { x: number; p: number }[] {
  const n = sorted.length;
  const points = [{ x: sorted[0]!, p: 0 }];
  const step = Math.max(1, Math.floor(n / CDF_POINTS));
  for (let k = step - 1; k < n; k += step) points.push({ x: sorted[k]!, p: (k + 1) / n });
  points.push({ x: sorted[n - 1]!, p: 1 });
  return points;
}

/**
 * The tutorial's section-3 figure: on the left a histogram of the samples as a probability
 * density, on the right their cumulative distribution; the expected mean (dashed), the median
 * level (dotted) and, when given, the reference law's density and CDF. The legend sits in the
 * CDF panel's lower right, which a distribution function leaves empty.
 */
export function weightsFigure(input: WeightsInput): Figure {
  const sorted = Float64Array.from(input.samples).sort();
  const n = sorted.length;
  if (n === 0) throw new RangeError('weightsFigure needs at least one sample');
  const { mean, reference } = input;
  const [low, high] = [sorted[0]!, sorted[n - 1]!];
  const step = niceStep(high - low || 1, input.bins ?? 50);
  const pad = (high - low) * 0.04 || 0.5;
  const domain = [low - pad, high + pad] as const;
  const grid = Array.from({ length: 201 }, (_, k) => domain[0] + ((domain[1] - domain[0]) * k) / 200);

  const series: { name: string; color: string }[] = [{ name: 'samples', color: COLORS.primary }];
  if (reference) series.push({ name: reference.label, color: COLORS.reference });
  if (mean !== undefined) series.push({ name: MEAN, color: COLORS.mean });
  const color = (withLegend: boolean) =>
    ({
      field: 'series',
      type: 'nominal',
      title: null,
      scale: { domain: series.map((s) => s.name), range: series.map((s) => s.color) },
      legend: withLegend
        ? {
            orient: 'bottom-right',
            symbolType: 'stroke',
            symbolStrokeWidth: 4,
            fillColor: 'white',
            strokeColor: '#ccc',
            padding: 8,
          }
        : null,
    }) as const;
  const x = { type: 'quantitative', title: input.xLabel, scale: { domain, nice: false } } as const;
  const meanRule = (withLegend: boolean) =>
    mean === undefined
      ? []
      : [
          {
            data: { values: [{ w: mean, series: MEAN }] },
            mark: { type: 'rule', strokeDash: [6, 4], strokeWidth: 2 },
            encoding: { x: { ...x, field: 'w' }, color: color(withLegend) },
          },
        ];
  const referenceLine = (y: 'density' | 'p', value: (w: number) => number, withLegend: boolean) =>
    reference
      ? [
          {
            data: { values: grid.map((w) => ({ w, [y]: value(w), series: reference.label })) },
            mark: { type: 'line', strokeWidth: 2, ...(y === 'p' ? { strokeDash: [5, 3] } : {}) },
            encoding: {
              x: { ...x, field: 'w' },
              y: { field: y, type: 'quantitative' },
              color: color(withLegend),
            },
          },
        ]
      : [];

  const histogram = {
    ...PANEL,
    title: {
      text: 'Probability density',
      fontSize: 14,
      subtitle: `histogram of the samples, bins of ${step}`,
    },
    layer: [
      {
        data: { values: Array.from(sorted, (w) => ({ w, series: 'samples' })) },
        transform: [
          { bin: { step, extent: [Math.floor(low / step) * step, high] }, field: 'w', as: ['b0', 'b1'] },
          { aggregate: [{ op: 'count', as: 'count' }], groupby: ['b0', 'b1', 'series'] },
          { calculate: `datum.count / (${n} * (datum.b1 - datum.b0))`, as: 'density' },
        ],
        mark: { type: 'rect', opacity: 0.75, stroke: 'white', strokeWidth: 0.5 },
        encoding: {
          x: { ...x, field: 'b0' },
          x2: { field: 'b1' },
          y: { field: 'density', type: 'quantitative', title: 'Probability density' },
          color: color(false),
        },
      },
      ...referenceLine('density', (w) => reference!.density(w), false),
      ...meanRule(false),
    ],
  };

  const cdf = {
    ...PANEL,
    title: { text: 'Cumulative distribution', fontSize: 14, subtitle: 'dotted line: the median level (0.5)' },
    layer: [
      {
        data: { values: empiricalCdf(sorted).map(({ x: w, p }) => ({ w, p, series: 'samples' })) },
        mark: { type: 'line', strokeWidth: 2.5, interpolate: 'step-after' },
        encoding: {
          x: { ...x, field: 'w' },
          y: { field: 'p', type: 'quantitative', title: 'Cumulative probability', scale: { domain: [0, 1] } },
          color: color(true),
        },
      },
      ...referenceLine('p', (w) => reference!.cdf(w), true),
      {
        data: { values: [{ p: 0.5 }] },
        mark: { type: 'rule', color: COLORS.median, strokeDash: [2, 3], strokeWidth: 1.5 },
        encoding: { y: { field: 'p', type: 'quantitative' } },
      },
      ...meanRule(true),
    ],
  };

  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: input.title, subtitle: `${formatCount(n)} samples` },
    hconcat: [histogram, cdf],
    resolve: { legend: { color: 'independent' } },
    spacing: 48,
  } as unknown as TopLevelSpec;
  return { name: input.name, spec };
}
