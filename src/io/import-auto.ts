/**
 * File-kind detection and automatic import
 * ========================================
 * Guesses what a table holds from its first lines, then runs the matching importer on the
 * same stream (the lines read to guess are replayed, so a File or stream is read once):
 *
 * 1. header names: a log fold-change and a gene column → DEG table; a drug column (drug_name,
 *    drugbank_id, …) and a gene or target column → drug targets; a node pair (entrez_a/entrez_b,
 *    protein1/protein2, source/target, …) → network; a set column (disease, pathway, …) and
 *    a gene column → gene sets; a drug column alone → drug targets (whose importer then names
 *    the target column names it accepts);
 * 2. no known names: one column → gene list; SIF interaction types in column 2 → network; tab
 *    rows of unequal length or with a URL/"na" description → GMT gene sets; a numeric third
 *    column → weighted network; two columns → gene sets when a cell looks like a set name
 *    (spaces, or longer than 20 characters), else a network;
 * 3. otherwise null, and `importAuto` asks the user to pick the kind (`options.kind`).
 * `.gmt` and `.sif` file names decide on their own.
 */
import {
  DRUG_ID_NAMES,
  ENTREZ_NAMES,
  ENTREZ_PAIR_NAMES,
  findColumn,
  findColumnPair,
  GENE_NAMES,
  LOG_FC_NAMES,
  NODE_PAIR_NAMES,
  normalizeColumnName,
  SET_NAMES,
  TARGET_GENE_NAMES,
} from './column-names';
import type { GeneIndex } from './gene-index';
import { importDegTableTable, type ImportedDegTable } from './import-deg-table';
import { importDrugTargetsTable, type ImportedDrugTargets } from './import-drug-targets';
import { ImportError } from './import-error';
import { importGeneSetsTable, type ImportedGeneSets } from './import-gene-sets';
import { importNetworkTable, type ImportedNetwork } from './import-network';
import {
  ANY_TABLE_CONTENTS,
  TABLE_CONTENTS,
  type FileKind,
  type ImportOptions,
} from './import-report';
import { parseNumber } from './parse-number';
import { readLineBatches, type ImportSource } from './read-lines';
import { detectSeparator, isBlank, isComment, openTable, splitFields } from './read-table';

export type ImportedFile =
  | ({ kind: 'network' } & ImportedNetwork)
  | ({ kind: 'geneSets' } & ImportedGeneSets)
  | ({ kind: 'drugTargets' } & ImportedDrugTargets)
  | ({ kind: 'degTable' } & ImportedDegTable);

export interface ImportAutoOptions extends ImportOptions {
  /** Skip detection and use this importer. */
  kind?: FileKind;
}

const DRUG_COLUMN_NAMES = ['drugname', 'drug', 'compoundname', 'compound', ...DRUG_ID_NAMES];
const SIF_TYPES = /^(?:pp|pd|pr|rc|cr|gl|ppi|interacts(?:with)?|binds|activates|inhibits)$/;

/** The kind of table whose first lines (comments and blank lines included) these are. */
export function detectFileKind(firstLines: string[]): FileKind | null {
  const dataLines: string[] = [];
  let comment: string | null = null;
  for (const line of firstLines) {
    if (isBlank(line)) continue;
    if (isComment(line)) {
      if (dataLines.length === 0) comment = line.replace(/^\s*#+\s*/, '');
      continue;
    }
    dataLines.push(line);
  }
  if (dataLines.length === 0) return null;
  const separator = detectSeparator(dataLines);
  let rows: string[][];
  try {
    rows = dataLines.map((line, k) => splitFields(line, separator, 'sample', k + 1));
  } catch {
    return null; // an unterminated quote: let the importer report it with its line number
  }
  const kind = kindFromHeader(rows[0].map(normalizeColumnName));
  if (kind !== null) return kind;
  if (comment !== null) {
    const names = splitFields(comment, separator, 'sample', 0).map(normalizeColumnName);
    if (names.length === rows[0].length && isNetworkHeader(names)) return 'network';
  }
  return kindFromValues(rows, separator === '\t');
}

function kindFromHeader(names: string[]): FileKind | null {
  const hasGene = findColumn(names, GENE_NAMES) !== -1 || findColumn(names, ENTREZ_NAMES) !== -1;
  const hasLogFc = LOG_FC_NAMES.some(([name]) => names.includes(name));
  if (hasLogFc && (hasGene || names[0] === '')) return 'degTable';
  const hasDrug = findColumn(names, DRUG_COLUMN_NAMES) !== -1;
  if (hasDrug && (hasGene || findColumn(names, TARGET_GENE_NAMES) !== -1)) return 'drugTargets';
  if (isNetworkHeader(names)) return 'network';
  if (findColumn(names, SET_NAMES) !== -1 && hasGene) return 'geneSets';
  // A drug column without a target column: the drug-target importer says which names it takes.
  if (hasDrug) return 'drugTargets';
  return null;
}

function isNetworkHeader(names: string[]): boolean {
  return (
    findColumnPair(names, ENTREZ_PAIR_NAMES) !== null ||
    findColumnPair(names, NODE_PAIR_NAMES) !== null
  );
}

function kindFromValues(rows: string[][], isTab: boolean): FileKind | null {
  const counts = new Set(rows.map((row) => row.length));
  if (counts.size === 1 && rows[0].length === 1) return 'geneSets';
  if (rows.every((row) => row.length >= 3 && SIF_TYPES.test(normalizeColumnName(row[1])))) {
    return 'network';
  }
  if (
    isTab &&
    rows.every((row) => row.length >= 3) &&
    (counts.size > 1 || rows.every((row) => /^(?:https?:|na$|$)/i.test(row[1])))
  ) {
    return 'geneSets';
  }
  const numericThird = (row: string[] | undefined): boolean =>
    row !== undefined && row.length >= 3 && !Number.isNaN(parseNumber(row[2]));
  if (numericThird(rows[0]) || numericThird(rows[1])) return 'network';
  if (rows.every((row) => row.length === 2)) {
    const looksLikeSetName = rows.some((row) =>
      row.some((cell) => /\s/.test(cell) || cell.length > 20),
    );
    return looksLikeSetName ? 'geneSets' : 'network';
  }
  return null;
}

/** Detects the kind of `source` (unless `options.kind` is set) and imports it. */
export async function importAuto(
  source: ImportSource,
  fileName: string,
  geneIndex: GeneIndex | null,
  options: ImportAutoOptions = {},
): Promise<ImportedFile> {
  let kind: FileKind | null = options.kind ?? null;
  const tableContents = kind === null ? ANY_TABLE_CONTENTS : TABLE_CONTENTS[kind];
  const batches = readLineBatches(source, fileName, { ...options, tableContents });
  const table = await openTable(batches, fileName, tableContents);
  if (kind === null && /\.gmt(\.gz)?$/i.test(fileName)) kind = 'geneSets';
  if (kind === null && /\.sif(\.gz)?$/i.test(fileName)) kind = 'network';
  if (kind === null) {
    const lines = table.sample.map((row) => row.text);
    if (table.commentHeader) lines.unshift(`#${table.commentHeader.text}`);
    kind = detectFileKind(lines);
  }
  switch (kind) {
    case 'network':
      return { kind, ...(await importNetworkTable(table, geneIndex, options)) };
    case 'geneSets':
      return { kind, ...(await importGeneSetsTable(table, geneIndex)) };
    case 'drugTargets':
      return { kind, ...(await importDrugTargetsTable(table, geneIndex)) };
    case 'degTable':
      return { kind, ...(await importDegTableTable(table, geneIndex)) };
    default:
      throw new ImportError(
        fileName,
        null,
        'could not tell what kind of table this is',
        'a network (two node columns), gene sets (one gene per line, GMT, or set and gene columns), drug targets (drug and target columns) or a DEG table (gene and log fold-change columns); choose the kind explicitly',
      );
  }
}
