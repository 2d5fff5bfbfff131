import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The files `jitconn simulate` writes into --out, named once. */
export const OUTPUT_FILES = {
  summary: 'summary.json',
  /** uint32 neuron indices, one per spike (NumPy .npy). */
  spikesI: 'spikes_i.npy',
  /** float64 spike times in ms, one per spike (NumPy .npy). */
  spikesT: 'spikes_t.npy',
  raster: 'raster',
  rate: 'rate',
} as const;

/** Write the spikes as two NumPy files that `np.load` reads: indices (uint32) and times (float64, ms). */
export async function writeSpikes(
  dir: string,
  spikes: { readonly i: Uint32Array; readonly t: Float64Array },
): Promise<{ i: string; t: string }> {
  const { dump } = await import('npyjs');
  const files = { i: join(dir, OUTPUT_FILES.spikesI), t: join(dir, OUTPUT_FILES.spikesT) };
  await writeFile(files.i, new Uint8Array(dump(spikes.i, [spikes.i.length])));
  await writeFile(files.t, new Uint8Array(dump(spikes.t, [spikes.t.length])));
  return files;
}

/** Write summary.json (two-space indented, ending in a newline). */
export async function writeSummary(dir: string, summary: object): Promise<string> {
  const file = join(dir, OUTPUT_FILES.summary);
  await writeFile(file, `${JSON.stringify(summary, null, 2)}\n`);
  return file;
}
