import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseSvg, readPng, whiteBorder } from '../plot/images.js';
import { jitconn, type Finished } from './jitconnProcess.js';

const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const PICTURES = ['normal-sampled-outputs', 'normal-weights', 'uniform-weights', 'layer-rasters'];

describe('jitconn demo: the tutorial end to end', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'jitconn-demo-')), 'pictures');
  let run: Finished;
  beforeAll(() => {
    run = jitconn('demo', '--steps', '3', '--out', out);
  });

  it('runs and prints every section, 2 to 7', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    // Not a terminal: no colour codes (the section-5 table included).
    expect(run.stdout).not.toContain('\u001b');
    const headings = run.stdout.split('\n').filter((line) => line.startsWith('== '));
    expect(headings.map((h) => h.slice(3, 5))).toEqual(['2.', '3.', '4.', '5.', '6.', '6.', '7.']);
  });

  it('prints what each section prints, with our numbers', () => {
    const text = run.stdout;
    expect(text).toContain('weight 0.10000000149011612, connection probability 0.1, seed 12345');
    expect(text).toContain('Reproducible: seed 999 twice gives identical results: true');
    expect(text).toContain('Seeds 999 and 888 give identical results: false');
    expect(text).toMatch(/Individual weights \(\d+ connections\): mean -?0\.00\d\d, std 0\.(09\d\d|10\d\d)/);
    expect(text).toContain('weight minimum -0.10000000149011612, maximum 0.30000001192092896');
    // Section 5: the table, with the billion-synapse row at 72 bytes against 7.5 GiB.
    expect(text).toMatch(/1,000,000 x 1,000,000 .* 1,000,000,000 .* 72 B .* 7\.5 GiB/);
    expect(text).toContain('100,000 -> 50,000 -> 1,000');
    expect(text).toMatch(/first step \d+\.\d+ ms \(\d+\.\d million events\/s\), median \d+\.\d+ ms/);
    expect(text).toMatch(/called back to back, as `npm run bench` times it .*median \d+\.\d+ ms/);
    expect(text).toContain('identical hidden input: true');
    expect(text).toMatch(/Input layer total spikes: \d+, average rate 0\.0[3-7]\d/);
    expect(text).toContain('spikes @ C equals C.T @ spikes exactly: true');
    expect(text).toContain(`Pictures (PNG and SVG) in ${out}:`);
  });

  it('writes readable PNG and SVG pictures and lists each', () => {
    expect(readdirSync(out).sort()).toEqual(
      PICTURES.flatMap((name) => [`${name}.png`, `${name}.svg`]).sort(),
    );
    for (const name of PICTURES) {
      const [png, svg] = [join(out, `${name}.png`), join(out, `${name}.svg`)];
      expect(run.stdout).toContain(png);
      expect(statSync(png).size).toBeGreaterThan(20_000);
      const svgText = readFileSync(svg, 'utf8');
      const size = parseSvg(svgText);
      const image = readPng(png);
      expect(image.width).toBe(2 * Math.ceil(size.width));
      expect(image.height).toBe(2 * Math.ceil(size.height));
      expect(size.width).toBeGreaterThan(800);
      expect(whiteBorder(image)).toBe(true);
      // An XML parser other than resvg reads the SVG too.
      const root = execFileSync(
        PYTHON,
        ['-c', 'import sys, xml.etree.ElementTree as E; print(E.parse(sys.argv[1]).getroot().tag)', svg],
        {
          encoding: 'utf8',
        },
      );
      expect(root.trim()).toBe('{http://www.w3.org/2000/svg}svg');
    }
  });

  it('--no-plot prints the sections and writes nothing', () => {
    const elsewhere = join(mkdtempSync(join(tmpdir(), 'jitconn-demo-')), 'none');
    const result = jitconn('demo', '--steps', '1', '--no-plot', '--out', elsewhere);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Pictures skipped (--no-plot)');
    expect(existsSync(elsewhere)).toBe(false);
  });
});
