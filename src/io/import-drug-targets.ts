/**
 * Drug–target importer
 * ====================
 * Reads drug → target gene tables. Accepted layouts:
 *
 * - named columns: DrugCentral (`drugcentral_id drug_name … gene_symbol entrez_id … organism
 *   … action_type`), DrugBank-style (`drugbank_id drug_name … gene_symbol entrez_id … organism
 *   action`), or any header naming a drug column (drug_name, drug, compound…) and a target
 *   column (gene_symbol, entrez_id, target…);
 * - plain `drug target [action]`, two or three columns without a header.
 * Rows whose organism column is filled and not human (HUMAN, Humans, Homo sapiens, 9606) are
 * skipped and counted in a warning, as are rows without any target gene. A drug is identified by
 * its ID column when there is one, else by its name (case-insensitive); its targets are
 * de-duplicated by gene (first action kept, repeats counted in duplicatesDropped). Drugs left
 * with no target are not listed.
 */
import {
  ACTION_NAMES,
  DRUG_ID_NAMES,
  DRUG_NAME_NAMES,
  ENTREZ_NAMES,
  findColumn,
  GENE_NAMES,
  normalizeColumnName,
  ORGANISM_NAMES,
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
import { readLineBatches, type ImportSource } from './read-lines';
import { describeColumns, openTable, type Table } from './read-table';

export interface DrugTarget {
  /** Display symbol. */
  gene: string;
  entrez: string | null;
  /** As written in the file (INHIBITOR, agonist, …), or null. */
  action: string | null;
}

export interface Drug {
  name: string;
  /** The drug's ID in its source (DrugCentral, DrugBank, ChEMBL…), or null. */
  id: string | null;
  targets: DrugTarget[];
}

export interface ImportedDrugTargets {
  drugs: Drug[];
  report: ImportReport;
}

const HUMAN = /^(?:human|humans|homo sapiens|hsa|9606)$/i;

export async function importDrugTargets(
  source: ImportSource,
  fileName: string,
  geneIndex: GeneIndex | null,
  options: ImportOptions = {},
): Promise<ImportedDrugTargets> {
  const tableContents = TABLE_CONTENTS.drugTargets;
  const batches = readLineBatches(source, fileName, { ...options, tableContents });
  const table = await openTable(batches, fileName, tableContents);
  return importDrugTargetsTable(table, geneIndex);
}

/** `importDrugTargets` on a table already opened (used by `importAuto`). */
export async function importDrugTargetsTable(
  table: Table,
  geneIndex: GeneIndex | null,
): Promise<ImportedDrugTargets> {
  const { sample, fileName, separator } = table;
  const report = createReport(fileName, 'drugTargets');
  const registry = createGeneRegistry(geneIndex);
  const first = sample[0];
  const names = first.fields.map(normalizeColumnName);

  let nameColumn = findColumn(names, DRUG_NAME_NAMES);
  let idColumn = findColumn(names, DRUG_ID_NAMES);
  let entrezColumn = findColumn(names, ENTREZ_NAMES);
  let geneColumn = findColumn(names, GENE_NAMES);
  let actionColumn = findColumn(names, ACTION_NAMES);
  let organismColumn = findColumn(names, ORGANISM_NAMES);
  const isNamed =
    (nameColumn !== -1 || idColumn !== -1) && (entrezColumn !== -1 || geneColumn !== -1);
  if (!isNamed) {
    if (first.fields.length < 2 || first.fields.length > 3) {
      throw new ImportError(
        fileName,
        first.lineNumber,
        `${first.fields.length} columns without a recognised header`,
        'a header naming the drug and target columns (e.g. drug_name, gene_symbol), or plain "drug, target[, action]" rows',
      );
    }
    [nameColumn, idColumn, entrezColumn, geneColumn, organismColumn] = [0, -1, -1, 1, -1];
    actionColumn = first.fields.length === 3 ? 2 : -1;
  }
  report.headerDetected = isNamed;
  const roles = new Map<number, string>([
    [idColumn, 'drug ID'],
    [nameColumn, 'drug name'],
    [entrezColumn, 'target (Entrez ID)'],
    [geneColumn, entrezColumn === -1 ? 'target gene' : 'target symbol (display)'],
    [actionColumn, 'action'],
    [organismColumn, 'organism (non-human rows skipped)'],
  ]);
  report.columns = first.fields.map(
    (name, k) => `${isNamed ? name : `column ${k + 1}`} → ${roles.get(k) ?? 'ignored'}`,
  );

  interface Entry {
    name: string;
    id: string | null;
    genes: Map<number, string | null>;
  }
  const drugs = new Map<string, Entry>();
  const drugsSeen = new Set<string>();
  const otherOrganisms = new Map<string, number>();
  let nonHumanRows = 0;
  let rowsWithoutTarget = 0;

  report.rowsRead = await table.forEachRow(
    isNamed ? 1 : 0,
    {
      exact: first.fields.length,
      describe: describeColumns(
        first.fields.length,
        separator,
        isNamed ? 'as in the header' : 'drug, target and optional action',
      ),
    },
    (fields, lineNumber) => {
      const id = idColumn === -1 ? '' : fields[idColumn];
      const name = nameColumn === -1 ? id : fields[nameColumn] || id;
      if (name === '') {
        throw new ImportError(
          fileName,
          lineNumber,
          'row without a drug name or ID',
          'a drug name or ID on every row',
        );
      }
      const key = id !== '' ? id : name.toLowerCase();
      drugsSeen.add(key);
      const organism = organismColumn === -1 ? '' : fields[organismColumn];
      if (organism !== '' && !HUMAN.test(organism)) {
        nonHumanRows++;
        otherOrganisms.set(organism, (otherOrganisms.get(organism) ?? 0) + 1);
        return;
      }
      const symbol = geneColumn === -1 ? '' : fields[geneColumn];
      const entrez = entrezColumn === -1 ? '' : fields[entrezColumn];
      if (symbol === '' && entrez === '') {
        rowsWithoutTarget++;
        return;
      }
      const gene = entrezColumn === -1 ? registry.byId(symbol) : registry.byEntrez(entrez, symbol);
      let entry = drugs.get(key);
      if (entry === undefined) {
        entry = { name, id: id === '' ? null : id, genes: new Map() };
        drugs.set(key, entry);
      }
      if (entry.genes.has(gene)) {
        report.duplicatesDropped++;
        return;
      }
      const action = actionColumn === -1 ? '' : fields[actionColumn];
      entry.genes.set(gene, action === '' ? null : action);
    },
  );
  if (report.rowsRead === 0) {
    throw new ImportError(
      fileName,
      null,
      'no data rows (only a header)',
      'at least one drug–target row',
    );
  }

  if (nonHumanRows > 0) {
    const byCount = [...otherOrganisms].sort((a, b) => b[1] - a[1]).map(([name]) => name);
    report.warnings.push(
      `${nonHumanRows} rows with a non-human organism skipped (${examples(byCount)})`,
    );
  }
  if (rowsWithoutTarget > 0) {
    report.warnings.push(`${rowsWithoutTarget} rows without a target gene skipped`);
  }
  const leftOut = drugsSeen.size - drugs.size;
  if (leftOut > 0) {
    report.warnings.push(`${leftOut} drugs have no human target gene and are not listed`);
  }
  const result: Drug[] = [];
  for (const entry of drugs.values()) {
    const targets: DrugTarget[] = [];
    for (const [gene, action] of entry.genes) {
      targets.push({ gene: registry.display[gene], entrez: registry.entrez[gene], action });
    }
    result.push({ name: entry.name, id: entry.id, targets });
    report.recordsKept += targets.length;
  }
  registry.finish(report);
  return { drugs: result, report };
}
