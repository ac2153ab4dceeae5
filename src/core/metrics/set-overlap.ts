/**
 * Overlap of two gene sets: hypergeometric p, Fisher's exact test, Jaccard
 * ========================================================================
 * Guney's toolbox `overlap_significance` (ALGORITHMS.md §3.13): with a universe of N genes,
 * |A| = n₁, |B| = n₂ and overlap k = |A ∩ B|:
 *
 * - hypergeometric p = P(X ≥ k), X ~ Hypergeometric(N, n₁, n₂) (enrichment);
 * - Fisher's exact test on [[k, n₁ − k], [n₂ − k, N − n₁ − n₂ + k]], two-sided and greater;
 * - Jaccard = k/|A ∪ B| (0 when both are empty).
 *
 * Both sets must lie in the universe (the caller intersects them first, e.g. with the LCC).
 */
import { fisherExact } from '../stats/fisher-exact';
import { hypergeometricUpperTail } from '../stats/hypergeometric';

export interface SetOverlap {
  readonly sizeA: number;
  readonly sizeB: number;
  readonly overlap: number;
  readonly union: number;
  readonly universe: number;
  readonly jaccard: number;
  /** P(X ≥ overlap). */
  readonly hypergeometricP: number;
  readonly fisherOddsRatio: number;
  readonly fisherTwoSidedP: number;
  readonly fisherGreaterP: number;
}

export function setOverlap<T>(a: Iterable<T>, b: Iterable<T>, universeSize: number): SetOverlap {
  const setA = new Set(a);
  const setB = new Set(b);
  let overlap = 0;
  for (const x of setA) if (setB.has(x)) overlap++;
  const sizeA = setA.size;
  const sizeB = setB.size;
  const union = sizeA + sizeB - overlap;
  if (!Number.isInteger(universeSize) || universeSize < union) {
    throw new RangeError(
      `setOverlap: universe size ${universeSize} is smaller than the union of the sets (${union})`,
    );
  }
  const fisher = fisherExact(overlap, sizeA - overlap, sizeB - overlap, universeSize - union);
  return {
    sizeA,
    sizeB,
    overlap,
    union,
    universe: universeSize,
    jaccard: union > 0 ? overlap / union : 0,
    hypergeometricP: hypergeometricUpperTail(overlap, universeSize, sizeA, sizeB),
    fisherOddsRatio: fisher.oddsRatio,
    fisherTwoSidedP: fisher.pValue,
    fisherGreaterP: fisherExact(
      overlap,
      sizeA - overlap,
      sizeB - overlap,
      universeSize - union,
      'greater',
    ).pValue,
  };
}
