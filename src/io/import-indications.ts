/**
 * Indication tables
 * =================
 * Reads a table of known drug indications: a header naming a drug column (drug_name, drug, …)
 * and an indication column (indication, disease, …), optionally `umls_cui` and `doid` columns
 * (matching by concept, core/screen/indication-match.ts); other columns are ignored. One row per
 * (drug, indication), as DrugCentral's `drug_indications` table has them. The app (bundled
 * table) and the command line (`--indications FILE`) read it through this one function.
 */
import type { IndicationRow } from '@/core/screen/indication-match';
import type { Table, TableRow } from './read-table';

/** Header names of the drug column, lower-cased. */
export const INDICATION_DRUG_COLUMNS: readonly string[] = [
  'drug_name',
  'drugname',
  'drug',
  'name',
  'compound',
];
/** Header names of the indication column, lower-cased. */
export const INDICATION_TEXT_COLUMNS: readonly string[] = [
  'indication',
  'disease',
  'condition',
  'indication_name',
];

/** Column positions of an indication table; −1 for an optional column that is absent. */
export interface IndicationColumns {
  readonly drug: number;
  readonly indication: number;
  readonly umlsCui: number;
  readonly doid: number;
}

/** The columns a header names, or null when it names no drug and indication column. */
export function findIndicationColumns(header: TableRow): IndicationColumns | null {
  const names = header.fields.map((field) => field.trim().toLowerCase());
  const drug = names.findIndex((name) => INDICATION_DRUG_COLUMNS.includes(name));
  const indication = names.findIndex((name) => INDICATION_TEXT_COLUMNS.includes(name));
  if (drug === -1 || indication === -1) return null;
  return { drug, indication, umlsCui: names.indexOf('umls_cui'), doid: names.indexOf('doid') };
}

/** Every data row (after the header) as an `IndicationRow`; rows must have the header's width. */
export async function readIndicationRows(
  table: Table,
  columns: IndicationColumns,
): Promise<IndicationRow[]> {
  const width = table.sample[0].fields.length;
  const rows: IndicationRow[] = [];
  await table.forEachRow(
    1,
    { exact: width, describe: `${width} columns, as in the header` },
    (fields) =>
      rows.push({
        drugName: fields[columns.drug],
        indication: fields[columns.indication],
        ...(columns.umlsCui === -1 ? {} : { umlsCui: fields[columns.umlsCui].trim() }),
        ...(columns.doid === -1 ? {} : { doid: fields[columns.doid].trim() }),
      }),
  );
  return rows;
}
