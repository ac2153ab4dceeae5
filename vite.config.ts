/**
 * Vite and vitest configuration
 * =============================
 * The app is served with cross-origin isolation (COOP/COEP) so that SharedArrayBuffer and
 * threaded wasm work, and with a Content-Security-Policy (in index.html) that forbids any
 * request to another origin. Vitest runs three projects: `unit` (Node: core, io, render, CLI,
 * and WebGPU kernels through the `webgpu` package), `browser` (headless system Chromium) and
 * `e2e` (the built app, driven by Playwright in system Chromium).
 */
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { playwright } from '@vitest/browser-playwright';
import { fileURLToPath } from 'node:url';
import { chromiumPath, CHROMIUM_ARGS } from './scripts/chromium.mjs';

const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};
const alias = { '@': fileURLToPath(new URL('./src', import.meta.url)) };

export default defineConfig({
  plugins: [svelte()],
  // Pre-bundle tfjs up front so the dev server (and vitest browser mode) never re-optimises it
  // mid-run, which breaks already-loaded imports.
  optimizeDeps: {
    include: [
      '@tensorflow/tfjs',
      '@tensorflow/tfjs-core',
      '@tensorflow/tfjs-backend-webgpu',
      '@tensorflow/tfjs-backend-wasm',
      'comlink',
    ],
  },
  resolve: { alias },
  // Worker bundles are left unminified: the minifier renames `_scriptDir` inside tfjs's threaded
  // wasm loader, whose source is re-evaluated in helper threads (RECIPES.md §6).
  worker: { format: 'es', rolldownOptions: { output: { minify: false } } },
  server: { headers: isolationHeaders, host: '127.0.0.1' },
  preview: { headers: isolationHeaders, host: '127.0.0.1' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 8000,
    // The minifier's `compress` step breaks tfjs's threaded wasm workers (RECIPES.md §6).
    rolldownOptions: { output: { minify: { compress: false, mangle: true } } },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/**/*.browser.test.ts', 'test/e2e/**'],
          environment: 'node',
          setupFiles: ['./test/setup-node.ts'],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/**/*.browser.test.ts'],
          testTimeout: 120_000,
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
