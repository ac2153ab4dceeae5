import { describe, expect, it } from 'vitest';
import { rocCurve, validateScreen } from '@/core/screen/screen-validation';

describe('validateScreen', () => {
  // Five entries, lower z = better. Known drugs: B (z −3) and E (z 0.5); D is unscored.
  const names = [['A'], ['B', 'b-brand'], ['C'], ['D'], ['E']];
  const z = [-1, -3, 2, NaN, 0.5];

  it('reports counts, AUROC with mid-ranks, precision@k and Fisher at z ≤ −0.15', () => {
    const result = validateScreen(names, z, ['b-BRAND', 'E', 'Nowhere'], { ks: [1, 2, 10] });
    expect(result.positives).toBe(2);
    expect(result.negatives).toBe(2);
    expect(result.unscored).toBe(1);
    // Scores −z: B 3, A 1, E −0.5, C −2. Positive pairs beating negatives: B > A, C; E > C only.
    expect(result.auc).toBe(3 / 4);
    expect(result.precisionAtK.map((p) => [p.k, p.precision])).toEqual([
      [1, 1],
      [2, 0.5],
    ]);
    // Predicted (z ≤ −0.15): A, B. Table [[1, 1], [1, 1]].
    expect(result.fisher?.table).toEqual([
      [1, 1],
      [1, 1],
    ]);
    expect(result.fisher?.oddsRatio).toBe(1);
    expect(result.fisher?.pValue).toBeCloseTo(1, 12);
    expect(result.unmatched).toEqual(['Nowhere']);
  });

  it('gives ROC points whose trapezoid area is the mid-rank AUROC, ties included', () => {
    const scores = [0.9, 0.8, 0.8, 0.7, 0.7, 0.7, 0.1];
    const labels = [true, false, true, true, false, false, false];
    const points = rocCurve(scores, labels);
    expect(points.map((p) => [p.fpr, p.tpr])).toEqual([
      [0, 0],
      [0, 1 / 3],
      [1 / 4, 2 / 3],
      [3 / 4, 1],
      [1, 1],
    ]);
    let area = 0;
    for (let i = 1; i < points.length; i++) {
      area += ((points[i].fpr - points[i - 1].fpr) * (points[i].tpr + points[i - 1].tpr)) / 2;
    }
    // Mann–Whitney by hand: positives 0.9 (beats 4), 0.8 (beats 3, ties 1 → 3.5), 0.7 (beats
    // 1, ties 2 → 2): U = 9.5 of 12.
    expect(area).toBeCloseTo(9.5 / 12, 14);
    const names = scores.map((_, i) => [`d${i}`]);
    const known = names.filter((_, i) => labels[i]).map((n) => n[0]);
    expect(
      validateScreen(
        names,
        scores.map((s) => -s),
        known,
      ).auc,
    ).toBeCloseTo(9.5 / 12, 14);
  });

  it('skips the Fisher test without a cut-off', () => {
    expect(validateScreen([['a'], ['b']], [1, 2], ['a'], { cutoff: null }).fisher).toBeNull();
  });
});
