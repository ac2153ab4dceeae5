/**
 * Drug combinations: pairwise target separation and Cheng 2019 exposure classes
 * ============================================================================
 * For the top K screened entries (default 100), every pair (A, B) of target sets gets
 * Menche 2015's separation (ALGORITHMS.md §3.5; src/core/metrics/separation.ts):
 *   d_AA = mean over a ∈ A of the distance to the nearest other a' ∈ A   (0 when |A| = 1)
 *   d_AB = [Σ_{a∈A} min_{b∈B} d(a, b) + Σ_{b∈B} min_{a∈A} d(a, b)] / (|A| + |B|)
 *   s_AB = d_AB − (d_AA + d_BB)/2
 * and the Cheng, Kovács & Barabási 2019 class from both drugs' proximity z to the module
 * (src/core/metrics/drug-combination-class.ts; proximal when z < proximalZ, default 0 as in
 * Cheng 2019 — see that file for the source of each rule and what is unverified).
 * P2 "Complementary Exposure" (both proximal, s_AB ≥ 0) is the class Cheng et al. found
 * enriched in efficacious combinations; such pairs are flagged.
 * Cost: one multi-source BFS per distinct target set among the K (its distance field) plus
 * d_AA by metrics' meanShortestDistanceWithin; each pair is then two gathers.
 * Pairs whose z is NaN for either drug get no class.
 */
import type { CsrGraph } from '../graph/csr';
import { multiSourceDistances } from '../graph/shortest-paths';
import {
  drugCombinationClass,
  DRUG_COMBINATION_CLASS_DEFAULTS,
  DRUG_COMBINATION_CLASS_NAMES,
  type DrugCombinationClass,
} from '../metrics/drug-combination-class';
import { meanShortestDistanceWithin } from '../metrics/separation';

export interface DrugCombinationOptions {
  /** A drug is proximal to the module when z < proximalZ. */
  proximalZ: number;
}

export const DRUG_COMBINATION_DEFAULTS: Readonly<DrugCombinationOptions> = {
  proximalZ: DRUG_COMBINATION_CLASS_DEFAULTS.proximalZ,
};

export interface DrugPair {
  /** Positions in the `entries` list given (not global entry indices). */
  readonly a: number;
  readonly b: number;
  readonly dAA: number;
  readonly dBB: number;
  readonly dAB: number;
  readonly sAB: number;
  readonly zA: number;
  readonly zB: number;
  /** Cheng 2019 class, or null when a z is NaN. */
  readonly combinationClass: DrugCombinationClass | null;
  readonly className: string | null;
  /** P2, both drugs proximal and their targets separated. */
  readonly isComplementary: boolean;
}

/**
 * All pairs of the given target sets (node lists on `graph`), with z per set. Pairs are in
 * order (0, 1), (0, 2), …, (1, 2), ….
 */
export function screenCombinations(
  graph: CsrGraph,
  targetSets: readonly ArrayLike<number>[],
  zScores: ArrayLike<number>,
  options: Partial<DrugCombinationOptions> = {},
): DrugPair[] {
  const { proximalZ } = { ...DRUG_COMBINATION_DEFAULTS, ...options };
  const count = targetSets.length;
  if (zScores.length !== count) {
    throw new RangeError(`screenCombinations: ${zScores.length} z-scores for ${count} target sets`);
  }
  const fields = targetSets.map((set) => multiSourceDistances(graph, set));
  const within = targetSets.map((set) => meanShortestDistanceWithin(graph, set));
  const pairs: DrugPair[] = [];
  for (let a = 0; a < count; a++) {
    for (let b = a + 1; b < count; b++) {
      const setA = targetSets[a];
      const setB = targetSets[b];
      let total = 0;
      for (let i = 0; i < setA.length; i++) total += distanceOrInfinity(fields[b][setA[i]]);
      for (let i = 0; i < setB.length; i++) total += distanceOrInfinity(fields[a][setB[i]]);
      const dAB = total / (setA.length + setB.length);
      const sAB = dAB - (within[a] + within[b]) / 2;
      const zA = zScores[a];
      const zB = zScores[b];
      const combinationClass =
        Number.isNaN(zA) || Number.isNaN(zB) || Number.isNaN(sAB)
          ? null
          : drugCombinationClass(zA, zB, sAB, { proximalZ });
      pairs.push({
        a,
        b,
        dAA: within[a],
        dBB: within[b],
        dAB,
        sAB,
        zA,
        zB,
        combinationClass,
        className: combinationClass ? DRUG_COMBINATION_CLASS_NAMES[combinationClass] : null,
        isComplementary: combinationClass === 'P2',
      });
    }
  }
  return pairs;
}

function distanceOrInfinity(d: number): number {
  return d < 0 ? Infinity : d;
}
