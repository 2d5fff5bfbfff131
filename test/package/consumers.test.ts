import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The package as other projects consume it: installed under node_modules/jitconn (a link to this
 * checkout's built package), loaded by an ES module, by CommonJS `require` (Node 20.19+ loads ES
 * modules from CommonJS), and type-checked by TypeScript consumers under `--module nodenext`.
 */

const root = path.resolve(import.meta.dirname, '../..');
const consumer = mkdtempSync(path.join(tmpdir(), 'jitconn-consumer-'));
mkdirSync(path.join(consumer, 'node_modules'));
symlinkSync(root, path.join(consumer, 'node_modules', 'jitconn'), 'dir');
afterAll(() => rmSync(consumer, { recursive: true, force: true }));

const USE = `new jitconn.JITCScalarR([1, 1, 7], { shape: [3, 4] }).vecmat(jitconn.BinaryArray.fromIndices([0, 2], 3))`;

function run(file: string, source: string): string {
  writeFileSync(path.join(consumer, file), source);
  return execFileSync(process.execPath, [file], { cwd: consumer, encoding: 'utf8' }).trim();
}

describe('the package loads in every module system', () => {
  it('import from an ES module', () => {
    const out = run(
      'esm.mjs',
      `import * as jitconn from 'jitconn';\nconsole.log(Array.from(${USE}).join());`,
    );
    expect(out).toBe('2,2,2,2');
  });

  it('require from CommonJS', () => {
    const out = run(
      'cjs.cjs',
      `const jitconn = require('jitconn');\nconsole.log(Array.from(${USE}).join());`,
    );
    expect(out).toBe('2,2,2,2');
  });

  it('TypeScript consumers type-check under --module nodenext, as ESM and as CommonJS', () => {
    const source = (header: string) =>
      `${header}\nconst m: jitconn.JITCMatrix = new jitconn.JITCNormalR([0, 0.1, 0.2, 3], { shape: [5, 6] });\n` +
      `const out: Float32Array = m.vecmat(new Float32Array(5), { out: new Float32Array(6) });\n` +
      `// @ts-expect-error: the tuple needs four entries\nexport const wrong = () => new jitconn.JITCNormalR([0, 0.1, 0.2], { shape: [5, 6] });\n` +
      `console.log(out.length);\n`;
    writeFileSync(path.join(consumer, 'consumer.mts'), source(`import * as jitconn from 'jitconn';`));
    writeFileSync(path.join(consumer, 'consumer.cts'), source(`import jitconn = require('jitconn');`));
    const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    const args = [
      '--module',
      'nodenext',
      '--strict',
      '--outDir',
      'out',
      '--skipLibCheck',
      'false',
      '--types',
      'node',
    ];
    execFileSync(
      process.execPath,
      [tsc, ...args, '--typeRoots', path.join(root, 'node_modules/@types'), 'consumer.mts', 'consumer.cts'],
      {
        cwd: consumer,
        encoding: 'utf8',
      },
    );
    for (const file of ['out/consumer.mjs', 'out/consumer.cjs']) {
      const out = execFileSync(process.execPath, [file], { cwd: consumer, encoding: 'utf8' }).trim();
      expect(out).toBe('6');
    }
  });
});

describe('library users do not pay for the program', () => {
  it('the jitconn package has no runtime dependencies; the program and its packages are jitconn-cli', () => {
    const library = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    const program = JSON.parse(readFileSync(path.join(root, 'cli', 'package.json'), 'utf8')) as {
      bin: Record<string, string>;
      dependencies: Record<string, string>;
    };
    expect(library['dependencies'] ?? {}).toEqual({});
    expect(library['bin']).toBeUndefined();
    expect(program.bin['jitconn']).toBe('./dist/main.js');
    for (const name of ['commander', 'vega', 'vega-lite', '@resvg/resvg-js', 'cli-progress', 'jitconn']) {
      expect(program.dependencies[name], name).toBeDefined();
    }
  });
});
