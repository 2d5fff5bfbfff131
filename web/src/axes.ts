/** Axis ticks and labels for the canvases (drawn in device pixels). */

/** Round tick values covering [low, high]: steps of 1, 2 or 5 times a power of ten, about `count` of them. */
export function niceTicks(low: number, high: number, count: number): number[] {
  const span = high - low;
  if (!(span > 0)) return [low];
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const ticks: number[] = [];
  for (let v = Math.ceil(low / step) * step; v <= high + step * 1e-9; v += step)
    ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

/** Where a plot's data area lies on its canvas, in device pixels. */
export interface PlotArea {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface AxisStyle {
  readonly scale: number;
  readonly font: string;
  readonly color: string;
  readonly grid: string;
}

export function axisStyle(scale: number): AxisStyle {
  return {
    scale,
    font: `${12 * scale}px system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif`,
    color: '#3b4552',
    grid: '#e6e9ee',
  };
}

/** The time axis under `area`: ticks from `fromMs` to `toMs`, and its label. */
export function drawTimeAxis(
  ctx: CanvasRenderingContext2D,
  area: PlotArea,
  fromMs: number,
  toMs: number,
  style: AxisStyle,
  label = 'time (ms)',
): void {
  const s = style.scale;
  ctx.font = style.font;
  ctx.fillStyle = style.color;
  ctx.strokeStyle = style.color;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  ctx.lineWidth = Math.max(1, s);
  ctx.beginPath();
  ctx.moveTo(area.x, area.y + area.height + 0.5);
  ctx.lineTo(area.x + area.width, area.y + area.height + 0.5);
  for (const tick of niceTicks(fromMs, toMs, Math.max(2, Math.floor(area.width / (90 * s))))) {
    const x = Math.round(area.x + ((tick - fromMs) / (toMs - fromMs)) * area.width) + 0.5;
    ctx.moveTo(x, area.y + area.height);
    ctx.lineTo(x, area.y + area.height + 5 * s);
    ctx.fillText(formatTick(tick), x, area.y + area.height + 7 * s);
  }
  ctx.stroke();
  ctx.fillText(label, area.x + area.width / 2, area.y + area.height + 23 * s);
}

export interface ValueAxisOptions {
  /** Horizontal grid lines at the ticks. */
  readonly grid?: boolean;
  /** Leave out a tick at `high` (the band above labels that height). */
  readonly openTop?: boolean;
}

/** A value axis left of `area` for values [low, high] (bottom to top), with a rotated label. */
export function drawValueAxis(
  ctx: CanvasRenderingContext2D,
  area: PlotArea,
  low: number,
  high: number,
  style: AxisStyle,
  label: string,
  { grid = false, openTop = false }: ValueAxisOptions = {},
): void {
  const s = style.scale;
  ctx.font = style.font;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  ctx.lineWidth = Math.max(1, s);
  const ticks = niceTicks(low, high, Math.max(2, Math.floor(area.height / (28 * s))));
  for (const tick of openTop ? ticks.filter((t) => t < high) : ticks) {
    const y = Math.round(area.y + area.height - ((tick - low) / (high - low)) * area.height) + 0.5;
    if (grid) {
      ctx.strokeStyle = style.grid;
      ctx.beginPath();
      ctx.moveTo(area.x, y);
      ctx.lineTo(area.x + area.width, y);
      ctx.stroke();
    }
    ctx.strokeStyle = style.color;
    ctx.beginPath();
    ctx.moveTo(area.x - 5 * s, y);
    ctx.lineTo(area.x, y);
    ctx.stroke();
    ctx.fillStyle = style.color;
    ctx.fillText(formatTick(tick), area.x - 7 * s, y);
  }
  ctx.strokeStyle = style.color;
  ctx.beginPath();
  ctx.moveTo(area.x - 0.5, area.y);
  ctx.lineTo(area.x - 0.5, area.y + area.height);
  ctx.stroke();
  ctx.save();
  ctx.translate(area.x - 46 * s, area.y + area.height / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  ctx.fillText(label, 0, 0);
  ctx.restore();
}

/** 500, 40,000, 400k, 1M: short enough for the value axis's margin. */
function formatTick(value: number): string {
  const size = Math.abs(value);
  if (size >= 1e6) return `${Number((value / 1e6).toPrecision(3))}M`;
  if (size >= 1e5) return `${Number((value / 1e3).toPrecision(3))}k`;
  return size >= 1000 ? value.toLocaleString('en-US') : String(value);
}

/** Sizes a canvas's backing store to its CSS box times the device pixel ratio; true if it changed. */
export function fitCanvas(canvas: HTMLCanvasElement): boolean {
  const scale = window.devicePixelRatio || 1;
  const width = Math.max(1, Math.round(canvas.clientWidth * scale));
  const height = Math.max(1, Math.round(canvas.clientHeight * scale));
  if (canvas.width === width && canvas.height === height) return false;
  canvas.width = width;
  canvas.height = height;
  return true;
}
