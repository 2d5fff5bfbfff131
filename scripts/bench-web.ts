// The demo page's speed and memory in headless Chromium (npx tsx scripts/bench-web.ts [--neurons N]
// [--in-degree K] [--duration MS] [--repeats R] [--model coba|cuba]): builds web/ as
// `npm run web:build` does, serves it cross-origin isolated, and runs the model in the page as a
// user does (Run, drawing as it goes). Prints, per repeat: simulated ms per wall second (the
// worker's running time), steps/s, animation frames drawn per second and the longest gap between
// two of them, and the renderer process's peak resident memory (the tab: page and workers).
// Defaults: the 4000-neuron COBA benchmark, 10 s simulated, 3 repeats (a fresh tab each). The first
// run's page is saved as jitconn-out/e2e/bench-MODEL-NEURONS.png.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildSite } from '../test/e2e/buildSite.js';
import { CHROMIUM, launchChromium } from '../test/e2e/chromium.js';
import { runToEnd, setField, waitForState } from '../test/e2e/demoPage.js';
import { serveStatic } from '../test/e2e/server.js';

const { values } = parseArgs({
  options: {
    model: { type: 'string', default: 'coba' },
    neurons: { type: 'string', default: '4000' },
    'in-degree': { type: 'string', default: '80' },
    duration: { type: 'string', default: '10000' },
    repeats: { type: 'string', default: '3' },
  },
});

/** Resident memory, now and at its peak, of the largest renderer process of the browser using `profile`. */
function rendererMemory(profile: string): { rss: number; peak: number } {
  const processes = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((pid) => {
      try {
        const status = readFileSync(`/proc/${pid}/status`, 'utf8');
        const field = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
        const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
        return {
          pid: Number(pid),
          ppid: field('PPid'),
          rss: field('VmRSS') * 1024,
          peak: field('VmHWM') * 1024,
          cmdline,
        };
      } catch {
        return null; // it ended meanwhile
      }
    })
    .filter((p) => p !== null);
  const browser = processes.find(
    (p) => p.cmdline.includes(`--user-data-dir=${profile}`) && !p.cmdline.includes('--type='),
  );
  if (browser === undefined) return { rss: NaN, peak: NaN };
  const descendants = new Set([browser.pid]);
  for (let grown = true; grown;) {
    grown = false;
    for (const p of processes) {
      if (!descendants.has(p.pid) && descendants.has(p.ppid)) {
        descendants.add(p.pid);
        grown = true;
      }
    }
  }
  const renderers = processes.filter((p) => descendants.has(p.pid) && p.cmdline.includes('--type=renderer'));
  const largest = renderers.reduce((a, b) => (b.peak > a.peak ? b : a), renderers[0]!);
  return { rss: largest.rss, peak: largest.peak };
}

/** The first run's page, for looking at (jitconn-out/ is not committed). */
const SCREENSHOTS = path.resolve(import.meta.dirname, '../jitconn-out/e2e');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

const site = await buildSite();
const server = await serveStatic(site.dir, true);
const chromiumVersion = execFileSync(CHROMIUM, ['--version'], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'ignore'],
})
  .trim()
  .split(' built')[0];
console.log(
  `jitconn demo page in headless ${chromiumVersion} on ${os.cpus()[0]?.model.trim()}, ` +
    `${os.availableParallelism()} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; ` +
    `${values.model} ${Number(values.neurons).toLocaleString('en-US')} neurons, in-degree ${values['in-degree']}, ` +
    `${values.duration} ms simulated, drawing`,
);
const speeds: number[] = [];
for (let r = 0; r < Number(values.repeats); r++) {
  const browser = await launchChromium();
  try {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}index.html`);
    await waitForState(page, 'ready');
    await setField(page, 'model', values.model!);
    await setField(page, 'neurons', values.neurons!);
    await setField(page, 'in-degree', values['in-degree']!);
    await waitForState(page, 'ready', 600_000);
    await setField(page, 'duration', values.duration!);
    const threads = await page.textContent('#threads-badge');
    await page.evaluate(() =>
      (window as unknown as { jitconnDemo: { clearFrameGaps(): void } }).jitconnDemo.clearFrameGaps(),
    );
    const wallStart = Date.now();
    await runToEnd(page, 3_600_000);
    const wallMs = Date.now() - wallStart;
    const { frame, gaps } = await page.evaluate(() => {
      const demo = (
        window as unknown as {
          jitconnDemo: {
            lastFrame(): {
              simulatedMs: number;
              steps: number;
              runningWallMs: number;
              spikes: number;
              checksum: string;
            };
            frameGaps(): number[];
          };
        }
      ).jitconnDemo;
      return { frame: demo.lastFrame(), gaps: demo.frameGaps() };
    });
    const memory = rendererMemory(browser.profile);
    if (r === 0) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({
        path: path.join(SCREENSHOTS, `bench-${values.model}-${values.neurons}.png`),
        fullPage: true,
      });
    }
    const speed = (frame.simulatedMs / frame.runningWallMs) * 1000;
    speeds.push(speed);
    const frames = gaps.length;
    console.log(
      `  run ${r + 1}: ${speed.toFixed(speed >= 100 ? 0 : 2)} simulated ms per wall s ` +
        `(${(speed / 1000).toFixed(2)}x real time), ${Math.round(frame.steps / (frame.runningWallMs / 1000)).toLocaleString('en-US')} steps/s, ` +
        `${frame.spikes.toLocaleString('en-US')} spikes (checksum ${frame.checksum}); ${threads}; drawing ${((frames * 1000) / wallMs).toFixed(0)} frames/s, ` +
        `longest gap ${Math.max(...gaps).toFixed(0)} ms, ${gaps.filter((g) => g > 25).length} of ${frames} frames over 25 ms; ` +
        `tab (renderer) resident ${mib(memory.rss)} now, ${mib(memory.peak)} peak`,
    );
  } finally {
    await browser.close();
  }
}
console.log(
  `median ${median(speeds).toFixed(2)} simulated ms per wall s, range ${Math.min(...speeds).toFixed(2)}-${Math.max(...speeds).toFixed(2)}`,
);
await server.close();
rmSync(site.dir, { recursive: true, force: true });
