/**
 * Single-cell data: what every single-cell reader returns
 * =======================================================
 * The h5ad, 10x MTX and dense-table readers all give the same result: a cells × genes matrix in
 * CSR form plus the names of its rows (cell barcodes) and columns (genes), the per-cell metadata
 * columns, and a report. A cell *is* its row index and a gene its column index (STYLE.md §2.2):
 *
 *   value of gene j in cell i = values[k] for the k in [rowOffsets[i], rowOffsets[i + 1]) with
 *   columnIndices[k] = j, and 0 when there is no such k.
 *
 * Within a row the column indices are strictly increasing (readers sort them and add up
 * repeated entries). `rowOffsets` is a Uint32Array, so a matrix holds at most 2³² − 1 non-zeros
 * (≈ 34 GB of values and indices: far past what a browser tab can hold; readers refuse more
 * with a clear error). Values are Float32: integer counts are exact up to 2²⁴.
 *
 * Raw counts are *detected*, not assumed: `isRawCounts` is true when every stored value is a
 * non-negative integer. Normalisation (counts per 10,000, then log1p) belongs to
 * src/core/expression; the readers only detect and report. Negative, NaN or infinite values are
 * an error: neither counts nor log-normalised expression can hold them.
 */
import type { GeneMappingReport } from './gene-mapping';

/** Cells × genes, CSR. */
export interface CellsByGenesMatrix {
  cellCount: number;
  geneCount: number;
  /** Length cellCount + 1; row i is [rowOffsets[i], rowOffsets[i + 1]). */
  rowOffsets: Uint32Array;
  /** Gene index of each stored value, increasing within a row. */
  columnIndices: Uint32Array;
  values: Float32Array;
}

/**
 * One per-cell metadata column. Categorical codes are indices into `categories`, −1 = missing.
 * Numbers use NaN for missing; strings use ''.
 */
export type CellColumn =
  | { name: string; kind: 'categorical'; codes: Int32Array; categories: string[] }
  | { name: string; kind: 'string'; values: string[] }
  | { name: string; kind: 'number'; values: Float64Array };

export type SingleCellFormat = 'h5ad' | '10x-mtx' | 'dense-table';

/** Which matrix of the file was read: an h5ad path (`X`, `raw/X`, `layers/counts`) or a file. */
export type MatrixSource = string;

/** Summary of the stored values, from which raw counts are detected. */
export interface ValueSummary {
  /** Every stored value is a non-negative integer (so the matrix holds raw counts). */
  isRawCounts: boolean;
  /** Smallest and largest stored value (0 and 0 for an empty matrix). */
  min: number;
  max: number;
  /** Stored values with a fractional part. */
  nonIntegerCount: number;
}

export interface ColumnGroups {
  column: string;
  kind: CellColumn['kind'];
  /** Distinct non-missing values. */
  groups: number;
  /** Cells with no value in this column. */
  missing: number;
}

export interface SingleCellReport {
  /** The file(s) read, e.g. "pbmc.h5ad" or "matrix.mtx.gz, features.tsv.gz, barcodes.tsv.gz". */
  fileName: string;
  format: SingleCellFormat;
  matrixSource: MatrixSource;
  cells: number;
  genes: number;
  nonZeros: number;
  values: ValueSummary;
  /** One line saying how the values will be used, e.g. "raw counts: …". */
  valueNote: string;
  /** Where gene names came from, e.g. "var column feature_name" or "features.tsv column 2". */
  geneNameSource: string;
  /** One entry per cell column. */
  groups: ColumnGroups[];
  /** Genes mapped through the gene table; null when no gene table was given. */
  geneMapping: GeneMappingReport | null;
  /** Repeated (cell, gene) entries that were added up. */
  duplicatesSummed: number;
  warnings: string[];
}

export interface SingleCellData {
  matrix: CellsByGenesMatrix;
  /** Row i's barcode / obs name. */
  cellIds: string[];
  /** Gene identifiers as stored (var index, features.tsv column 1, the table's gene names). */
  geneIds: string[];
  /** Gene names used for mapping and display (the chosen var column; otherwise = geneIds). */
  geneNames: string[];
  cellColumns: CellColumn[];
  /** Entrez ID of gene j through the gene table, or null; null without a gene table. */
  geneEntrez: (string | null)[] | null;
  report: SingleCellReport;
}

/** Counts per 10,000 and log1p, as scanpy's normalize_total + log1p and Seurat's LogNormalize. */
export const NORMALISATION_NOTE = 'counts per 10,000, then log1p (as scanpy and Seurat do)';

/** The sentence the UI shows for the choice made on the values. */
export function describeValues(values: ValueSummary): string {
  if (values.isRawCounts) {
    return `raw counts (every value a non-negative integer, max ${values.max}): will be log-normalised, ${NORMALISATION_NOTE}`;
  }
  return `already normalised (${values.nonIntegerCount} non-integer values, range ${round(values.min)}–${round(values.max)}): used as it is`;
}

/** Groups per column, for the report. */
export function summariseColumns(columns: readonly CellColumn[]): ColumnGroups[] {
  return columns.map((column) => {
    if (column.kind === 'categorical') {
      const seen = new Uint8Array(column.categories.length);
      let missing = 0;
      for (const code of column.codes) {
        if (code < 0) missing++;
        else seen[code] = 1;
      }
      const groups = seen.reduce((sum, flag) => sum + flag, 0);
      return { column: column.name, kind: column.kind, groups, missing };
    }
    if (column.kind === 'number') {
      const distinct = new Set<number>();
      let missing = 0;
      for (const value of column.values) {
        if (Number.isNaN(value)) missing++;
        else distinct.add(value);
      }
      return { column: column.name, kind: column.kind, groups: distinct.size, missing };
    }
    const distinct = new Set<string>();
    let missing = 0;
    for (const value of column.values) {
      if (value === '') missing++;
      else distinct.add(value);
    }
    return { column: column.name, kind: column.kind, groups: distinct.size, missing };
  });
}

function round(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toPrecision(4);
}
