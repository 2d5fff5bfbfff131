import { defineConfig } from 'vite';

/**
 * The demo page. Both the dev server and `vite preview` send the two headers that make the page
 * cross-origin isolated (SharedArrayBuffer, so the library runs on every core); a static host
 * must send them too (see the README).
 */
export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  base: './',
  server: { headers: ISOLATION_HEADERS },
  preview: { headers: ISOLATION_HEADERS },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    rollupOptions: {
      input: { main: 'index.html', check: 'check.html' },
    },
  },
});
