/**
 * Pharmacological action → direction class (up / down / unknown)
 * ==============================================================
 * The scDrugPrio action filter (Schäfer et al. 2024; ALGORITHMS.md §4 "Pharmacological-action
 * filter") needs to know whether a drug raises or lowers the activity of each target:
 *
 * | class | meaning | terms |
 * |---|---|---|
 * | `up` | raises the target's activity ("agonistic") | agonist, partial agonist, activator, inducer, potentiator, positive (allosteric) modulator, stimulator, opener, gene replacement |
 * | `down` | lowers it ("antagonistic") | inhibitor, antagonist, blocker, antibody / antibody binding, negative (allosteric) modulator, allosteric / partial antagonist, inverse agonist, suppressor, neutralizer, downregulator, inactivator, antisense oligonucleotide, … |
 * | `unknown` | no vote | modulator, allosteric modulator, binder, ligand, cofactor, substrate, releasing agent, chaperone, other, blank, anything not listed |
 *
 * Every DrugCentral `action_type` in public/data/drug_targets_drugcentral.tsv.gz is listed
 * (counts there: INHIBITOR 1523, AGONIST 538, ANTAGONIST 455, BLOCKER 441, POSITIVE ALLOSTERIC
 * MODULATOR 361, POSITIVE MODULATOR 73, ANTIBODY BINDING 66, OPENER 42, ACTIVATOR 34,
 * MODULATOR 26, PARTIAL AGONIST 21, ALLOSTERIC ANTAGONIST 13, NEGATIVE ALLOSTERIC MODULATOR 12,
 * INVERSE AGONIST 10, RELEASING AGENT 8, SUBSTRATE 5, OTHER 1), and every DrugBank `action`
 * term of the scDrugPrio DrugBank table. Choices that need a reason:
 * - "antibody" / "ANTIBODY BINDING" → down, as scDrugPrio's hand curation did (Etanercept,
 *   Adalimumab). Caveat: a few antibodies engage rather than block (blinatumomab on CD3).
 * - "opener" (channel opener) → up; "releasing agent" (amphetamines on monoamine transporters)
 *   and "substrate" → unknown: they reverse or use the transporter, not raise or lower it.
 * - "modulator" without a sign, "binder", "ligand", "cofactor", "chaperone" → unknown.
 * Several terms in one field ("antagonist, inhibitor", `|` or `;` separated) vote together:
 * the class is the one all classified terms agree on; terms that disagree ("antagonist,
 * agonist") give unknown; unknown terms do not vote. Matching is case-insensitive and ignores
 * surrounding spaces, `_` and `-`.
 */

export type ActionClass = 'up' | 'down' | 'unknown';

const UP_TERMS = [
  'agonist',
  'partial agonist',
  'full agonist',
  'activator',
  'inducer',
  'potentiator',
  'positive allosteric modulator',
  'positive modulator',
  'stimulator',
  'opener',
  'gene replacement',
];

const DOWN_TERMS = [
  'inhibitor',
  'weak inhibitor',
  'irreversible inhibitor',
  'antagonist',
  'partial antagonist',
  'allosteric antagonist',
  'blocker',
  'channel blocker',
  'nucleotide exchange blocker',
  'antibody',
  'antibody binding',
  'negative modulator',
  'negative allosteric modulator',
  'inhibitory allosteric modulator',
  'inverse agonist',
  'suppressor',
  'neutralizer',
  'downregulator',
  'inactivator',
  'antisense oligonucleotide',
  'translocation inhibitor',
  'aggregation inhibitor',
  'inhibition of synthesis',
  'degradation',
  'desensitize the target',
];

/** Recognised terms that deliberately give no direction. */
const UNKNOWN_TERMS = [
  'modulator',
  'allosteric modulator',
  'binder',
  'binding',
  'ligand',
  'cofactor',
  'substrate',
  'releasing agent',
  'chaperone',
  'other',
  'other/unknown',
  'unknown',
  'product of',
  'adduct',
  'multitarget',
  'regulator',
  'oxidizer',
  'deoxidizer',
  'intercalation',
  'incorporation into and destabilization',
  'component of',
  'acetylation',
  'cleavage',
  'stabilization',
  'protector',
  'inhibits downstream inflammation cascades',
];

/** Normalised term → class, for every term listed above. */
export const ACTION_CLASS_TABLE: ReadonlyMap<string, ActionClass> = new Map<string, ActionClass>([
  ...UP_TERMS.map((term) => [term, 'up'] as const),
  ...DOWN_TERMS.map((term) => [term, 'down'] as const),
  ...UNKNOWN_TERMS.map((term) => [term, 'unknown'] as const),
]);

/** Lower case, `_`/`-` → space, single spaces, trimmed. */
export function normalizeActionTerm(term: string): string {
  return term.toLowerCase().replace(/[_-]+/g, ' ').replace(/\s+/g, ' ').trim();
}

export interface ActionClassification {
  readonly actionClass: ActionClass;
  /** Terms of the field that are in no list (they do not vote); reported to the user. */
  readonly unrecognised: string[];
  /** True when classified terms disagreed (the class is then 'unknown'). */
  readonly isConflicting: boolean;
}

/** Classifies an action field (see the header for the voting rule). */
export function classifyActionField(action: string | null | undefined): ActionClassification {
  if (action === null || action === undefined || action.trim() === '') {
    return { actionClass: 'unknown', unrecognised: [], isConflicting: false };
  }
  let up = false;
  let down = false;
  const unrecognised: string[] = [];
  for (const raw of action.split(/[,;|]/)) {
    const term = normalizeActionTerm(raw);
    if (term === '') continue;
    const found = ACTION_CLASS_TABLE.get(term);
    if (found === undefined) unrecognised.push(term);
    else if (found === 'up') up = true;
    else if (found === 'down') down = true;
  }
  const isConflicting = up && down;
  const actionClass: ActionClass = isConflicting
    ? 'unknown'
    : up
      ? 'up'
      : down
        ? 'down'
        : 'unknown';
  return { actionClass, unrecognised, isConflicting };
}

/** The class of an action field: 'up', 'down' or 'unknown'. */
export function classifyAction(action: string | null | undefined): ActionClass {
  return classifyActionField(action).actionClass;
}

/** +1 (up), −1 (down), 0 (unknown). */
export function actionSign(actionClass: ActionClass): -1 | 0 | 1 {
  return actionClass === 'up' ? 1 : actionClass === 'down' ? -1 : 0;
}
