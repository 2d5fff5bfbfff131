import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { FONT, THEME } from './theme.js';

/** A figure: a Vega-Lite specification and the file name it is written under (no extension). */
export interface Figure {
  readonly name: string;
  readonly spec: TopLevelSpec;
}

/** Where a figure was written. */
export interface FigureFiles {
  readonly svg: string;
  readonly png: string;
}

/** PNG pixels per SVG pixel: sharp on slides and high-density screens. */
const PNG_SCALE = 2;

/** Render a Vega-Lite specification (with the shared theme) to an SVG document. */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const themed = { ...spec, config: { ...THEME, ...(spec.config ?? {}) } } as TopLevelSpec;
  const view = new vega.View(vega.parse(compile(themed).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Rasterise an SVG document to PNG bytes, at `scale` pixels per SVG pixel, on white. */
export function svgToPng(svg: string, scale = PNG_SCALE): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: 'white',
    font: { loadSystemFonts: true, defaultFontFamily: FONT.split(',')[0]!, sansSerifFamily: 'DejaVu Sans' },
  });
  return resvg.render().asPng();
}

/** Write a figure as `dir/name.svg` and `dir/name.png` (creating `dir`). */
export async function writeFigure(dir: string, figure: Figure): Promise<FigureFiles> {
  await mkdir(dir, { recursive: true });
  const svg = await renderSvg(figure.spec);
  const files = { svg: join(dir, `${figure.name}.svg`), png: join(dir, `${figure.name}.png`) };
  await writeFile(files.svg, svg);
  await writeFile(files.png, svgToPng(svg));
  return files;
}
