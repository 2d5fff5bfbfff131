import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuiltSite } from './buildSite.js';
import { launchChromium, type Browser } from './chromium.js';
import { serveStatic, type StaticSite } from './server.js';

/**
 * The library's products in Chromium (web/check.html, bundled by Vite): in a Web Worker on several
 * threads they give the same bits as the reference backend there and as Node here; on the page's
 * main thread they run on that thread, without blocking.
 */

interface CheckReport {
  readonly isolated: boolean;
  readonly threads: number;
  readonly results: readonly { name: string; wasm: string; reference: string }[];
  readonly mainThread: { name: string; hash: string };
}

let site: BuiltSite;
let server: StaticSite;
let browser: Browser;

beforeAll(async () => {
  site = await buildSite();
  server = await serveStatic(site.dir, true);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (site) rmSync(site.dir, { recursive: true, force: true });
});

function nodeHashes(): { name: string; hash: string }[] {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'test/e2e/fixtures/nodeProductHashes.ts'], {
    encoding: 'utf8',
  });
  return JSON.parse(out);
}

describe('products in the browser', () => {
  it('in a Web Worker on 3 threads: the same bits as the reference backend and as Node; on the main thread too', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    await page.goto(`${server.url}check.html?threads=3`);
    await page.waitForSelector('body[data-state="done"], body[data-state="failed"]', { timeout: 120_000 });
    expect(await page.textContent('#status')).toMatch(/^Cross-origin isolated; products ran on 3 threads/);
    const report = await page.evaluate(
      () => (window as unknown as { jitconnCheck: CheckReport }).jitconnCheck,
    );
    expect(report.isolated).toBe(true);
    expect(report.threads).toBe(3);
    // The check worker and the two kernel workers it started (from a Blob URL); none from the main thread.
    expect(workers.filter((url) => url.startsWith('blob:'))).toHaveLength(2);

    const node = nodeHashes();
    expect(report.results.map(({ name }) => name)).toEqual(node.map(({ name }) => name));
    report.results.forEach((result, k) => {
      expect(result.wasm, result.name).toBe(node[k]!.hash);
      expect(result.reference, result.name).toBe(node[k]!.hash);
    });
    expect(report.mainThread.hash).toBe(node[0]!.hash);
    expect(errors).toEqual([]);
    await page.close();
  });
});
