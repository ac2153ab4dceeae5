/**
 * Twin ranking across cell types (scDrugPrio step 9, with equal cell-type weights for now)
 * ========================================================================================
 * ALGORITHMS.md §3.9, §3.10 and §4 steps 8–9. For each drug entry d (drugs with identical
 * targets and actions: one row, so they always tie) and cell type c:
 *
 *   g_c(d)    = geometric mean of EV_c(t) over the targets t of d that lie in c's module
 *               (the LCC of the DEG-induced subgraph, used only when it has ≥ 3 genes;
 *               EV_c = eigenvector centrality within that module, max-scaled to 1), 0 when
 *               no target is in it;
 *   Intra(d)  = (1/C) Σ_c g_c(d)                                   (C = number of cell types);
 *   score(d)  = Σ_{c ∈ cand(d)} w_c + λ · Intra(d),  λ = 0.1,
 *
 * cand(d) = the cell types in which d is a scDrugPrio candidate (Φ(z) < 0.05 ∧ d_c < 1 ∧ ≥ 1
 * counteracted targeted DEG). scDrugPrio's weight w_c is EV_inter(c), the eigenvector
 * centrality of c in the multicellular disease model; until that model exists every cell type
 * weighs 1 (`EQUAL_WEIGHTS_NOTE`), so the score counts the cell types a drug is a candidate in,
 * and Intra breaks ties within a count. Rank = mid-rank of the score, descending (1 = best;
 * equal scores share the mean of their ranks). Worked example (scDrugPrio vignette): candidate
 * in cell types weighing 1 and 0.5175492, Intra = 0.0607207 → 1.5175492 + 0.00607207 =
 * 1.5236213.
 */
import { midRanks } from '../screen/screen-ranking';

export const EQUAL_WEIGHTS_NOTE =
  'equal (1 per cell type) until the multicellular model (MCDM eigenvector centrality of each cell type, scDrugPrio EV_inter) replaces them';

export const TWIN_RANKING_DEFAULTS = {
  /** λ, the weight of Intra(d). */
  intraWeight: 0.1,
  /** Smallest module whose centralities count towards Intra. */
  minModuleSize: 3,
} as const;

export interface TwinRankingCellType {
  /** w_c (EV_inter(c); 1 until the multicellular model). */
  readonly weight: number;
  /** Per entry: candidate in this cell type (null / false: not a candidate). */
  readonly isCandidate: ArrayLike<boolean | null>;
  /** Per entry: g_c(d) (see `intraOfEntries`). */
  readonly intra: ArrayLike<number>;
}

export interface TwinRanking {
  /** Per entry: Σ_{c ∈ cand} w_c + λ · Intra. */
  readonly score: Float64Array;
  /** Per entry: (1/C) Σ_c g_c. */
  readonly intra: Float64Array;
  /** Per entry: Σ_{c ∈ cand} w_c. */
  readonly candidateWeight: Float64Array;
  /** Per entry: number of cell types it is a candidate in. */
  readonly candidateCount: Uint32Array;
  /** Per entry: mid-rank of the score, descending (1 = best). */
  readonly rank: Float64Array;
}

/** Scores and ranks entries across cell types (see the header). */
export function twinRanking(
  entryCount: number,
  cellTypes: readonly TwinRankingCellType[],
  intraWeight: number = TWIN_RANKING_DEFAULTS.intraWeight,
): TwinRanking {
  if (!Number.isInteger(entryCount) || entryCount < 0) {
    throw new RangeError(`twinRanking: entryCount must be an integer ≥ 0, got ${entryCount}`);
  }
  if (!(intraWeight >= 0)) throw new RangeError(`twinRanking: intraWeight must be ≥ 0`);
  const intra = new Float64Array(entryCount);
  const candidateWeight = new Float64Array(entryCount);
  const candidateCount = new Uint32Array(entryCount);
  cellTypes.forEach((cellType, c) => {
    if (cellType.isCandidate.length !== entryCount || cellType.intra.length !== entryCount) {
      throw new RangeError(`twinRanking: cell type ${c} does not have one value per entry`);
    }
    if (!(cellType.weight >= 0)) {
      throw new RangeError(`twinRanking: cell type ${c} has weight ${cellType.weight}`);
    }
    for (let d = 0; d < entryCount; d++) {
      if (cellType.isCandidate[d] === true) {
        candidateWeight[d] += cellType.weight;
        candidateCount[d]++;
      }
      intra[d] += cellType.intra[d];
    }
  });
  const score = new Float64Array(entryCount);
  for (let d = 0; d < entryCount; d++) {
    if (cellTypes.length > 0) intra[d] /= cellTypes.length;
    score[d] = candidateWeight[d] + intraWeight * intra[d];
  }
  return { score, intra, candidateWeight, candidateCount, rank: midRanks(score, false) };
}

/**
 * g_c(d) for every entry: geometric mean of `centrality` (indexed by node, NaN or absent = not
 * in the module) over each entry's target nodes that are in the module; 0 when none is.
 * `targetOffsets`/`targetNodes`: entry d's targets are targetNodes[targetOffsets[d] …
 * targetOffsets[d + 1] − 1].
 */
export function intraOfEntries(
  targetOffsets: ArrayLike<number>,
  targetNodes: ArrayLike<number>,
  centrality: ReadonlyMap<number, number>,
): Float64Array {
  const entryCount = targetOffsets.length - 1;
  const out = new Float64Array(Math.max(0, entryCount));
  for (let d = 0; d < entryCount; d++) {
    let logSum = 0;
    let n = 0;
    for (let k = targetOffsets[d]; k < targetOffsets[d + 1]; k++) {
      const value = centrality.get(targetNodes[k]);
      if (value === undefined) continue;
      logSum += Math.log(value);
      n++;
    }
    out[d] = n === 0 ? 0 : Math.exp(logSum / n);
  }
  return out;
}
