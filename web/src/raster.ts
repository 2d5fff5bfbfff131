import { axisStyle, drawTimeAxis, drawValueAxis, fitCanvas, type PlotArea } from './axes';
import { layoutBands, pixelOf, type BandLayout } from './bands';
import type { Frame, ModelDescription } from './protocol';

const BACKGROUND = 0xffffffff;
/** Spikes in one pixel are counted up to SHADES - 1: one spike is a light dot, three or more full colour. */
const SHADES = 4;
const SHADE_STRENGTH = [0, 0.5, 0.78, 1];

/**
 * The live raster plot: one dot per drawn spike (neuron against time) over a window of `windowMs`
 * that scrolls with the simulation. Spikes are written straight into an ImageData pixel buffer
 * and the canvas is updated once per animation frame, so tens of thousands of spikes a frame cost
 * well under a millisecond. Where several neurons share a pixel row, a pixel's shade grows with
 * the spikes in it, so a dense raster still shows where activity is.
 */
export class RasterPlot {
  readonly #canvas: HTMLCanvasElement;
  readonly #ctx: CanvasRenderingContext2D;
  #description: ModelDescription | null = null;
  #windowMs = 1000;
  #area: PlotArea = { x: 0, y: 0, width: 1, height: 1 };
  #layouts: BandLayout[] = [];
  #proportional = true;
  #pixels = new Uint32Array(1);
  #image: ImageData | null = null;
  /** Per band: the pixel colour for 0, 1, 2, ... spikes in a pixel (where several neurons share a row). */
  #shades: Uint32Array[] = [];
  #hits = new Uint8Array(1);
  /** Row -> [top, height] in plot pixels. */
  #rowTop = new Uint32Array(0);
  #rowHeight = new Uint8Array(0);
  #leftMs = 0;
  #nowMs = 0;

  constructor(canvas: HTMLCanvasElement) {
    this.#canvas = canvas;
    this.#ctx = canvas.getContext('2d', { alpha: false })!;
  }

  /** The time window shown, ms: [left, left + window). */
  get window(): { leftMs: number; windowMs: number } {
    return { leftMs: this.#leftMs, windowMs: this.#windowMs };
  }

  /** Starts over for a new network (or a reset). */
  configure(description: ModelDescription, windowMs: number): void {
    this.#description = description;
    this.#windowMs = windowMs;
    this.#leftMs = 0;
    this.#nowMs = 0;
    this.#layout();
  }

  /** Draws a frame's spikes, scrolling the window to the frame's time. */
  add(frame: Frame): void {
    if (this.#description === null) return;
    if (fitCanvas(this.#canvas)) this.#layout();
    this.#scrollTo(frame.simulatedMs);
    const { width, height } = this.#area;
    const pixels = this.#pixels;
    const msPerPixel = this.#windowMs / width;
    const dot = Math.max(1, Math.round(window.devicePixelRatio || 1));
    const { rows, times } = frame;
    const hits = this.#hits;
    const rowTop = this.#rowTop;
    const rowHeight = this.#rowHeight;
    for (let k = 0; k < rows.length; k++) {
      const x = Math.floor((times[k]! - this.#leftMs) / msPerPixel);
      if (x < 0 || x >= width) continue;
      const row = rows[k]!;
      const top = rowTop[row]!;
      const shades = this.#shadesOf(row);
      const xEnd = Math.min(width, x + dot);
      for (let y = top; y < top + rowHeight[row]! && y < height; y++) {
        for (let xx = x; xx < xEnd; xx++) {
          const at = y * width + xx;
          const count = Math.min(SHADES - 1, hits[at]! + 1);
          hits[at] = count;
          pixels[at] = shades[count]!;
        }
      }
    }
  }

  /** Paints the image, the axes and the band labels. */
  render(): void {
    if (this.#description === null) return;
    if (fitCanvas(this.#canvas)) this.#layout();
    const ctx = this.#ctx;
    const scale = window.devicePixelRatio || 1;
    const style = axisStyle(scale);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, this.#canvas.width, this.#canvas.height);
    ctx.putImageData(this.#image!, this.#area.x, this.#area.y);
    const area = this.#area;
    drawTimeAxis(ctx, area, this.#leftMs, this.#leftMs + this.#windowMs, style);
    const description = this.#description;
    if (this.#proportional) {
      drawValueAxis(ctx, area, 0, description.neurons, style, 'neuron index');
    }
    ctx.font = style.font;
    for (const layout of this.#layouts) {
      const top = area.y + layout.top;
      if (layout.top + layout.height < area.height) {
        ctx.strokeStyle = '#9aa4b1';
        ctx.setLineDash([4 * scale, 4 * scale]);
        ctx.beginPath();
        ctx.moveTo(area.x, top + layout.height + 0.5);
        ctx.lineTo(area.x + area.width, top + layout.height + 0.5);
        ctx.stroke();
        ctx.setLineDash([]);
      }
      if (!this.#proportional) {
        const topBand = layout.top === 0;
        drawValueAxis(
          ctx,
          { x: area.x, y: top, width: area.width, height: layout.height },
          0,
          layout.band.size,
          style,
          '',
          {
            openTop: !topBand,
          },
        );
      }
      ctx.save();
      ctx.fillStyle = layout.band.color;
      ctx.font = `600 ${style.font}`;
      ctx.textAlign = 'left';
      ctx.textBaseline = 'middle';
      wrapLabel(ctx, layout.band.name, area.x + area.width + 8 * scale, top + layout.height / 2, 14 * scale);
      ctx.restore();
    }
    if (!this.#proportional) {
      ctx.save();
      ctx.fillStyle = style.color;
      ctx.font = style.font;
      ctx.translate(area.x - 46 * scale, area.y + area.height / 2);
      ctx.rotate(-Math.PI / 2);
      ctx.textAlign = 'center';
      ctx.textBaseline = 'bottom';
      ctx.fillText('neuron index in layer', 0, 0);
      ctx.restore();
    }
  }

  #shadesOf(row: number): Uint32Array {
    const layouts = this.#layouts;
    for (let b = layouts.length - 1; b >= 0; b--) if (row >= layouts[b]!.firstRow) return this.#shades[b]!;
    return this.#shades[0]!;
  }

  /** Moves the window so that it ends at `nowMs` (or later), shifting the pixels left. */
  #scrollTo(nowMs: number): void {
    this.#nowMs = Math.max(this.#nowMs, nowMs);
    const { width, height } = this.#area;
    const msPerPixel = this.#windowMs / width;
    const overshoot = nowMs - (this.#leftMs + this.#windowMs);
    if (overshoot <= 0) return;
    const shift = Math.ceil(overshoot / msPerPixel);
    this.#leftMs += shift * msPerPixel;
    const pixels = this.#pixels;
    const hits = this.#hits;
    if (shift >= width) {
      pixels.fill(BACKGROUND);
      hits.fill(0);
      return;
    }
    for (let y = 0; y < height; y++) {
      const row = y * width;
      pixels.copyWithin(row, row + shift, row + width);
      pixels.fill(BACKGROUND, row + width - shift, row + width);
      hits.copyWithin(row, row + shift, row + width);
      hits.fill(0, row + width - shift, row + width);
    }
  }

  /** Plot area, pixel buffer and row positions for the canvas's current size (drawn spikes are lost). */
  #layout(): void {
    fitCanvas(this.#canvas);
    const description = this.#description;
    if (description === null) return;
    const scale = window.devicePixelRatio || 1;
    const x = Math.round(64 * scale);
    const y = Math.round(10 * scale);
    const width = Math.max(10, this.#canvas.width - x - Math.round(104 * scale));
    const height = Math.max(10, this.#canvas.height - y - Math.round(44 * scale));
    this.#area = { x, y, width, height };
    this.#pixels = new Uint32Array(width * height).fill(BACKGROUND);
    this.#image = new ImageData(new Uint8ClampedArray(this.#pixels.buffer), width, height);
    const { layouts, proportional } = layoutBands(description.bands, description.stride, height);
    this.#layouts = layouts;
    this.#proportional = proportional;
    this.#hits = new Uint8Array(width * height);
    this.#shades = layouts.map((layout) =>
      Uint32Array.from(SHADE_STRENGTH, (strength) => pixelOf(layout.band.color, strength)),
    );
    const totalRows = layouts.reduce((a, l) => a + l.rows, 0);
    this.#rowTop = new Uint32Array(totalRows);
    this.#rowHeight = new Uint8Array(totalRows);
    for (const layout of layouts) {
      const perRow = layout.height / layout.rows;
      for (let r = 0; r < layout.rows; r++) {
        const rowHeight = Math.max(1, Math.min(255, Math.floor(perRow * 0.8)));
        const top = layout.top + layout.height - Math.floor(r * perRow) - rowHeight;
        this.#rowTop[layout.firstRow + r] = Math.max(layout.top, top);
        this.#rowHeight[layout.firstRow + r] = rowHeight;
      }
    }
    // Spikes drawn before a resize are not redrawn: the window restarts at the current time.
    this.#leftMs = Math.max(0, this.#nowMs - this.#windowMs);
  }
}

/** A band label in the right margin: its words on lines of their own when long. */
function wrapLabel(
  ctx: CanvasRenderingContext2D,
  text: string,
  x: number,
  y: number,
  lineHeight: number,
): void {
  const words = text.split(' ');
  const top = y - ((words.length - 1) * lineHeight) / 2;
  words.forEach((word, k) => ctx.fillText(word, x, top + k * lineHeight));
}
