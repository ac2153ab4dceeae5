/**
 * Ranks, rank combination and rank correlation for the drug screen
 * ================================================================
 * - `midRanks`: 1 = best. Ties share the mean of the ranks they span (scDrugPrio: "rank
 *   descending, ties averaged"). NaN values (a method that could not score a drug) tie at the
 *   bottom, after every scored value.
 * - `combineRanks` (one rank list per method, lower = better):
 *     'mean-rank'     c_j = (1/m) Σ_methods rank_{method, j}          (default)
 *     'rank-product'  c_j = (Π_methods rank_{method, j})^{1/m}        (Breitling et al.,
 *                     FEBS Lett 573:83, 2004: geometric mean of ranks)
 *   The final rank is midRanks(c) ascending. A method that scored nobody is left out.
 * - `spearman`: Pearson correlation of the mid-ranks (Spearman's ρ with the tie correction that
 *   scipy.stats.spearmanr uses); NaN when either side is constant or fewer than 2 pairs.
 */

/** Mid-ranks (1 = best), NaN tied last. `lowerIsBetter` picks the direction. */
export function midRanks(values: ArrayLike<number>, lowerIsBetter: boolean): Float64Array {
  const n = values.length;
  const scored: number[] = [];
  let missing = 0;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(values[i])) missing++;
    else scored.push(i);
  }
  // Comparisons, not differences: ±Infinity must sort too.
  const sign = lowerIsBetter ? 1 : -1;
  scored.sort((a, b) => {
    const va = values[a];
    const vb = values[b];
    return (va < vb ? -sign : va > vb ? sign : 0) || a - b;
  });
  const ranks = new Float64Array(n);
  for (let start = 0; start < scored.length;) {
    let end = start + 1;
    while (end < scored.length && values[scored[end]] === values[scored[start]]) end++;
    const rank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) ranks[scored[k]] = rank;
    start = end;
  }
  const bottom = scored.length + (missing + 1) / 2;
  for (let i = 0; i < n; i++) if (Number.isNaN(values[i])) ranks[i] = bottom;
  return ranks;
}

export type RankCombination = 'mean-rank' | 'rank-product';

/** Combined score per item (lower = better) from rank lists of equal length. */
export function combineRanks(
  rankLists: readonly ArrayLike<number>[],
  combination: RankCombination = 'mean-rank',
): Float64Array {
  if (rankLists.length === 0) throw new RangeError('combineRanks: no rank lists');
  const n = rankLists[0].length;
  for (const list of rankLists) {
    if (list.length !== n) throw new RangeError('combineRanks: rank lists differ in length');
  }
  const m = rankLists.length;
  const combined = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (combination === 'mean-rank') {
      let sum = 0;
      for (const list of rankLists) sum += list[i];
      combined[i] = sum / m;
    } else {
      let logSum = 0;
      for (const list of rankLists) logSum += Math.log(list[i]);
      combined[i] = Math.exp(logSum / m);
    }
  }
  return combined;
}

/** Spearman's ρ with mid-ranks for ties. */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  if (x.length !== y.length) throw new RangeError('spearman: x and y differ in length');
  if (x.length < 2) return NaN;
  return pearson(midRanks(x, true), midRanks(y, true));
}

/** Pearson correlation; NaN when either side has zero variance. */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : NaN;
}
