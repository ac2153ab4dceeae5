/**
 * Differential-expression table importer
 * ======================================
 * Reads DEG tables from Seurat (`p_val avg_log2FC pct.1 pct.2 p_val_adj cluster gene`), DESeq2
 * (`log2FoldChange pvalue padj`), limma (`logFC P.Value adj.P.Val`), scanpy (`names
 * logfoldchanges pvals pvals_adj`), Monocle as in the SAR digital-twin data (`cell_type symbol
 * entrez_id log10_fc qval`), and the like. A header is required; it must name a gene column and
 * a fold-change column; p, q (adjusted p) and group (cell type, cluster) columns are optional
 * (without a group column every row is in group "all").
 *
 * - R's `write.csv`/`write.table` leave the row-name column unnamed, so the header is one field
 *   short: it is then read as an unnamed first column, which is the gene when no gene column
 *   is named (Seurat `FindMarkers` output).
 * - log fold changes of ±Inf (a gene with zero mean in one group) are kept as ±Infinity and
 *   counted in a warning; NA fold changes drop the row (counted); NA p/q values become null.
 * - rows repeating a (group, gene) pair, with the gene as written in the file, are dropped and
 *   counted. Two different identifiers that map to one Entrez ID are both kept and reported.
 */
import {
  ENTREZ_NAMES,
  findColumn,
  GENE_NAMES,
  GROUP_NAMES,
  LOG_FC_NAMES,
  normalizeColumnName,
  P_NAMES,
  Q_NAMES,
} from './column-names';
import type { GeneIndex } from './gene-index';
import { createGeneRegistry } from './gene-registry';
import { ImportError } from './import-error';
import {
  createReport,
  examples,
  type ImportOptions,
  type ImportReport,
  TABLE_CONTENTS,
} from './import-report';
import { isMissing, parseInfinity, parseNumber } from './parse-number';
import { readLineBatches, type ImportSource } from './read-lines';
import { describeColumns, openTable, type Table } from './read-table';

export interface DegRow {
  /** Display symbol. */
  gene: string;
  entrez: string | null;
  group: string;
  /** As in the file (see `logBase`); may be ±Infinity. */
  logFC: number;
  p: number | null;
  q: number | null;
}

export interface ImportedDegTable {
  rows: DegRow[];
  /** Groups in order of first appearance. */
  groups: string[];
  /** Base of the fold-change logarithm implied by the column name (null: not stated). */
  logBase: 2 | 10 | 'e' | null;
  report: ImportReport;
}

const ALL_GROUP = 'all';

export async function importDegTable(
  source: ImportSource,
  fileName: string,
  geneIndex: GeneIndex | null,
  options: ImportOptions = {},
): Promise<ImportedDegTable> {
  const tableContents = TABLE_CONTENTS.degTable;
  const batches = readLineBatches(source, fileName, { ...options, tableContents });
  const table = await openTable(batches, fileName, tableContents);
  return importDegTableTable(table, geneIndex);
}

/** `importDegTable` on a table already opened (used by `importAuto`). */
export async function importDegTableTable(
  table: Table,
  geneIndex: GeneIndex | null,
): Promise<ImportedDegTable> {
  const { sample, fileName, separator } = table;
  const report = createReport(fileName, 'degTable');
  const registry = createGeneRegistry(geneIndex);
  const header = sample[0];
  const headerFields = header.fields.slice();
  const hasRowNames = sample.length > 1 && sample[1].fields.length === headerFields.length + 1;
  if (hasRowNames) headerFields.unshift('');
  const names = headerFields.map(normalizeColumnName);

  const logFcAt = LOG_FC_NAMES.findIndex(([name]) => names.includes(name));
  let geneColumn = findColumn(names, [...GENE_NAMES, 'id']); // limma topTable: ID
  const entrezColumn = findColumn(names, ENTREZ_NAMES);
  // Row names hold the genes when no column is named for them (write.table, or write.csv's "").
  if (geneColumn === -1 && entrezColumn === -1 && names[0] === '') geneColumn = 0;
  if (logFcAt === -1 || (geneColumn === -1 && entrezColumn === -1)) {
    throw new ImportError(
      fileName,
      header.lineNumber,
      `the header "${header.text.slice(0, 200)}" names no ${logFcAt === -1 ? 'log fold-change' : 'gene'} column`,
      'a header naming a gene column (gene, symbol, entrez_id…) and a log fold-change column (avg_log2FC, log2FoldChange, logFC, log10_fc…)',
    );
  }
  const [logFcName, logBase] = LOG_FC_NAMES[logFcAt];
  const logFcColumn = names.indexOf(logFcName);
  const pColumn = findColumn(names, P_NAMES);
  const qColumn = findColumn(names, Q_NAMES);
  const groupColumn = findColumn(names, GROUP_NAMES);
  const roles = new Map<number, string>([
    [groupColumn, 'group'],
    [entrezColumn, 'gene (Entrez ID)'],
    [geneColumn, entrezColumn === -1 ? 'gene' : 'gene symbol (display)'],
    [
      logFcColumn,
      `log fold change${logBase === null ? '' : ` (log${logBase === 'e' ? ' e' : logBase})`}`,
    ],
    [pColumn, 'p'],
    [qColumn, 'q (adjusted p)'],
  ]);
  report.headerDetected = true;
  report.columns = headerFields.map(
    (name, k) => `${name || '(row names)'} → ${roles.get(k) ?? 'ignored'}`,
  );

  const rows: DegRow[] = [];
  const groups: string[] = [];
  const seenGroups = new Set<string>();
  const seen = new Set<string>();
  const entrezInGroup = new Map<string, string>();
  const sharedEntrez: string[] = [];
  let infinite = 0;
  let missingFc = 0;
  const fieldCount = headerFields.length;

  const probability = (text: string, column: number, lineNumber: number): number | null => {
    if (isMissing(text)) return null;
    const value = parseNumber(text);
    if (!(value >= 0 && value <= 1)) {
      throw new ImportError(
        fileName,
        lineNumber,
        `"${text}" in column ${column + 1} ("${headerFields[column]}") is not a probability`,
        `a number between 0 and 1 (or NA) in column ${column + 1}`,
      );
    }
    return value;
  };

  report.rowsRead = await table.forEachRow(
    1,
    {
      exact: fieldCount,
      describe: describeColumns(
        fieldCount,
        separator,
        hasRowNames ? 'as in the header plus the row-name column' : 'as in the header',
      ),
    },
    (fields, lineNumber) => {
      const symbol = geneColumn === -1 ? '' : fields[geneColumn];
      const entrez = entrezColumn === -1 ? '' : fields[entrezColumn];
      if (symbol === '' && entrez === '') {
        throw new ImportError(
          fileName,
          lineNumber,
          'row without a gene',
          `a gene identifier in column ${(geneColumn === -1 ? entrezColumn : geneColumn) + 1}`,
        );
      }
      const fcText = fields[logFcColumn];
      let logFC = parseNumber(fcText);
      if (Number.isNaN(logFC)) {
        const infinity = parseInfinity(fcText);
        if (infinity !== null) {
          logFC = infinity;
          infinite++;
        } else if (isMissing(fcText)) {
          missingFc++;
          return;
        } else {
          throw new ImportError(
            fileName,
            lineNumber,
            `non-numeric log fold change "${fcText}" in column ${logFcColumn + 1} ("${headerFields[logFcColumn]}")`,
            `a number (or Inf, -Inf, NA) in column ${logFcColumn + 1}`,
          );
        }
      }
      const p = pColumn === -1 ? null : probability(fields[pColumn], pColumn, lineNumber);
      const q = qColumn === -1 ? null : probability(fields[qColumn], qColumn, lineNumber);
      const group = groupColumn === -1 ? ALL_GROUP : fields[groupColumn];

      const written = `${group}\u0000${(entrez || symbol).toUpperCase()}\u0000${symbol.toUpperCase()}`;
      if (seen.has(written)) {
        report.duplicatesDropped++;
        return;
      }
      seen.add(written);
      const gene = entrezColumn === -1 ? registry.byId(symbol) : registry.byEntrez(entrez, symbol);
      const geneEntrez = registry.entrez[gene];
      if (geneEntrez !== null) {
        const key = `${group}\u0000${geneEntrez}`;
        const other = entrezInGroup.get(key);
        if (other === undefined) entrezInGroup.set(key, symbol || entrez);
        else sharedEntrez.push(`${other}/${symbol || entrez} (${group})`);
      }
      if (!seenGroups.has(group)) {
        seenGroups.add(group);
        groups.push(group);
      }
      rows.push({ gene: registry.display[gene], entrez: geneEntrez, group, logFC, p, q });
    },
  );
  if (report.rowsRead === 0) {
    throw new ImportError(fileName, null, 'no data rows (only a header)', 'at least one gene row');
  }
  if (hasRowNames) {
    report.warnings.push('the header is one field short (R row names): column 1 read as row names');
  }
  if (infinite > 0) {
    report.warnings.push(`${infinite} rows have an infinite log fold change (kept as ±Infinity)`);
  }
  if (missingFc > 0) report.warnings.push(`${missingFc} rows with an NA fold change skipped`);
  if (sharedEntrez.length > 0) {
    report.warnings.push(
      `${sharedEntrez.length} rows name a gene whose Entrez ID another row of the same group already has: ${examples(sharedEntrez)}`,
    );
  }
  report.recordsKept = rows.length;
  registry.finish(report);
  return { rows, groups, logBase, report };
}
