/**
 * Gene-set importer
 * =================
 * Reads disease modules, pathways or any named gene lists. Accepted layouts:
 *
 * - **one gene per line** (optionally under a header such as "gene" or "symbol"): one set,
 *   named after the file;
 * - **GMT** (MSigDB): `name<TAB>description<TAB>gene<TAB>gene…`, one set per line; chosen for
 *   `.gmt` files or rows of unequal length;
 * - **long table**, one (set, gene) pair per row: named columns such as `disease entrez_id
 *   symbol` (Menche 2015) or `pathway gene`, or two unnamed columns. Without names, the column
 *   with fewer distinct values in the first rows is the set column.
 * An Entrez column, when present and filled, is the gene identity; the symbol column then
 * only names it. Genes are de-duplicated within each set (counted in duplicatesDropped); sets
 * keep the order of their first row.
 */
import {
  ENTREZ_NAMES,
  findColumn,
  GENE_NAMES,
  normalizeColumnName,
  SET_NAMES,
} from './column-names';
import type { GeneIndex } from './gene-index';
import { createGeneRegistry } from './gene-registry';
import { ImportError } from './import-error';
import {
  createReport,
  type ImportOptions,
  type ImportReport,
  TABLE_CONTENTS,
} from './import-report';
import { readLineBatches, type ImportSource } from './read-lines';
import { describeColumns, openTable, type Table } from './read-table';

export interface GeneSet {
  name: string;
  /** Display symbols, one per distinct gene. */
  genes: string[];
  /** Entrez ID of each gene, parallel to `genes`, or null when unknown. */
  entrez: (string | null)[];
}

export interface ImportedGeneSets {
  sets: GeneSet[];
  report: ImportReport;
}

const GENE_LIST_HEADERS = new Set([...GENE_NAMES, ...ENTREZ_NAMES, 'genelist', 'id', 'ids']);

export async function importGeneSets(
  source: ImportSource,
  fileName: string,
  geneIndex: GeneIndex | null,
  options: ImportOptions = {},
): Promise<ImportedGeneSets> {
  const tableContents = TABLE_CONTENTS.geneSets;
  const batches = readLineBatches(source, fileName, { ...options, tableContents });
  const table = await openTable(batches, fileName, tableContents);
  return importGeneSetsTable(table, geneIndex);
}

/** `importGeneSets` on a table already opened (used by `importAuto`). */
export async function importGeneSetsTable(
  table: Table,
  geneIndex: GeneIndex | null,
): Promise<ImportedGeneSets> {
  const { sample, fileName, separator } = table;
  const report = createReport(fileName, 'geneSets');
  const registry = createGeneRegistry(geneIndex);
  const members: { name: string; genes: number[]; seen: Set<number> }[] = [];
  const setByName = new Map<string, number>();
  const setNamed = (setName: string): { genes: number[]; seen: Set<number> } => {
    let set = setByName.get(setName);
    if (set === undefined) {
      set = members.push({ name: setName, genes: [], seen: new Set() }) - 1;
      setByName.set(setName, set);
    }
    return members[set];
  };
  const add = (setName: string, gene: number): void => {
    const entry = setNamed(setName);
    if (entry.seen.has(gene)) report.duplicatesDropped++;
    else {
      entry.seen.add(gene);
      entry.genes.push(gene);
    }
  };
  const noGene = (lineNumber: number, column: number): ImportError =>
    new ImportError(
      fileName,
      lineNumber,
      `empty gene identifier in column ${column + 1}`,
      'a gene identifier on every row',
    );

  const first = sample[0];
  const names = first.fields.map(normalizeColumnName);
  const setColumn = findColumn(names, SET_NAMES);
  const entrezColumn = findColumn(names, ENTREZ_NAMES);
  const geneColumn = findColumn(names, GENE_NAMES);
  const counts = new Set(sample.map((row) => row.fields.length));
  const isGmt =
    /\.gmt(\.gz)?$/i.test(fileName) ||
    (counts.size > 1 && Math.min(...counts) >= 2 && setColumn === -1) ||
    (first.fields.length >= 3 && setColumn === -1 && geneColumn === -1 && entrezColumn === -1);

  if (setColumn !== -1 && (geneColumn !== -1 || entrezColumn !== -1)) {
    // Long table with named columns.
    report.headerDetected = true;
    report.columns = first.fields.map((name, k) => {
      const role =
        k === setColumn
          ? 'set name'
          : k === entrezColumn
            ? 'gene (Entrez ID)'
            : k === geneColumn
              ? entrezColumn === -1
                ? 'gene'
                : 'gene symbol (display)'
              : 'ignored';
      return `${name} → ${role}`;
    });
    report.rowsRead = await table.forEachRow(
      1,
      {
        exact: first.fields.length,
        describe: describeColumns(first.fields.length, separator, 'as in the header'),
      },
      (fields, lineNumber) => {
        const symbol = geneColumn === -1 ? '' : fields[geneColumn];
        const entrez = entrezColumn === -1 ? '' : fields[entrezColumn];
        if (symbol === '' && entrez === '') throw noGene(lineNumber, geneColumn);
        const gene =
          entrezColumn === -1 ? registry.byId(symbol) : registry.byEntrez(entrez, symbol);
        add(fields[setColumn], gene);
      },
    );
  } else if (first.fields.length === 1 && counts.size === 1) {
    // One gene per line.
    const isHeader = GENE_LIST_HEADERS.has(names[0]);
    const setName = fileName.replace(/\.gz$/i, '').replace(/\.[^./\\]*$/, '');
    report.headerDetected = isHeader;
    report.columns = [`${isHeader ? first.fields[0] : 'column 1'} → gene (set "${setName}")`];
    report.rowsRead = await table.forEachRow(
      isHeader ? 1 : 0,
      { exact: 1, describe: 'one gene per line' },
      (fields) => add(setName, registry.byId(fields[0])),
    );
  } else if (isGmt) {
    report.columns = [
      'column 1 → set name',
      'column 2 → description (ignored)',
      'columns 3… → genes',
    ];
    let emptySets = 0;
    let repeatedNames = 0;
    report.rowsRead = await table.forEachRow(
      0,
      { min: 2, describe: 'a GMT line "name<TAB>description<TAB>gene…"' },
      (fields) => {
        if (setByName.has(fields[0])) repeatedNames++;
        setNamed(fields[0]);
        let genes = 0;
        for (let k = 2; k < fields.length; k++) {
          if (fields[k] === '') continue;
          add(fields[0], registry.byId(fields[k]));
          genes++;
        }
        if (genes === 0) emptySets++;
      },
    );
    if (emptySets > 0) report.warnings.push(`${emptySets} GMT lines list no genes`);
    if (repeatedNames > 0) {
      report.warnings.push(`${repeatedNames} GMT lines repeat a set name; their genes were merged`);
    }
  } else if (first.fields.length === 2) {
    // Two unnamed columns: set and gene, in whichever order the sample suggests.
    const hasHeader = setColumn !== -1 || geneColumn !== -1 || entrezColumn !== -1;
    const rows = hasHeader ? sample.slice(1) : sample;
    const distinct = (k: number): number => new Set(rows.map((row) => row.fields[k])).size;
    const setAt =
      setColumn !== -1
        ? setColumn
        : geneColumn !== -1 || entrezColumn !== -1
          ? 1 - Math.max(geneColumn, entrezColumn)
          : distinct(1) < distinct(0)
            ? 1
            : 0;
    const geneAt = 1 - setAt;
    report.headerDetected = hasHeader;
    report.columns = [0, 1].map(
      (k) =>
        `${hasHeader ? first.fields[k] : `column ${k + 1}`} → ${k === setAt ? 'set name' : 'gene'}`,
    );
    report.rowsRead = await table.forEachRow(
      hasHeader ? 1 : 0,
      { exact: 2, describe: describeColumns(2, separator, 'set and gene') },
      (fields, lineNumber) => {
        if (fields[geneAt] === '') throw noGene(lineNumber, geneAt);
        add(fields[setAt], registry.byId(fields[geneAt]));
      },
    );
  } else {
    throw new ImportError(
      fileName,
      first.lineNumber,
      `cannot tell the set and gene columns apart in "${first.text}"`,
      'one gene per line, GMT, or a header naming a set column (disease, pathway, set…) and a gene column (symbol, entrez_id…)',
    );
  }
  if (report.rowsRead === 0) {
    throw new ImportError(fileName, null, 'no data rows (only a header)', 'at least one gene');
  }

  const sets = members.map(({ name, genes }) => ({
    name,
    genes: genes.map((gene) => registry.display[gene]),
    entrez: genes.map((gene) => registry.entrez[gene]),
  }));
  report.recordsKept = sets.reduce((sum, set) => sum + set.genes.length, 0);
  registry.finish(report);
  return { sets, report };
}
