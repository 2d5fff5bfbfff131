import { createRequire } from 'node:module';

/** The version of the jitconn library this program runs (what summary.json and --version report). */
export const VERSION: string = (createRequire(import.meta.url)('jitconn/package.json') as { version: string })
  .version;
