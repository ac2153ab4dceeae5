/**
 * Direction of a screen: can it tell a drug that treats from one that aggravates?
 * ===============================================================================
 * Proximity (d_c, z) and random-walk influence measure how close a drug's targets sit to the
 * module; neither knows whether the drug pushes the disease back or further (on the
 * rheumatoid-arthritis demo the top of the ranking holds a CTLA4-blocking antibody and IL-2,
 * which aggravate autoimmunity). Only the DEG fold changes give a direction (counteraction.ts;
 * scDrugPrio's action filter, ALGORITHMS.md §4 step 5). So every screen result says which case
 * it is:
 * - no DEG group loaded: `DIRECTION_UNKNOWN`, no drug is a candidate, no drug has a direction;
 * - DEGs loaded: the group and table used, and per drug counteracts / mimics / mixed /
 *   no-evidence (counteraction.ts `drugDirection`).
 *
 * The DEG table's disease. It is known from a label the user gives (`--degs-disease` in the
 * CLI, the "DEGs' disease" field in the app), else from the bundled file's name
 * (`BUNDLED_DEG_TABLES`), else it is unstated. It is compared with the module's name by words:
 * lower-case, split at every character that is not a letter or digit; the two are the same
 * disease when the words of one are all among the words of the other ("arthritis, rheumatoid"
 * = "rheumatoid arthritis"; "rhinitis" = "seasonal allergic rhinitis"). A different disease
 * gives a warning naming both: counteraction then judges drugs by another disease's expression.
 */
import { DRUG_DIRECTIONS, type DrugDirection } from './counteraction';

/** What a screen without DEG direction says, in its headers, details and exports. */
export const DIRECTION_UNKNOWN =
  'direction unknown: no DEG direction loaded; proximity and propagation cannot tell a drug that treats from one that aggravates';

/** Per-drug direction label in flat records when no DEG direction is loaded. */
export const DIRECTION_NOT_LOADED = 'unknown: no DEG direction loaded';

/** Bundled DEG tables and the disease each comes from (public/data/ATTRIBUTION.md). */
export const BUNDLED_DEG_TABLES: readonly {
  readonly fileName: string;
  readonly disease: string;
}[] = [{ fileName: 'sar_degs_li2022_day3.tsv.gz', disease: 'seasonal allergic rhinitis' }];

/** The disease of a bundled DEG file, by its base name (case-insensitive), or null. */
export function bundledDegDisease(fileName: string): string | null {
  const base = fileName.split(/[/\\]/).at(-1)?.toLowerCase() ?? '';
  return BUNDLED_DEG_TABLES.find((table) => table.fileName === base)?.disease ?? null;
}

function diseaseWords(name: string): string[] {
  return name
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Same disease: every word of one name is a word of the other (see the header). */
export function sameDisease(a: string, b: string): boolean {
  const wordsA = diseaseWords(a);
  const wordsB = diseaseWords(b);
  if (wordsA.length === 0 || wordsB.length === 0) return false;
  const [shorter, longer] = wordsA.length <= wordsB.length ? [wordsA, wordsB] : [wordsB, wordsA];
  const set = new Set(longer);
  return shorter.every((word) => set.has(word));
}

/** 'same' or 'different' disease, or 'unstated' when the DEG table's disease is not known. */
export type DegDiseaseCheck = 'same' | 'different' | 'unstated';

export function degDiseaseCheck(
  moduleDisease: string,
  degsDisease: string | null | undefined,
): DegDiseaseCheck {
  const stated = degsDisease?.trim() ?? '';
  if (stated === '') return 'unstated';
  return sameDisease(moduleDisease, stated) ? 'same' : 'different';
}

/** The warning for DEGs of another disease than the module's (null when it does not apply). */
export function degDiseaseWarning(
  moduleDisease: string,
  degsDisease: string | null | undefined,
  degsName: string | null = null,
): string | null {
  if (degDiseaseCheck(moduleDisease, degsDisease) !== 'different') return null;
  const table = degsName ? ` (${degsName})` : '';
  return (
    `DEGs from "${degsDisease?.trim()}"${table} used to screen "${moduleDisease}": ` +
    "counteraction, the direction labels and the candidate flag judge drugs by another disease's expression"
  );
}

/** The note for a DEG table whose disease is not known (null when it does not apply). */
export function degDiseaseUnstatedNote(
  moduleDisease: string,
  degsDisease: string | null | undefined,
  degsName: string | null = null,
): string | null {
  if (degDiseaseCheck(moduleDisease, degsDisease) !== 'unstated') return null;
  return (
    `the DEG table${degsName ? ` ${degsName}` : ''} does not say which disease it is from ` +
    `(give its disease label); counteraction assumes it is "${moduleDisease}"`
  );
}

export interface ScreenDirection {
  /** A DEG group gave the drugs a direction. */
  readonly loaded: boolean;
  /** One plain sentence for table headers, details and exports. */
  readonly statement: string;
  /** DEG table name, group used, and the table's disease as known (null: not loaded / unstated). */
  readonly degs: string | null;
  readonly group: string | null;
  readonly degsDisease: string | null;
  readonly moduleDisease: string;
  /** Null when no DEGs are loaded. */
  readonly diseaseCheck: DegDiseaseCheck | null;
  /** E.g. DEGs of another disease than the module's. */
  readonly warnings: readonly string[];
  /** Entries per verdict (null when no DEGs are loaded). */
  readonly counts: Readonly<Record<DrugDirection, number>> | null;
}

export interface ScreenDirectionInput {
  readonly moduleDisease: string;
  /** Null when no DEG group is in use. */
  readonly degs: {
    readonly name: string | null;
    readonly group: string;
    readonly disease: string | null;
  } | null;
  /** Per entry, its verdict in the group (ignored without DEGs). */
  readonly directions: readonly (DrugDirection | null)[];
}

export function screenDirection(input: ScreenDirectionInput): ScreenDirection {
  const { moduleDisease, degs } = input;
  if (degs === null) {
    return {
      loaded: false,
      statement: DIRECTION_UNKNOWN,
      degs: null,
      group: null,
      degsDisease: null,
      moduleDisease,
      diseaseCheck: null,
      warnings: [],
      counts: null,
    };
  }
  const disease = degs.disease?.trim() || null;
  const counts = Object.fromEntries(DRUG_DIRECTIONS.map((d) => [d, 0])) as Record<
    DrugDirection,
    number
  >;
  for (const direction of input.directions) if (direction !== null) counts[direction]++;
  const check = degDiseaseCheck(moduleDisease, disease);
  const warning = degDiseaseWarning(moduleDisease, disease, degs.name);
  const source = `${degs.name ?? 'the DEG table'}${disease ? ` (${disease})` : ''}`;
  return {
    loaded: true,
    statement:
      `direction from DEG group "${degs.group}" of ${source}: a drug counteracts a targeted DEG when its action ` +
      'opposes the fold change and mimics the disease when it reinforces it; proximity and propagation ranks ignore direction',
    degs: degs.name,
    group: degs.group,
    degsDisease: disease,
    moduleDisease,
    diseaseCheck: check,
    warnings: warning ? [warning] : [],
    counts,
  };
}
