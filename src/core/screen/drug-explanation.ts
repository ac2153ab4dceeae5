/**
 * Why a drug scores: targets, paths to the module, predicted moves, proteins to measure
 * ====================================================================================
 * - `explainTargets`: per screened target, its distance to the module, one nearest module gene
 *   and one shortest path to it (node names, target first, module gene last), read off the
 *   labelled module BFS of proximity-screen.ts (`moduleDistanceField`): no extra search.
 * - `nearestModuleGenes`: on demand, ALL module genes at the minimum distance from one target,
 *   with one shortest path each (a BFS from the target that stops after that level).
 * - `proteinsToMeasure`: what to measure to confirm the predicted mechanism. Rule, in order,
 *   each gene once, at most `maxProteins` (default 8):
 *   1. **target** – up to 3 targets with a known action, closest to the module first (then by
 *      name): their activity should move as the action says (engagement). A target that is a
 *      counteracted DEG should also see its disease logFC reversed.
 *   2. **module-readout** – for each of those targets outside the module (distance ≥ 1), its
 *      nearest module gene: the predicted mechanism runs through it, so it should move; the
 *      expected direction is the digital cure's Δ at that gene when the cure moved it, else
 *      unknown.
 *   3. **cure-readout** – up to 3 signature genes the digital cure predicts to reverse, largest
 *      |Δ| first, expected to move in the direction of Δ (against their disease logFC).
 */
import type { CsrGraph } from '../graph/csr';
import type { ActionClass } from './action-class';
import type { Counteraction } from './counteraction';
import type { CureScore } from './digital-cure';
import type { LibraryEntry } from './drug-library';
import { pathToModule, type ModuleDistanceField } from './proximity-screen';

export interface TargetExplanation {
  readonly gene: string;
  readonly node: number;
  readonly actionClass: ActionClass;
  readonly actions: readonly string[];
  /** Hops to the nearest module gene (0: the target is a module gene; −1: unreachable). */
  readonly distance: number;
  readonly nearestModuleGene: string | null;
  /** Gene names along one shortest path, target first, nearest module gene last. */
  readonly path: readonly string[];
}

export function explainTargets(
  names: readonly string[],
  field: ModuleDistanceField,
  entry: LibraryEntry,
): TargetExplanation[] {
  return entry.targets.map((target) => {
    const distance = field.distance[target.node];
    const nearest = field.nearest[target.node];
    return {
      gene: target.gene,
      node: target.node,
      actionClass: target.actionClass,
      actions: target.actions,
      distance,
      nearestModuleGene: nearest >= 0 ? names[nearest] : null,
      path: pathToModule(field, target.node).map((node) => names[node]),
    };
  });
}

export interface NearestModuleGenes {
  readonly distance: number;
  /** Module genes at that distance (ascending node index, at most maxGenes), with one path each. */
  readonly genes: readonly { readonly gene: string; readonly path: readonly string[] }[];
  /** How many module genes sit at that distance in all. */
  readonly count: number;
}

/** All module genes nearest to `target`, by a BFS from the target (see the header). */
export function nearestModuleGenes(
  graph: CsrGraph,
  names: readonly string[],
  moduleNodes: ArrayLike<number>,
  target: number,
  maxGenes = 10,
): NearestModuleGenes {
  const n = graph.nodeCount;
  const isModule = new Uint8Array(n);
  for (let i = 0; i < moduleNodes.length; i++) isModule[moduleNodes[i]] = 1;
  const distance = new Int32Array(n).fill(-1);
  const parent = new Int32Array(n).fill(-1);
  const queue = new Uint32Array(n);
  let tail = 0;
  distance[target] = 0;
  queue[tail++] = target;
  let found = -1;
  const hits: number[] = [];
  for (let head = 0; head < tail; head++) {
    const v = queue[head];
    if (found >= 0 && distance[v] > found) break;
    if (isModule[v]) {
      found = distance[v];
      hits.push(v);
      continue;
    }
    if (found >= 0) continue;
    for (let e = graph.offsets[v]; e < graph.offsets[v + 1]; e++) {
      const w = graph.targets[e];
      if (distance[w] !== -1) continue;
      distance[w] = distance[v] + 1;
      parent[w] = v;
      queue[tail++] = w;
    }
  }
  hits.sort((a, b) => a - b);
  return {
    distance: found,
    count: hits.length,
    genes: hits.slice(0, maxGenes).map((hit) => {
      const path: string[] = [];
      for (let v = hit; v !== -1; v = parent[v]) path.push(names[v]);
      return { gene: names[hit], path: path.reverse() };
    }),
  };
}

export interface ProteinToMeasure {
  readonly gene: string;
  readonly role: 'target' | 'module-readout' | 'cure-readout';
  /** Expected change (activity or level), or null when the model does not say. */
  readonly expected: 'up' | 'down' | null;
  readonly reason: string;
}

export interface ProteinsToMeasureOptions {
  maxProteins: number;
}

export const PROTEINS_TO_MEASURE_DEFAULTS: Readonly<ProteinsToMeasureOptions> = { maxProteins: 8 };

/** Proteins to measure (rule in the header). */
export function proteinsToMeasure(
  targets: readonly TargetExplanation[],
  counteraction: Counteraction | null,
  cure: CureScore | null,
  options: Partial<ProteinsToMeasureOptions> = {},
): ProteinToMeasure[] {
  const { maxProteins } = { ...PROTEINS_TO_MEASURE_DEFAULTS, ...options };
  const chosen: ProteinToMeasure[] = [];
  const seen = new Set<string>();
  const add = (protein: ProteinToMeasure) => {
    const key = protein.gene.toUpperCase();
    if (seen.has(key) || chosen.length >= maxProteins) return;
    seen.add(key);
    chosen.push(protein);
  };
  const moveOf = new Map<string, number>();
  for (const move of cure?.topMoves ?? []) moveOf.set(move.gene.toUpperCase(), move.change);
  const counteracted = new Set(
    (counteraction?.targets ?? [])
      .filter((target) => target.effect === 'counteracts')
      .map((target) => target.gene.toUpperCase()),
  );

  const known = targets
    .filter((target) => target.actionClass !== 'unknown' && target.distance >= 0)
    .sort((a, b) => a.distance - b.distance || (a.gene < b.gene ? -1 : a.gene > b.gene ? 1 : 0))
    .slice(0, 3);
  for (const target of known) {
    const verb = target.actionClass === 'up' ? 'raise' : 'lower';
    add({
      gene: target.gene,
      role: 'target',
      expected: target.actionClass === 'up' ? 'up' : 'down',
      reason:
        `target engagement: the drug should ${verb} its activity` +
        (counteracted.has(target.gene.toUpperCase())
          ? '; a counteracted DEG, so its disease change should also reverse'
          : '') +
        (target.distance === 0
          ? ' (a module gene itself)'
          : ` (${target.distance} hop${target.distance === 1 ? '' : 's'} from the module)`),
    });
  }
  for (const target of known) {
    if (target.distance < 1 || target.nearestModuleGene === null) continue;
    const change = moveOf.get(target.nearestModuleGene.toUpperCase());
    add({
      gene: target.nearestModuleGene,
      role: 'module-readout',
      expected: change === undefined ? null : change > 0 ? 'up' : 'down',
      reason: `nearest module gene to target ${target.gene} (path ${target.path.join(' → ')})`,
    });
  }
  const reversals = (cure?.topMoves ?? []).filter((move) => move.isReversed).slice(0, 3);
  for (const move of reversals) {
    add({
      gene: move.gene,
      role: 'cure-readout',
      expected: move.change > 0 ? 'up' : 'down',
      reason: `digital cure predicts Δ = ${move.change.toPrecision(3)} against its disease logFC ${move.logFC.toPrecision(3)}`,
    });
  }
  return chosen;
}
