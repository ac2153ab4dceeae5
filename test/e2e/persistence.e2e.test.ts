/**
 * End-to-end: the session kept in the browser and carried in a session file
 * =========================================================================
 * In the built app (test/e2e/harness.ts): import a gene set whose file, set and gene names are
 * markup and script, run LCC significance and a drug screen on it, reload → the same set, view and numbers
 * (restored from IndexedDB, not recomputed); export the session, delete everything stored,
 * reload (the demo again), import the session file → the same view and numbers, and a second
 * export whose inputs and results are byte-identical to the first. A non-zip, a foreign zip
 * and a damaged session file are refused with a clear message and change nothing. Every name
 * is shown as text: no element or dialog comes from them. No request leaves the origin.
 */
import { readFileSync } from 'node:fs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../../scripts/chromium.mjs';
import { readSessionFile } from '@/io/session-file';
import { foreignRequests, openApp, READY, type AppHarness } from './harness';

const SET_NAME = '<script>window.__pwned = 1</script>RA core';
const FILE_NAME = '<img src=x onerror="window.__pwned=2">genes.tsv';
const GENE_FILE = [
  'disease\tgene',
  ...['TNF', 'IL6', 'IL1B', 'CTLA4', 'PTPN22', 'STAT4', 'IRF5', 'TRAF1', 'CD40', 'CCR6'].map(
    (gene) => `${SET_NAME}\t${gene}`,
  ),
  `${SET_NAME}\t<img src=y onerror="window.__pwned=3">`,
  '',
].join('\n');

let app: AppHarness;
let page: Page;
const dialogs: string[] = [];

beforeAll(async () => {
  app = await openApp({ port: 4359, profilePrefix: 'twinscreen-persist-' });
  page = app.page;
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.accept(); // the "Delete everything" confirmation
  });
});

afterAll(async () => {
  await app?.close();
});

/** What the user sees of the session: the set shown, its view and the module's numbers. */
async function shownNumbers() {
  await page.waitForSelector(READY, { timeout: 60_000 });
  await page.locator('[data-testid="module-results"][data-method="lcc"]').waitFor();
  return {
    title: await page.getByTestId('view-title').locator('h2').textContent(),
    nodes: await page.getByTestId('network-canvas').getAttribute('data-node-count'),
    lccSize: await page.getByTestId('module-lcc-size').textContent(),
    z: await page.getByTestId('module-z').textContent(),
    p: await page.getByTestId('module-p').textContent(),
    genes: await page.getByTestId('module-genes').locator('tbody').innerText(),
    module: await page.getByTestId('view-module').innerText(),
    drugs: await page.getByTestId('drug-table').innerText({ timeout: 60_000 }),
  };
}

async function storageReady() {
  await page
    .locator('[data-testid="storage-panel"][data-state="ready"]')
    .waitFor({ timeout: 120_000 });
}

async function saved() {
  await expect
    .poll(() => page.getByTestId('storage-status').innerText(), { timeout: 30_000 })
    .toMatch(/^Saved /);
}

/** Names stayed text: no element, script run or dialog came from them. */
async function expectNoInjection() {
  expect(await page.locator('img[src="x"], img[src="y"]').count()).toBe(0);
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
  ).toBeUndefined();
  expect(dialogs.filter((message) => !message.startsWith('Delete everything'))).toEqual([]);
}

async function exportSession(): Promise<Uint8Array> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('session-export').click(),
  ]);
  return new Uint8Array(readFileSync((await download.path())!));
}

async function importSessionFile(name: string, bytes: Uint8Array) {
  await page.getByTestId('session-file-input').setInputFiles({
    name,
    mimeType: 'application/zip',
    buffer: Buffer.from(bytes),
  });
}

describe.skipIf(!hasChromium())('session kept in the browser and in session files', () => {
  let before: Awaited<ReturnType<typeof shownNumbers>>;
  let exported: Uint8Array;

  it('imports a gene set with markup names, runs LCC significance and a screen on it', async () => {
    await page.waitForSelector(READY, { timeout: 120_000 });
    await storageReady();
    await page.getByTestId('file-input').setInputFiles({
      name: FILE_NAME,
      mimeType: 'text/tab-separated-values',
      buffer: Buffer.from(GENE_FILE),
    });
    await expect
      .poll(() => page.getByTestId('view-title').locator('h2').textContent(), { timeout: 60_000 })
      .toBe(SET_NAME);
    await page.locator('label', { has: page.getByTestId('method-lcc') }).click();
    await page.getByTestId('module-random-sets').fill('100');
    await page.getByTestId('module-seed').fill('3');
    await page.getByTestId('module-run').click();
    await page.locator('[data-testid="module-results"][data-method="lcc"]').waitFor({
      timeout: 60_000,
    });
    // A drug screen of the same set (R = 10, the smallest the form allows, to stay quick).
    await page.getByTestId('screen-toggle').click();
    await page.getByTestId('screen-options').waitFor();
    await page.getByTestId('screen-iterations').fill('10');
    await page.getByTestId('screen-iterations').blur();
    const run = page.getByTestId('screen-run');
    await expect.poll(() => run.isEnabled(), { timeout: 60_000 }).toBe(true);
    await run.click();
    await page.waitForSelector('[data-testid="screen-panel"][data-state="done"]', {
      timeout: 170_000,
    });
    before = await shownNumbers();
    expect(before.drugs).toMatch(/\d/);
    expect(before.title).toBe(SET_NAME);
    expect(Number(before.lccSize)).toBeGreaterThan(1);
    // The names are on the page as text.
    expect(await page.locator('body').innerText()).toContain(SET_NAME);
    await saved();
    const items = page.getByTestId('storage-items');
    expect(await items.innerText()).toContain(FILE_NAME);
    expect(await items.innerText()).toContain('Choices and results');
    await expectNoInjection();
  });

  it('reload → the same set, view and numbers, restored from storage', async () => {
    const usage = await page.getByTestId('storage-usage').innerText();
    const status = await page.getByTestId('storage-status').innerText();
    const started = performance.now();
    await page.reload();
    await storageReady();
    const after = await shownNumbers();
    console.log(
      `persistence: ${status}; ${usage}; reload → restored view in ${Math.round(performance.now() - started)} ms`,
    );
    expect(after).toEqual(before);
    expect(await page.getByTestId('module-random-sets').inputValue()).toBe('100');
    expect(await page.getByTestId('module-seed').inputValue()).toBe('3');
    await expectNoInjection();
  });

  it('exports the session as a twinscreen-session/1 file holding the original bytes', async () => {
    exported = await exportSession();
    console.log(`persistence: ${await page.getByTestId('session-transfer').innerText()}`);
    const content = await readSessionFile(exported, 'exported.zip');
    expect(content.inputs.map((input) => input.fileName)).toEqual([FILE_NAME]);
    expect(new TextDecoder().decode(content.inputs[0].bytes)).toBe(GENE_FILE);
    const state = content.state as {
      results: { moduleResult: { lcc: { nullSizes: Uint32Array; size: number } } };
    };
    expect(state.results.moduleResult.lcc.nullSizes).toBeInstanceOf(Uint32Array);
    expect(state.results.moduleResult.lcc.nullSizes.length).toBe(100);
    expect(String(state.results.moduleResult.lcc.size)).toBe(before.lccSize);
  });

  it('delete everything → reload shows the demo; importing the file gives the same view', async () => {
    await page.getByTestId('storage-delete-all').click();
    await expect.poll(() => page.getByTestId('storage-items').count()).toBe(0);
    const started = performance.now();
    await page.reload();
    await storageReady();
    await page.waitForSelector(READY, { timeout: 60_000 });
    console.log(
      `persistence: baseline, reload with nothing stored → demo view in ${Math.round(performance.now() - started)} ms`,
    );
    expect(await page.getByTestId('view-title').locator('h2').textContent()).toBe(
      'arthritis, rheumatoid',
    );
    expect(await page.locator('[data-testid="module-results"]').count()).toBe(0);

    await importSessionFile('session.twinscreen.zip', exported);
    await expect
      .poll(() => page.getByTestId('storage-message').innerText(), { timeout: 60_000 })
      .toMatch(/^Opened session\.twinscreen\.zip/);
    expect(await shownNumbers()).toEqual(before);
    console.log(`persistence: ${await page.getByTestId('session-transfer').innerText()}`);
    await expectNoInjection();

    // Export again: the same inputs and results, byte for byte (only the manifest's date differs).
    const again = unzipSync(await exportSession());
    const first = unzipSync(exported);
    expect(Object.keys(again)).toEqual(Object.keys(first));
    for (const name of Object.keys(first).filter((entry) => entry !== 'manifest.json')) {
      expect(Buffer.from(again[name]).equals(Buffer.from(first[name])), name).toBe(true);
    }
  });

  it('refuses a non-zip, a foreign zip and a damaged session file, changing nothing', async () => {
    const cases: [string, Uint8Array, RegExp][] = [
      ['notes.zip', strToU8('gene\nTNF\n'), /^notes\.zip: not a Twinscreen session file/],
      [
        'photos.zip',
        zipSync({ 'a.jpg': strToU8('jpeg') }),
        /^photos\.zip: a zip archive, but not a Twinscreen session file/,
      ],
      [
        'damaged.zip',
        (() => {
          const files = unzipSync(exported);
          files['results/state.json'] = strToU8('{"stateVersion":1}');
          return zipSync(files);
        })(),
        /^damaged\.zip: .*results\/state\.json.*(bytes|SHA-256)/,
      ],
    ];
    for (const [name, bytes, message] of cases) {
      await importSessionFile(name, bytes);
      await expect
        .poll(() => page.getByTestId('storage-message').innerText(), { timeout: 30_000 })
        .toMatch(message);
      expect(await shownNumbers()).toEqual(before);
    }
    expect(foreignRequests(app)).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });
});
