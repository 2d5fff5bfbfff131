/**
 * Pictures for the `jitconn` program (Node only; the library entry never imports this): Vega-Lite
 * specifications built from plain data, rendered to SVG by Vega and to PNG by resvg.
 */
export { rasterFigure, type RasterInput } from './raster.js';
export { rateFigure, type RateInput } from './rate.js';
export { weightsFigure, type ReferenceLaw, type WeightsInput } from './weights.js';
export { stepRasterFigure, type LayerActivity, type StepRasterInput } from './stepRaster.js';
export { renderSvg, svgToPng, writeFigure, type Figure, type FigureFiles } from './render.js';
export { populationRate, rasterStride, spikeCounts, type Population, type SpikeTrains } from './spikes.js';
