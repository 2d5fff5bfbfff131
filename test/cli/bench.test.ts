import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function bench(...args: string[]): string {
  return execFileSync(process.execPath, ['cli/dist/main.js', 'bench', ...args], {
    encoding: 'utf8',
    timeout: 120_000,
  });
}

describe('jitconn bench', () => {
  it('prints one JSON object with the machine, the case, medians, rates and both baselines', () => {
    const report = JSON.parse(bench('--shape', '2000x1500', '--prob', '0.05', '--rate', '0.05', '--json'));
    expect(report.machine.cores).toBeGreaterThan(0);
    const [result] = report.results;
    expect(result.case).toMatchObject({ rows: 2000, cols: 1500, prob: 0.05, op: 'vecmat', k: 1 });
    expect(result.medianMs).toBeGreaterThan(0);
    // Events are counted, not estimated: ~100 active rows of ~75 connections each.
    expect(result.events).toBeGreaterThan(3000);
    expect(result.events).toBeLessThan(13000);
    expect(Number.isInteger(result.events)).toBe(true);
    expect(result.eventsPerSecond).toBeCloseTo(result.events / (result.medianMs / 1000), 0);
    expect(result.matrixBytes).toBeLessThan(128);
    expect(result.csr.ratio).toBeGreaterThan(0);
    expect(result.dense.ratio).toBeGreaterThan(0);
  });

  it('prints a table for a batched float case on a C matrix', () => {
    const out = bench(
      '--shape',
      '800x600',
      '--prob',
      '0.1',
      '--op',
      'matmat',
      '--k',
      '4',
      '--orientation',
      'C',
      '--rate',
      '0.2',
    );
    expect(out).toContain('jitconn bench on');
    expect(out).toMatch(/custom\s*│\s*800x600/);
    expect(out).toContain('matmat (C)');
  });

  it('rejects a malformed flag with a clear message', () => {
    expect(() => bench('--shape', '100by100', '--json')).toThrow(/--shape must look like 100000x50000/);
    expect(() => bench('--op', 'transpose')).toThrow(
      /Allowed choices are vecmat, matvec, matmat, rmatmat, todense/,
    );
  });
});
