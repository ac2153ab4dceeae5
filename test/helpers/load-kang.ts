/**
 * Test-only loader for the bundled Kang 2018 PBMC subset (public/data/scrna_kang2018_ifnb1k)
 * =========================================================================================
 * Node only (fs + zlib), independent of src/io: a minimal Matrix Market coordinate reader
 * (genes × cells, 1-based, integer counts) and split-on-tab readers for features, barcodes and
 * cells.tsv (cell_id, orig.ident, nCount_RNA, nFeature_RNA, stim, seurat_annotations). Cell types
 * are numbered in ascending name order (as the fixture generator's `sorted(set(...))`),
 * conditions CTRL = 0, STIM = 1. Cached per test file.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import {
  sparseExpressionFromCoo,
  type SparseExpression,
} from '@/core/expression/sparse-expression';

const DIR = fileURLToPath(new URL('../../public/data/scrna_kang2018_ifnb1k/', import.meta.url));

export interface KangData {
  /** Raw counts, cells × genes, gene-major. */
  counts: SparseExpression;
  genes: string[];
  barcodes: string[];
  cellTypes: string[];
  /** Index into cellTypes of each cell. */
  cellType: Uint32Array;
  /** 0 = CTRL, 1 = STIM. */
  condition: Uint32Array;
  /** nCount_RNA of each cell. */
  totalCounts: Float64Array;
}

function lines(name: string): string[] {
  const text = gunzipSync(readFileSync(DIR + name)).toString('utf8');
  return text.split('\n').filter((line) => line.length > 0);
}

let cached: KangData | undefined;

export function loadKang(): KangData {
  if (cached) return cached;
  const mtx = lines('matrix.mtx.gz');
  let at = 0;
  if (!mtx[0].startsWith('%%MatrixMarket matrix coordinate')) {
    throw new Error(`matrix.mtx.gz:1: expected a MatrixMarket coordinate header, got ${mtx[0]}`);
  }
  while (mtx[at].startsWith('%')) at++;
  const [rows, cols, entries] = mtx[at].trim().split(/\s+/).map(Number);
  const genesOf = new Uint32Array(entries);
  const cellsOf = new Uint32Array(entries);
  const values = new Float64Array(entries);
  for (let e = 0; e < entries; e++) {
    const line = mtx[at + 1 + e];
    const fields = line?.split(' ');
    if (!fields || fields.length !== 3) {
      throw new Error(`matrix.mtx.gz:${at + 2 + e}: expected "row col value", got ${line}`);
    }
    genesOf[e] = Number(fields[0]) - 1;
    cellsOf[e] = Number(fields[1]) - 1;
    values[e] = Number(fields[2]);
  }
  const counts = sparseExpressionFromCoo({
    cellCount: cols,
    geneCount: rows,
    cells: cellsOf,
    genes: genesOf,
    values,
  });
  const genes = lines('features.tsv.gz').map((line) => line.split('\t')[0]);
  const barcodes = lines('barcodes.tsv.gz');
  const [header, ...cellRows] = lines('cells.tsv.gz').map((line) => line.split('\t'));
  const typeColumn = header.indexOf('seurat_annotations');
  const stimColumn = header.indexOf('stim');
  const countColumn = header.indexOf('nCount_RNA');
  if (cellRows.length !== cols || genes.length !== rows || barcodes.length !== cols) {
    throw new Error('scrna_kang2018_ifnb1k: matrix, features, barcodes and cells.tsv disagree');
  }
  const cellTypes = [...new Set(cellRows.map((row) => row[typeColumn]))].sort();
  const cellType = Uint32Array.from(cellRows, (row) => cellTypes.indexOf(row[typeColumn]));
  const condition = Uint32Array.from(cellRows, (row, i) => {
    if (row[0] !== barcodes[i]) throw new Error(`cells.tsv.gz:${i + 2}: cell order differs`);
    if (row[stimColumn] === 'CTRL') return 0;
    if (row[stimColumn] === 'STIM') return 1;
    throw new Error(`cells.tsv.gz:${i + 2}: stim is ${row[stimColumn]}, expected CTRL or STIM`);
  });
  const totalCounts = Float64Array.from(cellRows, (row) => Number(row[countColumn]));
  cached = { counts, genes, barcodes, cellTypes, cellType, condition, totalCounts };
  return cached;
}

/** Parsed JSON fixture from test/fixtures/expression. */
export function readExpressionFixture<T>(name: string): T {
  const path = fileURLToPath(new URL(`../fixtures/expression/${name}`, import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}
