/**
 * End-to-end harness: the built app in headless system Chromium
 * =============================================================
 * What every e2e file needs before its first check: dist/ served by `vite preview` (built first
 * when missing), a fresh Chromium profile launched with the repo's flags (scripts/chromium.mjs),
 * one page on the app, every request the page, the context and the workers make recorded, and
 * every uncaught page error collected. `foreignRequests` lists the requests that left the app's
 * origin, the one check each e2e file ends with.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.mjs';

export const ROOT = resolve(import.meta.dirname, '../..');
/** Where the e2e files write their screenshots. */
export const RESULTS = join(ROOT, 'test-results');
/** The network canvas once its layout is drawn. */
export const READY = '[data-testid="network-canvas"][data-state="ready"]';

export interface AppHarnessOptions {
  /** First port tried by `vite preview` (the next free one is taken when busy). */
  port: number;
  /** Prefix of the temporary Chromium profile folder. */
  profilePrefix: string;
}

export interface AppHarness {
  readonly server: PreviewServer;
  readonly context: BrowserContext;
  readonly page: Page;
  /** The app's URL and origin (`http://127.0.0.1:PORT`). */
  readonly url: string;
  readonly origin: string;
  /** Every URL requested so far, by pages, the context and workers (a worker's own script too). */
  readonly requests: string[];
  /** Messages of uncaught errors in the page. */
  readonly pageErrors: string[];
  /** Closes the browser and the server and deletes the profile. */
  close(): Promise<void>;
}

/** Serves dist/, launches Chromium at 1440×900 and opens the app. */
export async function openApp(options: AppHarnessOptions): Promise<AppHarness> {
  if (!existsSync(join(ROOT, 'dist', 'index.html'))) {
    await build({ root: ROOT, logLevel: 'warn' });
  }
  const server = await preview({
    root: ROOT,
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port: options.port, strictPort: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a local URL');

  const userDataDir = mkdtempSync(join(tmpdir(), options.profilePrefix));
  const context = await chromium
    .launchPersistentContext(userDataDir, {
      executablePath: chromiumPath(),
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1440, height: 900 },
      acceptDownloads: true,
    })
    .catch(async (error: unknown) => {
      await server.close();
      rmSync(userDataDir, { recursive: true, force: true });
      throw error;
    });
  const requests: string[] = [];
  const pageErrors: string[] = [];
  // Both listeners: the context sees every page; the page also reports its workers' fetches.
  context.on('request', (request) => requests.push(request.url()));
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('request', (request) => requests.push(request.url()));
  page.on('worker', (worker) => requests.push(worker.url()));
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(url);

  return {
    server,
    context,
    page,
    url,
    origin: new URL(url).origin,
    requests,
    pageErrors,
    async close() {
      await context.close();
      await server.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The recorded requests that went to another origin (`data:` URLs never leave the page). */
export function foreignRequests(app: AppHarness): string[] {
  return app.requests.filter((url) => {
    if (url.startsWith('data:')) return false;
    return new URL(url.startsWith('blob:') ? url.slice(5) : url).origin !== app.origin;
  });
}
