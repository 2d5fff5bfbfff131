import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vitest/config';

const src = fileURLToPath(new URL('./src/', import.meta.url));
const nodePlatform = fileURLToPath(new URL('./src/kernels/platform/node.ts', import.meta.url));

/**
 * The tests run the sources: there the thread platform (package.json `imports` `#platform`, which
 * point into dist/) is the Node one's source. The built package, imported as 'jitconn', keeps its own.
 */
const sourcePlatform: Plugin = {
  name: 'jitconn-source-platform',
  enforce: 'pre',
  resolveId(id, importer) {
    return id === '#platform' && importer?.startsWith(src) ? nodePlatform : null;
  },
};

export default defineConfig({
  plugins: [sourcePlatform],
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
