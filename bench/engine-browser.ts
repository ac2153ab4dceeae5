/**
 * Engine benchmark in headless Chromium: `npx tsx --tsconfig tsconfig.json bench/engine-browser.ts`
 * ==========================================================================================
 * Starts a Vite dev server on this project (COOP/COEP headers from vite.config.ts, so the
 * page is cross-origin isolated and the CPU pool gets SharedArrayBuffer), opens
 * bench/engine-browser.html in the system Chromium with the project's flags (WebGPU on: a
 * SwiftShader software adapter where there is no GPU) and prints the page's tables.
 * Not part of `npm run bench` (it needs Chromium); takes several minutes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { chromiumPath, CHROMIUM_ARGS } from '../scripts/chromium.mjs';

const server = await createServer({ logLevel: 'warn', server: { port: 5199 } });
await server.listen();
const base = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:5199/';
const profile = mkdtempSync(join(tmpdir(), 'twinscreen-bench-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: chromiumPath(),
  headless: true,
  args: CHROMIUM_ARGS,
});
try {
  const page = await context.newPage();
  page.on('console', (message) => console.log(message.text()));
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  await page.goto(new URL('bench/engine-browser.html', base).href);
  await page.waitForFunction(
    () => (window as { engineBenchDone?: boolean }).engineBenchDone,
    null,
    {
      timeout: 0,
      polling: 1000,
    },
  );
  const error = await page.evaluate(
    () => (window as { engineBenchError?: string }).engineBenchError,
  );
  if (error) {
    console.error(error);
    process.exitCode = 1;
  }
} finally {
  await context.close();
  await server.close();
  rmSync(profile, { recursive: true, force: true });
}
