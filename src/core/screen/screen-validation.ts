/**
 * Validating a screen against known indications
 * =============================================
 * ALGORITHMS.md §3.14, on the screened entries (an entry is a known drug when any of its
 * member names is in the indication list, case-insensitive):
 * - AUROC = Mann–Whitney U/(n₊n₋) with mid-ranks for ties, on score = −value (for proximity the
 *   value is z, so a lower z ranks higher; src/core/metrics/ranking-metrics.ts `auroc`);
 * - the ROC curve: one point (FPR, TPR) per distinct score, from (0, 0) to (1, 1), walking the
 *   scores from best to worst; tied scores move diagonally, so the trapezoid area under the
 *   points equals the mid-rank AUROC;
 * - precision@k (and recall@k) for each k (best scores first; ties in input order);
 * - Fisher's exact test at a cut-off: predicted = value ≤ cutoff. Default −0.15, Guney 2016's
 *   "proximal" operating point for z (ALGORITHMS.md §3.4); odds ratio and two-sided p.
 * Entries whose value is NaN are left out and counted. The numbers of positives and negatives
 * are always reported, as are indication names that match no screened entry.
 */
import {
  auroc,
  fisherAtCutoff,
  precisionAtK,
  type CutoffTable,
  type TopK,
} from '../metrics/ranking-metrics';

export interface ScreenValidationOptions {
  /** k values for precision@k (those above the number of scored entries are skipped). */
  ks: number[];
  /** Predicted positive when value ≤ cutoff; null: no Fisher test. */
  cutoff: number | null;
}

export const SCREEN_VALIDATION_DEFAULTS: Readonly<ScreenValidationOptions> = {
  ks: [10, 20, 50, 100],
  cutoff: -0.15,
};

export interface RocPoint {
  readonly fpr: number;
  readonly tpr: number;
  /** Predicted = value ≤ threshold gives this point (first point: −Infinity, nothing predicted). */
  readonly threshold: number;
}

export interface ScreenValidation {
  readonly positives: number;
  readonly negatives: number;
  /** Entries left out because their value is NaN. */
  readonly unscored: number;
  readonly auc: number;
  readonly roc: readonly RocPoint[];
  readonly precisionAtK: readonly TopK[];
  readonly fisher: (CutoffTable & { readonly cutoff: number }) | null;
  /** Indication names that match no screened entry. */
  readonly unmatched: readonly string[];
}

/**
 * `names[i]` are entry i's member names; `values[i]` its value (lower = better, e.g. z).
 */
export function validateScreen(
  names: readonly (readonly string[])[],
  values: ArrayLike<number>,
  indications: Iterable<string>,
  options: Partial<ScreenValidationOptions> = {},
): ScreenValidation {
  const { ks, cutoff } = { ...SCREEN_VALIDATION_DEFAULTS, ...options };
  if (names.length !== values.length) {
    throw new RangeError(`validateScreen: ${names.length} entries but ${values.length} values`);
  }
  const wanted = new Map<string, string>();
  for (const name of indications) {
    const key = name.trim().toLowerCase();
    if (key !== '' && !wanted.has(key)) wanted.set(key, name.trim());
  }
  const matched = new Set<string>();
  const scores: number[] = [];
  const kept: number[] = [];
  const labels: boolean[] = [];
  let unscored = 0;
  for (let i = 0; i < names.length; i++) {
    let isKnown = false;
    for (const name of names[i]) {
      const key = name.trim().toLowerCase();
      if (wanted.has(key)) {
        isKnown = true;
        matched.add(key);
      }
    }
    if (Number.isNaN(values[i])) {
      unscored++;
      continue;
    }
    kept.push(values[i]);
    scores.push(-values[i]);
    labels.push(isKnown);
  }
  const area = auroc(scores, labels);
  return {
    positives: area.positives,
    negatives: area.negatives,
    unscored,
    auc: area.auc,
    roc: rocCurve(scores, labels),
    precisionAtK: ks
      .filter((k) => k >= 1 && k <= scores.length)
      .map((k) => precisionAtK(scores, labels, k)),
    fisher: cutoff === null ? null : { ...fisherAtCutoff(kept, labels, cutoff, 'below'), cutoff },
    unmatched: [...wanted].filter(([key]) => !matched.has(key)).map(([, name]) => name),
  };
}

/** ROC points (see the header); higher score = predicted positive first. */
export function rocCurve(scores: ArrayLike<number>, labels: ArrayLike<boolean>): RocPoint[] {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort(
    (a, b) => (scores[a] > scores[b] ? -1 : scores[a] < scores[b] ? 1 : 0) || a - b,
  );
  let positives = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i]) positives++;
  const negatives = labels.length - positives;
  const points: RocPoint[] = [{ fpr: 0, tpr: 0, threshold: -Infinity }];
  let tp = 0;
  let fp = 0;
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end < order.length && scores[order[end]] === scores[order[start]]) {
      if (labels[order[end]]) tp++;
      else fp++;
      end++;
    }
    points.push({
      fpr: negatives > 0 ? fp / negatives : NaN,
      tpr: positives > 0 ? tp / positives : NaN,
      threshold: -scores[order[start]],
    });
    start = end;
  }
  return points;
}
