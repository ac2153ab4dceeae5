// Dense tables (pandas to_csv of the generator's counts, both orientations) and the
// orientation rule of src/io/single-cell/dense-matrix.ts, one rule at a time.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ImportError } from '@/io/import-error';
import { readDenseMatrix } from '@/io/single-cell/dense-matrix';
import { bundledGeneIndex } from '../io-fixtures';
import { expected, fixturePath, isWellFormed, toDense } from './single-cell-fixtures';

const genesByCells = readFileSync(fixturePath('dense_genes_by_cells.csv'), 'utf8');
const cellsByGenes = readFileSync(fixturePath('dense_cells_by_genes.tsv'), 'utf8');
/** The same table with an empty first header cell, so rule 2 cannot decide. */
const blankCorner = (text: string): string => text.replace(/^[^,\t]*/, '');

describe('readDenseMatrix', () => {
  it.each([
    ['dense_genes_by_cells.csv', genesByCells, 'genes-by-cells'],
    ['dense_cells_by_genes.tsv', cellsByGenes, 'cells-by-genes'],
  ])('reads %s as cells × genes', async (name, text, orientation) => {
    const data = await readDenseMatrix(text, name);
    expect(isWellFormed(data.matrix)).toBe(true);
    expect(toDense(data.matrix)).toEqual(expected.dense.dense);
    expect(data.cellIds).toEqual(expected.dense.barcodes);
    expect(data.geneNames).toEqual(expected.dense.symbols);
    expect(data.report.nonZeros).toBe(expected.dense.nonZeros);
    expect(data.report.matrixSource).toContain(`${orientation}: the first header cell is`);
    expect(data.report.values.isRawCounts).toBe(true);
  });

  it('uses the cell table’s barcodes when the header corner is empty (rule 3)', async () => {
    const data = await readDenseMatrix(blankCorner(cellsByGenes), 'x.tsv', {
      knownBarcodes: expected.dense.barcodes,
    });
    expect(data.report.matrixSource).toBe(
      "x.tsv (cells-by-genes: the row names are the cell table's barcodes)",
    );
    expect(toDense(data.matrix)).toEqual(expected.dense.dense);
  });

  it('uses the gene table (rule 4)', async () => {
    const data = await readDenseMatrix(blankCorner(genesByCells), 'x.csv', {
      geneIndex: await bundledGeneIndex(),
    });
    expect(data.report.matrixSource).toBe(
      'x.csv (genes-by-cells: more row names are genes of the gene table)',
    );
    expect(toDense(data.matrix)).toEqual(expected.dense.dense);
  });

  it('recognises barcode-shaped names (rule 5)', async () => {
    const data = await readDenseMatrix(blankCorner(genesByCells), 'x.csv');
    expect(data.report.matrixSource).toBe(
      'x.csv (genes-by-cells: the header names look like cell barcodes)',
    );
  });

  it('asks for the orientation when nothing decides it, and follows the choice', async () => {
    const text = ',c1,c2\ng1,1,0\ng2,0,3\n';
    await expect(readDenseMatrix(text, 'x.csv')).rejects.toThrow(
      'x.csv: cannot tell whether rows are genes or cells; expected a first header cell "gene" or "cell"',
    );
    const data = await readDenseMatrix(text, 'x.csv', { orientation: 'genes-by-cells' });
    // Rows are genes g1, g2 and columns cells c1, c2: cell c1 = (1, 0), c2 = (0, 3).
    expect(toDense(data.matrix)).toEqual([
      [1, 0],
      [0, 3],
    ]);
    expect(data.cellIds).toEqual(['c1', 'c2']);
  });

  it('reads normalised values as they are', async () => {
    const data = await readDenseMatrix('gene,c1,c2\ng1,0.5,0\ng2,0,1.25\n', 'x.csv');
    expect(data.report.values).toEqual({
      isRawCounts: false,
      min: 0.5,
      max: 1.25,
      nonIntegerCount: 2,
    });
  });

  it.each([
    ['gene,c1,c2\ng1,1,-2\n', 'x.csv, line 2: negative value -2 in column "c2"'],
    ['gene,c1,c2\ng1,1,NaN\n', 'x.csv, line 2: NaN value in column "c2"'],
    ['gene,c1,c2\ng1,1,\n', 'x.csv, line 2: value "" in column "c2"'],
    ['gene,c1,c2\ng1,1,2,3,4\n', 'x.csv, line 2: 5 fields after a header of 3'],
    ['gene,c1,c2\ng1,1,2\ng2,1\n', 'x.csv, line 3: '],
  ])('rejects %j', async (text, message) => {
    const error = await readDenseMatrix(text, 'x.csv').catch((e) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error.message).toContain(message);
  });
});
