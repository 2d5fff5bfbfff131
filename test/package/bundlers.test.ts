import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build as esbuild } from 'esbuild';
import { build as viteBuild, createLogger } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The package bundled for browsers as a new user would: esbuild --platform=browser and a plain Vite
 * app. The thread platform is chosen by package.json `imports` conditions, so a browser bundle has
 * no Node built-in in it, and neither bundler warns.
 */

const root = path.resolve(import.meta.dirname, '../..');
const consumer = mkdtempSync(path.join(tmpdir(), 'jitconn-bundle-'));
mkdirSync(path.join(consumer, 'node_modules'));
symlinkSync(root, path.join(consumer, 'node_modules', 'jitconn'), 'dir');
afterAll(() => rmSync(consumer, { recursive: true, force: true }));

/** Uses every export, so that nothing is left out of the bundle. */
const ENTRY = `import * as jitconn from 'jitconn';
globalThis.jitconn = jitconn;
console.log(new jitconn.JITCScalarR([0.1, 0.1, 1], { shape: [30, 20] }).vecmat(jitconn.BinaryArray.fromIndices([1], 30)));
`;
writeFileSync(path.join(consumer, 'main.js'), ENTRY);

const NODE_BUILTINS = /\bnode:|worker_threads|require\(["']os["']\)/;

async function bundleWithEsbuild(platform: 'browser' | 'node') {
  const result = await esbuild({
    entryPoints: [path.join(consumer, 'main.js')],
    bundle: true,
    platform,
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const inputs = Object.keys(result.metafile.inputs);
  return { result, text: result.outputFiles[0]!.text, inputs };
}

describe('browser bundles of jitconn', () => {
  it('esbuild --platform=browser: no warning, no Node built-in, the Web Worker platform', async () => {
    const { result, text, inputs } = await bundleWithEsbuild('browser');
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(text).not.toMatch(NODE_BUILTINS);
    expect(inputs.some((input) => input.endsWith('dist/kernels/platform/web.js'))).toBe(true);
    expect(inputs.some((input) => input.endsWith('dist/kernels/platform/node.js'))).toBe(false);
  });

  it('esbuild --platform=node picks the worker_threads platform (the condition is what chooses)', async () => {
    const { inputs, text } = await bundleWithEsbuild('node');
    expect(inputs.some((input) => input.endsWith('dist/kernels/platform/node.js'))).toBe(true);
    expect(text).toMatch(/node:worker_threads/);
  });

  it('a plain Vite app: no warning, no Node built-in', async () => {
    writeFileSync(
      path.join(consumer, 'index.html'),
      '<!doctype html><html><body><script type="module" src="./main.js"></script></body></html>',
    );
    const warnings: string[] = [];
    const logger = createLogger('warn');
    logger.warn = (message) => void warnings.push(message);
    logger.warnOnce = logger.warn;
    logger.error = (message) => void warnings.push(message);
    const outDir = path.join(consumer, 'dist');
    await viteBuild({
      root: consumer,
      configFile: false,
      logLevel: 'warn',
      customLogger: logger,
      build: { outDir, emptyOutDir: true },
    });
    expect(warnings).toEqual([]);
    const assets = readdirSync(path.join(outDir, 'assets')).filter((file) => file.endsWith('.js'));
    expect(assets.length).toBeGreaterThan(0);
    for (const file of assets) {
      const text = readFileSync(path.join(outDir, 'assets', file), 'utf8');
      expect(text).not.toMatch(NODE_BUILTINS);
      expect(text).toContain('jitconn kernels'); // the Web Worker platform is in
    }
  });
});
