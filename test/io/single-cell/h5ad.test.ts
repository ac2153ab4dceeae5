// h5ad files written by Debian's anndata 0.8 (scripts/fixtures/gen_h5ad_fixtures.py): every
// reader path (CSR, dense, CSC with Int64 indices, raw/X with its own var, layers/counts)
// against what anndata.read_h5ad gave back for the same file.
import { describe, expect, it } from 'vitest';
import { ImportError } from '@/io/import-error';
import { inspectH5adPath, readH5adPath } from '@/io/single-cell/h5ad-node';
import type { CellColumn, SingleCellData } from '@/io/single-cell/single-cell-data';
import { bundledGeneIndex } from '../io-fixtures';
import {
  expected,
  fixturePath,
  isWellFormed,
  logNormalise,
  toDense,
  type ExpectedH5ad,
} from './single-cell-fixtures';

function expectMatches(data: SingleCellData, want: ExpectedH5ad): void {
  expect(data.report.cells).toBe(want.cells);
  expect(data.report.genes).toBe(want.genes);
  expect(data.report.nonZeros).toBe(want.nonZeros);
  expect(isWellFormed(data.matrix)).toBe(true);
  const dense = toDense(data.matrix);
  for (let i = 0; i < want.cells; i++) {
    for (let j = 0; j < want.genes; j++) expect(dense[i][j]).toBeCloseTo(want.dense[i][j], 5);
  }
  expect(data.cellIds).toEqual(want.cellIds);
  expect(data.geneIds).toEqual(want.geneIds);
  expect(data.report.values.isRawCounts).toBe(want.isRawCounts);
  for (const [name, column] of Object.entries(want.columns)) {
    const got = data.cellColumns.find((c) => c.name === name) as CellColumn;
    expect(got?.kind, name).toBe(column.kind);
    if (column.kind === 'categorical' && got.kind === 'categorical') {
      expect(got.categories).toEqual(column.categories);
      expect(Array.from(got.codes)).toEqual(column.codes);
    } else if (column.kind === 'string' && got.kind === 'string') {
      expect(got.values).toEqual(column.values);
    } else if (column.kind === 'number' && got.kind === 'number') {
      expect(Array.from(got.values)).toEqual(column.values);
    }
  }
  expect(data.cellColumns.map((c) => c.name).sort()).toEqual(Object.keys(want.columns).sort());
}

describe('readH5adPath', () => {
  it.each(['csr_counts.h5ad', 'dense_counts.h5ad', 'csc_int64.h5ad'])(
    'reads %s as anndata does',
    async (name) => {
      const data = await readH5adPath(fixturePath(name));
      expectMatches(data, expected.h5ad[name]);
      expect(data.report.matrixSource).toBe('X');
      expect(data.report.format).toBe('h5ad');
    },
  );

  it.each([1, 3, 7, 1000])('gives the same matrix for blocks of %i values', async (blockValues) => {
    for (const name of ['csr_counts.h5ad', 'dense_counts.h5ad', 'csc_int64.h5ad']) {
      const data = await readH5adPath(fixturePath(name), { blockValues });
      expect(toDense(data.matrix)).toEqual(expected.h5ad[name].dense);
    }
  });

  it('reports cells, genes, non-zeros and groups per column', async () => {
    const { report } = await readH5adPath(fixturePath('csr_counts.h5ad'));
    const want = expected.h5ad['csr_counts.h5ad'];
    const cellType = want.columns.cell_type as { categories: string[]; codes: number[] };
    expect(report.groups.find((g) => g.column === 'cell_type')).toEqual({
      column: 'cell_type',
      kind: 'categorical',
      groups: new Set(cellType.codes.filter((c) => c >= 0)).size,
      missing: cellType.codes.filter((c) => c < 0).length, // the generator set one to None
    });
    expect(report.groups.find((g) => g.column === 'condition')?.groups).toBe(2);
    expect(report.groups.find((g) => g.column === 'donor')?.groups).toBe(2);
    expect(report.valueNote).toMatch(/^raw counts .*counts per 10,000, then log1p/);
    expect(report.geneNameSource).toBe('var index');
    expect(report.geneMapping).toBeNull();
  });

  it('takes gene names from a chosen var column and maps them through the gene table', async () => {
    const geneIndex = await bundledGeneIndex();
    const data = await readH5adPath(fixturePath('csr_counts.h5ad'), {
      geneNameColumn: 'gene_symbol',
      geneIndex,
    });
    expect(data.geneNames).toEqual(expected.h5ad['csr_counts.h5ad'].geneSymbols);
    expect(data.report.geneNameSource).toBe('var column gene_symbol');
    // 8 real genes (TP53 … TGFB1) and the generator's made-up FAKE1, FAKE2.
    expect(data.report.geneMapping).toEqual({
      mapped: 8,
      ambiguous: 0,
      unmapped: 2,
      unmappedExamples: ['FAKE1', 'FAKE2'],
    });
    expect(data.geneEntrez?.[0]).toBe('7157'); // TP53
  });

  it('reads X, raw/X (with raw/var) and layers/counts of one file, and picks counts by default', async () => {
    const path = fixturePath('raw_layers.h5ad');
    const want = expected.h5ad['raw_layers.h5ad'];
    for (const matrix of ['X', 'raw/X', 'layers/counts'] as const) {
      const data = await readH5adPath(path, { matrix });
      expectMatches(data, want[matrix]);
      expect(data.report.matrixSource).toBe(matrix);
    }
    const auto = await readH5adPath(path);
    expect(auto.report.matrixSource).toBe('layers/counts');
    expect(auto.report.values.isRawCounts).toBe(true);
    const normalised = await readH5adPath(path, { matrix: 'X' });
    expect(normalised.report.values.isRawCounts).toBe(false);
    expect(normalised.report.valueNote).toMatch(/^already normalised .*used as it is/);
    expect(normalised.report.genes).toBe(10);
    expect((await readH5adPath(path, { matrix: 'raw/X' })).report.genes).toBe(12);
  });

  it('reads a log-normalised X that equals log1p(counts per 10,000) of layers/counts', async () => {
    const path = fixturePath('raw_layers.h5ad');
    const counts = toDense((await readH5adPath(path, { matrix: 'layers/counts' })).matrix);
    const normalised = toDense((await readH5adPath(path, { matrix: 'X' })).matrix);
    counts.forEach((row, i) => {
      logNormalise(row).forEach((value, j) => expect(normalised[i][j]).toBeCloseTo(value, 4));
    });
  });

  it('inspects matrices and columns without reading X', async () => {
    const inspection = await inspectH5adPath(fixturePath('raw_layers.h5ad'));
    expect(inspection.matrices.map((m) => [m.path, m.encoding, m.shape])).toEqual([
      ['X', 'csr_matrix', [24, 10]],
      ['raw/X', 'csr_matrix', [24, 12]],
      ['layers/counts', 'csr_matrix', [24, 10]],
    ]);
    expect(inspection.varColumns).toEqual(['gene_symbol']);
    const cellType = inspection.obsColumns.find((c) => c.name === 'cell_type');
    expect(cellType).toEqual({
      name: 'cell_type',
      kind: 'categorical',
      categories: ['B cells', 'CD4 T cells', 'Monocytes'],
    });
    expect(inspection.obsColumns.find((c) => c.name === 'is_doublet')?.categories).toEqual([
      'False',
      'True',
    ]);
  });

  it('reads nullable integer and boolean obs columns and skips an unsupported one', async () => {
    const data = await readH5adPath(fixturePath('nullable_obs.h5ad'));
    const want = expected.h5ad['nullable_obs.h5ad'];
    const batch = data.cellColumns.find((c) => c.name === 'batch_size');
    if (batch?.kind !== 'number') throw new Error('batch_size should be a number column');
    expect(Array.from(batch.values, (v) => (Number.isNaN(v) ? null : v))).toEqual(want.batch_size);
    const passed = data.cellColumns.find((c) => c.name === 'passed_qc');
    if (passed?.kind !== 'categorical') throw new Error('passed_qc should be categorical');
    expect(passed.categories).toEqual(['False', 'True']);
    expect(Array.from(passed.codes)).toEqual(want.passed_qc);
    expect(data.cellColumns.some((c) => c.name === 'embedding')).toBe(false);
    expect(data.report.warnings).toEqual([
      'obs column "embedding" skipped: its encoding is not supported',
    ]);
  });

  it('names the var columns when the chosen one is missing', async () => {
    const error = await readH5adPath(fixturePath('csr_counts.h5ad'), {
      geneNameColumn: 'feature_name',
    }).catch((e) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error.message).toBe(
      'csr_counts.h5ad: no column "feature_name" in var; expected one of the var columns: gene_symbol, or the index',
    );
  });

  it('says which matrices exist when the chosen one does not', async () => {
    await expect(readH5adPath(fixturePath('csr_counts.h5ad'), { matrix: 'raw/X' })).rejects.toThrow(
      'csr_counts.h5ad: no raw/X matrix (present: X)',
    );
  });

  it('keeps what was loaded before when a later file fails, and reads again afterwards', async () => {
    const first = await readH5adPath(fixturePath('csr_counts.h5ad'));
    const before = toDense(first.matrix);
    await expect(readH5adPath(fixturePath('malformed/negative.h5ad'))).rejects.toThrow(ImportError);
    await expect(readH5adPath(fixturePath('malformed/truncated.h5ad'))).rejects.toThrow(
      ImportError,
    );
    expect(toDense(first.matrix)).toEqual(before);
    const again = await readH5adPath(fixturePath('dense_counts.h5ad'));
    expect(toDense(again.matrix)).toEqual(expected.h5ad['dense_counts.h5ad'].dense);
  });
});
