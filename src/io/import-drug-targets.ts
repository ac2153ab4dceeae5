/**
 * Drug–target importer
 * ====================
 * Reads drug → target gene tables. Accepted layouts:
 *
 * - named columns: DrugCentral (`drugcentral_id drug_name … gene_symbol entrez_id … organism
 *   … action_type`), DrugBank-style (`drugbank_id drug_name … gene_symbol entrez_id … organism
 *   action`), or any header naming a drug column (drug_name, drug, compound…) and a target
 *   column (gene_symbol, entrez_id, target…);
 * - plain `drug target [action]`, two or three columns without a header;
 * - DrugBank's target tables (`ID Name Gene Name … Species Drug IDs`), one row per target
 *   whose "Drug IDs" cell lists its drugs ("DB00001; DB00006"): each ID becomes a drug named
 *   by its ID ("Name" there names the target and is ignored).
 * A first row naming any known column (drug, target, action, organism) is a header; it must
 * then name a drug and a target column, else the import fails with the columns found and the
 * names accepted (column-names.ts) rather than reading the header as a drug.
 *
 * Cells listing several targets (`TNF;IL6`, `TNF|IL6`, `TNF, IL6` — in a CSV a quoted cell —,
 * DrugBank's `TNF; IL6`) become one target each: split on ";", "|" and ",", items trimmed,
 * empty items dropped. "/" and spaces do not split (aliases such as "Oct3/4", protein names).
 * The row's action goes to each target; an action cell that lists exactly as many actions
 * (`antagonist;agonist` beside `DRD2;HTR2A`) is paired with the targets in order, one of
 * another length is kept whole for each target. An Entrez list is paired with a symbol list of
 * the same length; otherwise the Entrez IDs decide and the gene table names them. Splits,
 * pairings and mismatches are counted in warnings. Drug ID cells are split the same way; drug
 * names are not (they contain commas: "insulin, human").
 * Rows whose organism column is filled and not human (HUMAN, Humans, Homo sapiens, 9606) are
 * skipped and counted in a warning, as are rows without any target gene; a table in which no
 * row is left fails. A drug is identified by its ID column when there is one, else by its name
 * (case-insensitive); its targets are de-duplicated by gene (first action kept, repeats counted
 * in duplicatesDropped). Drugs left with no target are not listed.
 */
import {
  ACTION_NAMES,
  DRUG_ID_NAMES,
  DRUG_NAME_NAMES,
  ENTREZ_NAMES,
  findColumn,
  normalizeColumnName,
  ORGANISM_NAMES,
  TARGET_GENE_NAMES,
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

/** Any cell naming one of these marks the first row as a header. */
const HEADER_NAMES = new Set<string>([
  ...DRUG_NAME_NAMES,
  ...DRUG_ID_NAMES,
  ...TARGET_GENE_NAMES,
  ...ENTREZ_NAMES,
  ...ACTION_NAMES,
  ...ORGANISM_NAMES,
]);

/** Cells that list several targets (or drug IDs or actions): "TNF;IL6", "TNF|IL6", "TNF, IL6". */
const LIST_SEPARATOR = /[;|,]/;

/** The items of a list cell, trimmed, empty ones dropped; [] for an empty cell. */
export function splitList(cell: string): string[] {
  if (!LIST_SEPARATOR.test(cell)) return cell === '' ? [] : [cell];
  return cell
    .split(LIST_SEPARATOR)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** "symbol, gene_symbol, …" as compared (normalised column names). */
function acceptedNames(names: readonly string[]): string {
  return `${[...new Set(names)].join(', ')} (case, spaces and punctuation ignored)`;
}

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
  let geneColumn = findColumn(names, TARGET_GENE_NAMES);
  let actionColumn = findColumn(names, ACTION_NAMES);
  let organismColumn = findColumn(names, ORGANISM_NAMES);
  const hasDrug = nameColumn !== -1 || idColumn !== -1;
  const hasTarget = entrezColumn !== -1 || geneColumn !== -1;
  const isNamed = hasDrug && hasTarget;
  const found = `the columns found: ${first.fields.map((field) => `"${field}"`).join(', ')}`;
  if (!isNamed && names.some((name) => HEADER_NAMES.has(name))) {
    // A header, but one role has no column: name what is missing and what would be accepted.
    throw new ImportError(
      fileName,
      first.lineNumber,
      `no ${hasTarget ? 'drug' : 'target'} column among ${found}`,
      hasTarget
        ? `a drug column named one of ${acceptedNames([...DRUG_NAME_NAMES, ...DRUG_ID_NAMES])}`
        : `a target column named one of ${acceptedNames(TARGET_GENE_NAMES)}, or for Entrez IDs one of ${acceptedNames(ENTREZ_NAMES)}`,
    );
  }
  if (!isNamed) {
    if (first.fields.length < 2 || first.fields.length > 3) {
      throw new ImportError(
        fileName,
        first.lineNumber,
        `${first.fields.length} columns without a recognised header (${found})`,
        `a header naming the drug and target columns (drug: ${acceptedNames([...DRUG_NAME_NAMES, ...DRUG_ID_NAMES])}; target: ${acceptedNames([...TARGET_GENE_NAMES, ...ENTREZ_NAMES])}), or plain "drug, target[, action]" rows`,
      );
    }
    [nameColumn, idColumn, entrezColumn, geneColumn, organismColumn] = [0, -1, -1, 1, -1];
    actionColumn = first.fields.length === 3 ? 2 : -1;
  }
  // DrugBank's target tables list the drugs of each target in "Drug IDs"; their "Name" column
  // names the target, not a drug.
  if (isNamed && names[idColumn] === 'drugids' && names[nameColumn] === 'name') nameColumn = -1;
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
  let targetCellsSplit = 0;
  let targetsFromSplitCells = 0;
  let actionsPaired = 0;
  let actionsNotPaired = 0;
  let symbolListsDropped = 0;
  let drugCellsSplit = 0;

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
      const idCell = idColumn === -1 ? '' : fields[idColumn];
      const ids = splitList(idCell);
      const nameCell = nameColumn === -1 ? '' : fields[nameColumn];
      if (nameCell === '' && ids.length === 0) {
        throw new ImportError(
          fileName,
          lineNumber,
          'row without a drug name or ID',
          'a drug name or ID on every row',
        );
      }
      if (ids.length > 1) drugCellsSplit++;
      // [key, name, id] of each drug of the row: one, or one per ID of a list of drug IDs.
      const rowDrugs: [string, string, string | null][] =
        ids.length > 1
          ? ids.map((id) => [id, id, id])
          : ids.length === 1
            ? [[ids[0], nameCell || ids[0], ids[0]]]
            : [[nameCell.toLowerCase(), nameCell, null]];
      for (const [key] of rowDrugs) drugsSeen.add(key);
      const organism = organismColumn === -1 ? '' : fields[organismColumn];
      if (organism !== '' && !HUMAN.test(organism)) {
        nonHumanRows++;
        otherOrganisms.set(organism, (otherOrganisms.get(organism) ?? 0) + 1);
        return;
      }
      const symbols = splitList(geneColumn === -1 ? '' : fields[geneColumn]);
      const entrezIds = splitList(entrezColumn === -1 ? '' : fields[entrezColumn]);
      let genes: number[];
      if (entrezIds.length > 0) {
        // Entrez IDs are the identity; a symbol list of another length cannot name them.
        const paired = symbols.length === entrezIds.length;
        if (!paired && symbols.length > 0) symbolListsDropped++;
        genes = entrezIds.map((entrez, k) => registry.byEntrez(entrez, paired ? symbols[k] : ''));
      } else {
        genes = symbols.map((symbol) => registry.byId(symbol));
      }
      if (genes.length === 0) {
        rowsWithoutTarget++;
        return;
      }
      if (genes.length > 1) {
        targetCellsSplit++;
        targetsFromSplitCells += genes.length;
      }
      const actionCell = actionColumn === -1 ? '' : fields[actionColumn];
      let actions: string[] = [];
      if (actionCell !== '') {
        const listed = splitList(actionCell);
        if (genes.length > 1 && listed.length === genes.length) {
          actions = listed;
          actionsPaired++;
        } else {
          if (listed.length > 1) actionsNotPaired++;
          actions = genes.map(() => actionCell);
        }
      }
      for (const [key, name, id] of rowDrugs) {
        let entry = drugs.get(key);
        if (entry === undefined) {
          entry = { name, id, genes: new Map() };
          drugs.set(key, entry);
        }
        for (let k = 0; k < genes.length; k++) {
          if (entry.genes.has(genes[k])) {
            report.duplicatesDropped++;
            continue;
          }
          entry.genes.set(genes[k], actions.length === 0 ? null : actions[k]);
        }
      }
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
  if (drugs.size === 0) {
    const why = [
      rowsWithoutTarget > 0 ? `${rowsWithoutTarget} rows have an empty target cell` : '',
      nonHumanRows > 0 ? `${nonHumanRows} rows have a non-human organism` : '',
    ].filter((reason) => reason !== '');
    throw new ImportError(
      fileName,
      null,
      `no row names a human target gene (${why.join(', ')})`,
      `a target gene in column ${geneColumn === -1 ? entrezColumn + 1 : geneColumn + 1} of at least one row`,
    );
  }
  if (targetCellsSplit > 0) {
    report.warnings.push(
      `${targetCellsSplit} target cells listed several targets (separated by ";", "|" or ","): split into ${targetsFromSplitCells} targets, each with the row's action${actionsPaired > 0 ? ` (${actionsPaired} action cells listing one action per target were paired with them in order)` : ''}`,
    );
  }
  if (actionsNotPaired > 0) {
    report.warnings.push(
      `${actionsNotPaired} action cells list a different number of actions than their row has targets; the whole cell was kept as the action of each target`,
    );
  }
  if (symbolListsDropped > 0) {
    report.warnings.push(
      `${symbolListsDropped} rows list a different number of symbols than Entrez IDs; the targets were named from the gene table`,
    );
  }
  if (drugCellsSplit > 0) {
    report.warnings.push(
      `${drugCellsSplit} drug ID cells listed several drugs: each drug got the row's targets and is named by its ID`,
    );
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
