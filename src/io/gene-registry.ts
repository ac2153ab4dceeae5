/**
 * Gene registry
 * =============
 * Numbers the genes of one import in order of first appearance and remembers, per gene, the
 * symbol to display and the Entrez ID. Identity (what makes two rows name the same gene):
 *
 * - with a gene index: the Entrez ID the identifier maps to, so "TP53", "p53" and "7157" are
 *   one gene; an identifier the index does not know (or finds ambiguous) is kept verbatim and
 *   compared case-insensitively, and listed in the report;
 * - without an index: the identifier itself, compared case-insensitively;
 * - an Entrez *column* (entrez_a, entrez_id…) is the identity whenever its cell is filled; the
 *   file's symbol column then only supplies the display name (falling back to the index's
 *   symbol, then to the Entrez ID).
 * - a date that a spreadsheet made of a gene symbol ("1-Mar", "2-Sep": excel-dates.ts) is never
 *   mapped, with or without an index: it is kept verbatim, listed as unmapped (with an index)
 *   and in `report.excelDates` with the symbol it most likely was, and named in an "Excel"
 *   warning. In an Entrez column's companion symbol column such a date only loses its place as
 *   display name: the row is identified by its Entrez ID and shown with the table's symbol.
 * Lookups are cached per distinct identifier, so a 350k-row file costs 350k Map reads.
 */
import { parseExcelDate, preExcelSpellings } from './excel-dates';
import { lookupGene, PROTEIN_HINT, type GeneIndex } from './gene-index';
import { examples, type ExcelDateIdentifier, type ImportReport } from './import-report';

export interface GeneRegistry {
  /** Display symbol of gene k. */
  readonly display: string[];
  /** Entrez ID of gene k, or null when unknown. */
  readonly entrez: (string | null)[];
  /** The gene named by any identifier (symbol, Entrez, Ensembl, …). */
  byId(id: string): number;
  /** The gene of an Entrez column cell, with the file's symbol (maybe empty) for display. */
  byEntrez(entrezId: string, symbol: string): number;
  /** Writes genesMapped, unmapped, ambiguous, excelDates and their warnings into `report`. */
  finish(report: ImportReport): void;
}

/** Keys of genes kept verbatim cannot collide with Entrez IDs (which are digits). */
const VERBATIM = '\u0001';

export function createGeneRegistry(index: GeneIndex | null): GeneRegistry {
  const display: string[] = [];
  const entrez: (string | null)[] = [];
  const byKey = new Map<string, number>();
  const byIdCache = new Map<string, number>();
  const byEntrezCache = new Map<string, number>();
  const unmapped: string[] = [];
  const ambiguous: string[] = [];
  const excelDates: ExcelDateIdentifier[] = [];
  /** Date-like symbols beside a filled Entrez cell: shown with the table's symbol instead. */
  const excelDatesBesideEntrez: ExcelDateIdentifier[] = [];
  const excelDatesSeen = new Set<string>();
  let mapped = 0;
  let proteinsUnmapped = 0;

  const register = (key: string, name: string, entrezId: string | null): number => {
    let gene = byKey.get(key);
    if (gene === undefined) {
      gene = display.push(name) - 1;
      entrez.push(entrezId);
      byKey.set(key, gene);
    }
    return gene;
  };

  const byId = (id: string): number => {
    const cached = byIdCache.get(id);
    if (cached !== undefined) return cached;
    let gene: number;
    if (index === null) {
      const date = parseExcelDate(id);
      if (date !== null && !byKey.has(VERBATIM + id.toUpperCase())) {
        excelDates.push({ identifier: id, likely: preExcelSpellings(date)[0] });
      }
      gene = register(VERBATIM + id.toUpperCase(), id, null);
    } else {
      const found = lookupGene(index, id);
      if (found.status === 'mapped') {
        const known = byKey.has(found.entrez);
        gene = register(found.entrez, found.symbol, found.entrez);
        if (!known) mapped++;
      } else {
        const key = VERBATIM + id.toUpperCase();
        if (!byKey.has(key)) {
          if (found.status === 'ambiguous') ambiguous.push(id);
          else if (found.status === 'excelDate') {
            unmapped.push(id);
            excelDates.push({ identifier: id, likely: found.likely });
          } else {
            unmapped.push(id);
            if (found.hint !== null) proteinsUnmapped++;
          }
        }
        gene = register(key, id, null);
      }
    }
    byIdCache.set(id, gene);
    return gene;
  };

  const byEntrez = (entrezId: string, symbol: string): number => {
    if (entrezId === '') return byId(symbol);
    const cached = byEntrezCache.get(entrezId);
    if (cached !== undefined) return cached;
    if (!/^\d+$/.test(entrezId)) return byId(entrezId); // not an Entrez ID: resolve it like any
    let gene: number;
    const row = index?.byEntrez.get(entrezId);
    let shown = symbol;
    if (symbol !== '' && parseExcelDate(symbol) !== null) {
      const likely = row === undefined ? null : (index as GeneIndex).symbols[row];
      if (!excelDatesSeen.has(symbol.toUpperCase())) {
        excelDatesSeen.add(symbol.toUpperCase());
        excelDatesBesideEntrez.push({ identifier: symbol, likely });
      }
      shown = ''; // never the display name: the table's symbol, else the Entrez ID
    }
    if (index === null) {
      gene = register(entrezId, shown || entrezId, entrezId);
    } else if (row !== undefined) {
      const known = byKey.has(entrezId);
      gene = register(entrezId, shown || index.symbols[row], entrezId);
      if (!known) mapped++;
    } else {
      if (!byKey.has(entrezId)) unmapped.push(entrezId);
      gene = register(entrezId, shown || entrezId, entrezId);
    }
    byEntrezCache.set(entrezId, gene);
    return gene;
  };

  const finish = (report: ImportReport): void => {
    report.genesMapped = mapped;
    report.unmapped = unmapped;
    report.ambiguous = ambiguous;
    report.excelDates = [...excelDates, ...excelDatesBesideEntrez];
    if (excelDates.length > 0) {
      report.warnings.push(
        `${excelDates.length} identifiers look like dates that Excel made of gene symbols and were not mapped to any gene: ${listExcelDates(excelDates)}; re-export the file from its source, or open it in Excel with the gene columns imported as Text`,
      );
    }
    if (excelDatesBesideEntrez.length > 0) {
      report.warnings.push(
        `${excelDatesBesideEntrez.length} symbols look like dates that Excel made of gene symbols; their rows were identified by the Entrez column and named from the gene table: ${listExcelDates(excelDatesBesideEntrez, 'now')}`,
      );
    }
    if (proteinsUnmapped > 0) {
      report.warnings.push(`${proteinsUnmapped} protein IDs left unmapped: ${PROTEIN_HINT}`);
    }
    if (ambiguous.length > 0) {
      report.warnings.push(
        `${ambiguous.length} identifiers match several genes and were kept as they are: ${examples(ambiguous)}`,
      );
    }
  };

  return { display, entrez, byId, byEntrez, finish };
}

/** "1-Mar (likely MARCHF1), 2-Sep (likely SEPTIN2), 13-Sep (no known gene)" */
function listExcelDates(dates: readonly ExcelDateIdentifier[], word = 'likely'): string {
  const MAX = 20;
  const shown = dates
    .slice(0, MAX)
    .map(({ identifier, likely }) =>
      likely === null ? `${identifier} (no known gene)` : `${identifier} (${word} ${likely})`,
    )
    .join(', ');
  return dates.length > MAX ? `${shown} and ${dates.length - MAX} more` : shown;
}
