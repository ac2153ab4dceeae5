/**
 * Flat per-drug records and TSV for a screen result (for the CLI and the UI table)
 * ================================================================================
 * One record per entry (drugs grouped by identical targets and actions), in rank order, with
 * snake_case column names. Missing values (a method that did not run or could not score the
 * drug) are null. In the TSV, lists are joined with `|`, null is an empty field, numbers are
 * written in full precision (NaN and ±Infinity as such), booleans as true/false.
 * Columns, in order: see SCREEN_COLUMNS; meanings are those of drug-screen.ts. `direction` is
 * the drug's verdict in the chosen DEG group (counteracts, mimics, mixed, no-evidence), or
 * "unknown: no DEG direction loaded" (screen-direction.ts) when no DEGs were loaded; `candidate`
 * is then null for every drug. `screenDirectionLines` gives the screen's direction statement and
 * its warnings for a file's header.
 */
import type { DrugDirection } from './counteraction';
import type { ScreenResult } from './drug-screen';
import { DIRECTION_NOT_LOADED } from './screen-direction';

export interface ScreenRecord {
  rank: number;
  drug: string;
  names: string[];
  ids: (string | null)[];
  targets: string[];
  targets_in_network: number;
  targets_not_in_network: string[];
  targets_outside_lcc: string[];
  d_c: number | null;
  z: number | null;
  p: number | null;
  p_gaussian: number | null;
  q: number | null;
  null_mean: number | null;
  null_sd: number | null;
  rwr_influence: number | null;
  rwr_score: number | null;
  rwr_p: number | null;
  rwr_q: number | null;
  counteracting: number | null;
  mimicking: number | null;
  unknown_action: number | null;
  targeted_degs: number | null;
  direction: DrugDirection | typeof DIRECTION_NOT_LOADED;
  cure_score: number | null;
  cure_reversed: number | null;
  cure_aggravated: number | null;
  cure_spearman: number | null;
  cure_tanh_score: number | null;
  cure_tanh_spearman: number | null;
  rank_proximity: number | null;
  rank_rwr: number | null;
  rank_cure: number | null;
  combined_score: number;
  candidate: boolean | null;
  /** "TARGET→MODULE_GENE:distance" per screened target. */
  nearest_module_genes: string[];
  /** "GENE:role:expected" (expected up/down/?). */
  proteins_to_measure: string[];
}

export const SCREEN_COLUMNS: readonly (keyof ScreenRecord)[] = [
  'rank',
  'drug',
  'names',
  'ids',
  'targets',
  'targets_in_network',
  'targets_not_in_network',
  'targets_outside_lcc',
  'd_c',
  'z',
  'p',
  'p_gaussian',
  'q',
  'null_mean',
  'null_sd',
  'rwr_influence',
  'rwr_score',
  'rwr_p',
  'rwr_q',
  'counteracting',
  'mimicking',
  'unknown_action',
  'targeted_degs',
  'direction',
  'cure_score',
  'cure_reversed',
  'cure_aggravated',
  'cure_spearman',
  'cure_tanh_score',
  'cure_tanh_spearman',
  'rank_proximity',
  'rank_rwr',
  'rank_cure',
  'combined_score',
  'candidate',
  'nearest_module_genes',
  'proteins_to_measure',
];

export function screenRecords(result: ScreenResult): ScreenRecord[] {
  return result.drugs.map((row) => {
    const tanh = row.cureByActivation.tanh ?? null;
    return {
      rank: row.rank,
      drug: row.drug,
      names: [...row.names],
      ids: [...row.ids],
      targets: [...row.targets],
      targets_in_network: row.targetsInNetwork,
      targets_not_in_network: [...row.targetsNotInNetwork],
      targets_outside_lcc: [...row.targetsOutsideLcc],
      d_c: row.proximity?.dC ?? null,
      z: row.proximity?.z ?? null,
      p: row.proximity?.p ?? null,
      p_gaussian: row.proximity?.gaussianP ?? null,
      q: row.proximity?.q ?? null,
      null_mean: row.proximity?.nullMean ?? null,
      null_sd: row.proximity?.nullSd ?? null,
      rwr_influence: row.rwr?.influence ?? null,
      rwr_score: row.rwr?.score ?? null,
      rwr_p: row.rwr?.p ?? null,
      rwr_q: row.rwr?.q ?? null,
      counteracting: row.counteraction?.counteracting ?? null,
      mimicking: row.counteraction?.mimicking ?? null,
      unknown_action: row.counteraction?.unknownAction ?? null,
      targeted_degs: row.counteraction?.targetedDegs ?? null,
      direction: row.direction ?? DIRECTION_NOT_LOADED,
      cure_score: row.cure?.cureScore ?? null,
      cure_reversed: row.cure?.reversed ?? null,
      cure_aggravated: row.cure?.aggravated ?? null,
      cure_spearman: row.cure?.spearman ?? null,
      cure_tanh_score: tanh ? tanh.cureScore : null,
      cure_tanh_spearman: tanh ? tanh.spearman : null,
      rank_proximity: row.ranks.proximity ?? null,
      rank_rwr: row.ranks.rwr ?? null,
      rank_cure: row.ranks.cure ?? null,
      combined_score: row.combinedScore,
      candidate: row.isCandidate,
      nearest_module_genes: row.explanation.targets.map(
        (t) => `${t.gene}→${t.nearestModuleGene ?? '?'}:${t.distance}`,
      ),
      proteins_to_measure: row.explanation.proteinsToMeasure.map(
        (p) => `${p.gene}:${p.role}:${p.expected ?? '?'}`,
      ),
    };
  });
}

/**
 * The direction statement ("direction unknown: …" or "direction from DEG group …") and one
 * "warning: …" line per warning, for the header of an exported table (after "# ").
 */
export function screenDirectionLines(result: Pick<ScreenResult, 'direction'>): string[] {
  return [
    result.direction.statement,
    ...result.direction.warnings.map((warning) => `warning: ${warning}`),
  ];
}

function field(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((v) => (v === null ? '' : String(v))).join('|');
  return String(value).replace(/[\t\n\r]/g, ' ');
}

/** Tab-separated table with a header row (SCREEN_COLUMNS), one line per record. */
export function screenTsv(records: readonly ScreenRecord[]): string {
  const lines = [SCREEN_COLUMNS.join('\t')];
  for (const record of records) lines.push(SCREEN_COLUMNS.map((c) => field(record[c])).join('\t'));
  return lines.join('\n') + '\n';
}
