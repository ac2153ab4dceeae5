// 10x MTX folders: the generator's tiny folder (cells.tsv with a missing and an extra barcode)
// and the bundled Kang 2018 subsets, against scipy.io.mmread (expected.json).
import { describe, expect, it } from 'vitest';
import { ImportError } from '@/io/import-error';
import { CONDITION, MISSING_LABEL, resolveCellAnnotation } from '@/io/single-cell/cell-metadata';
import { matchTenxNames, readTenx } from '@/io/single-cell/mtx';
import { readTenxFolder } from '@/io/single-cell/tenx-node';
import { bundledGeneIndex } from '../io-fixtures';
import {
  dataPath,
  entry,
  expected,
  fixturePath,
  isWellFormed,
  tenxFolder,
  toDense,
} from './single-cell-fixtures';

describe('readTenx on the generator folder', () => {
  it('transposes genes × cells to cells × genes and joins the cell table by barcode', async () => {
    const data = await readTenx(await tenxFolder(fixturePath('tenx')));
    const want = expected.tenx;
    expect(isWellFormed(data.matrix)).toBe(true);
    expect(toDense(data.matrix)).toEqual(want.dense);
    expect(data.report.nonZeros).toBe(want.nonZeros);
    expect(data.cellIds).toEqual(want.barcodes);
    expect(data.geneIds).toEqual(want.geneIds);
    // Column 1 holds Ensembl IDs, so the names come from column 2 (the Cell Ranger layout).
    expect(data.geneNames).toEqual(want.symbols);
    expect(data.report.geneNameSource).toBe('features.tsv column 2');
    expect(data.report.values.isRawCounts).toBe(true);
    const cellType = data.cellColumns.find((c) => c.name === 'cell_type');
    if (cellType?.kind !== 'categorical') throw new Error('cell_type should be categorical');
    expect(
      Array.from(cellType.codes, (code) => (code < 0 ? null : cellType.categories[code])),
    ).toEqual(want.cellTypes);
    expect(data.cellColumns.find((c) => c.name === 'n_counts')?.kind).toBe('number');
    expect(data.report.warnings).toEqual([
      `1 cells have no row in cells.tsv (e.g. ${want.missingBarcodes[0]}); their metadata is missing`,
      `1 rows of cells.tsv name barcodes not in barcodes.tsv (e.g. ${want.extraBarcodes[0]}); skipped`,
    ]);
    expect(data.report.fileName).toBe('matrix.mtx, features.tsv, barcodes.tsv, cells.tsv');
  });

  it('takes gene names from a chosen features column', async () => {
    const data = await readTenx(await tenxFolder(fixturePath('tenx')), { geneNameColumn: 1 });
    expect(data.geneNames).toEqual(expected.tenx.geneIds);
    await expect(
      readTenx(await tenxFolder(fixturePath('tenx')), { geneNameColumn: 4 }),
    ).rejects.toThrow('features.tsv: no column 4 for gene names; expected a column from 1 to 3');
  });
});

describe.each(Object.entries(expected.kang))('readTenx on public/data/%s', (name, want) => {
  const read = async () => {
    const folder = dataPath(name);
    const cells = name === 'scrna_kang2018_ifnb1k' ? 'cells.tsv.gz' : 'cells.tsv';
    return readTenx(
      await tenxFolder(folder, {
        matrix: 'matrix.mtx.gz',
        features: 'features.tsv.gz',
        barcodes: 'barcodes.tsv.gz',
        cells,
      }),
      { geneIndex: await bundledGeneIndex() },
    );
  };

  it('matches scipy.io.mmread: cells, genes, non-zeros, entries, totals per cell type', async () => {
    const data = await read();
    expect(data.report.cells).toBe(want.cells);
    expect(data.report.genes).toBe(want.genes);
    expect(data.report.nonZeros).toBe(want.nonZeros);
    expect(data.geneNames[0]).toBe(want.firstGene);
    expect(data.cellIds[0]).toBe(want.firstBarcode);
    expect(isWellFormed(data.matrix)).toBe(true);
    for (const { gene, cell, value } of want.entries)
      expect(entry(data.matrix, cell, gene)).toBe(value);
    const { rowOffsets, values } = data.matrix;
    const cellTotal = (i: number): number => {
      let sum = 0;
      for (let k = rowOffsets[i]; k < rowOffsets[i + 1]; k++) sum += values[k];
      return sum;
    };
    expect([0, 1, 2, 3, 4].map(cellTotal)).toEqual(want.firstCellTotals);
    const types = data.cellColumns.find((c) => c.name === want.typeColumn);
    if (types?.kind !== 'categorical') throw new Error(`${want.typeColumn} should be categorical`);
    const totals: Record<string, number> = {};
    for (let i = 0; i < data.matrix.cellCount; i++) {
      const type = types.categories[types.codes[i]];
      totals[type] = (totals[type] ?? 0) + cellTotal(i);
    }
    expect(totals).toEqual(want.totalsByType);
    expect(data.report.values.isRawCounts).toBe(true);
    expect(data.report.warnings).toEqual([]);
    const mapping = data.report.geneMapping!;
    expect(mapping.mapped + mapping.ambiguous + mapping.unmapped).toBe(want.genes);
    expect(mapping.mapped).toBeGreaterThan(want.genes * 0.6);
  });
});

describe('resolveCellAnnotation on the muscat subset', () => {
  it('resolves the cell columns the user picks into labels', async () => {
    const data = await readTenx(
      await tenxFolder(dataPath('scrna_kang2018_muscat'), {
        matrix: 'matrix.mtx.gz',
        features: 'features.tsv.gz',
        barcodes: 'barcodes.tsv.gz',
      }),
    );
    const annotation = resolveCellAnnotation(
      data,
      {
        cellType: 'cluster_id',
        condition: 'group_id',
        caseValues: ['stim'],
        controlValues: ['ctrl'],
        donor: 'sample_id',
      },
      'cells.tsv',
    );
    // SOURCES.md: ctrl 750 / stim 806; B cells 298, CD14+ Monocytes 400, CD4 T cells 400,
    // CD8 T cells 209, FCGR3A+ Monocytes 249.
    expect([annotation.caseCells, annotation.controlCells, annotation.neitherCells]).toEqual([
      806, 750, 0,
    ]);
    expect(annotation.cellType.names).toEqual([
      'B cells',
      'CD4 T cells', // categories in natural order: CD4 before CD14
      'CD8 T cells',
      'CD14+ Monocytes',
      'FCGR3A+ Monocytes',
    ]);
    expect(annotation.cellType.counts).toEqual([298, 400, 209, 400, 249]);
    expect(annotation.donor?.names).toEqual(['ctrl101', 'ctrl107', 'stim101', 'stim107']);
    expect(annotation.cellType.labels.includes(MISSING_LABEL)).toBe(false);
    expect(annotation.condition.every((c) => c !== CONDITION.neither)).toBe(true);
    expect(annotation.tissue).toBeNull();

    expect(() =>
      resolveCellAnnotation(
        data,
        {
          cellType: 'celltype',
          condition: 'group_id',
          caseValues: ['stim'],
          controlValues: ['ctrl'],
        },
        'cells.tsv',
      ),
    ).toThrow(
      'cells.tsv: no cell column "celltype" (chosen as cell type); expected one of the cell columns: cluster_id, sample_id, group_id',
    );
    const error = (() => {
      try {
        resolveCellAnnotation(
          data,
          {
            cellType: 'cluster_id',
            condition: 'group_id',
            caseValues: ['IFN'],
            controlValues: ['ctrl'],
          },
          'cells.tsv',
        );
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toBe(
      'cells.tsv: case value "IFN" does not occur in column "group_id"; expected values of that column: ctrl, stim',
    );
  });
});

describe('10x folders by file name', () => {
  it('finds Cell Ranger names, gzipped or not, with a prefix, and a cell table', () => {
    expect(
      matchTenxNames(
        ['GSM1_barcodes.tsv.gz', 'GSM1_genes.tsv.gz', 'GSM1_matrix.mtx.gz', 'README.txt'],
        'GSM1/',
      ),
    ).toEqual({
      matrix: 'GSM1_matrix.mtx.gz',
      features: 'GSM1_genes.tsv.gz',
      barcodes: 'GSM1_barcodes.tsv.gz',
      cells: null,
    });
    expect(() => matchTenxNames(['matrix.mtx', 'cells.tsv'], 'run/')).toThrow(
      'run/: no features.tsv[.gz] or genes.tsv[.gz], no barcodes.tsv[.gz] among 2 files; expected a 10x folder',
    );
  });

  it('reads a folder from disk as the CLI will', async () => {
    const data = await readTenxFolder(dataPath('scrna_kang2018_ifnb1k'));
    const want = expected.kang.scrna_kang2018_ifnb1k;
    expect([data.report.cells, data.report.genes, data.report.nonZeros]).toEqual([
      want.cells,
      want.genes,
      want.nonZeros,
    ]);
    expect(data.cellColumns.map((c) => c.name)).toContain('seurat_annotations');
  });
});
