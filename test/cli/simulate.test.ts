import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { spikeChecksum } from '../../src/index.js';
import { createProgram } from '../../cli/src/program.js';
import { OUTPUT_FILES } from '../../cli/src/simulate/outputs.js';
import type { Summary } from '../../cli/src/simulate/summary.js';
import { POISSON_CLI, runNode, startNode } from './jitconnProcess.js';

/** Debian's Python, which .ci/run gives numpy (apt-get install python3-numpy). */
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

const tempDir = () => mkdtempSync(join(tmpdir(), 'jitconn-simulate-'));
const readSummary = (dir: string) =>
  JSON.parse(readFileSync(join(dir, OUTPUT_FILES.summary), 'utf8')) as Summary;

/** Load the two .npy files with numpy; return their dtypes, shapes and contents. */
function loadWithNumpy(dir: string): { iType: string; tType: string; i: number[]; t: number[] } {
  const script = [
    'import json, sys, numpy as np',
    `i = np.load(sys.argv[1] + '/${OUTPUT_FILES.spikesI}')`,
    `t = np.load(sys.argv[1] + '/${OUTPUT_FILES.spikesT}')`,
    'print(json.dumps({"iType": str(i.dtype), "tType": str(t.dtype), "i": i.tolist(), "t": t.tolist()}))',
  ].join('\n');
  return JSON.parse(execFileSync(PYTHON, ['-c', script, dir], { encoding: 'utf8', maxBuffer: 1 << 28 }));
}

describe('jitconn simulate writes summary.json and the spikes as .npy', () => {
  it('a full run: summary fields, numpy reads the spikes, plain progress lines when not a terminal', () => {
    const out = tempDir();
    const args = [
      'simulate',
      '--neurons',
      '500',
      '--duration',
      '0.3s',
      '--dt',
      '0.5',
      '--seed',
      '7',
      '--out',
      out,
      '--no-plot',
    ];
    const { status, stdout, stderr } = runNode([...POISSON_CLI, ...args]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    // Not a terminal: progress as plain lines, no cursor or colour codes.
    expect(stdout).toMatch(
      /^progress: 300\.0 \/ 300\.0 ms simulated \(100%\), .* steps\/s, .* spikes\/s, ETA/m,
    );
    expect(stdout).not.toContain('\u001b');
    expect(stdout).toContain(`Wrote summary.json, spikes_i.npy, spikes_t.npy to ${out}`);

    const summary = readSummary(out);
    expect(summary).toMatchObject({
      jitconn: (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version,
      model: 'poisson-coba',
      neurons: 500,
      inDegree: 80,
      weightLaw: 'scalar',
      synapses: 40_000,
      jitBytes: 144,
      csrBytes: 40_000 * 8 + 501 * 4,
      seed: 7,
      dtMs: 0.5,
      durationMs: 300,
      simulatedMs: 300,
      steps: 600,
      backend: 'wasm',
      interrupted: false,
    });
    expect(summary.setupSeconds).toBeGreaterThanOrEqual(0);
    expect(summary.runSeconds).toBeGreaterThan(0);
    expect(summary.stepsPerSecond).toBeCloseTo(600 / summary.runSeconds, 3);
    expect(summary.synapticEventsPerSecond).toBeCloseTo(summary.synapticEvents / summary.runSeconds, 0);
    expect(summary.peakResidentBytes).toBeGreaterThan(10 * 2 ** 20);
    // 500 Poisson neurons at 20 Hz for 0.3 s: 3000 spikes expected, sd 55; 8 sd either side.
    expect(summary.spikes).toBeGreaterThan(2560);
    expect(summary.spikes).toBeLessThan(3440);
    expect(summary.meanRateHz).toBeCloseTo(summary.spikes / 500 / 0.3, 9);
    expect(summary.cvIsi).toBeGreaterThan(0.5);

    const spikes = loadWithNumpy(out);
    expect(spikes.iType).toBe('uint32');
    expect(spikes.tType).toBe('float64');
    expect(spikes.i).toHaveLength(summary.spikes);
    expect(spikes.t).toHaveLength(summary.spikes);
    expect(summary.spikeChecksum).toBe(spikeChecksum(spikes, 0.5));
    expect(stdout).toContain(`checksum ${summary.spikeChecksum};`);
    expect(Math.max(...spikes.i)).toBeLessThan(500);
    // Times are multiples of dt in [0, 300), in time order.
    expect(
      spikes.t.every((t, k) => t % 0.5 === 0 && t >= 0 && t < 300 && (k === 0 || t >= spikes.t[k - 1]!)),
    ).toBe(true);
  });

  it('reads 500ms and 0.5s as 500 simulated milliseconds, and writes the pictures unless --no-plot', () => {
    for (const duration of ['500ms', '0.5s']) {
      const out = tempDir();
      const { status } = runNode([
        ...POISSON_CLI,
        'simulate',
        '--neurons',
        '200',
        '--duration',
        duration,
        '--dt',
        '1',
        '--out',
        out,
      ]);
      expect(status).toBe(0);
      expect(readSummary(out).durationMs).toBe(500);
      for (const file of ['raster.png', 'raster.svg', 'rate.png', 'rate.svg'])
        expect(existsSync(join(out, file))).toBe(true);
    }
  });

  it('Ctrl-C stops the run cleanly: exit 130, what was recorded written, the summary marked interrupted', async () => {
    const out = tempDir();
    const args = [
      'simulate',
      '--neurons',
      '300',
      '--duration',
      '100s',
      '--dt',
      '1',
      '--out',
      out,
      '--no-plot',
    ];
    const run = startNode([...POISSON_CLI, ...args], { POISSON_MS_PER_STEP: '2' });
    // Wait until it is simulating (its first plain progress line), then interrupt it.
    await expect.poll(run.output, { timeout: 60_000, interval: 100 }).toMatch(/progress: [1-9]/);
    run.child.kill('SIGINT');
    const { status, stdout } = await run.finished;
    expect(stdout).toContain('Interrupted: stopping after this step');
    expect(status).toBe(130);
    const summary = readSummary(out);
    expect(summary.interrupted).toBe(true);
    expect(summary.simulatedMs).toBeGreaterThan(0);
    expect(summary.simulatedMs).toBeLessThan(100_000);
    expect(summary.steps).toBe(summary.simulatedMs);
    const spikes = loadWithNumpy(out);
    expect(spikes.i).toHaveLength(summary.spikes);
    expect(Math.max(...spikes.t)).toBeLessThan(summary.simulatedMs);
  });

  it('says so when the chosen model is not available, after checking the flags', async () => {
    const program = createProgram({});
    const errors: string[] = [];
    for (const command of program.commands)
      command.configureOutput({ writeErr: (text) => errors.push(text) });
    const run = program.parseAsync(['simulate', '--model', 'cuba', '--no-plot'], { from: 'user' });
    await expect(run).rejects.toBeInstanceOf(CommanderError);
    expect(errors.join('')).toBe('error: the cuba model is not available in this build of jitconn\n');
  });
});
