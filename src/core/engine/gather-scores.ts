/**
 * Gather reductions: distances → per-drug scores: reference
 * =========================================================
 * For drug j with target list T_j and distance column c (e.g. one null draw):
 *   mean:  d[j, c] = (1/|T'|) Σ_{t ∈ T'} dist[t, c]      (the closest-distance proximity d_c)
 *   min:   d[j, c] = min_{t ∈ T'} dist[t, c]
 * where T' ⊆ T_j are the targets the column's set reaches (dist ≠ 255). A drug none of
 * whose targets is reached scores NaN. (On a connected graph every target is reached; the
 * skip only matters for graphs that were not cut to their largest component.) Repeated
 * targets count as often as they are listed.
 * Target lists come CSR-style: drug j owns slots offsets[j] … offsets[j + 1] − 1. With
 * `perColumn: false` slot k holds one node (targets[k]) for every column; with
 * `perColumn: true` every column has its own draw, and slot k of column c is
 * targets[k · B + c] (slot-major, so each drug keeps its target count in every draw, as the
 * degree-matched nulls of Guney 2016 require). Output: float64, drug-major J×B:
 * scores[j · B + c]. Reference: Guney et al., Nat Commun 7:10331 (2016); ALGORITHMS.md §3.4.
 * GPU twin: src/gpu/gather-scores.ts; CPU engine: src/engine/cpu-kernels.ts.
 */
import { UNREACHABLE } from './multi-source-bfs';

export type GatherReduction = 'mean' | 'min';

/** Per-drug target lists (see the header for the two layouts). */
export interface TargetLists {
  /** Length J + 1; drug j owns slots offsets[j] … offsets[j + 1] − 1. */
  offsets: Uint32Array;
  /** offsets[J] node indices, or offsets[J] × B of them when perColumn is true. */
  targets: Uint32Array;
  /** One target draw per column (slot-major layout) instead of one list for all columns. */
  perColumn: boolean;
}

/** Throws unless the lists are well formed for `columns` columns over `nodeCount` nodes. */
export function validateTargetLists(
  where: string,
  nodeCount: number,
  columns: number,
  lists: TargetLists,
): number {
  const { offsets, targets, perColumn } = lists;
  if (offsets.length < 1 || offsets[0] !== 0) {
    throw new RangeError(`${where}: target offsets must start at 0`);
  }
  const drugs = offsets.length - 1;
  for (let j = 0; j < drugs; j++) {
    if (offsets[j + 1] < offsets[j]) {
      throw new RangeError(`${where}: target offsets must be non-decreasing (at drug ${j})`);
    }
  }
  const slots = offsets[drugs];
  const expected = perColumn ? slots * columns : slots;
  if (targets.length !== expected) {
    throw new RangeError(
      `${where}: expected ${expected} targets (${slots} slots${perColumn ? ` × ${columns} columns` : ''}), got ${targets.length}`,
    );
  }
  for (let k = 0; k < targets.length; k++) {
    if (targets[k] >= nodeCount) {
      throw new RangeError(
        `${where}: targets[${k}] = ${targets[k]} is not below nodeCount ${nodeCount}`,
      );
    }
  }
  return drugs;
}

/** Per-drug mean or minimum distance, for every column (float64, J×B). */
export function gatherScores(
  distances: Uint8Array,
  nodeCount: number,
  columns: number,
  lists: TargetLists,
  reduction: GatherReduction = 'mean',
): Float64Array {
  if (distances.length !== nodeCount * columns) {
    throw new RangeError(
      `gatherScores: expected ${nodeCount} × ${columns} distances, got ${distances.length}`,
    );
  }
  const drugs = validateTargetLists('gatherScores', nodeCount, columns, lists);
  const { offsets, targets, perColumn } = lists;
  const scores = new Float64Array(drugs * columns);
  for (let j = 0; j < drugs; j++) {
    for (let c = 0; c < columns; c++) {
      let sum = 0;
      let count = 0;
      let min = Infinity;
      for (let k = offsets[j]; k < offsets[j + 1]; k++) {
        const t = perColumn ? targets[k * columns + c] : targets[k];
        const d = distances[t * columns + c];
        if (d === UNREACHABLE) continue;
        sum += d;
        count++;
        if (d < min) min = d;
      }
      scores[j * columns + c] = count === 0 ? NaN : reduction === 'mean' ? sum / count : min;
    }
  }
  return scores;
}
