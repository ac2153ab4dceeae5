/**
 * End-to-end: the built app in headless system Chromium
 * =====================================================
 * Opens the built app through test/e2e/harness.ts (vite preview, system Chromium) and checks
 * what a user sees: the demo disease drawn with no click, the gene counts, the compute
 * backend, the module panel (LCC significance with the networkx LCC size and the core's z and
 * p, DIAMOnD's first genes as in the core fixture, JSON export with provenance, RWR's null
 * on the backend the header shows (and on the CPU once the header says so), a cancelled
 * long run while the page stays responsive), a malformed file rejected with its file and line
 * while the graph stays, an imported gene set in the picker, and that no request ever leaves
 * the app's origin (pages and workers, including tfjs's wasm binaries). Writes
 * test-results/demo-first-view.png and test-results/module-panel.png.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../../scripts/chromium.mjs';
import type { ModuleResult } from '@/app/analysis-types';
import { loadedNetwork } from '@/app/disease-view';
import { formatEmpiricalP, formatZ } from '@/app/format-stats';
import { runModuleAnalysis } from '@/app/module-analysis';
import { MODULE_DEFAULTS } from '@/app/module-options';
import { importGeneSets, importNetwork, parseGeneTable } from '@/io';
// Expected numbers from networkx: test/fixtures/app/disease_view_counts.py.
import expected from '../fixtures/app/disease-view-counts.json';
// DIAMOnD's order from its formula (exact p-values): scripts/fixtures/gen_core_fixtures.py.
import diamondRa from '../fixtures/core/diamond-ra.json';
import { foreignRequests, openApp, READY, RESULTS, ROOT, type AppHarness } from './harness';

const RA = expected.diseases['arthritis, rheumatoid'];

let app: AppHarness;
let page: Page;

beforeAll(async () => {
  app = await openApp({ port: 4319, profilePrefix: 'twinscreen-e2e-' });
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

/** Picks a module method (the radio itself is hidden behind its segmented-control label). */
async function chooseMethod(method: 'lcc' | 'diamond' | 'rwr') {
  await page.locator('label', { has: page.getByTestId(`method-${method}`) }).click();
  expect(await page.getByTestId(`method-${method}`).isChecked()).toBe(true);
}

/** Chooses a text file in the import panel, as a user picking it from disk. */
async function chooseFile(name: string, text: string) {
  await page.getByTestId('file-input').setInputFiles({
    name,
    mimeType: name.endsWith('.tsv') ? 'text/tab-separated-values' : 'text/plain',
    buffer: Buffer.from(text),
  });
}

/**
 * The same LCC-significance run in Node, on the bundled files read the way the worker reads
 * them: the seeded random sets must give the browser's numbers bit for bit.
 */
async function lccSignificanceInNode(randomSets: number, seed: number): Promise<ModuleResult> {
  const read = (name: string) => new Uint8Array(readFileSync(join(ROOT, 'public/data', name)));
  const geneIndex = await parseGeneTable(read('genes.tsv.gz'), 'genes.tsv.gz');
  const file = 'interactome_menche2015.tsv.gz';
  const network = loadedNetwork(
    { id: 'menche', name: 'Menche 2015 interactome', fileName: file, origin: 'demo' },
    await importNetwork(read(file), file, geneIndex),
  );
  const diseases = 'disease_genes_menche2015.tsv.gz';
  const { sets } = await importGeneSets(read(diseases), diseases, geneIndex);
  const ra = sets.find((set) => set.name === 'arthritis, rheumatoid');
  if (!ra) throw new Error('no rheumatoid arthritis in the Menche gene sets');
  return runModuleAnalysis(
    network,
    { id: 'ra', fileName: diseases, origin: 'demo', ...ra },
    geneIndex,
    { ...MODULE_DEFAULTS, method: 'lcc', randomSets, seed },
    { view: { layout: { iterations: 1 } } },
  );
}

describe.skipIf(!hasChromium())('Twinscreen in Chromium', () => {
  it('opens on rheumatoid arthritis, drawn, with no click', async () => {
    await page.waitForSelector(READY, { timeout: 120_000 });
    const canvas = page.getByTestId('network-canvas');
    expect(Number(await canvas.getAttribute('data-node-count'))).toBe(RA.viewNodes);
    expect(Number(await canvas.getAttribute('data-edge-count'))).toBe(RA.viewEdges);

    await expect
      .poll(() => page.getByTestId('view-title').locator('h2').textContent())
      .toBe('arthritis, rheumatoid');
    expect(await page.getByTestId('genes-given').textContent()).toBe(String(RA.genesGiven));
    expect(await page.getByTestId('genes-in-network').textContent()).toBe(
      String(RA.genesInNetwork),
    );
    expect(await page.getByTestId('lcc-size').textContent()).toBe(String(RA.lccSize));
    const counts = await page.getByTestId('view-counts').innerText();
    expect(counts).toContain(`${RA.genesGiven} genes given`);
    expect(counts).toContain(`${RA.lccSize} in the largest connected component`);

    // Every Menche disease is in the picker, and the demo one is selected.
    expect(await page.getByTestId('disease-count').innerText()).toBe(
      `${expected.diseaseCount} gene sets`,
    );
    await expect
      .poll(() => page.locator('[role="option"][aria-selected="true"]').innerText())
      .toContain('arthritis, rheumatoid');

    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: join(RESULTS, 'demo-first-view.png') });
  });

  it('shows the compute backend the worker chose, and why', async () => {
    const badge = page.getByTestId('backend-badge');
    await expect.poll(() => badge.innerText(), { timeout: 60_000 }).not.toBe('Starting…');
    expect(await badge.innerText()).toMatch(/WebGPU|CPU/);
    expect((await page.getByTestId('backend-reason').innerText()).length).toBeGreaterThan(0);
  });

  it('shows a tooltip on hover and the gene’s details on click', async () => {
    const box = await page.getByTestId('network-canvas').boundingBox();
    if (!box) throw new Error('canvas has no box');
    // Walk a spiral out from the centre of the drawing until the pointer is over a node.
    const centre = { x: box.x + box.width * 0.45, y: box.y + box.height * 0.55 };
    let found: { x: number; y: number } | null = null;
    for (let step = 0; step < 150 && !found; step++) {
      const angle = step * 0.9;
      const radius = 12 * Math.sqrt(step);
      const point = {
        x: centre.x + radius * Math.cos(angle),
        y: centre.y + radius * Math.sin(angle),
      };
      await page.mouse.move(point.x, point.y);
      await page.waitForTimeout(40); // picking runs on the next frame
      if (await page.getByTestId('tooltip').isVisible()) found = point;
    }
    expect(found).not.toBeNull();
    const tooltip = await page.getByTestId('tooltip').innerText();
    expect(tooltip).toMatch(/Degree \d[\d,]* in the interactome/);
    const symbol = tooltip.split('\n')[0].trim();

    await page.mouse.click(found!.x, found!.y);
    await expect.poll(() => page.getByTestId('gene-details').innerText()).toContain(symbol);
    expect(await page.getByTestId('gene-details').innerText()).toMatch(/Degree in the interactome/);
  });

  it('runs LCC significance for RA with R = 100, seed 1: networkx LCC size, z and p shown', async () => {
    await chooseMethod('lcc');
    await page.getByTestId('module-random-sets').fill('100');
    await page.getByTestId('module-seed').fill('1');
    await page.getByTestId('module-run').click();
    const results = page.locator('[data-testid="module-results"][data-method="lcc"]');
    await results.waitFor({ timeout: 60_000 });

    expect(await page.getByTestId('module-lcc-size').textContent()).toBe(String(RA.lccSize));
    // z and p as the same seeded run gives in Node.
    const { lcc } = await lccSignificanceInNode(100, 1);
    expect(lcc.size).toBe(RA.lccSize);
    expect(await page.getByTestId('module-z').textContent()).toBe(formatZ(lcc.z));
    expect(await page.getByTestId('module-p').textContent()).toBe(
      formatEmpiricalP(lcc.pValue, 100),
    );
    expect(await page.getByTestId('module-z').textContent()).toMatch(/^\d+\.\d\d$/);
    const provenance = await page.getByTestId('module-provenance').innerText();
    expect(provenance).toMatch(/Degree-matched \(scDrugPrio bins\)/);
    expect(provenance).toMatch(/R\s=\s100\b/);
    expect(provenance).toMatch(/seed\s1\b/);
    expect(provenance).toMatch(/on the whole\s+Menche 2015 interactome \(13,460\s+genes\)/);
    expect(await results.locator('svg[role="img"]').getAttribute('aria-label')).toBe(
      'LCC sizes of 100 random gene sets',
    );

    // The module table lists the LCC's genes; the graph shows the same nodes, module emphasised.
    expect(await page.getByTestId('module-genes').locator('tbody tr').count()).toBe(RA.lccSize);
    await page.waitForSelector(READY, { timeout: 60_000 });
    const canvas = page.getByTestId('network-canvas');
    expect(Number(await canvas.getAttribute('data-node-count'))).toBe(RA.viewNodes);
    expect(await page.getByTestId('view-module').innerText()).toContain(
      `LCC significance module: ${RA.lccSize} genes`,
    );
  });

  it('runs DIAMOnD (n = 10): the first added gene is the core fixture’s, drawn in its colour', async () => {
    expect(diamondRa.graph).toBe('Menche LCC'); // the app runs on the interactome's LCC too
    await chooseMethod('diamond');
    await page.getByTestId('diamond-n').fill('10');
    await page.getByTestId('module-run').click();
    const results = page.locator('[data-testid="module-results"][data-method="diamond"]');
    await results.waitFor({ timeout: 60_000 });

    const rows = page.getByTestId('diamond-genes').locator('tbody tr');
    expect(await rows.count()).toBe(10);
    const want = diamondRa.paperAlpha1.slice(0, 10).map((entry) => entry.entrez);
    expect(await rows.first().getAttribute('data-key')).toBe(want[0]);
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-key')))).toEqual(
      want,
    );

    // Added genes are drawn (even outside the disease neighbourhood) and named in the legend.
    await page.waitForSelector(READY, { timeout: 60_000 });
    expect(
      Number(await page.getByTestId('network-canvas').getAttribute('data-node-count')),
    ).toBeGreaterThan(RA.viewNodes);
    expect(await page.getByTestId('legend').innerText()).toContain('Gene added by DIAMOnD');
    expect(await page.getByTestId('view-module').innerText()).toContain('10 added');
    const first = rows.first().locator('button.pick');
    const symbol = (await first.innerText()).trim();
    await first.click();
    await expect.poll(() => page.getByTestId('gene-details').innerText()).toContain(symbol);
    expect(await page.getByTestId('gene-details').innerText()).toContain('Gene added by DIAMOnD');

    mkdirSync(RESULTS, { recursive: true });
    await page.setViewportSize({ width: 1440, height: 2400 });
    await page.getByTestId('module-panel').screenshot({ path: join(RESULTS, 'module-panel.png') });
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('exports the result as JSON with its provenance', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('module-export').click(),
    ]);
    expect(download.suggestedFilename()).toBe(
      'twinscreen-module_arthritis-rheumatoid_diamond_R100_seed1.json',
    );
    const path = await download.path();
    const exported = JSON.parse(readFileSync(path, 'utf8'));
    expect(exported.provenance).toMatchObject({
      method: 'diamond',
      nullModel: 'degree-scdrugprio',
      randomSets: 100,
      seed: 1,
      diamond: { iterations: 10, alpha: 1, mode: 'paper' },
      network: {
        name: 'Menche 2015 interactome',
        graph: 'network',
        graphNodes: 13_460,
        lccNodes: 13_329,
      },
      geneSet: { name: 'arthritis, rheumatoid', genesGiven: RA.genesGiven },
    });
    expect(exported.lccSignificance.size).toBe(RA.lccSize);
    expect(exported.lccSignificance.nullSizes).toHaveLength(100);
    expect(exported.diamond.added[0].entrezId).toBe(diamondRa.paperAlpha1[0].entrez);
  });

  it('runs the RWR null where the header says, and says where it ran', async () => {
    const nullEngine = page.getByTestId('module-null-engine');
    const runRwr = async () => {
      await chooseMethod('rwr');
      await page.getByTestId('module-random-sets').fill('20');
      await page.getByTestId('module-run').click();
      await expect
        .poll(() => page.getByTestId('module-status').getAttribute('data-state'), {
          timeout: 120_000,
        })
        .toBe('done');
      await nullEngine.waitFor({ timeout: 10_000 });
    };
    const exportedNullEngine = async () => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('module-export').click(),
      ]);
      return JSON.parse(readFileSync(await download.path(), 'utf8')).provenance.rwr.nullEngine;
    };

    await runRwr();
    const badge = await page.getByTestId('backend-badge').innerText();
    const where = badge === 'WebGPU' ? 'WebGPU' : 'CPU';
    expect(await nullEngine.innerText()).toBe(
      `RWR null on ${where} (float32, tolerance 5 × 10⁻⁸).`,
    );
    // The engine ran on the backend the header shows: same reason, word for word.
    const reason = await page.getByTestId('backend-reason').innerText();
    expect(await nullEngine.getAttribute('title')).toBe(reason);
    expect(await exportedNullEngine()).toMatchObject({
      backend: where.toLowerCase(),
      reason,
      precision: 'float32',
      tolerance: 5e-8,
    });

    // Another choice in the header drives the next run's engine.
    await page.getByTestId('backend-select').selectOption('cpu');
    await expect
      .poll(() => page.getByTestId('backend-reason').innerText(), { timeout: 60_000 })
      .toMatch(/^cpu requested: CPU engine on \d+ threads?$/);
    await runRwr();
    const cpuReason = await page.getByTestId('backend-reason').innerText();
    expect(await nullEngine.innerText()).toMatch(/^RWR null on CPU /);
    expect(await exportedNullEngine()).toMatchObject({ backend: 'cpu', reason: cpuReason });
  });

  it('cancels a long run (R = 100,000) and stays responsive', async () => {
    await chooseMethod('rwr');
    await page.getByTestId('module-random-sets').fill('100000');
    await page.getByTestId('module-run').click();
    const status = page.getByTestId('module-status');
    await expect.poll(() => status.getAttribute('data-state')).toBe('running');
    await page
      .getByRole('status')
      .filter({ hasText: /R = 100,000/ })
      .waitFor({ timeout: 30_000 });

    // While the worker computes, the page answers at once: a frame, and the disease search.
    const frame = await page.evaluate(async () => {
      const start = performance.now();
      await new Promise((resolve) => requestAnimationFrame(resolve));
      return performance.now() - start;
    });
    expect(frame).toBeLessThan(500);
    await page.getByTestId('disease-search').fill('asthma');
    await expect
      .poll(() => page.getByTestId('disease-count').innerText(), { timeout: 2_000 })
      .toMatch(/ of 299$/);
    await page.getByTestId('disease-search').fill('');

    await page.getByTestId('module-cancel').click();
    await expect
      .poll(() => status.getAttribute('data-state'), { timeout: 10_000 })
      .toBe('cancelled');
    expect((await status.innerText()).toLowerCase()).toContain('cancelled');

    // The worker is free again: a short run completes.
    await chooseMethod('lcc');
    await page.getByTestId('module-random-sets').fill('100');
    await page.getByTestId('module-run').click();
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 60_000 }).toBe('done');
    expect(await page.getByTestId('module-lcc-size').textContent()).toBe(String(RA.lccSize));
    await page.waitForSelector(READY, { timeout: 60_000 });
  });

  it('rejects a malformed file with its name and line, and keeps the graph', async () => {
    const canvas = page.getByTestId('network-canvas');
    const nodeCountBefore = await canvas.getAttribute('data-node-count');
    await page.getByTestId('import-kind').selectOption('network');
    await chooseFile(
      'bad-weights.tsv',
      'gene_a\tgene_b\tweight\nTP53\tMDM2\t0.9\nIL6\tSTAT3\tstrong\n',
    );
    const error = page.getByTestId('import-error');
    await error.waitFor({ timeout: 30_000 });
    const text = await error.innerText();
    expect(text).toContain('bad-weights.tsv, line 3');
    expect(text.toLowerCase()).toContain('expected');

    // Nothing loaded before has changed: same graph, same disease, same networks.
    expect(await canvas.getAttribute('data-state')).toBe('ready');
    expect(await canvas.getAttribute('data-node-count')).toBe(nodeCountBefore);
    expect(await page.getByTestId('view-title').locator('h2').textContent()).toBe(
      'arthritis, rheumatoid',
    );
    expect(await page.getByTestId('network-select').locator('option').count()).toBe(1);
    await page.getByTestId('import-kind').selectOption('auto');
  });

  it('adds an imported gene list to the disease picker and draws it', async () => {
    await chooseFile('my-il6-genes.txt', 'IL6\nIL6R\nIL6ST\nJAK1\nJAK2\nSTAT3\nSOCS3\n');
    const entry = page.locator('[data-testid="import-entry"][data-status="ok"]');
    await entry.waitFor({ timeout: 30_000 });
    expect(await entry.getByTestId('import-report').innerText()).toMatch(/Genes mapped\s+7/);

    // The new set is listed (imported sets first) and shown at once.
    const option = page.locator('[role="option"]', { hasText: 'imported' });
    expect(await option.count()).toBe(1);
    await expect
      .poll(() => page.getByTestId('view-title').locator('h2').textContent(), { timeout: 60_000 })
      .not.toBe('arthritis, rheumatoid');
    await page.waitForSelector(READY, { timeout: 60_000 });
    expect(await page.getByTestId('genes-given').textContent()).toBe('7');
    expect(await option.getAttribute('aria-selected')).toBe('true');
  });

  it('lets an imported network become the active interactome', async () => {
    // A path IL6 – IL6R – IL6ST – JAK1 – STAT3 – SOCS3: six of the seven genes just imported
    // (JAK2 is missing), all in one connected component, no other neighbours.
    await chooseFile(
      'il6-path.tsv',
      'gene_a\tgene_b\nIL6\tIL6R\nIL6R\tIL6ST\nIL6ST\tJAK1\nJAK1\tSTAT3\nSTAT3\tSOCS3\n',
    );
    const select = page.getByTestId('network-select');
    await expect.poll(() => select.locator('option').count(), { timeout: 30_000 }).toBe(2);
    // Importing a network does not switch to it on its own …
    expect(await page.getByTestId('lcc-size').textContent()).not.toBe('6');
    // … choosing it does.
    await select.selectOption({ label: 'il6-path.tsv (imported)' });
    await expect
      .poll(() => page.getByTestId('lcc-size').textContent(), { timeout: 60_000 })
      .toBe('6');
    expect(await page.getByTestId('genes-in-network').textContent()).toBe('6');
    await page.waitForSelector(READY, { timeout: 60_000 });
    expect(await page.getByTestId('network-canvas').getAttribute('data-node-count')).toBe('6');
    expect(await page.getByTestId('view-title').innerText()).toContain('il6-path.tsv');
  });

  it('switches tfjs to its WASM backend without fetching anything from elsewhere', async () => {
    await page.getByTestId('backend-select').selectOption('wasm');
    await expect
      .poll(() => page.getByTestId('backend-badge').innerText(), { timeout: 60_000 })
      .toMatch(/WASM|Unavailable/);
    expect(await page.getByTestId('backend-badge').innerText()).toContain('WASM');
    // tfjs fetched its wasm binary, and from this origin (checked for every request below).
    expect(app.requests.some((url) => /\/assets\/tfjs-backend-wasm[-\w]*\.wasm$/.test(url))).toBe(
      true,
    );
  });

  it('never requested anything outside its own origin', () => {
    // The recorder sees the worker's fetches: the demo data is fetched inside the worker.
    expect(app.requests).toContain(`${app.origin}/data/interactome_menche2015.tsv.gz`);
    expect(foreignRequests(app)).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });
});
