import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'build/**', 'node_modules/**', 'docs/api/**', 'jitconn-out/**', 'cli/dist/**', 'web/dist/**', 'src/kernels/assembly/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { languageOptions: { globals: { ...globals.node } } },
  // The demo page and the Web Worker thread platform run in browsers.
  { files: ['web/**/*.ts', 'src/kernels/platform/web.ts'], languageOptions: { globals: { ...globals.browser } } },
  {
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
