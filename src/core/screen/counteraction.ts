/**
 * Counteraction: does a drug push its targeted DEGs back, or further?
 * ===================================================================
 * scDrugPrio's pharmacological-action filter (Schäfer et al. 2024; ALGORITHMS.md §4):
 *
 * | drug action on target (action-class.ts) | target DEG up (logFC > 0) | target DEG down (logFC < 0) |
 * |---|---|---|
 * | up (agonist, activator, …) | mimics | **counteracts** |
 * | down (inhibitor, antagonist, …) | **counteracts** | mimics |
 * | unknown | unknown | unknown |
 *
 * Counted over the entry's screened targets (in the network's LCC) that are DEGs of the group
 * (cell type, cluster…): `counteracting` + `mimicking` + `unknownAction` = `targetedDegs`.
 * A logFC of exactly 0 or NaN gives no direction and is not a DEG here; ±Infinity (a gene
 * absent in one group) has a sign and counts. Unknown actions stay unknown: scDrugPrio curated
 * them by hand, which we do not imitate. scDrugPrio's candidate rule is P < 0.05 ∧ d_c < 1 ∧
 * counteracting ≥ 1 (drug-screen.ts applies it).
 *
 * Per-drug verdict (`drugDirection`, our rule for scDrugPrio's counts; ALGORITHMS.md §4):
 * - 'counteracts': counteracting ≥ 1 and mimicking = 0;
 * - 'mimics' (mimics the disease): mimicking ≥ 1 and counteracting = 0, e.g. blocking a target
 *   that is already down in the disease;
 * - 'mixed': counteracting ≥ 1 and mimicking ≥ 1 (scDrugPrio's Etanercept: 7 and 2); still a
 *   candidate by the rule above, labelled so the reader sees both;
 * - 'no-evidence': no targeted DEG, or only unknown actions on them (no vote either way).
 *
 * DEG rows are matched to genes by Entrez ID, else by symbol (case-insensitive). Rows with a q
 * value above `maxQ` are left out (rows without q are kept); the first row of a (group, gene)
 * wins.
 */
import type { ActionClass } from './action-class';
import type { GeneRef } from './screen-network';

/** A DEG row as the importer gives it (structurally io's `DegRow`). */
export interface DegSignatureRow extends GeneRef {
  readonly group: string;
  readonly logFC: number;
  readonly q?: number | null;
}

export interface DegSignatureGroup {
  readonly name: string;
  /** Entrez ID → logFC, upper-case symbol → logFC. */
  readonly byEntrez: ReadonlyMap<string, number>;
  readonly bySymbol: ReadonlyMap<string, number>;
  /** Rows kept (one per gene). */
  readonly rows: readonly DegSignatureRow[];
}

export interface DegSignature {
  /** Groups in order of first appearance. */
  readonly groups: readonly DegSignatureGroup[];
  readonly rowsRead: number;
  /** Rows dropped by the q filter. */
  readonly rowsAboveMaxQ: number;
  readonly maxQ: number;
}

export interface DegSignatureOptions {
  /** Keep rows with q ≤ maxQ (Infinity keeps all). */
  maxQ: number;
}

export const DEG_SIGNATURE_DEFAULTS: Readonly<DegSignatureOptions> = { maxQ: 0.05 };

export function buildDegSignature(
  rows: readonly DegSignatureRow[],
  options: Partial<DegSignatureOptions> = {},
): DegSignature {
  const { maxQ } = { ...DEG_SIGNATURE_DEFAULTS, ...options };
  if (!(maxQ >= 0)) throw new RangeError(`buildDegSignature: maxQ must be ≥ 0, got ${maxQ}`);
  const groups = new Map<
    string,
    {
      name: string;
      byEntrez: Map<string, number>;
      bySymbol: Map<string, number>;
      rows: DegSignatureRow[];
    }
  >();
  let rowsAboveMaxQ = 0;
  for (const row of rows) {
    if (row.q !== null && row.q !== undefined && !(row.q <= maxQ)) {
      rowsAboveMaxQ++;
      continue;
    }
    let group = groups.get(row.group);
    if (!group) {
      group = { name: row.group, byEntrez: new Map(), bySymbol: new Map(), rows: [] };
      groups.set(row.group, group);
    }
    const symbol = row.gene.toUpperCase();
    if ((row.entrez && group.byEntrez.has(row.entrez)) || group.bySymbol.has(symbol)) continue;
    if (row.entrez) group.byEntrez.set(row.entrez, row.logFC);
    group.bySymbol.set(symbol, row.logFC);
    group.rows.push(row);
  }
  return { groups: [...groups.values()], rowsRead: rows.length, rowsAboveMaxQ, maxQ };
}

/** logFC of a gene in a group (Entrez first, then symbol), or undefined. */
export function degLogFC(group: DegSignatureGroup, gene: GeneRef): number | undefined {
  if (gene.entrez) {
    const value = group.byEntrez.get(gene.entrez);
    if (value !== undefined) return value;
  }
  return group.bySymbol.get(gene.gene.toUpperCase());
}

export type TargetEffect = 'counteracts' | 'mimics' | 'unknown';

/** The effect of an action on a DEG of the given logFC, or null when the gene has no sign. */
export function targetEffect(actionClass: ActionClass, logFC: number): TargetEffect | null {
  if (!(logFC > 0 || logFC < 0)) return null;
  if (actionClass === 'unknown') return 'unknown';
  const up = logFC > 0;
  return (actionClass === 'down') === up ? 'counteracts' : 'mimics';
}

export interface TargetCounteraction {
  readonly gene: string;
  readonly actionClass: ActionClass;
  readonly logFC: number;
  readonly effect: TargetEffect;
}

export interface Counteraction {
  readonly group: string;
  readonly counteracting: number;
  readonly mimicking: number;
  readonly unknownAction: number;
  readonly targetedDegs: number;
  /** The targeted DEGs, in target order. */
  readonly targets: readonly TargetCounteraction[];
}

/** Counts for one entry's targets in one group. */
export function counteraction(
  group: DegSignatureGroup,
  targets: readonly (GeneRef & { readonly actionClass: ActionClass })[],
): Counteraction {
  let counteracting = 0;
  let mimicking = 0;
  let unknownAction = 0;
  const hits: TargetCounteraction[] = [];
  for (const target of targets) {
    const logFC = degLogFC(group, target);
    if (logFC === undefined) continue;
    const effect = targetEffect(target.actionClass, logFC);
    if (effect === null) continue;
    if (effect === 'counteracts') counteracting++;
    else if (effect === 'mimics') mimicking++;
    else unknownAction++;
    hits.push({ gene: target.gene, actionClass: target.actionClass, logFC, effect });
  }
  return {
    group: group.name,
    counteracting,
    mimicking,
    unknownAction,
    targetedDegs: hits.length,
    targets: hits,
  };
}

/** What a drug's actions do to the direction of its targeted DEGs (see the header). */
export type DrugDirection = 'counteracts' | 'mimics' | 'mixed' | 'no-evidence';

export const DRUG_DIRECTIONS: readonly DrugDirection[] = [
  'counteracts',
  'mimics',
  'mixed',
  'no-evidence',
];

/** One line per verdict, for tooltips, details and exports. */
export const DRUG_DIRECTION_DESCRIPTIONS: Readonly<Record<DrugDirection, string>> = {
  counteracts: 'counteracts the disease: its actions oppose the fold change of its targeted DEGs',
  mimics:
    'mimics the disease: its actions reinforce the fold change of its targeted DEGs and counteract none',
  mixed: 'mixed: counteracts some targeted DEGs and mimics others',
  'no-evidence':
    'no direction evidence: no target is a DEG, or its actions on the targeted DEGs are unknown',
};

/** The verdict of one entry's counts in one group (see the header). */
export function drugDirection(
  counts: Pick<Counteraction, 'counteracting' | 'mimicking'>,
): DrugDirection {
  if (counts.counteracting > 0) return counts.mimicking > 0 ? 'mixed' : 'counteracts';
  return counts.mimicking > 0 ? 'mimics' : 'no-evidence';
}
