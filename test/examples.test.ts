import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Run an example as a user would (it imports the built package by its name) and return its output. */
function run(file: string): string {
  return execFileSync(process.execPath, ['--import', 'tsx', file], { encoding: 'utf8', timeout: 120_000 });
}

function numberAfter(output: string, label: string): number {
  const match = new RegExp(`${label}\\s*(-?[0-9.]+)`).exec(output);
  if (!match) throw new Error(`no "${label}" in:\n${output}`);
  return Number(match[1]);
}

describe('the tutorial examples run and print what the tutorial prints', () => {
  it('02: homogeneous weights, event-driven product, reproducibility', () => {
    const output = run('examples/02-homogeneous.ts');
    expect(output).toContain('weight: 0.10000000149011612');
    expect(output).toContain('Result1 and Result2 are identical: true');
    expect(output).toContain('Result1 and Result3 are identical: false');
    // 1000 x 500 at p = 0.1 with ~50 spikes: each output is 0.1 * Binomial(~50, 0.1), mean ~0.5.
    expect(numberAfter(output, 'average value:')).toBeGreaterThan(0.3);
    expect(numberAfter(output, 'average value:')).toBeLessThan(0.8);
  });

  it('03: normal weights have the stated mean and standard deviation', () => {
    const output = run('examples/03-normal.ts');
    const match = /Individual weights \((\d+) connections\): mean (-?[0-9.]+), std ([0-9.]+)/.exec(output);
    expect(match).not.toBeNull();
    const [count, mean, std] = [Number(match![1]), Number(match![2]), Number(match![3])];
    // Mean of n N(0, 0.01) draws: 5 standard errors is a 6e-7 false-failure rate.
    expect(Math.abs(mean)).toBeLessThan((5 * 0.1) / Math.sqrt(count));
    // The sample std has standard error 0.1 / sqrt(2n) < 0.0003: 0.002 is over 7 of them.
    expect(Math.abs(std - 0.1)).toBeLessThan(0.002);
    expect(output).toContain('┼');
  });

  it('04: uniform weights give column sums around 800 * 0.12 * 0.1', () => {
    const output = run('examples/04-uniform.ts');
    expect(output).toContain('weight minimum value: -0.10000000149011612');
    expect(output).toContain('non-zero outputs: 400');
    expect(Math.abs(numberAfter(output, 'average value:') - 9.6)).toBeLessThan(0.3);
  });

  it('07: row- and column-oriented products, and the exact transpose', () => {
    const output = run('examples/07-row-vs-column.ts');
    expect(output).toContain('spikes @ C equals C.T @ spikes exactly: true');
    expect(numberAfter(output, 'Row-oriented \\(R\\):')).toBeGreaterThan(0);
  });

  it('the demo (the README main job) runs and reports a reproducible forward pass', () => {
    const output = execFileSync(process.execPath, ['cli/dist/main.js', 'demo', '--steps', '3'], {
      encoding: 'utf8',
    });
    expect(output).toContain('100,000 -> 50,000 -> 1,000');
    expect(output).toContain('identical hidden input: true');
  });
});
