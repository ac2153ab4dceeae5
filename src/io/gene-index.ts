/**
 * Gene index
 * ==========
 * Maps any human gene identifier a user may paste to one NCBI Entrez ID and its current
 * HGNC symbol, from the bundled `genes.tsv.gz` (columns `entrez_id symbol ensembl_ids
 * previous_symbols alias_symbols`, lists `|`-separated). Lookups are case-insensitive and tried
 * in this order, the first level that knows the identifier deciding:
 *
 *   1. current symbol        (TP53)
 *   2. Entrez ID             (7157; also "NCBIGene:7157", "Entrez:7157")
 *   3. Ensembl gene ID       (ENSG00000141510, with or without a ".12" version suffix)
 *   4. previous symbol       (the symbol HGNC retired in favour of the current one)
 *   5. alias symbol
 *   6. Ensembl protein ID    (ENSP…, also STRING's "9606.ENSP…"), only through `withProteinMap`
 *
 * A date that a spreadsheet made of a gene symbol ("1-Mar", "2-Sep", "Mar-01", "2023-03-01":
 * excel-dates.ts) is checked before every level and never maps, even where the table lists the
 * same string (its aliases include Oct-2, Oct-3, Oct-4, APR-1, APR-3, APR-5, OCT-9, OCT-11,
 * oct-7 and oct-8): it resolves to `{ status: 'excelDate', likely }`, with the current symbol of
 * its most likely pre-Excel spelling (1-Mar → MARCH1 → MARCHF1; 1-Dec → DEC1 → DELEC1), so the
 * importers can warn and the user decide. An identifier that one level maps to two or more
 * genes is *ambiguous* and resolves to nothing, rather than to a guess (the same rule the bundled data was built with,
 * SOURCES.md "Symbol → Entrez lookup"). Four current symbols occur twice in the table (HBD,
 * TEC, MEMO1, HTD2): the row with an Ensembl ID wins, else the first row, and the index
 * reports them. The table has no protein column, so ENSP identifiers stay unmapped unless an
 * ENSP→gene list is supplied (`withProteinMap`), and `lookupGene` says so in its hint.
 */
import { ImportError } from './import-error';
import { readLineBatches, type ImportSource, type ReadLinesOptions } from './read-lines';
import { findColumn, normalizeColumnName } from './column-names';
import { parseExcelDate, preExcelSpellings, type ExcelDate } from './excel-dates';
import { openTable } from './read-table';

/** Marks a key that more than one gene claims at the same level. */
const AMBIGUOUS = -1;

export interface GeneIndex {
  /** Row k of the table: Entrez ID … */
  readonly entrez: readonly string[];
  /** … and current symbol. */
  readonly symbols: readonly string[];
  /** Upper-case key → row, or -1 when ambiguous. */
  readonly bySymbol: ReadonlyMap<string, number>;
  readonly byEntrez: ReadonlyMap<string, number>;
  readonly byEnsembl: ReadonlyMap<string, number>;
  readonly byPrevious: ReadonlyMap<string, number>;
  readonly byAlias: ReadonlyMap<string, number>;
  /** ENSP… (no taxon prefix, no version) → row; empty unless built by `withProteinMap`. */
  readonly byProtein: ReadonlyMap<string, number>;
  readonly report: GeneIndexReport;
}

export interface GeneIndexReport {
  fileName: string;
  rows: number;
  /** Current symbols held by more than one row (the row kept is described in the header). */
  duplicateSymbols: string[];
}

export type GeneLevel = 'symbol' | 'entrez' | 'ensembl' | 'previous' | 'alias' | 'protein';

export type GeneLookup =
  | { status: 'mapped'; entrez: string; symbol: string; via: GeneLevel }
  | { status: 'ambiguous'; via: GeneLevel }
  | { status: 'unmapped'; hint: string | null }
  /** A spreadsheet date such as "1-Mar"; `likely`: current symbol of what it most likely was. */
  | { status: 'excelDate'; likely: string | null };

export const PROTEIN_HINT =
  'Ensembl protein (ENSP) IDs such as STRING\'s "9606.ENSP…" are not in the gene table; ' +
  'supply an ENSP→gene list with withProteinMap() to map them';

/** Reads a genes.tsv(.gz) table into an index. Columns are found by name. */
export async function parseGeneTable(
  source: ImportSource,
  fileName: string,
  options: ReadLinesOptions = {},
): Promise<GeneIndex> {
  const batches = readLineBatches(source, fileName, options);
  const table = await openTable(batches, fileName);
  const header = table.sample[0];
  const names = header.fields.map(normalizeColumnName);
  const entrezColumn = findColumn(names, ['entrezid', 'entrez', 'geneid']);
  const symbolColumn = findColumn(names, ['symbol', 'genesymbol']);
  if (entrezColumn === -1 || symbolColumn === -1) {
    throw new ImportError(
      fileName,
      header.lineNumber,
      `gene table header "${header.text}" lacks an entrez_id or symbol column`,
      'a header with entrez_id, symbol and optionally ensembl_ids, previous_symbols, alias_symbols',
    );
  }
  const ensemblColumn = findColumn(names, ['ensemblids', 'ensemblid', 'ensembl']);
  const previousColumn = findColumn(names, ['previoussymbols', 'previoussymbol', 'prevsymbol']);
  const aliasColumn = findColumn(names, ['aliassymbols', 'aliassymbol', 'aliases', 'synonyms']);

  const entrez: string[] = [];
  const symbols: string[] = [];
  const hasEnsembl: boolean[] = [];
  const bySymbol = new Map<string, number>();
  const byEntrez = new Map<string, number>();
  const byEnsembl = new Map<string, number>();
  const byPrevious = new Map<string, number>();
  const byAlias = new Map<string, number>();
  const duplicateSymbols: string[] = [];

  const rows = await table.forEachRow(
    1,
    { exact: header.fields.length, describe: `${header.fields.length} columns, as in the header` },
    (fields, lineNumber) => {
      const id = fields[entrezColumn];
      const symbol = fields[symbolColumn];
      if (!/^\d+$/.test(id) || symbol === '') {
        throw new ImportError(
          fileName,
          lineNumber,
          `gene row with Entrez ID "${id}" and symbol "${symbol}"`,
          'a numeric Entrez ID and a non-empty symbol',
        );
      }
      if (byEntrez.has(id)) {
        throw new ImportError(fileName, lineNumber, `Entrez ID ${id} repeated`, 'one row per gene');
      }
      const row = entrez.push(id) - 1;
      symbols.push(symbol);
      byEntrez.set(id, row);
      const ensembl = ensemblColumn === -1 ? '' : fields[ensemblColumn];
      hasEnsembl.push(ensembl !== '');

      const key = symbol.toUpperCase();
      const holder = bySymbol.get(key);
      if (holder === undefined) bySymbol.set(key, row);
      else {
        duplicateSymbols.push(symbol);
        if (!hasEnsembl[holder] && hasEnsembl[row]) bySymbol.set(key, row);
      }
      if (ensembl !== '') addList(byEnsembl, ensembl, row, stripVersion);
      if (previousColumn !== -1) addList(byPrevious, fields[previousColumn], row);
      if (aliasColumn !== -1) addList(byAlias, fields[aliasColumn], row);
    },
  );
  if (rows === 0) {
    throw new ImportError(fileName, null, 'no data rows after the header', 'one row per gene');
  }
  return {
    entrez,
    symbols,
    bySymbol,
    byEntrez,
    byEnsembl,
    byPrevious,
    byAlias,
    byProtein: new Map(),
    report: { fileName, rows, duplicateSymbols },
  };
}

/** Maps `id` to one gene, or null when it is unknown or ambiguous. */
export function resolveGene(
  index: GeneIndex,
  id: string,
): { entrez: string; symbol: string } | null {
  const found = lookupGene(index, id);
  return found.status === 'mapped' ? { entrez: found.entrez, symbol: found.symbol } : null;
}

/** Like `resolveGene`, but says which level matched, or why nothing did. */
export function lookupGene(index: GeneIndex, id: string): GeneLookup {
  const key = id.trim().toUpperCase();
  if (key === '') return { status: 'unmapped', hint: null };
  const date = parseExcelDate(key);
  if (date !== null) return { status: 'excelDate', likely: likelyGene(index, key, date) };
  const levels: [GeneLevel, ReadonlyMap<string, number>, string][] = [
    ['symbol', index.bySymbol, key],
    ['entrez', index.byEntrez, key.replace(/^(NCBIGENE|ENTREZ|GENEID):/, '')],
    ['ensembl', index.byEnsembl, stripVersion(key)],
    ['previous', index.byPrevious, key],
    ['alias', index.byAlias, key],
  ];
  const protein = proteinKey(key);
  if (protein !== null) levels.push(['protein', index.byProtein, protein]);
  for (const [via, map, lookupKey] of levels) {
    const row = map.get(lookupKey);
    if (row === undefined) continue;
    if (row === AMBIGUOUS) return { status: 'ambiguous', via };
    return { status: 'mapped', entrez: index.entrez[row], symbol: index.symbols[row], via };
  }
  return { status: 'unmapped', hint: protein !== null ? PROTEIN_HINT : null };
}

/**
 * The current symbol of the first pre-Excel spelling of `date` that maps to one gene, else of
 * the date string itself as the table lists it (an alias such as "APR-1"), else null.
 */
function likelyGene(index: GeneIndex, key: string, date: ExcelDate): string | null {
  for (const spelling of [...preExcelSpellings(date), key]) {
    for (const map of [index.bySymbol, index.byPrevious, index.byAlias]) {
      const row = map.get(spelling);
      if (row === undefined) continue;
      if (row !== AMBIGUOUS) return index.symbols[row];
      break; // ambiguous at this level: try the next spelling
    }
  }
  return null;
}

/**
 * A copy of `index` that also maps Ensembl protein IDs. Each pair is (ENSP ID, any gene
 * identifier `lookupGene` understands, e.g. an Entrez ID or symbol). Pairs whose gene does not
 * resolve are returned in `unresolved`; an ENSP claimed by two genes becomes ambiguous.
 */
export function withProteinMap(
  index: GeneIndex,
  pairs: Iterable<readonly [string, string]>,
): { index: GeneIndex; unresolved: string[] } {
  const byProtein = new Map(index.byProtein);
  const unresolved: string[] = [];
  for (const [protein, gene] of pairs) {
    const key = proteinKey(protein.trim().toUpperCase());
    const found = lookupGene(index, gene);
    if (key === null || found.status !== 'mapped') {
      unresolved.push(protein);
      continue;
    }
    const row = index.byEntrez.get(found.entrez) as number;
    const holder = byProtein.get(key);
    byProtein.set(key, holder === undefined || holder === row ? row : AMBIGUOUS);
  }
  return { index: { ...index, byProtein }, unresolved };
}

/** "9606.ENSP00000000233.5" → "ENSP00000000233"; null for anything that is not an ENSP ID. */
export function proteinKey(upperCaseId: string): string | null {
  const match = /^(?:\d+\.)?(ENSP\d+)(?:\.\d+)?$/.exec(upperCaseId);
  return match ? match[1] : null;
}

function stripVersion(id: string): string {
  return id.startsWith('ENS') ? id.replace(/\.\d+$/, '') : id;
}

function addList(
  map: Map<string, number>,
  list: string,
  row: number,
  normalize: (key: string) => string = (key) => key,
): void {
  if (list === '') return;
  for (const item of list.split('|')) {
    if (item === '') continue;
    const key = normalize(item.toUpperCase());
    const holder = map.get(key);
    if (holder === undefined) map.set(key, row);
    else if (holder !== row) map.set(key, AMBIGUOUS);
  }
}
