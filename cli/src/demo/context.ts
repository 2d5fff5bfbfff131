import { writeFigure, type Figure } from '../plot/render.js';
import type { DemoOptions } from './options.js';

/** What every section gets: the options, a printer, and a figure writer. */
export interface DemoContext {
  readonly options: DemoOptions;
  print(line?: string): void;
  /** Writes the figure into --out (unless --no-plot) and remembers where. */
  figure(figure: Figure): Promise<void>;
}

export function demoContext(
  options: DemoOptions,
  print: (line: string) => void,
): DemoContext & { files: string[] } {
  const files: string[] = [];
  return {
    options,
    files,
    print: (line = '') => print(line),
    figure: async (figure) => {
      if (!options.plot) return;
      const written = await writeFigure(options.out, figure);
      files.push(written.png, written.svg);
    },
  };
}

/** A section's heading, as the tutorial numbers them. */
export function heading(context: DemoContext, title: string): void {
  context.print();
  context.print(`== ${title} ==`);
}

/** Median of a list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Mean, minimum and maximum of a Float32Array. */
export function stats(values: Float32Array): { mean: number; min: number; max: number } {
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { mean: sum / values.length, min, max };
}
