/**
 * Summary statistics for null distributions
 * =========================================
 * mean, standard deviation (population ddof = 0 by default, as Guney/NetMedPy; ddof = 1 is R's
 * `sd`, used by scDrugPrio), z = (observed − mean)/sd (NaN when sd = 0, as NetMedPy), and the
 * empirical p-value #{null ≥ observed}/R (or ≤ for the lower tail), ALGORITHMS.md §3.3, §3.14.
 * Mean and variance use Welford's online update, which stays accurate on long nulls.
 */

export interface NullSummary {
  readonly mean: number;
  readonly sd: number;
}

/** Mean and standard deviation (Welford). ddof 0 = population, 1 = sample. */
export function meanAndSd(values: ArrayLike<number>, ddof: 0 | 1 = 0): NullSummary {
  let mean = 0;
  let m2 = 0;
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    count++;
    const delta = x - mean;
    mean += delta / count;
    m2 += delta * (x - mean);
  }
  if (count === 0) return { mean: NaN, sd: NaN };
  const denominator = count - ddof;
  return { mean, sd: denominator > 0 ? Math.sqrt(Math.max(m2, 0) / denominator) : NaN };
}

/** (observed − mean)/sd; NaN when sd is 0 or undefined. */
export function zScore(observed: number, summary: NullSummary): number {
  if (!(summary.sd > 0)) return NaN;
  return (observed - summary.mean) / summary.sd;
}

/**
 * Empirical p-value: #{null ≥ observed}/R for `'greater'`, #{null ≤ observed}/R for `'less'`.
 * `pseudocount` 1 gives the (count + 1)/(R + 1) variant (never 0).
 */
export function empiricalPValue(
  observed: number,
  nullValues: ArrayLike<number>,
  tail: 'greater' | 'less' = 'greater',
  pseudocount: 0 | 1 = 0,
): number {
  let count = 0;
  for (let i = 0; i < nullValues.length; i++) {
    if (tail === 'greater' ? nullValues[i] >= observed : nullValues[i] <= observed) count++;
  }
  return (count + pseudocount) / (nullValues.length + pseudocount);
}
