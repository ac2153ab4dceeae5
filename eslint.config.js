// ESLint flat config: recommended rules, Svelte, Prettier compatibility, and the dependency
// rule of the layout (README "Codebase map"): core is pure; ui never reaches gpu or workers.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import { importX } from 'eslint-plugin-import-x';

export default tseslint.config(
  {
    ignores: ['dist/', 'node_modules/', 'test-results/', 'bench-results/', 'public/', 'coverage/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  prettier,
  ...svelte.configs['flat/prettier'],
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    files: ['src/core/**/*.ts'],
    plugins: { 'import-x': importX },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['svelte', 'comlink', 'h5wasm'],
          patterns: ['@tensorflow/*', '@deck.gl/*', 'svelte/*', 'node:*'],
        },
      ],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './src/core',
              from: ['./src/gpu', './src/io', './src/render', './src/app', './src/ui', './workers'],
              message: 'src/core is pure TS: no GPU, I/O, rendering, UI or worker code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/io/**/*.ts', 'src/render/**/*.ts'],
    plugins: { 'import-x': importX },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './src/io',
              from: ['./src/gpu', './src/render', './src/app', './src/ui', './workers'],
            },
            {
              target: './src/render',
              from: ['./src/gpu', './src/io', './src/app', './src/ui', './workers'],
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/ui/**/*'],
    plugins: { 'import-x': importX },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './src/ui',
              from: ['./src/gpu', './workers'],
              message: 'ui talks to app/, not to gpu/ or workers/.',
            },
          ],
        },
      ],
    },
  },
);
