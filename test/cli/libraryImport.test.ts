import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runNode } from './jitconnProcess.js';

/** Packages only the program uses: a library user never loads them. */
const PROGRAM_PACKAGES = [
  'commander',
  'cli-progress',
  'cli-table3',
  'asciichart',
  'vega',
  'vega-lite',
  '@resvg/resvg-js',
  'npyjs',
];

/** Every module URL resolved while `node ...args` ran. */
function resolvedModules(args: string[]): string[] {
  const log = join(mkdtempSync(join(tmpdir(), 'jitconn-resolve-')), 'resolved.txt');
  const { status, stderr } = runNode(['--import', './test/cli/fixtures/registerRecorder.mjs', ...args], {
    RESOLUTION_LOG: log,
  });
  expect(stderr).toBe('');
  expect(status).toBe(0);
  return readFileSync(log, 'utf8').trim().split('\n');
}

const fromPackage = (urls: string[], name: string) =>
  urls.filter((url) => url.includes(`/node_modules/${name}/`));

describe("import 'jitconn' stays light", () => {
  it('loads no CLI or plotting package, and nothing from cli/dist', () => {
    const urls = resolvedModules([
      '--input-type=module',
      '-e',
      "const j = await import('jitconn'); new j.JITCScalarR([0.1, 0.1, 1], { shape: [10, 10] });",
    ]);
    // The recorder saw the library itself.
    expect(urls.some((url) => url.endsWith('/dist/index.js'))).toBe(true);
    expect(urls.some((url) => url.endsWith('/dist/matrix/scalar.js'))).toBe(true);
    for (const name of PROGRAM_PACKAGES) expect(fromPackage(urls, name), name).toEqual([]);
    expect(urls.filter((url) => /\/dist\/(cli|plot)\//.test(url))).toEqual([]);
  });

  it('the recorder does see them when the program runs (so the check above can fail)', () => {
    const urls = resolvedModules(['cli/dist/main.js', 'demo', '--help']);
    expect(fromPackage(urls, 'commander').length).toBeGreaterThan(0);
  });
});
