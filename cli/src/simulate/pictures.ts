import { rasterFigure } from '../plot/raster.js';
import { rateFigure } from '../plot/rate.js';
import { writeFigure } from '../plot/render.js';
import { formatCount } from '../units.js';
import type { SimulateOptions } from './options.js';
import { OUTPUT_FILES } from './outputs.js';
import type { Summary } from './summary.js';

/** The raster and population-rate pictures of a run, written into --out; returns the files. */
export async function writePictures(
  options: SimulateOptions,
  populations: Parameters<typeof rasterFigure>[0]['populations'],
  summary: Summary,
  spikes: { readonly i: Uint32Array; readonly t: Float64Array },
): Promise<string[]> {
  const durationMs = Math.max(summary.simulatedMs, options.dtMs);
  const name = `${summary.model.toUpperCase()} network, ${formatCount(summary.neurons)} neurons`;
  const raster = await writeFigure(
    options.out,
    rasterFigure({
      name: OUTPUT_FILES.raster,
      spikes,
      neurons: summary.neurons,
      durationMs,
      title: `${name}: spike raster`,
      ...(populations ? { populations } : {}),
    }),
  );
  const rate = await writeFigure(
    options.out,
    rateFigure({
      name: OUTPUT_FILES.rate,
      spikes,
      neurons: summary.neurons,
      durationMs,
      dtMs: options.dtMs,
      title: `${name}: population rate`,
    }),
  );
  return [raster.png, raster.svg, rate.png, rate.svg];
}
