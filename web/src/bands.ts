import type { Band } from './protocol';

/** Where a band's raster rows lie on the plot, in device pixels from the plot's top. */
export interface BandLayout {
  readonly band: Band;
  /** Raster rows of the band (one per drawn neuron). */
  readonly rows: number;
  /** First row's index over all bands. */
  readonly firstRow: number;
  readonly top: number;
  readonly height: number;
}

/** Smallest share of the plot's height a band gets (the tutorial's 50-neuron output layer stays visible). */
const MIN_SHARE = 0.14;

/**
 * Bands stacked bottom to top in order (neuron 0 at the bottom, as in a matplotlib raster), each as tall as its share of the drawn neurons (at least
 * MIN_SHARE of the height). `proportional` tells whether no band needed the minimum, so that one
 * neuron-index axis fits the whole plot.
 */
export function layoutBands(
  bands: readonly Band[],
  stride: number,
  height: number,
): { layouts: BandLayout[]; proportional: boolean } {
  const rows = bands.map((band) => Math.ceil(band.size / stride));
  const total = rows.reduce((a, b) => a + b, 0);
  const raw = rows.map((r) => r / total);
  const proportional = raw.every((share) => share >= MIN_SHARE);
  const shares = proportional ? raw : raw.map((share) => Math.max(share, MIN_SHARE));
  const sum = shares.reduce((a, b) => a + b, 0);
  const layouts: BandLayout[] = [];
  let bottom = height;
  let firstRow = 0;
  bands.forEach((band, b) => {
    const top = b === bands.length - 1 ? 0 : Math.round(bottom - (shares[b]! / sum) * height);
    layouts.push({ band, rows: rows[b]!, firstRow, top, height: bottom - top });
    firstRow += rows[b]!;
    bottom = top;
  });
  return { layouts, proportional };
}

/**
 * '#rrggbb' mixed with white (strength 0: white, 1: the colour) as a little-endian RGBA pixel
 * (ImageData's byte order).
 */
export function pixelOf(color: string, strength = 1): number {
  const value = Number.parseInt(color.slice(1), 16);
  const mix = (channel: number) => Math.round(255 + (channel - 255) * strength);
  const r = mix((value >> 16) & 255);
  const g = mix((value >> 8) & 255);
  const b = mix(value & 255);
  return ((255 << 24) | (b << 16) | (g << 8) | r) >>> 0;
}
