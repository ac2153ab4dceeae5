/**
 * 10x Genomics MTX reader
 * =======================
 * Cell Ranger's filtered_feature_bc_matrix folder (or Seurat's Read10X input):
 *
 *   matrix.mtx[.gz]     MatrixMarket "%%MatrixMarket matrix coordinate integer|real general",
 *                       then % comments, then "genes cells entries", then one 1-based
 *                       "gene cell value" line per stored value; genes × cells
 *   features.tsv[.gz]   one line per gene: ID, symbol, feature type (Cell Ranger ≥ 3), or
 *   genes.tsv[.gz]      ID, symbol (Cell Ranger 2); a single column is taken as the name
 *   barcodes.tsv[.gz]   one barcode per line
 *   cells.tsv           optional metadata table joined by barcode (cell-metadata.ts)
 *
 * All files are streamed (gzip or not, through readLineBatches). The matrix is transposed to
 * cells × genes with a counting sort (csrFromTriplets). Gene names: the column given in
 * `geneNameColumn` (1-based), else column 2 when column 1 holds Ensembl IDs (ENSG…, the
 * Cell Ranger layout), else column 1; an empty name falls back to the ID.
 */
import { ImportError } from '../import-error';
import type { GeneIndex } from '../gene-index';
import { readLineBatches, type ImportSource, type ReadLinesOptions } from '../read-lines';
import { parseNumber } from '../parse-number';
import {
  MAX_NON_ZEROS,
  csrFromTriplets,
  describeInvalidValue,
  type BuiltMatrix,
} from './csr-builder';
import { readCellMetadata } from './cell-metadata';
import { finishSingleCellData } from './finish-single-cell-data';
import type { SingleCellData } from './single-cell-data';

export interface NamedSource {
  source: ImportSource;
  /** Shown in messages, e.g. "matrix.mtx.gz". */
  fileName: string;
}

export interface TenxFiles {
  matrix: NamedSource;
  features: NamedSource;
  barcodes: NamedSource;
  cells?: NamedSource | null;
}

export interface TenxOptions extends ReadLinesOptions {
  /** 1-based features.tsv column with the gene names. */
  geneNameColumn?: number;
  /** Header name of the barcode column of the cells table. */
  barcodeColumn?: string;
  geneIndex?: GeneIndex | null;
}

const MTX_EXPECTED =
  'a MatrixMarket coordinate matrix: "%%MatrixMarket matrix coordinate integer general" (or real)';
const ENSEMBL_GENE = /^ENS[A-Z]*G\d{6,}/;

/** Which of `names` are a 10x folder's files (by Cell Ranger's names, optionally gzipped). */
export interface TenxNames {
  matrix: string;
  features: string;
  barcodes: string;
  cells: string | null;
}

const TENX_PATTERNS = {
  matrix: /^(?:.*[_.-])?matrix\.mtx(?:\.gz)?$/i,
  features: /^(?:.*[_.-])?(?:features|genes)\.tsv(?:\.gz)?$/i,
  barcodes: /^(?:.*[_.-])?barcodes\.tsv(?:\.gz)?$/i,
  cells: /^(?:.*[_.-])?(?:cells|metadata|meta\.data|obs|cell_metadata)\.(?:tsv|csv|txt)(?:\.gz)?$/i,
};

/**
 * Picks the matrix, features/genes, barcodes and (optional) cell table out of a list of file
 * names, e.g. the Files of a folder the user dropped, or a directory listing in the CLI.
 */
export function matchTenxNames(names: readonly string[], where: string): TenxNames {
  const pick = (role: keyof typeof TENX_PATTERNS): string | null => {
    const found = names.filter((name) => TENX_PATTERNS[role].test(name));
    if (found.length > 1) {
      throw new ImportError(
        where,
        null,
        `several ${role} files (${found.join(', ')})`,
        `one ${role} file per data set`,
      );
    }
    return found[0] ?? null;
  };
  const matrix = pick('matrix');
  const features = pick('features');
  const barcodes = pick('barcodes');
  const missing = [
    matrix ? null : 'matrix.mtx[.gz]',
    features ? null : 'features.tsv[.gz] or genes.tsv[.gz]',
    barcodes ? null : 'barcodes.tsv[.gz]',
  ].filter((name): name is string => name !== null);
  if (missing.length > 0) {
    throw new ImportError(
      where,
      null,
      `no ${missing.join(', no ')} among ${names.length} files`,
      'a 10x folder: matrix.mtx[.gz], features.tsv[.gz] (or genes.tsv[.gz]), barcodes.tsv[.gz], optionally cells.tsv',
    );
  }
  return {
    matrix: matrix as string,
    features: features as string,
    barcodes: barcodes as string,
    cells: pick('cells'),
  };
}

/** Reads a 10x folder's files; see the header for the layout. */
export async function readTenx(
  files: TenxFiles,
  options: TenxOptions = {},
): Promise<SingleCellData> {
  const features = await readFeatures(files.features, options);
  const barcodes = await readBarcodes(files.barcodes, options);
  const matrixName = files.matrix.fileName;
  const built = await readMatrixMarket(files.matrix, options, (genes, cells, line) => {
    const problems: string[] = [];
    if (genes !== features.ids.length) {
      problems.push(
        `${genes} genes (rows) but ${files.features.fileName} lists ${features.ids.length}`,
      );
    }
    if (cells !== barcodes.length) {
      problems.push(
        `${cells} cells (columns) but ${files.barcodes.fileName} lists ${barcodes.length}`,
      );
    }
    if (problems.length > 0) {
      throw new ImportError(
        matrixName,
        line,
        `${matrixName} has ${problems.join(', and ')}`,
        `the matrix, ${files.features.fileName} and ${files.barcodes.fileName} of one data set ` +
          '(rows = features, columns = barcodes)',
      );
    }
  });
  const warnings: string[] = [];
  let cellColumns: SingleCellData['cellColumns'] = [];
  const names = [matrixName, files.features.fileName, files.barcodes.fileName];
  if (files.cells) {
    names.push(files.cells.fileName);
    const metadata = await readCellMetadata(files.cells.source, files.cells.fileName, barcodes, {
      ...options,
      barcodeColumn: options.barcodeColumn,
    });
    cellColumns = metadata.columns;
    if (metadata.missingBarcodes.length > 0) {
      warnings.push(
        `${metadata.missingBarcodes.length} cells have no row in ${files.cells.fileName} ` +
          `(e.g. ${metadata.missingBarcodes.slice(0, 5).join(', ')}); their metadata is missing`,
      );
    }
    if (metadata.extraRows > 0) {
      warnings.push(
        `${metadata.extraRows} rows of ${files.cells.fileName} name barcodes not in ` +
          `${files.barcodes.fileName} (e.g. ${metadata.extraExamples.slice(0, 5).join(', ')}); skipped`,
      );
    }
  }
  return finishSingleCellData({
    fileName: names.join(', '),
    matrixFileName: matrixName,
    format: '10x-mtx',
    matrixSource: matrixName,
    built,
    cellIds: barcodes,
    geneIds: features.ids,
    geneNames: features.names,
    geneNameSource: `${files.features.fileName} column ${features.nameColumn}`,
    cellColumns,
    warnings,
    geneIndex: options.geneIndex,
  });
}

async function readFeatures(
  file: NamedSource,
  options: TenxOptions,
): Promise<{ ids: string[]; names: string[]; nameColumn: number }> {
  const rows: string[][] = [];
  for await (const batch of readLineBatches(file.source, file.fileName, options)) {
    for (const line of batch) {
      const fields = line.text.split('\t');
      if (fields[0].trim() === '') {
        throw new ImportError(
          file.fileName,
          line.lineNumber,
          'empty gene ID',
          'one gene per line: ID, then name (tab-separated)',
        );
      }
      rows.push(fields);
    }
  }
  if (rows.length === 0) {
    throw new ImportError(
      file.fileName,
      null,
      'no genes',
      'one gene per line: ID, name, feature type',
    );
  }
  const width = Math.min(...rows.map((fields) => fields.length));
  let nameColumn = options.geneNameColumn;
  if (nameColumn !== undefined) {
    if (!(Number.isInteger(nameColumn) && nameColumn >= 1 && nameColumn <= width)) {
      throw new ImportError(
        file.fileName,
        null,
        `no column ${nameColumn} for gene names`,
        `a column from 1 to ${width}`,
      );
    }
  } else {
    const ensemblShare = rows.filter((fields) => ENSEMBL_GENE.test(fields[0])).length / rows.length;
    nameColumn = width >= 2 && ensemblShare > 0.5 ? 2 : 1;
  }
  const ids = rows.map((fields) => fields[0].trim());
  const names = rows.map((fields, j) => fields[nameColumn - 1]?.trim() || ids[j]);
  return { ids, names, nameColumn };
}

async function readBarcodes(file: NamedSource, options: ReadLinesOptions): Promise<string[]> {
  const barcodes: string[] = [];
  for await (const batch of readLineBatches(file.source, file.fileName, options)) {
    for (const line of batch) {
      const barcode = line.text.split('\t')[0].trim();
      if (barcode === '') {
        throw new ImportError(
          file.fileName,
          line.lineNumber,
          'empty barcode',
          'one barcode per line',
        );
      }
      barcodes.push(barcode);
    }
  }
  if (barcodes.length === 0)
    throw new ImportError(file.fileName, null, 'no barcodes', 'one barcode per line');
  return barcodes;
}

/**
 * Streams a MatrixMarket coordinate file (genes × cells) into cells × genes CSR. `checkSize`
 * sees the size line before any entry is stored.
 */
async function readMatrixMarket(
  file: NamedSource,
  options: ReadLinesOptions,
  checkSize: (genes: number, cells: number, line: number) => void,
): Promise<BuiltMatrix> {
  const name = file.fileName;
  let stage: 'header' | 'size' | 'entries' = 'header';
  let isInteger = true;
  let geneCount = 0;
  let cellCount = 0;
  let declared = 0;
  let stored = 0;
  let cells = new Uint32Array(0);
  let genes = new Uint32Array(0);
  let values = new Float32Array(0);

  for await (const batch of readLineBatches(file.source, name, options)) {
    for (const { text, lineNumber } of batch) {
      if (stage === 'entries') {
        // Fast path: "i j v" with single spaces; anything else goes through the general split.
        const a = text.indexOf(' ');
        const b = a === -1 ? -1 : text.indexOf(' ', a + 1);
        let gene: number;
        let cell: number;
        let valueText: string;
        if (a > 0 && b > a + 1 && text.indexOf(' ', b + 1) === -1) {
          gene = +text.slice(0, a);
          cell = +text.slice(a + 1, b);
          valueText = text.slice(b + 1);
        } else {
          const fields = text.trim().split(/\s+/);
          if (fields.length === 1 && fields[0] === '') continue;
          if (text.startsWith('%')) continue;
          if (fields.length !== 3) {
            throw new ImportError(
              name,
              lineNumber,
              `"${text.slice(0, 80)}" is not an entry`,
              '"gene cell value": three numbers separated by spaces',
            );
          }
          gene = +fields[0];
          cell = +fields[1];
          valueText = fields[2];
        }
        if (!(
          Number.isInteger(gene) &&
          Number.isInteger(cell) &&
          gene >= 1 &&
          cell >= 1 &&
          gene <= geneCount &&
          cell <= cellCount
        )) {
          throw new ImportError(
            name,
            lineNumber,
            `entry (${gene}, ${cell}) outside the ${geneCount} × ${cellCount} matrix`,
            `1-based row (gene) and column (cell) indices within the size line's ${geneCount} × ${cellCount}`,
          );
        }
        const value = parseNumber(valueText);
        if (!(value >= 0) || value === Infinity) {
          const shown =
            Number.isNaN(value) && !/^[-+]?nan$/i.test(valueText)
              ? `value "${valueText}"`
              : describeInvalidValue(Number(valueText));
          throw new ImportError(
            name,
            lineNumber,
            shown,
            'counts or expression values: non-negative numbers',
          );
        }
        if (isInteger && !Number.isInteger(value)) {
          throw new ImportError(
            name,
            lineNumber,
            `value ${valueText} in an integer matrix`,
            'integers, as the header declares ("real" for other numbers)',
          );
        }
        if (stored === declared) {
          throw new ImportError(
            name,
            lineNumber,
            `more entries than the ${declared} the size line declares`,
            `${declared} entries`,
          );
        }
        cells[stored] = cell - 1;
        genes[stored] = gene - 1;
        values[stored] = value;
        stored++;
        continue;
      }
      if (stage === 'header') {
        const match =
          /^%%MatrixMarket\s+matrix\s+coordinate\s+(integer|real|double)\s+general\s*$/i.exec(
            text.trim(),
          );
        if (!match) {
          throw new ImportError(
            name,
            lineNumber,
            `MatrixMarket header "${text.slice(0, 80)}" is not a general integer or real coordinate matrix`,
            MTX_EXPECTED,
          );
        }
        isInteger = match[1].toLowerCase() === 'integer';
        stage = 'size';
        continue;
      }
      // stage === 'size'
      const trimmed = text.trim();
      if (trimmed === '' || trimmed.startsWith('%')) continue;
      const sizes = trimmed.split(/\s+/).map(Number);
      if (sizes.length !== 3 || !sizes.every((n) => Number.isInteger(n) && n >= 0)) {
        throw new ImportError(
          name,
          lineNumber,
          `size line "${trimmed.slice(0, 80)}"`,
          '"genes cells entries": three non-negative integers',
        );
      }
      [geneCount, cellCount, declared] = sizes;
      if (declared > MAX_NON_ZEROS) {
        throw new ImportError(name, lineNumber, `${declared} entries`, `at most ${MAX_NON_ZEROS}`);
      }
      checkSize(geneCount, cellCount, lineNumber);
      cells = new Uint32Array(declared);
      genes = new Uint32Array(declared);
      values = new Float32Array(declared);
      stage = 'entries';
    }
  }
  if (stage !== 'entries') {
    throw new ImportError(
      name,
      null,
      stage === 'header' ? 'empty file' : 'no size line after the header',
      MTX_EXPECTED,
    );
  }
  if (stored !== declared) {
    throw new ImportError(
      name,
      null,
      `${stored} entries, but the size line declares ${declared} (the file is truncated)`,
      `${declared} entries; copy or download the file again`,
    );
  }
  return csrFromTriplets(cellCount, geneCount, cells, genes, values, stored);
}
