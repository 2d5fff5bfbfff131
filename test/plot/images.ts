import { readFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { PNG } from 'pngjs';

/** A decoded PNG: its size and RGBA pixels. */
export interface Image {
  readonly width: number;
  readonly height: number;
  readonly data: Buffer;
}

/** Decode a PNG (throws unless it is a whole, valid PNG). */
export function decodePng(bytes: Buffer): Image {
  const png = PNG.sync.read(bytes);
  return { width: png.width, height: png.height, data: png.data };
}

export function readPng(file: string): Image {
  return decodePng(readFileSync(file));
}

/** The SVG's size, after an SVG parser other than the one that wrote it has read it (resvg). */
export function parseSvg(svg: string): { width: number; height: number } {
  const tree = new Resvg(svg);
  return { width: tree.width, height: tree.height };
}

/** Pixels within `tolerance` (per channel) of the colour `#rrggbb`. */
export function countColour(image: Image, hex: string, tolerance = 40): number {
  const [r, g, b] = [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16)) as [number, number, number];
  let count = 0;
  for (let p = 0; p < image.data.length; p += 4) {
    const d = image.data;
    if (
      Math.abs(d[p]! - r) <= tolerance &&
      Math.abs(d[p + 1]! - g) <= tolerance &&
      Math.abs(d[p + 2]! - b) <= tolerance
    ) {
      count++;
    }
  }
  return count;
}

/** Dark pixels (text, axes) in a horizontal band of rows [top, bottom) as fractions of the height. */
export function darkPixelsInBand(image: Image, top: number, bottom: number): number {
  let count = 0;
  for (let y = Math.floor(top * image.height); y < Math.floor(bottom * image.height); y++) {
    for (let x = 0; x < image.width; x++) {
      const p = (y * image.width + x) * 4;
      if (image.data[p]! < 80 && image.data[p + 1]! < 80 && image.data[p + 2]! < 80) count++;
    }
  }
  return count;
}

/** True when the outermost `margin` pixels on every side are all white: nothing is clipped at an edge. */
export function whiteBorder(image: Image, margin = 2): boolean {
  const { width, height, data } = image;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (x >= margin && x < width - margin && y >= margin && y < height - margin) continue;
      const p = (y * width + x) * 4;
      if (data[p]! < 250 || data[p + 1]! < 250 || data[p + 2]! < 250) return false;
    }
  }
  return true;
}
