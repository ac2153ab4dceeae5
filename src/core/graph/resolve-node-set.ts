/**
 * Resolve a named node set against a network and its LCC
 * ======================================================
 * Gene sets arrive as identifiers (Entrez IDs or symbols). Before any network measure they are
 * intersected with the processed network, and for distance-based measures with its largest
 * connected component; ALGORITHMS.md §3.1 asks that what was dropped is always reported.
 * This function does the mapping and keeps the report: identifiers absent from the network,
 * identifiers in the network but outside the LCC, and repeated identifiers.
 */
import type { LargestComponent } from './connected-components';

export interface ResolvedNodeSet {
  /**
   * Node indices of the kept identifiers, in input order: LCC indices when an LCC was given,
   * network indices otherwise.
   */
  readonly nodes: Uint32Array;
  /** The identifiers that were kept, parallel to `nodes`. */
  readonly kept: string[];
  /** Identifiers the network does not contain. */
  readonly outsideNetwork: string[];
  /** Identifiers in the network but not in its LCC (empty when no LCC was given). */
  readonly outsideLcc: string[];
  /** Identifiers listed more than once, or naming a node already kept (kept once). */
  readonly duplicates: string[];
}

/**
 * Maps `ids` through `indexOf` (identifier → network node index) and, when `lcc` is given,
 * on to LCC indices.
 */
export function resolveNodeSet(
  ids: readonly string[],
  indexOf: ReadonlyMap<string, number>,
  lcc?: LargestComponent,
): ResolvedNodeSet {
  const nodes: number[] = [];
  const kept: string[] = [];
  const outsideNetwork: string[] = [];
  const outsideLcc: string[] = [];
  const duplicates: string[] = [];
  const seen = new Set<string>();
  const seenNodes = new Set<number>();
  for (const id of ids) {
    if (seen.has(id)) {
      duplicates.push(id);
      continue;
    }
    seen.add(id);
    const index = indexOf.get(id);
    if (index === undefined) {
      outsideNetwork.push(id);
      continue;
    }
    if (lcc) {
      const local = lcc.localOf[index];
      if (local === undefined) {
        throw new RangeError(`resolveNodeSet: index ${index} of "${id}" is outside the network`);
      }
      if (local < 0) {
        outsideLcc.push(id);
        continue;
      }
      if (seenNodes.has(local)) {
        duplicates.push(id);
        continue;
      }
      seenNodes.add(local);
      nodes.push(local);
    } else {
      if (seenNodes.has(index)) {
        duplicates.push(id);
        continue;
      }
      seenNodes.add(index);
      nodes.push(index);
    }
    kept.push(id);
  }
  return { nodes: Uint32Array.from(nodes), kept, outsideNetwork, outsideLcc, duplicates };
}
