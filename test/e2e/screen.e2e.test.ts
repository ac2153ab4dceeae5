/**
 * End-to-end: the "Screen drugs" panel in headless system Chromium
 * ================================================================
 * Opens the built app through test/e2e/harness.ts (vite preview, system Chromium) on the
 * demo (rheumatoid arthritis on the Menche interactome), runs the drug screen in the analysis
 * worker with R = 100, seed 1, proximity + RWR, and checks what a user sees against values
 * computed independently with networkx (test/fixtures/screen/ra-drugcentral.json, made by
 * scripts/fixtures/gen_screen_fixtures.py): tofacitinib's d_c = 1.25 and TYK2's ten nearest
 * module genes at two hops; its paths drawn on the network; the ROC with AUROC, positives and
 * negatives; a TSV export with its provenance; without DEGs, the "direction unknown" statement
 * in the table header, the drug details and the export; a cancelled run; the counteraction of
 * mogamulizumab's target in SAR B cells with the digital cure, and the warning that SAR DEGs
 * are another disease's than the RA module's; and that no request ever left
 * the app's origin. Writes test-results/screen-panel.png (and screen-setup.png,
 * screen-validation.png).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../../scripts/chromium.mjs';
import { DIRECTION_UNKNOWN } from '../../src/core/screen/screen-direction';
import fixture from '../fixtures/screen/ra-drugcentral.json';
import { foreignRequests, openApp, READY, RESULTS, type AppHarness } from './harness';

const TOFACITINIB = fixture.exact.find((drug) => drug.name === 'tofacitinib');
/** The statement as the app's header and details write it (capitalised). */
const DIRECTION_UNKNOWN_SHOWN =
  DIRECTION_UNKNOWN.charAt(0).toUpperCase() + DIRECTION_UNKNOWN.slice(1);
const SAR_WARNING =
  'Warning: DEGs from "seasonal allergic rhinitis" (SAR DEGs, day 3 (Li et al. 2022)) used to screen "arthritis, rheumatoid"';

let app: AppHarness;
let page: Page;

beforeAll(async () => {
  app = await openApp({ port: 4329, profilePrefix: 'twinscreen-screen-e2e-' });
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

/** Sets a number field the way a user does (select all, type). */
async function setNumber(testId: string, value: number): Promise<void> {
  const field = page.getByTestId(testId);
  await field.fill(String(value));
  await field.blur();
}

describe.skipIf(!hasChromium())('Screen drugs panel in Chromium', () => {
  it('screens DrugCentral against rheumatoid arthritis (R = 100, seed 1, proximity + RWR)', async () => {
    if (!TOFACITINIB) throw new Error('fixture lacks tofacitinib');
    await page.waitForSelector(READY, { timeout: 120_000 });
    await page.getByTestId('screen-toggle').click();
    await page.getByTestId('screen-options').waitFor();
    await setNumber('screen-iterations', 100);
    await setNumber('screen-seed', 1);
    expect(await page.getByTestId('screen-method-proximity').isChecked()).toBe(true);
    expect(await page.getByTestId('screen-method-rwr').isChecked()).toBe(true);
    expect(await page.getByTestId('screen-method-cure').isChecked()).toBe(false);
    expect(await page.getByTestId('screen-indication').inputValue()).toBe('rheumatoid arthritis');

    const run = page.getByTestId('screen-run');
    await expect.poll(() => run.isEnabled(), { timeout: 60_000 }).toBe(true);
    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: join(RESULTS, 'screen-setup.png') });
    await run.click();
    await page.waitForSelector('[data-testid="screen-panel"][data-state="done"]', {
      timeout: 170_000,
    });

    // The table: 25 rows a page, best rank first; search finds tofacitinib, a known RA drug.
    const table = page.getByTestId('drug-table');
    await table.waitFor();
    expect(await page.getByTestId('drug-row').count()).toBe(25);
    // No DEGs: the header says the ranking cannot tell treating from aggravating.
    expect(await page.getByTestId('screen-direction').innerText()).toBe(DIRECTION_UNKNOWN_SHOWN);
    expect(await page.getByTestId('filter-candidates').isDisabled()).toBe(true);
    await page.getByTestId('drug-search').fill('tofacitinib');
    const row = page.locator('[data-testid="drug-row"][data-drug="tofacitinib"]');
    await row.waitFor();
    expect(await page.getByTestId('drug-row').count()).toBe(1);
    expect(await row.locator('[data-column="dC"]').innerText()).toBe('1.25');
    expect(await row.innerText()).toContain('known');

    // Its details: the exact d_c of the networkx fixture, and TYK2's nearest module genes.
    await row.locator('button.name').click();
    const details = page.getByTestId('drug-details');
    await details.waitFor();
    expect(await page.getByTestId('drug-name').innerText()).toBe('tofacitinib');
    expect(await page.getByTestId('drug-direction').innerText()).toBe(DIRECTION_UNKNOWN_SHOWN);
    expect(Number(await page.getByTestId('drug-dc').innerText())).toBe(TOFACITINIB.dC);
    const tyk2 = TOFACITINIB.targets.find((target) => target.symbol === 'TYK2');
    if (!tyk2) throw new Error('fixture lacks TYK2');
    await expect
      .poll(() => details.innerText(), { timeout: 30_000 })
      .toContain(`and ${tyk2.nearest.length - 4} more module genes at ${tyk2.distance}`);

    // The paths are drawn over the network, which keeps its own nodes.
    const canvas = page.getByTestId('network-canvas');
    const viewNodes = await canvas.getAttribute('data-node-count');
    await expect
      .poll(async () => Number(await canvas.getAttribute('data-overlay-node-count')), {
        timeout: 30_000,
      })
      .toBeGreaterThanOrEqual(TOFACITINIB.targets.length + 3);
    expect(await canvas.getAttribute('data-node-count')).toBe(viewNodes);
    expect(await page.getByTestId('path-badge').innerText()).toContain('tofacitinib');

    // Validation: the ROC with its AUROC, positives and negatives.
    await page.getByTestId('screen-tab-validation').click();
    await page.getByTestId('screen-roc').waitFor();
    expect(await page.getByTestId('auroc-proximity').innerText()).toMatch(/AUROC\s+0\.\d{3}/);
    expect(await page.getByTestId('auroc-combined').innerText()).toMatch(/AUROC\s+0\.\d{3}/);
    const counts = await page.getByTestId('screen-roc-counts').innerText();
    const [positives, negatives] =
      counts.match(/\d[\d,]*/g)?.map((n) => Number(n.replace(/,/g, ''))) ?? [];
    // Every screened entry is a positive (a member name is a known RA drug) or a negative.
    const entries = Number(
      (await page.getByTestId('screen-tab-drugs').innerText()).replace(/\D/g, ''),
    );
    expect(positives).toBeGreaterThan(10);
    expect(positives).toBeLessThanOrEqual(fixture.validation.indications.length);
    expect(positives + negatives).toBe(entries);
    // By concept (UMLS C0003873): 80, not the 84 of word matching (misoprostol and three
    // proton-pump inhibitors only have "Rheumatoid Arthritis in Patient at High Ulcer Risk").
    expect(await page.getByTestId('screen-validation').innerText()).toContain('80 known drugs');
    expect(await page.getByTestId('screen-validation').innerText()).toContain('C0003873');
    await page.getByTestId('screen-scatter').waitFor();
    await page.screenshot({ path: join(RESULTS, 'screen-validation.png') });

    // Export: a TSV with its provenance, saved from a Blob URL.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('screen-export-tsv').click(),
    ]);
    expect(download.suggestedFilename()).toBe(
      'twinscreen-screen-arthritis-rheumatoid-R100-seed1.tsv',
    );
    const tsv = readFileSync(await download.path(), 'utf8');
    expect(tsv.startsWith('# Twinscreen drug screen')).toBe(true);
    expect(tsv.split('\n')[1]).toBe(`# ${DIRECTION_UNKNOWN}`);
    expect(tsv).toContain('# request.iterations: 100');
    expect(tsv).toContain('# provenance.null.seed: 1');
    expect(tsv).toContain('# module.name: arthritis, rheumatoid');
    const tofacitinibLine = tsv.split('\n').find((line) => line.split('\t')[1] === 'tofacitinib');
    expect(tofacitinibLine?.split('\t')[8]).toBe('1.25'); // d_c, full precision

    // Back to the table for the picture.
    await page.getByTestId('screen-tab-drugs').click();
    await page.getByTestId('drug-search').fill('');
    await table.waitFor();
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(RESULTS, 'screen-panel.png') });
  });

  it('cancels a long screen, keeps the last result and stays responsive', async () => {
    await page.getByTestId('screen-tab-setup').click();
    await setNumber('screen-iterations', 20_000);
    await page.getByTestId('screen-run').click();
    const cancel = page.getByTestId('screen-cancel');
    await cancel.waitFor({ timeout: 30_000 });
    await expect
      .poll(() => page.getByTestId('screen-panel').locator('[role="status"]').innerText(), {
        timeout: 60_000,
      })
      .toMatch(/Proximity/);

    // The page answers while the worker computes.
    const started = Date.now();
    await page.evaluate(() => document.title);
    expect(Date.now() - started).toBeLessThan(1000);

    await cancel.click();
    await page.waitForSelector('[data-testid="screen-panel"][data-state="cancelled"]', {
      timeout: 60_000,
    });
    expect(await page.getByTestId('screen-cancelled').innerText()).toContain('cancelled');
    // The previous result is still there.
    await page.getByTestId('screen-tab-drugs').click();
    expect(await page.getByTestId('drug-row').count()).toBe(25);
  });

  it('adds the counteraction and the digital cure with the bundled SAR DEGs', async () => {
    const expected = fixture.counteraction.find((drug) => drug.name === 'mogamulizumab');
    if (!expected) throw new Error('fixture lacks mogamulizumab');
    const bCells = expected.groups['B cells'];
    await page.getByTestId('screen-tab-setup').click();
    await setNumber('screen-iterations', 100);
    await page.getByTestId('screen-method-cure').check();
    await page.getByTestId('screen-degs').selectOption('bundled');
    await expect
      .poll(() => page.getByTestId('screen-deg-group').locator('option').allInnerTexts())
      .toEqual(['B cells', 'CD8+ T cells', 'Monocytes']);
    await page.getByTestId('screen-deg-group').selectOption('B cells');
    expect(await page.getByTestId('screen-deg-warning').innerText()).toContain(
      'Warning: DEGs from "seasonal allergic rhinitis" used to screen "arthritis, rheumatoid"',
    );
    await page.getByTestId('screen-run').click();
    await page.waitForSelector('[data-testid="screen-panel"][data-state="done"]', {
      timeout: 170_000,
    });
    const direction = await page.getByTestId('screen-direction').innerText();
    expect(direction).toContain('Direction from DEG group "B cells" of SAR DEGs, day 3');
    expect(direction).toContain(SAR_WARNING);
    await page.getByTestId('drug-search').fill('mogamulizumab');
    const row = page.locator('[data-testid="drug-row"][data-drug="mogamulizumab"]');
    await row.waitFor();
    expect(await row.locator('[data-column="counteraction"]').innerText()).toBe(
      `${bCells.counteracting} / ${bCells.mimicking}`,
    );
    expect(await row.locator('[data-column="cureScore"]').innerText()).toMatch(/^−?\d\.\d{3}$/);
    await row.locator('button.name').click();
    await expect
      .poll(() => page.getByTestId('drug-details').innerText())
      .toContain(
        `B cells: ${bCells.counteracting} counteracting, ${bCells.mimicking} mimicking, ${bCells.unknownAction} unknown of ${bCells.targetedDegs} targeted DEGs`,
      );
  });

  it('never requested anything outside its own origin', () => {
    expect(app.requests).toContain(`${app.origin}/data/drug_indications_drugcentral.tsv.gz`);
    expect(foreignRequests(app)).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });
});
