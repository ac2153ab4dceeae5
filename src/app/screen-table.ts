/**
 * The drug table of the screen panel: rows, search, filters, sorting and pages
 * ============================================================================
 * One flat row per screened entry (drugs with identical targets and actions; core's
 * DrugScreenResult), with the numbers the table shows and whether the entry is a known drug of
 * the disease (any member name in the indication list, case-insensitive, as core's
 * validateScreen decides). Pure functions, so 1,300 rows are filtered and sorted in a few
 * milliseconds and only one page is rendered.
 *
 * Sorting is stable. Missing values (a method that did not run or could not score the drug,
 * NaN) always sort last, whichever the direction; ties keep the screen's rank order (then the
 * entry index). The counteraction column sorts by counteracting targets, then by fewer
 * mimicking ones.
 *
 * Direction (core's screen-direction.ts): proximity and propagation cannot tell a drug that
 * treats from one that aggravates. `directionBanner` is what the table's header says about it
 * (the "direction unknown" sentence without DEGs; else the DEG group used, the verdict counts
 * and any warning), `drugDirectionLine` what a drug's details say, and `DIRECTION_TAGS` the
 * short tags beside a drug's name (a drug that mimics the disease, or both counteracts and
 * mimics).
 */
import { DRUG_DIRECTION_DESCRIPTIONS, type DrugDirection } from '@/core/screen/counteraction';
import type { DrugScreenResult, ScreenResult } from '@/core/screen/drug-screen';

export interface DrugRow {
  entry: number;
  rank: number;
  drug: string;
  names: readonly string[];
  /** Screened targets (in the network's largest connected component). */
  targets: readonly string[];
  targetsInNetwork: number;
  dC: number | null;
  z: number | null;
  p: number | null;
  q: number | null;
  rwrScore: number | null;
  rwrP: number | null;
  counteracting: number | null;
  mimicking: number | null;
  /** The drug's verdict in the DEG group (null: no DEGs loaded). */
  direction: DrugDirection | null;
  cureScore: number | null;
  candidate: boolean | null;
  known: boolean;
  /** Lower-case member names and targets, for the search. */
  searchText: string;
}

export type DrugColumnKey =
  | 'rank'
  | 'drug'
  | 'targets'
  | 'dC'
  | 'z'
  | 'p'
  | 'q'
  | 'rwrScore'
  | 'rwrP'
  | 'counteraction'
  | 'cureScore';

export type SortDirection = 'asc' | 'desc';

export interface DrugColumn {
  key: DrugColumnKey;
  label: string;
  /** Tooltip: what the number is. */
  title: string;
  numeric: boolean;
  /** Direction of the first click (the "better first" one). */
  firstDirection: SortDirection;
}

export const DRUG_COLUMNS: readonly DrugColumn[] = [
  {
    key: 'rank',
    label: 'Rank',
    title: 'Final rank over the methods run (1 = best; ties averaged)',
    numeric: true,
    firstDirection: 'asc',
  },
  {
    key: 'drug',
    label: 'Drug',
    title: 'Drug (other drugs with the same targets and actions in brackets)',
    numeric: false,
    firstDirection: 'asc',
  },
  {
    key: 'targets',
    label: 'Targets',
    title: 'Targets in the network’s largest connected component',
    numeric: true,
    firstDirection: 'desc',
  },
  {
    key: 'dC',
    label: 'd_c',
    title: 'Closest distance: mean over targets of the hops to the nearest module gene',
    numeric: true,
    firstDirection: 'asc',
  },
  {
    key: 'z',
    label: 'z',
    title: 'Proximity z against degree-matched random draws (lower = closer than chance)',
    numeric: true,
    firstDirection: 'asc',
  },
  {
    key: 'p',
    label: 'p',
    title: 'Empirical p = #{d_r ≤ d_c}/R',
    numeric: true,
    firstDirection: 'asc',
  },
  {
    key: 'q',
    label: 'q',
    title: 'Benjamini–Hochberg q of the proximity p',
    numeric: true,
    firstDirection: 'asc',
  },
  {
    key: 'rwrScore',
    label: 'RWR z',
    title: 'Random-walk influence on the module, z against degree-matched random target sets',
    numeric: true,
    firstDirection: 'desc',
  },
  {
    key: 'rwrP',
    label: 'RWR p',
    title: 'Empirical p = #{I_r ≥ I}/R',
    numeric: true,
    firstDirection: 'asc',
  },
  {
    key: 'counteraction',
    label: 'Ctr / mim',
    title: 'Targeted DEGs the drug pushes back (counteracting) or further (mimicking)',
    numeric: true,
    firstDirection: 'desc',
  },
  {
    key: 'cureScore',
    label: 'Cure',
    title: 'Digital cure score: (reversed − aggravated) / signature genes',
    numeric: true,
    firstDirection: 'desc',
  },
];

/** Short tags beside a drug's name, for the verdicts worth a flag (with their tooltips). */
export const DIRECTION_TAGS: Readonly<
  Partial<Record<DrugDirection, { label: string; title: string }>>
> = {
  mimics: { label: 'mimics disease', title: DRUG_DIRECTION_DESCRIPTIONS.mimics },
  mixed: { label: 'mixed', title: DRUG_DIRECTION_DESCRIPTIONS.mixed },
};

export interface DirectionBanner {
  /** 'warning': no direction, or DEGs of another disease; 'info': direction from the DEGs. */
  tone: 'warning' | 'info';
  /** The statement, then the counts of each verdict (with DEGs), then each warning. */
  lines: string[];
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What the drug table's header says about direction (see the header). */
export function directionBanner(result: Pick<ScreenResult, 'direction'>): DirectionBanner {
  const { direction } = result;
  if (!direction.loaded || !direction.counts) {
    return { tone: 'warning', lines: [capitalise(direction.statement)] };
  }
  const { counteracts, mimics, mixed } = direction.counts;
  const counts =
    `${plural(counteracts, 'entry counteracts', 'entries counteract')} the disease, ` +
    `${plural(mimics, 'mimics', 'mimic')} it, ${mixed} mixed, ` +
    `${direction.counts['no-evidence']} without direction evidence.`;
  return {
    tone: direction.warnings.length > 0 ? 'warning' : 'info',
    lines: [
      capitalise(direction.statement),
      counts,
      ...direction.warnings.map((warning) => `Warning: ${warning}`),
    ],
  };
}

/** What a drug's details say about its direction. */
export function drugDirectionLine(
  drug: Pick<DrugScreenResult, 'direction' | 'counteraction'>,
  result: Pick<ScreenResult, 'direction'>,
): string {
  if (drug.direction === null || drug.counteraction === null) {
    return capitalise(result.direction.statement);
  }
  const { group, counteracting, mimicking } = drug.counteraction;
  return `${capitalise(DRUG_DIRECTION_DESCRIPTIONS[drug.direction])} (${group}: ${counteracting} counteracting, ${mimicking} mimicking).`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Case-insensitive set of known drug names. */
export function knownNameSet(names: Iterable<string>): Set<string> {
  const set = new Set<string>();
  for (const name of names) set.add(name.trim().toLowerCase());
  return set;
}

export function drugRows(result: ScreenResult, known: ReadonlySet<string>): DrugRow[] {
  return result.drugs.map((drug) => ({
    entry: drug.entry,
    rank: drug.rank,
    drug: drug.drug,
    names: drug.names,
    targets: drug.targets,
    targetsInNetwork: drug.targetsInNetwork,
    dC: drug.proximity?.dC ?? null,
    z: drug.proximity?.z ?? null,
    p: drug.proximity?.p ?? null,
    q: drug.proximity?.q ?? null,
    rwrScore: drug.rwr?.score ?? null,
    rwrP: drug.rwr?.p ?? null,
    counteracting: drug.counteraction?.counteracting ?? null,
    mimicking: drug.counteraction?.mimicking ?? null,
    direction: drug.direction,
    cureScore: drug.cure?.cureScore ?? null,
    candidate: drug.isCandidate,
    known: drug.names.some((name) => known.has(name.trim().toLowerCase())),
    searchText: [...drug.names, ...drug.targets].join('\n').toLowerCase(),
  }));
}

export interface DrugFilter {
  /** Words that must all appear in a member name or a target (case-insensitive). */
  query: string;
  /** scDrugPrio candidates only (needs proximity and DEGs). */
  candidatesOnly: boolean;
  /** Drugs with a known indication for the disease only. */
  knownOnly: boolean;
  /** Keep z ≤ maxZ; null: no limit. */
  maxZ: number | null;
}

export const DRUG_FILTER_DEFAULTS: Readonly<DrugFilter> = {
  query: '',
  candidatesOnly: false,
  knownOnly: false,
  maxZ: null,
};

export function filterDrugRows(rows: readonly DrugRow[], filter: Partial<DrugFilter>): DrugRow[] {
  const { query, candidatesOnly, knownOnly, maxZ } = { ...DRUG_FILTER_DEFAULTS, ...filter };
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const zLimit = maxZ !== null && Number.isFinite(maxZ) ? maxZ : null;
  return rows.filter(
    (row) =>
      (!candidatesOnly || row.candidate === true) &&
      (!knownOnly || row.known) &&
      (zLimit === null || (row.z !== null && row.z <= zLimit)) &&
      words.every((word) => row.searchText.includes(word)),
  );
}

const isMissing = (value: number | null): value is null => value === null || Number.isNaN(value);

function compareValues(a: number | null, b: number | null, sign: number): number {
  const missingA = isMissing(a);
  const missingB = isMissing(b);
  if (missingA || missingB) return missingA === missingB ? 0 : missingA ? 1 : -1;
  return a === b ? 0 : (a < b ? -1 : 1) * sign;
}

export function sortDrugRows(
  rows: readonly DrugRow[],
  key: DrugColumnKey,
  direction: SortDirection,
): DrugRow[] {
  const sign = direction === 'asc' ? 1 : -1;
  const compare = (a: DrugRow, b: DrugRow): number => {
    switch (key) {
      case 'drug':
        return sign * a.drug.localeCompare(b.drug, 'en', { sensitivity: 'base' });
      case 'targets':
        return compareValues(a.targetsInNetwork, b.targetsInNetwork, sign);
      case 'counteraction':
        return (
          compareValues(a.counteracting, b.counteracting, sign) ||
          compareValues(a.mimicking, b.mimicking, -sign)
        );
      default:
        return compareValues(a[key], b[key], sign);
    }
  };
  return rows
    .map((row, index) => ({ row, index }))
    .sort(
      (a, b) =>
        compare(a.row, b.row) ||
        a.row.rank - b.row.rank ||
        a.row.entry - b.row.entry ||
        a.index - b.index,
    )
    .map(({ row }) => row);
}

/** Number of pages of `size` rows (at least 1). */
export function pageCount(rowCount: number, size: number): number {
  return Math.max(1, Math.ceil(rowCount / size));
}

/** Rows of page `page` (0-based, clamped to the pages there are). */
export function pageRows<T>(rows: readonly T[], page: number, size: number): T[] {
  const last = pageCount(rows.length, size) - 1;
  const clamped = Math.min(Math.max(0, Math.floor(page)), last);
  return rows.slice(clamped * size, clamped * size + size);
}
