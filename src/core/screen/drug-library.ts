/**
 * Drug library: drugs → screenable entries with deduplicated target sets
 * ======================================================================
 * Step 3 of the scDrugPrio pipeline (ALGORITHMS.md §4): keep drugs with ≥ 1 target in the
 * network's LCC, group drugs with identical target sets, and keep the action per
 * (drug, target).
 *
 * - A drug's *screened targets* are its targets that map to LCC nodes (screen-network.ts).
 *   Targets absent from the network, or in a smaller component, are listed per entry
 *   (`notInNetwork`, `outsideLcc`) and play no part in the scores.
 * - **Entry** = the drugs sharing the same screened target set *and* the same action class
 *   (up / down / unknown, action-class.ts) on every target. Everything the screen reports is
 *   per entry, with all member names. Distance and propagation scores depend on the target set
 *   only, so they are computed once per distinct set (`targetSets`), which entries point to.
 *   Two drugs hitting the same targets in opposite directions (agonist vs antagonist) are two
 *   entries sharing one target set: same proximity, different counteraction and cure.
 * - A drug without any screened target is reported in `excluded` with the reason.
 * Entries keep the order in which their first member appears; target lists are sorted by
 * node index; target sets are sorted node lists.
 */
import { classifyActionField, type ActionClass } from './action-class';
import type { GeneRef, ScreenNetwork } from './screen-network';

/** A drug as the importer gives it (structurally the same as io's `Drug`). */
export interface ScreenDrugInput {
  readonly name: string;
  readonly id?: string | null;
  readonly targets: readonly (GeneRef & { readonly action?: string | null })[];
}

export interface LibraryTarget {
  /** LCC node. */
  readonly node: number;
  /** Display symbol of the node. */
  readonly gene: string;
  readonly actionClass: ActionClass;
  /** Distinct action fields as written by the member drugs (empty when none gave one). */
  readonly actions: readonly string[];
}

export interface LibraryEntry {
  /** Member drug names, in input order (the first is the entry's display name). */
  readonly names: readonly string[];
  /** Member drug IDs (null where the source gave none), parallel to `names`. */
  readonly ids: readonly (string | null)[];
  /** Screened targets, ascending node index. */
  readonly targets: readonly LibraryTarget[];
  /** Index into `DrugLibrary.targetSets`. */
  readonly targetSet: number;
  /** Targets of any member that are not network nodes (distinct symbols). */
  readonly notInNetwork: readonly string[];
  /** Targets of any member that are network nodes outside the LCC. */
  readonly outsideLcc: readonly string[];
}

export interface ExcludedDrug {
  readonly name: string;
  readonly id: string | null;
  readonly reason: 'no-target-in-network' | 'targets-outside-lcc';
  readonly targets: readonly string[];
}

export interface DrugLibrary {
  readonly entries: readonly LibraryEntry[];
  /** Distinct screened target sets (CSR: set s = nodes[offsets[s]] … nodes[offsets[s+1] − 1], ascending). */
  readonly targetSets: { readonly offsets: Uint32Array; readonly nodes: Uint32Array };
  readonly excluded: readonly ExcludedDrug[];
  /** Drugs read (before grouping) and drugs kept. */
  readonly drugCount: number;
  readonly screenedDrugCount: number;
  /** Action terms no table knows, with how many (drug, target) pairs carry them. */
  readonly unrecognisedActions: readonly { readonly term: string; readonly count: number }[];
}

interface EntryBuilder {
  names: string[];
  ids: (string | null)[];
  targets: { node: number; actionClass: ActionClass; actions: Set<string> }[];
  targetSet: number;
  notInNetwork: Set<string>;
  outsideLcc: Set<string>;
}

/** Groups drugs into entries (see the header). */
export function buildDrugLibrary(
  network: ScreenNetwork,
  drugs: readonly ScreenDrugInput[],
): DrugLibrary {
  const entryByKey = new Map<string, EntryBuilder>();
  const entries: EntryBuilder[] = [];
  const setByKey = new Map<string, number>();
  const sets: number[][] = [];
  const excluded: ExcludedDrug[] = [];
  const unrecognised = new Map<string, number>();
  let screened = 0;

  for (const drug of drugs) {
    const byNode = new Map<number, { actionClass: ActionClass; action: string | null }>();
    const notInNetwork: string[] = [];
    const outsideLcc: string[] = [];
    for (const target of drug.targets) {
      const location = network.locate(target);
      if (location.status === 'missing') {
        notInNetwork.push(target.gene);
        continue;
      }
      if (location.status === 'outside-lcc') {
        outsideLcc.push(target.gene);
        continue;
      }
      if (byNode.has(location.node)) continue; // two identifiers of one gene: first kept
      const action = target.action ?? null;
      const classified = classifyActionField(action);
      for (const term of classified.unrecognised) {
        unrecognised.set(term, (unrecognised.get(term) ?? 0) + 1);
      }
      byNode.set(location.node, { actionClass: classified.actionClass, action });
    }
    if (byNode.size === 0) {
      excluded.push({
        name: drug.name,
        id: drug.id ?? null,
        reason: outsideLcc.length > 0 ? 'targets-outside-lcc' : 'no-target-in-network',
        targets: drug.targets.map((target) => target.gene),
      });
      continue;
    }
    screened++;
    const nodes = [...byNode.keys()].sort((a, b) => a - b);
    const setKey = nodes.join(',');
    let targetSet = setByKey.get(setKey);
    if (targetSet === undefined) {
      targetSet = sets.length;
      setByKey.set(setKey, targetSet);
      sets.push(nodes);
    }
    const entryKey = nodes
      .map((node) => `${node}${(byNode.get(node) as { actionClass: ActionClass }).actionClass[0]}`)
      .join(',');
    let entry = entryByKey.get(entryKey);
    if (entry === undefined) {
      entry = {
        names: [],
        ids: [],
        targets: nodes.map((node) => ({
          node,
          actionClass: (byNode.get(node) as { actionClass: ActionClass }).actionClass,
          actions: new Set<string>(),
        })),
        targetSet,
        notInNetwork: new Set(),
        outsideLcc: new Set(),
      };
      entryByKey.set(entryKey, entry);
      entries.push(entry);
    }
    entry.names.push(drug.name);
    entry.ids.push(drug.id ?? null);
    for (const target of entry.targets) {
      const action = (byNode.get(target.node) as { action: string | null }).action;
      if (action !== null && action.trim() !== '') target.actions.add(action);
    }
    for (const gene of notInNetwork) entry.notInNetwork.add(gene);
    for (const gene of outsideLcc) entry.outsideLcc.add(gene);
  }

  const offsets = new Uint32Array(sets.length + 1);
  for (let s = 0; s < sets.length; s++) offsets[s + 1] = offsets[s] + sets[s].length;
  const nodes = new Uint32Array(offsets[sets.length]);
  for (let s = 0; s < sets.length; s++) nodes.set(sets[s], offsets[s]);

  return {
    entries: entries.map((entry) => ({
      names: entry.names,
      ids: entry.ids,
      targets: entry.targets.map((target) => ({
        node: target.node,
        gene: network.names[target.node],
        actionClass: target.actionClass,
        actions: [...target.actions],
      })),
      targetSet: entry.targetSet,
      notInNetwork: [...entry.notInNetwork],
      outsideLcc: [...entry.outsideLcc],
    })),
    targetSets: { offsets, nodes },
    excluded,
    drugCount: drugs.length,
    screenedDrugCount: screened,
    unrecognisedActions: [...unrecognised]
      .map(([term, count]) => ({ term, count }))
      .sort((a, b) => b.count - a.count || (a.term < b.term ? -1 : 1)),
  };
}

/** The nodes of target set `s` (a view, not a copy). */
export function targetSetNodes(library: DrugLibrary, s: number): Uint32Array {
  const { offsets, nodes } = library.targetSets;
  return nodes.subarray(offsets[s], offsets[s + 1]);
}
