/**
 * Drug-screen benchmark in headless Chromium (called by screen.bench.ts)
 * ======================================================================
 * Starts a Vite dev server on this project (COOP/COEP headers from vite.config.ts, so the page
 * is cross-origin isolated and the CPU pool gets SharedArrayBuffer), opens
 * bench/screen-browser.html in the system Chromium with the project's flags
 * (scripts/chromium.mjs: WebGPU on, a SwiftShader software adapter where there is no GPU),
 * hands the page the screen input built in Node and returns the page's timings
 * (screen-browser-page.ts). Throws a clear error when Chromium is missing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { createServer } from 'vite';
import type { ScreenInput } from '@/core/screen/drug-screen';
import { chromiumPath, CHROMIUM_ARGS, hasChromium } from '../scripts/chromium.mjs';
import type { BrowserScreenReport } from './screen-browser-page';
import { encodeScreenInput, type EncodedScreenInput } from './screen-measure';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Waits for the page's `screenBench` (Vite may reload the page once after optimising deps). */
async function openBench(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(
    () => (window as { screenBenchReady?: boolean }).screenBenchReady,
    null,
    {
      timeout: 180_000,
      polling: 250,
    },
  );
}

async function runInPage(page: Page, encoded: EncodedScreenInput): Promise<BrowserScreenReport> {
  return page.evaluate(
    (input) =>
      (
        window as unknown as {
          screenBench: (input: EncodedScreenInput) => Promise<BrowserScreenReport>;
        }
      ).screenBench(input),
    encoded,
  );
}

/** The screen timings of screen-browser-page.ts, in headless Chromium. */
export async function measureScreenInChromium(
  input: ScreenInput,
  log: (line: string) => void,
): Promise<BrowserScreenReport> {
  if (!hasChromium()) {
    throw new Error(
      `screen benchmark: no Chromium at ${chromiumPath()} (install Debian's chromium, or set ` +
        'CHROME_PATH to a Chromium binary); the Chromium figures need it. ' +
        'Run with --node-only for the Node figures alone.',
    );
  }
  const server = await createServer({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    server: { port: 5198, strictPort: false },
  });
  await server.listen();
  const base = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:5198/';
  const profile = mkdtempSync(join(tmpdir(), 'twinscreen-screen-bench-'));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(),
      headless: true,
      args: CHROMIUM_ARGS,
    });
    try {
      const page = await context.newPage();
      page.on('console', (message) => log(`  [chromium] ${message.text()}`));
      page.on('pageerror', (error) => log(`  [chromium] page error: ${error.message}`));
      const url = new URL('bench/screen-browser.html', base).href;
      const encoded = encodeScreenInput(input);
      await openBench(page, url);
      try {
        return await runInPage(page, encoded);
      } catch (error) {
        // A dev-server reload (late dependency optimisation) destroys the page's context: once more.
        if (!/context was destroyed|navigat/i.test(String(error))) throw error;
        log('  [chromium] the page reloaded during the run; running once more');
        await openBench(page, url);
        return await runInPage(page, encoded);
      }
    } finally {
      await context.close();
    }
  } finally {
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
