/**
 * Import report
 * =============
 * What every importer tells the user besides its result: how many rows it read and kept, what
 * it understood each column as, which identifiers it could not map, and what it dropped.
 */
import type { ReadLinesOptions } from './read-lines';

/** Options every importer takes. */
export interface ImportOptions extends ReadLinesOptions {
  /** Networks only: store edges one way. Default: true for signed networks, else false. */
  directed?: boolean;
}

export type FileKind = 'network' | 'geneSets' | 'drugTargets' | 'degTable';

/**
 * What a table of each kind holds, completing "expected a tab- or comma-separated table of …"
 * when a file of another kind (PDF, JSON, HDF5, …) is given.
 */
export const TABLE_CONTENTS: Record<FileKind, string> = {
  network: 'interactions (two node columns and an optional weight)',
  geneSets: 'genes (one gene per line, GMT, or set and gene columns)',
  drugTargets: 'drug targets (drug and target columns)',
  degTable: 'differential expression results (gene and log fold-change columns)',
};
export const ANY_TABLE_CONTENTS =
  'interactions, gene sets, drug targets or differential expression results';

export interface ImportReport {
  fileName: string;
  kind: FileKind;
  /** Data rows read (header, blank and comment lines not counted). */
  rowsRead: number;
  /** Records in the result: edges, set memberships, drug–target pairs or DEG rows. */
  recordsKept: number;
  /** Distinct genes whose identifier was found in the gene index (0 without an index). */
  genesMapped: number;
  /** Identifiers the gene index does not know: distinct, in order of appearance. */
  unmapped: string[];
  /** Identifiers the gene index maps to more than one gene: distinct, in order of appearance. */
  ambiguous: string[];
  /**
   * Identifiers that look like dates a spreadsheet made of gene symbols ("1-Mar"), never
   * mapped, with the current symbol each most likely was (null: none known). Also in warnings.
   */
  excelDates: ExcelDateIdentifier[];
  /** Repeated records dropped (repeated edges, memberships, drug–target pairs, DEG rows). */
  duplicatesDropped: number;
  /** Edges from a node to itself dropped (networks only). */
  selfLoopsDropped: number;
  headerDetected: boolean;
  /** One entry per column of the file: "name → meaning". */
  columns: string[];
  warnings: string[];
}

export interface ExcelDateIdentifier {
  /** As written in the file. */
  identifier: string;
  /** The gene symbol it most likely was (current HGNC symbol with a gene index), or null. */
  likely: string | null;
}

export function createReport(fileName: string, kind: FileKind): ImportReport {
  return {
    fileName,
    kind,
    rowsRead: 0,
    recordsKept: 0,
    genesMapped: 0,
    unmapped: [],
    ambiguous: [],
    excelDates: [],
    duplicatesDropped: 0,
    selfLoopsDropped: 0,
    headerDetected: false,
    columns: [],
    warnings: [],
  };
}

/** "A (B, C, … and 12 more)": a short list of examples for a warning. */
export function examples(values: readonly string[], max = 5): string {
  const shown = values.slice(0, max).join(', ');
  return values.length > max ? `${shown} and ${values.length - max} more` : shown;
}
