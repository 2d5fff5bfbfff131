import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build, createLogger } from 'vite';

const root = path.resolve(import.meta.dirname, '../..');

export interface BuiltSite {
  readonly dir: string;
  /** What Vite warned about (nothing, for a clean build). */
  readonly warnings: string[];
}

/** Builds the demo site (web/) as `npm run web:build` does, into a temporary folder. */
export async function buildSite(): Promise<BuiltSite> {
  const dir = mkdtempSync(path.join(tmpdir(), 'jitconn-web-'));
  const warnings: string[] = [];
  const logger = createLogger('warn');
  logger.warn = (message: string) => void warnings.push(message);
  logger.warnOnce = logger.warn;
  logger.error = (message: string) => void warnings.push(message);
  await build({
    root: path.join(root, 'web'),
    configFile: path.join(root, 'web', 'vite.config.ts'),
    customLogger: logger,
    logLevel: 'warn',
    build: { outDir: dir, emptyOutDir: true },
  });
  return { dir, warnings };
}
