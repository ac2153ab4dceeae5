/**
 * Dense expression table reader (CSV/TSV, genes × cells or cells × genes)
 * =======================================================================
 * A header row of column names, then one row per gene (or per cell) with its name in the first
 * column and one number per column: what `write.csv(as.matrix(counts))` in R or
 * `adata.to_df().to_csv()` in Python writes. Streamed row by row (gzip or not); only the
 * non-zeros are kept.
 *
 * Orientation, decided once from the header and the first 50 rows (the first rule that
 * decides wins):
 *   1. `orientation` given by the caller;
 *   2. the header's first cell names the rows: gene/symbol/feature/… → genes × cells,
 *      cell/barcode/… → cells × genes;
 *   3. `knownBarcodes` given (e.g. from the cell metadata table): the side (header names or
 *      row names) with more known barcodes holds the cells;
 *   4. `geneIndex` given: the side whose names map to genes more often holds the genes;
 *   5. barcode-shaped names (8 or more of A/C/G/T/N, then digits and -._, as 10x and Drop-seq
 *      write them) on one side only: that side holds the cells;
 * otherwise the reader stops and asks for `orientation`.
 */
import { ImportError } from '../import-error';
import { lookupGene, type GeneIndex } from '../gene-index';
import { normalizeColumnName } from '../column-names';
import { parseNumber } from '../parse-number';
import { readLineBatches, type ImportSource, type ReadLinesOptions } from '../read-lines';
import { openTable, type TableRow } from '../read-table';
import { TripletBuffer, describeInvalidValue } from './csr-builder';
import { finishSingleCellData } from './finish-single-cell-data';
import type { SingleCellData } from './single-cell-data';

export type DenseOrientation = 'genes-by-cells' | 'cells-by-genes';

export interface DenseMatrixOptions extends ReadLinesOptions {
  orientation?: DenseOrientation | 'auto';
  /** Barcodes of a cell metadata table, for rule 3. */
  knownBarcodes?: readonly string[] | null;
  geneIndex?: GeneIndex | null;
}

const GENE_HEADERS = [
  'gene',
  'genes',
  'genesymbol',
  'symbol',
  'feature',
  'features',
  'geneid',
  'geneids',
  'featureid',
  'id',
];
const CELL_HEADERS = [
  'cell',
  'cells',
  'barcode',
  'barcodes',
  'cellid',
  'cellbarcode',
  'obsnames',
  'index',
];
const BARCODE_SHAPE = /^[ACGTN]{8,}[-._\d]*$/i;

/** How the orientation was decided, for the report. */
export interface OrientationDecision {
  orientation: DenseOrientation;
  reason: string;
}

export function detectOrientation(
  headerNames: readonly string[],
  rowNames: readonly string[],
  firstHeaderCell: string,
  options: DenseMatrixOptions,
): OrientationDecision | null {
  const given = options.orientation ?? 'auto';
  if (given !== 'auto') return { orientation: given, reason: 'chosen' };
  const first = normalizeColumnName(firstHeaderCell);
  if (GENE_HEADERS.includes(first)) {
    return {
      orientation: 'genes-by-cells',
      reason: `the first header cell is "${firstHeaderCell}"`,
    };
  }
  if (CELL_HEADERS.includes(first)) {
    return {
      orientation: 'cells-by-genes',
      reason: `the first header cell is "${firstHeaderCell}"`,
    };
  }
  const share = (names: readonly string[], test: (name: string) => boolean): number =>
    names.length === 0 ? 0 : names.filter(test).length / names.length;
  if (options.knownBarcodes && options.knownBarcodes.length > 0) {
    const known = new Set(options.knownBarcodes);
    const inHeader = share(headerNames, (name) => known.has(name));
    const inRows = share(rowNames, (name) => known.has(name));
    if (inHeader !== inRows) {
      return {
        orientation: inHeader > inRows ? 'genes-by-cells' : 'cells-by-genes',
        reason: `the ${inHeader > inRows ? 'header' : 'row'} names are the cell table's barcodes`,
      };
    }
  }
  if (options.geneIndex) {
    const index = options.geneIndex;
    const isGene = (name: string): boolean => lookupGene(index, name).status === 'mapped';
    const inHeader = share(headerNames, isGene);
    const inRows = share(rowNames, isGene);
    if (inHeader !== inRows) {
      return {
        orientation: inRows > inHeader ? 'genes-by-cells' : 'cells-by-genes',
        reason: `more ${inRows > inHeader ? 'row' : 'header'} names are genes of the gene table`,
      };
    }
  }
  const isBarcode = (name: string): boolean => BARCODE_SHAPE.test(name);
  const headerBarcodes = share(headerNames, isBarcode) > 0.5;
  const rowBarcodes = share(rowNames, isBarcode) > 0.5;
  if (headerBarcodes !== rowBarcodes) {
    return {
      orientation: headerBarcodes ? 'genes-by-cells' : 'cells-by-genes',
      reason: `the ${headerBarcodes ? 'header' : 'row'} names look like cell barcodes`,
    };
  }
  return null;
}

/** Reads a dense table into cells × genes CSR; see the header for the orientation rule. */
export async function readDenseMatrix(
  source: ImportSource,
  fileName: string,
  options: DenseMatrixOptions = {},
): Promise<SingleCellData> {
  const table = await openTable(readLineBatches(source, fileName, options), fileName);
  const header = table.sample[0];
  const second: TableRow | undefined = table.sample[1];
  if (!second) {
    throw new ImportError(
      fileName,
      header.lineNumber,
      'a header and no data rows',
      'a header row, then one row per gene or per cell',
    );
  }
  // R's write.csv of a matrix writes a header without the row-name cell.
  const hasRowNameCell = header.fields.length === second.fields.length;
  if (!hasRowNameCell && header.fields.length !== second.fields.length - 1) {
    throw new ImportError(
      fileName,
      second.lineNumber,
      `${second.fields.length} fields after a header of ${header.fields.length}`,
      'a header with one name per column, then rows of a name and one number per column',
    );
  }
  const columnNames = hasRowNameCell ? header.fields.slice(1) : header.fields.slice();
  const firstHeaderCell = hasRowNameCell ? header.fields[0] : '';
  const rowSample = table.sample.slice(1).map((row) => row.fields[0]);
  const decision = detectOrientation(columnNames, rowSample, firstHeaderCell, options);
  if (!decision) {
    throw new ImportError(
      fileName,
      null,
      'cannot tell whether rows are genes or cells',
      'a first header cell "gene" or "cell", a gene table, a cell metadata table, or a chosen orientation',
    );
  }
  const width = columnNames.length;
  const rowNames: string[] = [];
  const triplets = new TripletBuffer(4096);
  const isGenesByCells = decision.orientation === 'genes-by-cells';
  await table.forEachRow(
    1,
    { exact: width + 1, describe: `a name and ${width} values, as in the header` },
    (fields, lineNumber) => {
      const row = rowNames.length;
      rowNames.push(fields[0]);
      for (let c = 0; c < width; c++) {
        const text = fields[c + 1];
        if (text === '0') continue;
        const value = parseNumber(text);
        if (!(value >= 0) || value === Infinity) {
          const problem =
            Number.isNaN(value) && !/^[-+]?nan$/i.test(text)
              ? `value "${text}" in column "${columnNames[c]}"`
              : `${describeInvalidValue(Number(text))} in column "${columnNames[c]}"`;
          throw new ImportError(
            fileName,
            lineNumber,
            problem,
            'counts or expression values: non-negative numbers',
          );
        }
        if (value === 0) continue;
        if (isGenesByCells) triplets.push(c, row, value);
        else triplets.push(row, c, value);
      }
    },
  );
  const cellIds = isGenesByCells ? columnNames : rowNames;
  const geneNames = isGenesByCells ? rowNames : columnNames;
  const built = triplets.toCsr(cellIds.length, geneNames.length);
  return finishSingleCellData({
    fileName,
    matrixFileName: fileName,
    format: 'dense-table',
    matrixSource: `${fileName} (${decision.orientation}: ${decision.reason})`,
    built,
    cellIds,
    geneIds: geneNames,
    geneNames,
    geneNameSource: isGenesByCells ? 'row names' : 'header',
    cellColumns: [],
    warnings: [],
    geneIndex: options.geneIndex,
  });
}
