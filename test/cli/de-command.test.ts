import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readExpressionFixture } from '../helpers/load-kang';
import { expectFailure, readLines, REPO_ROOT, runCli, runJson, scratchDir } from './run-cli';

const scratch = scratchDir('twinscreen-de-');

const KANG = 'public/data/scrna_kang2018_ifnb1k';
const MUSCAT = 'public/data/scrna_kang2018_muscat';
const KANG_ARGS = [
  'de',
  '--mtx',
  KANG,
  '--cell-type',
  'seurat_annotations',
  '--condition',
  'stim',
  '--case',
  'STIM',
  '--control',
  'CTRL',
];
const MUSCAT_ARGS = [
  'de',
  '--mtx',
  MUSCAT,
  '--cells',
  `${MUSCAT}/cells.tsv`,
  '--cell-type',
  'cluster_id',
  '--condition',
  'group_id',
  '--case',
  'stim',
  '--control',
  'ctrl',
];

interface Fixture {
  comparisons: {
    cellType: string;
    caseCount: number;
    controlCount: number;
    tested: number[];
    genes: number[];
    p: (number | null)[];
    q: (number | null)[];
    log2fc: number[];
    pctCase: number[];
    pctControl: number[];
  }[];
}

interface DeJson {
  comparisons: {
    cell_type: string;
    comparison: string;
    donor: string | null;
    caseCells: number;
    controlCells: number;
    tested: number;
  }[];
  rows: {
    cell_type: string;
    comparison: string;
    donor: string | null;
    gene_id: string;
    p: number;
    q: number;
    log2fc: number;
    pct_case: number;
    pct_control: number;
  }[];
  provenance: { inputs: { role: string; file: string }[] };
}

/** features.tsv.gz column 1, in matrix order (the fixture's gene indices). */
function kangGeneIds(): string[] {
  const text = gunzipSync(readFileSync(join(REPO_ROOT, KANG, 'features.tsv.gz'))).toString();
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.split('\t')[0]);
}

describe('twinscreen de', () => {
  it('gives scipy’s p, BH q, log2FC and detection on the bundled Kang MTX', async () => {
    // Expected: scripts/fixtures/gen_de_fixtures.py (scipy mannwhitneyu asymptotic, BH, Seurat
    // log2FC) on the same files, read independently of src/io.
    const fixture = readExpressionFixture<Fixture>('kang-de.json');
    const ids = kangGeneIds();
    const out = join(scratch, 'kang.json');
    const run = await runCli([...KANG_ARGS, '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(readFileSync(out, 'utf8')) as DeJson;
    expect(result.comparisons.map((c) => c.cell_type).sort()).toEqual(
      fixture.comparisons.map((c) => c.cellType).sort(),
    );
    let checked = 0;
    for (const expected of fixture.comparisons) {
      const summary = result.comparisons.find((c) => c.cell_type === expected.cellType);
      expect(summary?.caseCells).toBe(expected.caseCount);
      expect(summary?.controlCells).toBe(expected.controlCount);
      expect(summary?.tested).toBe(expected.tested.length);
      const rows = new Map(
        result.rows.filter((r) => r.cell_type === expected.cellType).map((r) => [r.gene_id, r]),
      );
      // The first ten fixture genes with a p (the fixture's sample of tested genes).
      let taken = 0;
      expected.genes.forEach((gene, i) => {
        const p = expected.p[i];
        if (p === null || taken >= 10) return;
        taken++;
        const row = rows.get(ids[gene]);
        expect(row, `${expected.cellType} ${ids[gene]}`).toBeDefined();
        if (!row) return;
        expect(Math.abs(row.p - p) / p).toBeLessThan(1e-9);
        expect(
          Math.abs(row.q - (expected.q[i] as number)) / (expected.q[i] as number),
        ).toBeLessThan(1e-9);
        expect(row.log2fc).toBeCloseTo(expected.log2fc[i], 9);
        expect(row.pct_case).toBeCloseTo(expected.pctCase[i], 12);
        expect(row.pct_control).toBeCloseTo(expected.pctControl[i], 12);
        checked++;
      });
    }
    expect(checked).toBeGreaterThanOrEqual(50);
    expect(result.provenance.inputs.map((input) => input.role)).toContain('mtx');
    expect(result.provenance.inputs.map((input) => input.role)).toContain('cells');
  });

  it('writes the TSV columns, rows p-ascending within a comparison', async () => {
    const out = join(scratch, 'kang.tsv');
    const run = await runCli([...KANG_ARGS, '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const [header, ...lines] = readLines(out);
    const columns = header.split('\t');
    for (const name of ['cell_type', 'comparison', 'gene', 'p', 'q', 'log2fc', 'pct_case']) {
      expect(columns).toContain(name);
    }
    expect(columns).toContain('pct_control');
    const rows = lines.map((line) => line.split('\t'));
    const pAt = columns.indexOf('p');
    const typeAt = columns.indexOf('cell_type');
    for (let i = 1; i < rows.length; i++) {
      if (rows[i][typeAt] !== rows[i - 1][typeAt]) continue;
      expect(Number(rows[i][pAt])).toBeGreaterThanOrEqual(Number(rows[i - 1][pAt]));
    }
  });

  it('adds one comparison per case donor against the pooled controls with --donor (muscat)', async () => {
    const result = await runJson<DeJson>([...MUSCAT_ARGS, '--donor', 'sample_id']);
    const bCells = result.comparisons.filter((c) => c.cell_type === 'B cells');
    // cells.tsv: B cells ctrl101 100, ctrl107 44, stim101 100, stim107 54.
    expect(bCells.map((c) => [c.donor, c.caseCells, c.controlCells])).toEqual([
      [null, 154, 144],
      ['stim101', 100, 144],
      ['stim107', 54, 144],
    ]);
    expect(result.comparisons).toHaveLength(5 * 3);
    const pooled = await runJson<DeJson>(MUSCAT_ARGS);
    expect(pooled.comparisons).toHaveLength(5);
    // The pooled comparison does not depend on splitting the groups by donor.
    const key = (r: DeJson['rows'][number]) => `${r.cell_type}\t${r.gene_id}`;
    const withDonor = new Map(result.rows.filter((r) => r.donor === null).map((r) => [key(r), r]));
    expect(withDonor.size).toBe(pooled.rows.length);
    for (const row of pooled.rows) expect(withDonor.get(key(row))?.p).toBe(row.p);
  });

  it('reads an h5ad file and matches scipy on it (gen_twin_h5ad_de.py)', async () => {
    const expected = JSON.parse(
      readFileSync(join(REPO_ROOT, 'test/fixtures/twin/h5ad-de.json'), 'utf8'),
    ) as { rows: (Omit<DeJson['rows'][number], 'comparison' | 'donor'> & { n_case: number })[] };
    const result = await runJson<DeJson>([
      'de',
      '--h5ad',
      'test/fixtures/single-cell/csr_counts.h5ad',
      '--cell-type',
      'cell_type',
      '--condition',
      'condition',
      '--case',
      'stim',
      '--control',
      'ctrl',
    ]);
    // B cells: 2 case and 2 control cells, below --min-cells 3: not tested.
    expect(result.comparisons.find((c) => c.cell_type === 'B cells')?.tested).toBe(0);
    const key = (r: { cell_type: string; gene_id: string }) => `${r.cell_type}\t${r.gene_id}`;
    expect(result.rows.map(key).sort()).toEqual(expected.rows.map(key).sort());
    const byKey = new Map(result.rows.map((r) => [key(r), r]));
    for (const row of expected.rows) {
      const actual = byKey.get(key(row)) as DeJson['rows'][number];
      expect(Math.abs(actual.p - row.p) / row.p).toBeLessThan(1e-9);
      expect(Math.abs(actual.q - row.q) / row.q).toBeLessThan(1e-9);
      expect(actual.log2fc).toBeCloseTo(row.log2fc, 12);
      expect(actual.pct_case).toBe(row.pct_case);
      expect(actual.pct_control).toBe(row.pct_control);
    }
    expect(result.provenance.inputs.map((input) => input.role)).toContain('h5ad');
  });

  it('names a missing column, an unknown value and a missing flag', async () => {
    expectFailure(
      await runCli([...KANG_ARGS.slice(0, 4), 'celltype', ...KANG_ARGS.slice(5)]),
      1,
      'no cell column "celltype"',
      'seurat_annotations',
    );
    expectFailure(
      await runCli([...KANG_ARGS.slice(0, 8), 'STIMULATED', ...KANG_ARGS.slice(9)]),
      1,
      'case value "STIMULATED" does not occur in column "stim"',
    );
    expectFailure(await runCli(KANG_ARGS.slice(0, 5)), 2, '--condition COL is needed');
    expectFailure(
      await runCli(['de', '--mtx', KANG, '--h5ad', 'x.h5ad']),
      2,
      'exactly one of --h5ad FILE or --mtx DIR',
    );
  });
});
