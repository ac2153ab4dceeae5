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
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromiumPath, CHROMIUM_ARGS } from './scripts/chromium.mjs';

const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};
const alias = { '@': fileURLToPath(new URL('./src', import.meta.url)) };

/**
 * The app's version and each bundled data file (path under public/, bytes, SHA-256 of the file
 * as served), compiled in so every export can name the exact data it ran on
 * (src/app/app-provenance.ts). Hashing the ~10 MB takes a few tens of milliseconds.
 */
function bundledDataFiles(): { file: string; bytes: number; sha256: string }[] {
  const root = fileURLToPath(new URL('./public/', import.meta.url));
  return (
    readdirSync(`${root}data`, {
      recursive: true,
      withFileTypes: true,
    }) as import('node:fs').Dirent[]
  )
    .filter((entry) => entry.isFile())
    .map((entry) => `${entry.parentPath ?? entry.path}/${entry.name}`.slice(root.length))
    .sort()
    .map((file) => {
      const bytes = readFileSync(root + file);
      return {
        file,
        bytes: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      };
    });
}
const appVersion = (
  JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

export default defineConfig({
  plugins: [svelte()],
  define: {
    __TWINSCREEN_VERSION__: JSON.stringify(appVersion),
    __BUNDLED_DATA__: JSON.stringify(bundledDataFiles()),
  },
  // Pre-bundle tfjs up front so the dev server (and vitest browser mode) never re-optimises it
  // mid-run, which breaks already-loaded imports.
  optimizeDeps: {
    include: [
      '@tensorflow/tfjs',
      '@tensorflow/tfjs-core',
      '@tensorflow/tfjs-backend-webgpu',
      '@tensorflow/tfjs-backend-wasm',
      'comlink',
      'h5wasm',
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
