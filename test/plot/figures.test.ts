import { describe, expect, it } from 'vitest';
import { rasterFigure } from '../../cli/src/plot/raster.js';
import { rateFigure } from '../../cli/src/plot/rate.js';
import { renderSvg, svgToPng } from '../../cli/src/plot/render.js';
import { stepRasterFigure } from '../../cli/src/plot/stepRaster.js';
import { COLORS } from '../../cli/src/plot/theme.js';
import { weightsFigure } from '../../cli/src/plot/weights.js';
import { countColour, darkPixelsInBand, decodePng, parseSvg, whiteBorder } from './images.js';

/** Deterministic uniform numbers in [0, 1) (mulberry32) for test data. */
function uniforms(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** Poisson-like spikes: `neurons` neurons at about `rateHz` over `durationMs` on a 0.1 ms grid. */
function spikeTrains(neurons: number, rateHz: number, durationMs: number) {
  const random = uniforms(neurons);
  const i: number[] = [];
  const t: number[] = [];
  for (let step = 0; step < durationMs * 10; step++) {
    const expected = (neurons * rateHz) / 10_000;
    for (let k = 0; k < Math.floor(expected + random()); k++) {
      i.push(Math.floor(random() * neurons));
      t.push(step / 10);
    }
  }
  return { i: Uint32Array.from(i), t: Float64Array.from(t) };
}

async function render(figure: { spec: Parameters<typeof renderSvg>[0] }) {
  const svg = await renderSvg(figure.spec);
  const size = parseSvg(svg);
  const png = decodePng(svgToPng(svg));
  return { svg, size, png };
}

describe('pictures render to SVG and PNG, readable and unclipped', () => {
  it('a raster of 80,000 spikes from 4000 neurons is thinned to every 4th neuron and says so', async () => {
    const spikes = spikeTrains(4000, 20, 1000);
    const figure = rasterFigure({
      spikes,
      neurons: 4000,
      durationMs: 1000,
      title: 'Test raster',
      populations: [
        { name: 'excitatory', start: 0, end: 3200 },
        { name: 'inhibitory', start: 3200, end: 4000 },
      ],
    });
    const { svg, size, png } = await render(figure);
    expect(svg).toContain('Test raster');
    // At most 30,000 points: every 4th neuron (a round stride) keeps about 20,000.
    expect(svg).toContain('every 4th neuron shown (1,000 of 4,000,');
    expect(svg).toContain('Neuron index');
    expect(svg).toContain('Time (ms)');
    expect(svg).toContain('excitatory');
    expect(size.width).toBeGreaterThan(900);
    // The PNG is twice the SVG's size, with both populations' colours and a white margin all round.
    expect(png.width).toBe(2 * Math.ceil(size.width));
    expect(countColour(png, COLORS.excitatory)).toBeGreaterThan(5000);
    expect(countColour(png, COLORS.inhibitory)).toBeGreaterThan(1000);
    expect(whiteBorder(png)).toBe(true);
  });

  it('a small raster shows every neuron', async () => {
    const { svg } = await render(
      rasterFigure({ spikes: spikeTrains(50, 10, 200), neurons: 50, durationMs: 200, title: 'Small' }),
    );
    expect(svg).toContain('all 50 neurons');
  });

  it('the population rate plot draws the rate and its mean', async () => {
    const spikes = spikeTrains(1000, 15, 500);
    const { svg, png } = await render(
      rateFigure({ spikes, neurons: 1000, durationMs: 500, dtMs: 0.1, title: 'Rate test' }),
    );
    expect(svg).toContain('Population rate (Hz)');
    expect(svg).toMatch(/mean 1[45]\.\d\d Hz \(dashed\) over 1,000 neurons; bins of 1 ms/);
    expect(countColour(png, COLORS.mean, 30)).toBeGreaterThan(500);
    // Bins are whole numbers of time steps: 100 ms at dt = 0.1 ms gives bins of 2 steps.
    const short = await render(
      rateFigure({ spikes, neurons: 1000, durationMs: 100, dtMs: 0.1, title: 'Short' }),
    );
    expect(short.svg).toContain('bins of 0.2 ms');
    expect(whiteBorder(png)).toBe(true);
  });

  it('the weight figure has a density panel and a CDF panel with the reference law and a legend', async () => {
    const random = uniforms(3);
    const samples = Array.from({ length: 20_000 }, () => random() * 0.4 - 0.1);
    const figure = weightsFigure({
      name: 'w',
      samples,
      title: 'Uniform test weights',
      xLabel: 'Weight',
      mean: 0.1,
      reference: {
        label: 'U[-0.1, 0.3)',
        density: (x) => (x >= -0.1 && x < 0.3 ? 2.5 : 0),
        cdf: (x) => Math.min(1, Math.max(0, (x + 0.1) / 0.4)),
      },
    });
    const { svg, png } = await render(figure);
    for (const text of [
      'Uniform test weights',
      '20,000 samples',
      'bins of 0.01',
      'Probability density',
      'Cumulative distribution',
      'Cumulative probability',
      'U[-0.1, 0.3)',
      'expected mean',
    ]) {
      expect(svg).toContain(text);
    }
    expect(countColour(png, COLORS.reference, 30)).toBeGreaterThan(1000);
    expect(whiteBorder(png)).toBe(true);
    // Both panels have axis labels: dark pixels in the left and right halves of the bottom band.
    expect(darkPixelsInBand(png, 0.85, 1)).toBeGreaterThan(500);
  });

  it('the layer rasters put the average rate of each layer in its title', async () => {
    const steps = Array.from({ length: 100 }, (_, s) => Uint32Array.from([s % 100, (s * 7) % 100, 150]));
    const { svg } = await render(
      stepRasterFigure({
        layers: [
          { label: 'Input layer', steps, neurons: 100 },
          { label: 'Hidden layer', steps: steps.map((a) => a.slice(0, 1)), neurons: 100 },
        ],
      }),
    );
    // Neuron 150 is beyond the first 100: not drawn, not counted.
    expect(svg).toContain('Input layer (avg rate: 2.00%, 200 spikes)');
    expect(svg).toContain('Hidden layer (avg rate: 1.00%, 100 spikes)');
    expect(svg).toContain('Time step');
    expect(svg).toContain('Neuron ID (first 100)');
  });
});
