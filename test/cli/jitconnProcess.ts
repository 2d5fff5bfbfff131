import { spawn, spawnSync } from 'node:child_process';

/** The built program, run as a user runs it. */
export const MAIN = 'cli/dist/main.js';
/** The program with Poisson stand-ins for the models (see fixtures/poissonCli.ts). */
export const POISSON_CLI = ['--import', 'tsx', 'test/cli/fixtures/poissonCli.ts'];

export interface Finished {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run `node ...args` to the end and return its exit status and output. */
export function runNode(args: readonly string[], env: NodeJS.ProcessEnv = {}): Finished {
  const result = spawnSync(process.execPath, args, {
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `jitconn ...args` from the built package. */
export function jitconn(...args: string[]): Finished {
  return runNode([MAIN, ...args]);
}

/** Start `node ...args` and hand back the child and a promise of how it ended. */
export function startNode(args: readonly string[], env: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const finished = new Promise<Finished>((resolve) =>
    child.on('close', (status) => resolve({ status, stdout, stderr })),
  );
  return { child, finished, output: () => stdout };
}
