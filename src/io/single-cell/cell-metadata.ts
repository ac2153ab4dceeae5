/**
 * Cell metadata: the per-cell table, and the user's choice of columns
 * ===================================================================
 * `readCellMetadata` joins a cells table (cells.tsv / a CSV from Seurat's `meta.data` or
 * scanpy's `obs.to_csv()`) to the matrix's barcodes:
 *
 * - the barcode column is the one named in `barcodeColumn`, else the column whose values match
 *   the most barcodes in the first 50 rows (R's write.table, whose header has one field fewer
 *   than the rows, gets its row names read as a column named "cell");
 * - every other column becomes a `CellColumn`, in the matrix's cell order: `number` when every
 *   non-missing value is a number, else `categorical` (categories sorted, numbers in numeric
 *   order), or `string` when it has more than 1,000 distinct values or is mostly distinct
 *   (> half of ≥ 20 rows: an ID or free text);
 * - matrix cells absent from the table are reported (`missingBarcodes`) and get missing
 *   values; table rows whose barcode is not in the matrix are counted and skipped; a barcode
 *   listed twice is an error.
 *
 * `resolveCellAnnotation` turns the user's choice (cell type, condition with its case and
 * control values, donor, optionally tissue and time point) into index labels for the core:
 * a cell type, donor, tissue or time point is an index into a small table of names
 * (`MISSING_LABEL` for cells without one), and condition is CASE, CONTROL or NEITHER.
 */
import { ImportError } from '../import-error';
import { isMissing, parseNumber } from '../parse-number';
import { readLineBatches, type ImportSource, type ReadLinesOptions } from '../read-lines';
import { openTable } from '../read-table';
import type { CellColumn, SingleCellData } from './single-cell-data';

export interface CellMetadataOptions extends ReadLinesOptions {
  /** Header name of the barcode column; found from the values when absent. */
  barcodeColumn?: string;
}

export interface CellMetadata {
  fileName: string;
  barcodeColumn: string;
  /** One per non-barcode column, aligned with the barcodes given. */
  columns: CellColumn[];
  /** Matrix barcodes that have no row in the table, in matrix order. */
  missingBarcodes: string[];
  /** Table rows whose barcode is not in the matrix (skipped). */
  extraRows: number;
  /** Up to 10 of those barcodes. */
  extraExamples: string[];
}

const STRING_DISTINCT_LIMIT = 1000;
const EXAMPLES = 10;

export async function readCellMetadata(
  source: ImportSource,
  fileName: string,
  barcodes: readonly string[],
  options: CellMetadataOptions = {},
): Promise<CellMetadata> {
  const table = await openTable(readLineBatches(source, fileName, options), fileName);
  const header = table.sample[0];
  let names = header.fields.slice();
  const firstRow = table.sample[1];
  if (firstRow && firstRow.fields.length === names.length + 1) names = ['cell', ...names];
  if (names.length < 2) {
    throw new ImportError(
      fileName,
      header.lineNumber,
      `cell table with ${names.length} column`,
      'a header row and a barcode column plus at least one metadata column',
    );
  }
  const cellOf = new Map<string, number>();
  barcodes.forEach((barcode, i) => cellOf.set(barcode, i));

  let barcodeColumn: number;
  if (options.barcodeColumn !== undefined) {
    barcodeColumn = names.indexOf(options.barcodeColumn);
    if (barcodeColumn === -1) {
      throw new ImportError(
        fileName,
        header.lineNumber,
        `no column "${options.barcodeColumn}"`,
        `one of the columns: ${names.join(', ')}`,
      );
    }
  } else {
    const matches = names.map(
      (_, c) => table.sample.slice(1).filter((row) => cellOf.has(row.fields[c] ?? '')).length,
    );
    barcodeColumn = matches.indexOf(Math.max(...matches));
    if (matches[barcodeColumn] === 0) {
      throw new ImportError(
        fileName,
        null,
        `no column holds the matrix's barcodes (first barcode: "${barcodes[0] ?? ''}")`,
        'a column with the cell barcodes, as in barcodes.tsv or the matrix header',
      );
    }
  }

  const cellCount = barcodes.length;
  const raw: string[][] = names.map(() => new Array<string>(cellCount).fill(''));
  const seen = new Uint8Array(cellCount);
  let extraRows = 0;
  const extraExamples: string[] = [];
  await table.forEachRow(
    1,
    { exact: names.length, describe: `${names.length} columns, as in the header` },
    (fields, lineNumber) => {
      const barcode = fields[barcodeColumn];
      const cell = cellOf.get(barcode);
      if (cell === undefined) {
        extraRows++;
        if (extraExamples.length < EXAMPLES) extraExamples.push(barcode);
        return;
      }
      if (seen[cell]) {
        throw new ImportError(
          fileName,
          lineNumber,
          `barcode "${barcode}" listed twice`,
          'one row per cell',
        );
      }
      seen[cell] = 1;
      for (let c = 0; c < names.length; c++) raw[c][cell] = fields[c];
    },
  );
  const missingBarcodes = barcodes.filter((_, i) => !seen[i]);
  const columns = names
    .map((name, c) => (c === barcodeColumn ? null : columnFromText(name, raw[c], seen)))
    .filter((column): column is CellColumn => column !== null);
  return {
    fileName,
    barcodeColumn: names[barcodeColumn],
    columns,
    missingBarcodes,
    extraRows,
    extraExamples,
  };
}

/** Types one text column: number, categorical or string (rules in the header). */
export function columnFromText(
  name: string,
  texts: readonly string[],
  present?: Uint8Array,
): CellColumn {
  let isNumeric = true;
  let nonMissing = 0;
  const distinct = new Set<string>();
  for (let i = 0; i < texts.length; i++) {
    if (present && !present[i]) continue;
    const text = texts[i];
    if (isMissing(text)) continue;
    nonMissing++;
    distinct.add(text);
    if (isNumeric && Number.isNaN(parseNumber(text))) isNumeric = false;
  }
  const isAbsent = (i: number): boolean =>
    (present !== undefined && !present[i]) || isMissing(texts[i]);
  if (isNumeric && nonMissing > 0) {
    return {
      name,
      kind: 'number',
      values: Float64Array.from(texts, (text, i) => (isAbsent(i) ? NaN : parseNumber(text))),
    };
  }
  if (
    distinct.size > STRING_DISTINCT_LIMIT ||
    (nonMissing >= 20 && distinct.size > nonMissing / 2)
  ) {
    return { name, kind: 'string', values: texts.map((text, i) => (isAbsent(i) ? '' : text)) };
  }
  const categories = [...distinct].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const codeOf = new Map(categories.map((category, k) => [category, k]));
  const codes = Int32Array.from(texts, (text, i) =>
    isAbsent(i) ? -1 : (codeOf.get(text) as number),
  );
  return { name, kind: 'categorical', codes, categories };
}

// --- the user's choice ------------------------------------------------------------------

/** Label of a cell with no value in the column. */
export const MISSING_LABEL = 0xffffffff;

export const CONDITION = { neither: 0, case: 1, control: 2 } as const;

export interface CellAnnotationChoice {
  cellType: string;
  condition: string;
  /** Values of the condition column that mean case (e.g. ["stim"]) … */
  caseValues: readonly string[];
  /** … and control (e.g. ["ctrl"]). Cells with other values are NEITHER. */
  controlValues: readonly string[];
  donor?: string | null;
  tissue?: string | null;
  timePoint?: string | null;
}

/** A grouping column as the core sees it. */
export interface CellLabels {
  column: string;
  /** names[labels[i]] is cell i's group; MISSING_LABEL when it has none. */
  labels: Uint32Array;
  names: string[];
  /** Cells per group, aligned with names. */
  counts: number[];
  missing: number;
}

export interface CellAnnotation {
  cellType: CellLabels;
  /** CONDITION.case, .control or .neither per cell. */
  condition: Uint8Array;
  conditionColumn: string;
  caseCells: number;
  controlCells: number;
  /** Cells that are neither case nor control (other values, or missing). */
  neitherCells: number;
  donor: CellLabels | null;
  tissue: CellLabels | null;
  timePoint: CellLabels | null;
}

/**
 * Checks the choice against the data (every column present, case and control values present
 * and disjoint) and builds the labels. `fileName` names the file the columns came from.
 */
export function resolveCellAnnotation(
  data: Pick<SingleCellData, 'cellColumns' | 'matrix'>,
  choice: CellAnnotationChoice,
  fileName: string,
): CellAnnotation {
  const cellCount = data.matrix.cellCount;
  const find = (role: string, name: string): CellColumn => {
    const column = data.cellColumns.find((c) => c.name === name);
    if (!column) {
      const available = data.cellColumns.map((c) => c.name).join(', ') || '(none)';
      throw new ImportError(
        fileName,
        null,
        `no cell column "${name}" (chosen as ${role})`,
        `one of the cell columns: ${available}`,
      );
    }
    return column;
  };
  const labelsOf = (role: string, name: string | null | undefined): CellLabels | null =>
    name === null || name === undefined || name === ''
      ? null
      : toLabels(find(role, name), cellCount);

  const cellType = labelsOf('cell type', choice.cellType) as CellLabels;
  const conditionLabels = toLabels(find('condition', choice.condition), cellCount);
  const present = new Set(conditionLabels.names);
  for (const [role, values] of [
    ['case', choice.caseValues],
    ['control', choice.controlValues],
  ] as const) {
    if (values.length === 0) {
      throw new ImportError(
        fileName,
        null,
        `no ${role} value chosen for "${choice.condition}"`,
        `at least one of: ${conditionLabels.names.join(', ')}`,
      );
    }
    for (const value of values) {
      if (!present.has(value)) {
        throw new ImportError(
          fileName,
          null,
          `${role} value "${value}" does not occur in column "${choice.condition}"`,
          `values of that column: ${conditionLabels.names.join(', ')}`,
        );
      }
    }
  }
  const both = choice.caseValues.filter((value) => choice.controlValues.includes(value));
  if (both.length > 0) {
    throw new ImportError(
      fileName,
      null,
      `"${both[0]}" chosen as both case and control`,
      'separate case and control values',
    );
  }
  const roleOfName = conditionLabels.names.map((name) =>
    choice.caseValues.includes(name)
      ? CONDITION.case
      : choice.controlValues.includes(name)
        ? CONDITION.control
        : CONDITION.neither,
  );
  const condition = new Uint8Array(cellCount);
  let caseCells = 0;
  let controlCells = 0;
  for (let i = 0; i < cellCount; i++) {
    const label = conditionLabels.labels[i];
    const role = label === MISSING_LABEL ? CONDITION.neither : roleOfName[label];
    condition[i] = role;
    if (role === CONDITION.case) caseCells++;
    else if (role === CONDITION.control) controlCells++;
  }
  return {
    cellType,
    condition,
    conditionColumn: choice.condition,
    caseCells,
    controlCells,
    neitherCells: cellCount - caseCells - controlCells,
    donor: labelsOf('donor', choice.donor),
    tissue: labelsOf('tissue', choice.tissue),
    timePoint: labelsOf('time point', choice.timePoint),
  };
}

/** Any column as labels: categories keep their order; strings and numbers are sorted. */
export function toLabels(column: CellColumn, cellCount: number): CellLabels {
  let names: string[];
  const labels = new Uint32Array(cellCount).fill(MISSING_LABEL);
  if (column.kind === 'categorical') {
    names = column.categories.slice();
    column.codes.forEach((code, i) => {
      if (code >= 0) labels[i] = code;
    });
  } else {
    const texts =
      column.kind === 'string'
        ? column.values
        : Array.from(column.values, (value) => (Number.isNaN(value) ? '' : String(value)));
    const distinct = [...new Set(texts.filter((text) => text !== ''))];
    names =
      column.kind === 'number'
        ? distinct.sort((a, b) => Number(a) - Number(b))
        : distinct.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    const indexOf = new Map(names.map((name, k) => [name, k]));
    texts.forEach((text, i) => {
      if (text !== '') labels[i] = indexOf.get(text) as number;
    });
  }
  const counts = new Array<number>(names.length).fill(0);
  let missing = 0;
  for (const label of labels) {
    if (label === MISSING_LABEL) missing++;
    else counts[label]++;
  }
  return { column: column.name, labels, names, counts, missing };
}
