import { mkdirSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuiltSite } from './buildSite.js';
import { launchChromium, type Browser } from './chromium.js';
import { inkedPixels, nodeSummary, runToEnd, setField, shown, waitForState } from './demoPage.js';
import { serveStatic, type StaticSite } from './server.js';

/**
 * The demo page, built as `npm run web:build` builds it, served as a static host serves it, in
 * Debian's headless Chromium: it runs the networks in a Web Worker, draws them, and shows the
 * same spikes (by checksum) as `jitconn simulate` in Node.
 */

/** Screenshots land here, for people to look at (jitconn-out/ is not committed). */
const SCREENSHOTS = path.resolve(import.meta.dirname, '../../jitconn-out/e2e');

let site: BuiltSite;
let isolated: StaticSite;
let browser: Browser;

beforeAll(async () => {
  site = await buildSite();
  isolated = await serveStatic(site.dir, true);
  browser = await launchChromium();
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await isolated?.close();
  if (site) rmSync(site.dir, { recursive: true, force: true });
});

async function openDemo(base: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${base}index.html`);
  await waitForState(page, 'ready');
  return { page, errors };
}

describe('the demo page in Chromium', () => {
  it('builds with Vite without a warning', () => {
    expect(site.warnings).toEqual([]);
  });

  it('runs the COBA network on every core: spikes drawn, the checksum of jitconn simulate in Node; another seed and weight law change the run', async () => {
    const { page, errors } = await openDemo(isolated.url);
    expect(await page.textContent('#isolation-badge')).toBe('cross-origin isolated');
    const threads = Math.min(availableParallelism(), 64);
    await expect
      .poll(() => page.textContent('#threads-badge'))
      .toBe(`${threads} thread${threads > 1 ? 's' : ''}`);

    await setField(page, 'duration', '300');
    const first = await runToEnd(page);
    expect(first.simulatedMs).toBeCloseTo(300, 9);
    // 4000 neurons at about 20 Hz for 0.3 s: some 24,000 spikes.
    expect(first.spikes).toBeGreaterThan(5000);
    expect(await inkedPixels(page)).toBeGreaterThan(5000);
    const node = nodeSummary(first.nodeCommand);
    expect(first.nodeCommand).toContain('--seed 1 --duration 300');
    expect(first.checksum).toBe(node.spikeChecksum);
    expect(first.spikes).toBe(node.spikes);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'demo-coba.png'), fullPage: true });

    // A control changed: a new network, a different run, still Node's.
    await setField(page, 'seed', '2');
    await setField(page, 'weight-law', 'uniform');
    await waitForState(page, 'ready');
    const second = await runToEnd(page);
    expect(second.nodeCommand).toContain('--weight-law uniform --seed 2 --duration 300');
    expect(second.checksum).not.toBe(first.checksum);
    expect(second.checksum).toBe(nodeSummary(second.nodeCommand).spikeChecksum);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('pauses and resumes at real-time pace without changing the spikes', async () => {
    const { page, errors } = await openDemo(isolated.url);
    await setField(page, 'model', 'cuba');
    await waitForState(page, 'ready');
    await setField(page, 'duration', '3000');
    await setField(page, 'pace', 'realtime');
    await page.click('#run');
    await expect.poll(async () => (await shown(page)).simulatedMs, { timeout: 30_000 }).toBeGreaterThan(50);
    await page.click('#pause');
    await waitForState(page, 'paused');
    const paused = await shown(page);
    // At real-time pace the pause came long before the 3 s simulated were.
    expect(paused.simulatedMs).toBeLessThan(2000);
    expect(await page.textContent('#run')).toBe('Resume');
    await setField(page, 'pace', 'max');
    const done = await runToEnd(page);
    expect(done.simulatedMs).toBeCloseTo(3000, 9);
    expect(done.checksum).toBe(nodeSummary(done.nodeCommand).spikeChecksum);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('runs the tutorial`s three-layer network, each layer drawn', async () => {
    const { page, errors } = await openDemo(isolated.url);
    await setField(page, 'model', 'feedforward');
    await waitForState(page, 'ready');
    expect(await page.inputValue('#duration')).toBe('100');
    const run = await runToEnd(page);
    // 1000 inputs at 5 % per 1 ms step for 100 steps: about 5000 input spikes, and hidden spikes.
    expect(run.spikes).toBeGreaterThan(5000);
    expect(run.simulatedMs).toBeCloseTo(100, 9);
    expect(await page.textContent('#node-command')).toContain('choose COBA or CUBA');
    expect(await inkedPixels(page)).toBeGreaterThan(3000);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'demo-three-layers.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('without cross-origin isolation runs on one thread, with the same spikes', async () => {
    const plain = await serveStatic(site.dir, false);
    try {
      const { page, errors } = await openDemo(plain.url);
      await expect.poll(() => page.textContent('#threads-badge')).toBe('1 thread');
      expect(await page.textContent('#isolation-badge')).toBe('not cross-origin isolated');
      await setField(page, 'duration', '300');
      const run = await runToEnd(page);
      expect(run.checksum).toBe(nodeSummary(run.nodeCommand).spikeChecksum);
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await plain.close();
    }
  });
});
