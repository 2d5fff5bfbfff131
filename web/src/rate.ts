import { axisStyle, drawTimeAxis, drawValueAxis, fitCanvas, type PlotArea } from './axes';
import type { Frame, ModelDescription } from './protocol';

/**
 * Population rate over time: spikes per neuron per second of each band in bins of `binMs`,
 * one line per band, over the same window as the raster.
 */
export class RatePlot {
  readonly #canvas: HTMLCanvasElement;
  readonly #ctx: CanvasRenderingContext2D;
  #description: ModelDescription | null = null;
  #counts: Float64Array[] = [];
  #completeBins = 0;
  #top = 0;

  constructor(canvas: HTMLCanvasElement) {
    this.#canvas = canvas;
    this.#ctx = canvas.getContext('2d', { alpha: false })!;
  }

  configure(description: ModelDescription): void {
    this.#description = description;
    this.#counts = description.bands.map(() => new Float64Array(1024));
    this.#completeBins = 0;
    this.#top = 0;
  }

  add(frame: Frame): void {
    const description = this.#description;
    if (description === null) return;
    const end = frame.firstBin + frame.bins;
    this.#counts = this.#counts.map((counts, b) => {
      let grown = counts;
      if (end > counts.length) {
        grown = new Float64Array(Math.max(end, counts.length * 2));
        grown.set(counts);
      }
      for (let k = 0; k < frame.bins; k++) grown[frame.firstBin + k]! += frame.counts[b * frame.bins + k]!;
      return grown;
    });
    // The bin in progress is drawn once it is complete.
    this.#completeBins = Math.floor(frame.simulatedMs / description.binMs + 1e-9);
  }

  /** Mean rate (Hz) of band `b` over the last `ms` simulated milliseconds of complete bins. */
  recentRate(b: number, ms: number): number {
    const description = this.#description;
    if (description === null || this.#completeBins === 0) return 0;
    const bins = Math.max(1, Math.min(this.#completeBins, Math.round(ms / description.binMs)));
    let sum = 0;
    for (let k = this.#completeBins - bins; k < this.#completeBins; k++) sum += this.#counts[b]![k]!;
    return sum / description.bands[b]!.size / ((bins * description.binMs) / 1000);
  }

  render(leftMs: number, windowMs: number): void {
    const description = this.#description;
    if (description === null) return;
    fitCanvas(this.#canvas);
    const ctx = this.#ctx;
    const scale = window.devicePixelRatio || 1;
    const style = axisStyle(scale);
    const area: PlotArea = {
      x: Math.round(64 * scale),
      y: Math.round(10 * scale),
      width: Math.max(10, this.#canvas.width - Math.round(168 * scale)),
      height: Math.max(10, this.#canvas.height - Math.round(54 * scale)),
    };
    const { binMs, bands } = description;
    const first = Math.max(0, Math.floor(leftMs / binMs));
    const last = this.#completeBins;
    const rates = bands.map((band, b) => {
      const toHz = 1000 / (band.size * binMs);
      const values: number[] = [];
      for (let k = first; k < last; k++) values.push(this.#counts[b]![k]! * toHz);
      return values;
    });
    // A round number of Hz above the visible peak; it shrinks only when the peak falls below half
    // of it, so the axis does not jump from frame to frame.
    const peak = Math.max(10, ...rates.map((values) => values.reduce((a, v) => Math.max(a, v), 0)));
    if (peak > this.#top || peak < this.#top / 2) this.#top = roundUp(peak * 1.1);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, this.#canvas.width, this.#canvas.height);
    drawValueAxis(ctx, area, 0, this.#top, style, 'rate (Hz)', { grid: true });
    drawTimeAxis(ctx, area, leftMs, leftMs + windowMs, style);
    ctx.save();
    ctx.beginPath();
    ctx.rect(area.x, area.y, area.width, area.height);
    ctx.clip();
    ctx.lineWidth = 1.5 * scale;
    ctx.lineJoin = 'round';
    rates.forEach((values, b) => {
      ctx.strokeStyle = bands[b]!.color;
      ctx.beginPath();
      values.forEach((rate, k) => {
        const x = area.x + (((first + k + 0.5) * binMs - leftMs) / windowMs) * area.width;
        const y = area.y + area.height - (rate / this.#top) * area.height;
        if (k === 0) ctx.moveTo(x, y);
        else ctx.lineTo(x, y);
      });
      ctx.stroke();
    });
    ctx.restore();
    ctx.font = `600 ${style.font}`;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    bands.forEach((band, b) => {
      const y = area.y + 10 * scale + b * 18 * scale;
      ctx.fillStyle = band.color;
      ctx.fillRect(area.x + area.width + 10 * scale, y - 1 * scale, 14 * scale, 2.5 * scale);
      ctx.fillText(band.name.split(' ')[0]!, area.x + area.width + 30 * scale, y);
    });
    ctx.font = style.font;
    ctx.fillStyle = style.color;
    ctx.fillText(`bins of ${binMs} ms`, area.x + area.width + 10 * scale, area.y + area.height - 6 * scale);
  }
}

/** The next 1, 2, 2.5 or 5 times a power of ten at or above `value`. */
function roundUp(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 2.5, 5, 10].map((m) => m * power).find((v) => v >= value) ?? 10 * power;
}
