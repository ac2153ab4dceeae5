/**
 * Wilcoxon rank-sum (Mann–Whitney U) test, asymptotic, as scipy and R compute it
 * ==============================================================================
 * Two samples x (size n1) and y (size n2), N = n1 + n2 (ALGORITHMS.md §3.16):
 *
 *   rank all N values jointly, ties get mid-ranks;  R1 = Σ ranks of x;  U1 = R1 − n1(n1 + 1)/2
 *   μ = n1·n2/2;   σ² = n1·n2/12 · [(N + 1) − Σ_k (t_k³ − t_k) / (N(N − 1))]   (tie groups t_k)
 *   p = min(1, 2·Q((|U1 − μ| − ½)/σ)),   Q(z) = 1 − Φ(z) = ½ erfc(z/√2);   σ = 0 gives p = 1
 *
 * This is `scipy.stats.mannwhitneyu(x, y, method='asymptotic', use_continuity=True)` (scipy
 * takes U = max(U1, U2) and p = 2·Q((U − μ − ½)/σ) clipped to 1; U − μ = |U1 − μ|) and R's
 * `wilcox.test(x, y, exact = FALSE, correct = TRUE)`. Rank sums are sums of half-integers below
 * 2⁵³, so U1 is exact; Q uses the erfc of src/core/stats/normal.ts (continued fraction, relative
 * accuracy ~1e-14 down to Q ≈ 1e-300, checked against scipy.special.ndtr in the fixture).
 *
 * Sparse form (presto; Korsunsky et al., bioRxiv 653253, 2019): expression is ≥ 0, so the n0
 * zeros form one tie group with mid-rank (n0 + 1)/2 and only the non-zeros are sorted, their
 * ranks offset by n0; the zero group adds n0³ − n0 to the tie sum. A cell may carry a
 * multiplicity (a bootstrap copy draws cells with replacement): a cell of multiplicity w is w
 * equal values, so it adds w to its tie group.
 */
import { erfc } from '@/core/stats/normal';
import type { SparseExpression } from './sparse-expression';

export interface RankSumResult {
  /** U statistic of the first sample (case): R1 − n1(n1 + 1)/2. */
  readonly u1: number;
  readonly n1: number;
  readonly n2: number;
  /** Σ_k (t_k³ − t_k) over tie groups, zeros included. */
  readonly tieSum: number;
  /** Two-sided asymptotic p with continuity correction. */
  readonly p: number;
}

/** Q(z) = P(Z > z) for a standard normal Z, to ~1e-14 relative in the far tail. */
export function normalUpperTail(z: number): number {
  return 0.5 * erfc(z * Math.SQRT1_2);
}

/** The two-sided asymptotic p of the rank-sum test from U1, the group sizes and the tie sum. */
export function mannWhitneyPValue(u1: number, n1: number, n2: number, tieSum: number): number {
  const n = n1 + n2;
  if (n1 === 0 || n2 === 0 || n < 2) return 1;
  const variance = ((n1 * n2) / 12) * (n + 1 - tieSum / (n * (n - 1)));
  // σ = 0 means every value is tied (U1 = μ); rounding may leave a tiny or negative variance.
  if (!(variance > 0)) return 1;
  const z = (Math.abs(u1 - (n1 * n2) / 2) - 0.5) / Math.sqrt(variance);
  return Math.min(1, 2 * normalUpperTail(z));
}

/** Dense reference: any real values, a full sort of all N values. */
export function wilcoxonRankSum(x: ArrayLike<number>, y: ArrayLike<number>): RankSumResult {
  const n1 = x.length;
  const n2 = y.length;
  const n = n1 + n2;
  const values = new Float64Array(n);
  for (let i = 0; i < n1; i++) values[i] = x[i];
  for (let i = 0; i < n2; i++) values[n1 + i] = y[i];
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(values[i])) throw new RangeError(`wilcoxonRankSum: value ${i} is NaN`);
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a] - values[b]);
  let r1 = 0;
  let tieSum = 0;
  for (let start = 0; start < n;) {
    let end = start + 1;
    while (end < n && values[order[end]] === values[order[start]]) end++;
    const t = end - start;
    const midRank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) if (order[k] < n1) r1 += midRank;
    tieSum += t * t * t - t;
    start = end;
  }
  const u1 = r1 - (n1 * (n1 + 1)) / 2;
  return { u1, n1, n2, tieSum, p: mannWhitneyPValue(u1, n1, n2, tieSum) };
}

/** Which side of the test a cell is on. */
export const SIDE_NONE = 0;
export const SIDE_CASE = 1;
export const SIDE_CONTROL = 2;

/**
 * Sparse-rank test of one gene: `sideOfCell[c]` is SIDE_CASE, SIDE_CONTROL or SIDE_NONE;
 * `multiplicity[c]` (default 1) counts a cell that many times. Values must be ≥ 0.
 */
export function sparseWilcoxonRankSum(
  matrix: SparseExpression,
  gene: number,
  sideOfCell: ArrayLike<number>,
  multiplicity?: ArrayLike<number>,
): RankSumResult {
  if (sideOfCell.length !== matrix.cellCount) {
    throw new RangeError(
      `sparseWilcoxonRankSum: sideOfCell has ${sideOfCell.length} entries, expected ${matrix.cellCount}`,
    );
  }
  if (!(gene >= 0 && gene < matrix.geneCount)) {
    throw new RangeError(`sparseWilcoxonRankSum: gene ${gene} outside [0, ${matrix.geneCount})`);
  }
  const weightOf = (c: number): number => (multiplicity ? multiplicity[c] : 1);
  let n1 = 0;
  let n2 = 0;
  for (let c = 0; c < matrix.cellCount; c++) {
    if (sideOfCell[c] === SIDE_CASE) n1 += weightOf(c);
    else if (sideOfCell[c] === SIDE_CONTROL) n2 += weightOf(c);
  }
  const { offsets, cells, values } = matrix;
  const entries: number[] = [];
  let nonZero1 = 0;
  let nonZero2 = 0;
  for (let e = offsets[gene]; e < offsets[gene + 1]; e++) {
    const v = values[e];
    if (v < 0 || Number.isNaN(v)) {
      throw new RangeError(`sparseWilcoxonRankSum: gene ${gene}, cell ${cells[e]}: value ${v} < 0`);
    }
    const side = sideOfCell[cells[e]];
    if (v === 0 || side === SIDE_NONE || weightOf(cells[e]) === 0) continue;
    entries.push(e);
    if (side === SIDE_CASE) nonZero1 += weightOf(cells[e]);
    else nonZero2 += weightOf(cells[e]);
  }
  entries.sort((a, b) => values[a] - values[b]);
  const zeros1 = n1 - nonZero1;
  const zeros = zeros1 + n2 - nonZero2;
  let r1 = (zeros1 * (zeros + 1)) / 2;
  let tieSum = zeros * zeros * zeros - zeros;
  let below = zeros;
  for (let start = 0; start < entries.length;) {
    let end = start;
    let t = 0;
    let t1 = 0;
    while (end < entries.length && values[entries[end]] === values[entries[start]]) {
      const cell = cells[entries[end]];
      const w = weightOf(cell);
      t += w;
      if (sideOfCell[cell] === SIDE_CASE) t1 += w;
      end++;
    }
    r1 += t1 * (below + (t + 1) / 2);
    tieSum += t * t * t - t;
    below += t;
    start = end;
  }
  const u1 = r1 - (n1 * (n1 + 1)) / 2;
  return { u1, n1, n2, tieSum, p: mannWhitneyPValue(u1, n1, n2, tieSum) };
}
