/**
 * Validation metrics for rankings against known labels
 * ====================================================
 * ALGORITHMS.md §3.14:
 * - AUROC = U/(n₊ n₋) with the Mann–Whitney U of the positives, ranks with mid-ranks for ties:
 *   U = R₊ − n₊(n₊ + 1)/2 (a tie between a positive and a negative counts ½). Higher score =
 *   more likely positive, so pass −z or −d for proximity.
 * - precision@k = positives among the k best / k; recall@k = positives among the k best / n₊.
 *   Scores are ranked descending; equal scores keep input order (stable), stated so ties at the
 *   cut-off are reproducible.
 * - Fisher's exact test at a cut-off (Guney 2016: predicted = z ≤ −0.15).
 * Each result carries the numbers of positives and negatives (always report them).
 */
import { fisherExact } from '../stats/fisher-exact';

export interface LabelCounts {
  readonly positives: number;
  readonly negatives: number;
}

export interface Auroc extends LabelCounts {
  /** NaN when either class is empty. */
  readonly auc: number;
}

function isPositive(label: boolean | number): boolean {
  return label === true || label === 1;
}

function checkLengths(where: string, scores: ArrayLike<number>, labels: ArrayLike<unknown>): void {
  if (scores.length !== labels.length) {
    throw new RangeError(`${where}: ${scores.length} scores but ${labels.length} labels`);
  }
  for (let i = 0; i < scores.length; i++) {
    if (Number.isNaN(scores[i])) throw new RangeError(`${where}: score ${i} is NaN`);
  }
}

export function auroc(scores: ArrayLike<number>, labels: ArrayLike<boolean | number>): Auroc {
  checkLengths('auroc', scores, labels);
  const order = Array.from({ length: scores.length }, (_, i) => i).sort(
    (a, b) => scores[a] - scores[b],
  );
  let rankSum = 0;
  let positives = 0;
  for (let start = 0; start < order.length;) {
    let end = start + 1;
    while (end < order.length && scores[order[end]] === scores[order[start]]) end++;
    const midRank = (start + 1 + end) / 2; // ranks start + 1 … end
    for (let i = start; i < end; i++) {
      if (isPositive(labels[order[i]])) {
        rankSum += midRank;
        positives++;
      }
    }
    start = end;
  }
  const negatives = scores.length - positives;
  const u = rankSum - (positives * (positives + 1)) / 2;
  return {
    auc: positives > 0 && negatives > 0 ? u / (positives * negatives) : NaN,
    positives,
    negatives,
  };
}

export interface TopK extends LabelCounts {
  readonly k: number;
  /** Positives among the k best. */
  readonly hits: number;
  readonly precision: number;
  /** NaN when there are no positives. */
  readonly recall: number;
}

/** precision@k and recall@k (descending scores, stable ties). */
export function precisionAtK(
  scores: ArrayLike<number>,
  labels: ArrayLike<boolean | number>,
  k: number,
): TopK {
  checkLengths('precisionAtK', scores, labels);
  if (!Number.isInteger(k) || k < 1 || k > scores.length) {
    throw new RangeError(`precisionAtK: k must be an integer in [1, ${scores.length}], got ${k}`);
  }
  const order = Array.from({ length: scores.length }, (_, i) => i).sort(
    (a, b) => scores[b] - scores[a] || a - b,
  );
  let positives = 0;
  for (let i = 0; i < labels.length; i++) if (isPositive(labels[i])) positives++;
  let hits = 0;
  for (let i = 0; i < k; i++) if (isPositive(labels[order[i]])) hits++;
  return {
    k,
    hits,
    precision: hits / k,
    recall: positives > 0 ? hits / positives : NaN,
    positives,
    negatives: scores.length - positives,
  };
}

export interface CutoffTable extends LabelCounts {
  /** [[predicted ∧ positive, predicted ∧ negative], [¬predicted ∧ positive, ¬predicted ∧ negative]] */
  readonly table: [[number, number], [number, number]];
  readonly oddsRatio: number;
  /** Two-sided Fisher p. */
  readonly pValue: number;
}

/**
 * Fisher's exact test of "predicted" (value ≤ cutoff, or ≥ with `direction: 'above'`) against
 * the labels, as Guney 2016 did at z ≤ −0.15.
 */
export function fisherAtCutoff(
  values: ArrayLike<number>,
  labels: ArrayLike<boolean | number>,
  cutoff: number,
  direction: 'below' | 'above' = 'below',
): CutoffTable {
  checkLengths('fisherAtCutoff', values, labels);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (let i = 0; i < values.length; i++) {
    const predicted = direction === 'below' ? values[i] <= cutoff : values[i] >= cutoff;
    const positive = isPositive(labels[i]);
    if (predicted && positive) tp++;
    else if (predicted) fp++;
    else if (positive) fn++;
    else tn++;
  }
  const { oddsRatio, pValue } = fisherExact(tp, fp, fn, tn);
  return {
    table: [
      [tp, fp],
      [fn, tn],
    ],
    oddsRatio,
    pValue,
    positives: tp + fn,
    negatives: fp + tn,
  };
}
