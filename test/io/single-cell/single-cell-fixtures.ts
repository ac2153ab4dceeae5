// Shared access to the single-cell fixtures (scripts/fixtures/gen_h5ad_fixtures.py) and their
// expected values, which the generator read back with anndata.read_h5ad and scipy.io.mmread.
import { openAsBlob, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CellsByGenesMatrix } from '@/io/single-cell/single-cell-data';
import type { NamedSource, TenxFiles } from '@/io/single-cell/mtx';

const FIXTURES = new URL('../../fixtures/single-cell/', import.meta.url);
const DATA = new URL('../../../public/data/', import.meta.url);

export function fixturePath(name: string): string {
  return fileURLToPath(new URL(name, FIXTURES));
}

export function dataPath(name: string): string {
  return fileURLToPath(new URL(name, DATA));
}

export interface ExpectedH5ad {
  matrix: string;
  cells: number;
  genes: number;
  nonZeros: number;
  dense: number[][];
  cellIds: string[];
  geneIds: string[];
  geneSymbols: string[] | null;
  isRawCounts: boolean;
  columns: Record<
    string,
    | { kind: 'categorical'; categories: string[]; codes: number[] }
    | { kind: 'string'; values: string[] }
    | { kind: 'number'; values: number[] }
  >;
}

export interface ExpectedKang {
  cells: number;
  genes: number;
  nonZeros: number;
  typeColumn: string;
  totalsByType: Record<string, number>;
  firstCellTotals: number[];
  entries: { gene: number; cell: number; value: number }[];
  firstGene: string;
  firstBarcode: string;
}

export interface Expected {
  h5ad: Record<string, ExpectedH5ad> & {
    'raw_layers.h5ad': Record<string, ExpectedH5ad>;
    'nullable_obs.h5ad': { batch_size: (number | null)[]; passed_qc: number[] };
  };
  tenx: {
    cells: number;
    genes: number;
    nonZeros: number;
    dense: number[][];
    barcodes: string[];
    geneIds: string[];
    symbols: string[];
    cellTypes: (string | null)[];
    missingBarcodes: string[];
    extraBarcodes: string[];
  };
  dense: {
    cells: number;
    genes: number;
    nonZeros: number;
    dense: number[][];
    barcodes: string[];
    symbols: string[];
  };
  malformed: Record<string, { reader: 'h5ad' | 'mtx'; phrase: string }>;
  kang: Record<string, ExpectedKang>;
}

export const expected = JSON.parse(
  readFileSync(new URL('expected.json', FIXTURES), 'utf8'),
) as Expected;

/** The matrix as rows of numbers (for tiny fixtures). */
export function toDense(matrix: CellsByGenesMatrix): number[][] {
  const rows: number[][] = [];
  for (let i = 0; i < matrix.cellCount; i++) {
    const row = new Array<number>(matrix.geneCount).fill(0);
    for (let k = matrix.rowOffsets[i]; k < matrix.rowOffsets[i + 1]; k++) {
      row[matrix.columnIndices[k]] = matrix.values[k];
    }
    rows.push(row);
  }
  return rows;
}

/** Value of (cell, gene), 0 when not stored. */
export function entry(matrix: CellsByGenesMatrix, cell: number, gene: number): number {
  for (let k = matrix.rowOffsets[cell]; k < matrix.rowOffsets[cell + 1]; k++) {
    if (matrix.columnIndices[k] === gene) return matrix.values[k];
  }
  return 0;
}

/** Checks the CSR invariant: offsets non-decreasing, columns strictly increasing per row. */
export function isWellFormed(matrix: CellsByGenesMatrix): boolean {
  const { rowOffsets, columnIndices } = matrix;
  if (rowOffsets[0] !== 0 || rowOffsets[matrix.cellCount] !== columnIndices.length) return false;
  for (let i = 0; i < matrix.cellCount; i++) {
    if (rowOffsets[i + 1] < rowOffsets[i]) return false;
    for (let k = rowOffsets[i] + 1; k < rowOffsets[i + 1]; k++) {
      if (columnIndices[k] <= columnIndices[k - 1]) return false;
    }
    for (let k = rowOffsets[i]; k < rowOffsets[i + 1]; k++) {
      if (columnIndices[k] >= matrix.geneCount) return false;
    }
  }
  return true;
}

async function named(path: string): Promise<NamedSource> {
  return { source: await openAsBlob(path), fileName: path.split('/').pop() as string };
}

/** A 10x folder as Blobs, the way the CLI hands files to the reader. */
export async function tenxFolder(
  folder: string,
  names: { matrix?: string; features?: string; barcodes?: string; cells?: string | null } = {},
): Promise<TenxFiles> {
  const cells = names.cells === undefined ? 'cells.tsv' : names.cells;
  return {
    matrix: await named(`${folder}/${names.matrix ?? 'matrix.mtx'}`),
    features: await named(`${folder}/${names.features ?? 'features.tsv'}`),
    barcodes: await named(`${folder}/${names.barcodes ?? 'barcodes.tsv'}`),
    cells: cells === null ? null : await named(`${folder}/${cells}`),
  };
}

/** Counts per 10,000 then log1p (test-only reference; normalisation lives in src/core). */
export function logNormalise(row: readonly number[]): number[] {
  const total = row.reduce((sum, value) => sum + value, 0);
  return row.map((value) => (total > 0 ? Math.log1p((value / total) * 1e4) : 0));
}
