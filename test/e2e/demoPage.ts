import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { jitconn } from '../cli/jitconnProcess.js';

/** Driving the demo page (web/index.html) as a user does, and reading what it shows. */

export type DemoState = 'loading' | 'ready' | 'running' | 'paused' | 'finished';

export async function waitForState(page: Page, state: DemoState, timeout = 60_000): Promise<void> {
  await page.waitForSelector(`body[data-state="${state}"]`, { timeout });
}

/** Sets a form field as a user does: typing leaves the field with Tab, which fires its change event. */
export async function setField(page: Page, id: string, value: string): Promise<void> {
  const tag = await page.$eval(`#${id}`, (element) => element.tagName);
  if (tag === 'SELECT') await page.selectOption(`#${id}`, value);
  else {
    await page.fill(`#${id}`, value);
    await page.press(`#${id}`, 'Tab');
  }
}

export interface Shown {
  readonly checksum: string;
  readonly spikes: number;
  readonly simulatedMs: number;
  readonly nodeCommand: string;
}

/** What the page shows of the run so far. */
export async function shown(page: Page): Promise<Shown> {
  const frame = await page.evaluate(() =>
    (
      window as unknown as {
        jitconnDemo: { lastFrame(): { simulatedMs: number; spikes: number } };
      }
    ).jitconnDemo.lastFrame(),
  );
  return {
    checksum: (await page.textContent('#checksum'))!.trim(),
    spikes: Number((await page.textContent('#spike-count'))!.replace(/,/g, '')),
    simulatedMs: frame.simulatedMs,
    nodeCommand: (await page.textContent('#node-command'))!.trim(),
  };
}

/** Clicks Run and waits until the run has reached the duration. */
export async function runToEnd(page: Page, timeout = 120_000): Promise<Shown> {
  await page.click('#run');
  await waitForState(page, 'finished', timeout);
  return shown(page);
}

/** Pixels of the raster canvas that are not white: drawn spikes (and axes). */
export function inkedPixels(page: Page): Promise<number> {
  return page.$eval('#raster', (canvas) => {
    const c = canvas as HTMLCanvasElement;
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let inked = 0;
    for (let k = 0; k < data.length; k += 4)
      if (data[k]! < 250 || data[k + 1]! < 250 || data[k + 2]! < 250) inked++;
    return inked;
  });
}

/** summary.json of `jitconn simulate` run in Node with the flags the page shows for its network. */
export function nodeSummary(nodeCommand: string): {
  spikeChecksum: string;
  spikes: number;
  simulatedMs: number;
} {
  const prefix = 'npx jitconn ';
  if (!nodeCommand.startsWith(prefix)) throw new Error(`not a jitconn command: ${nodeCommand}`);
  const out = mkdtempSync(path.join(tmpdir(), 'jitconn-e2e-node-'));
  const { status, stderr } = jitconn(...nodeCommand.slice(prefix.length).split(/\s+/), '--out', out);
  if (status !== 0) throw new Error(`jitconn simulate failed (${status}): ${stderr}`);
  return JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8'));
}
