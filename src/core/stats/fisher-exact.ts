/**
 * Fisher's exact test for a 2 × 2 table
 * =====================================
 * Table [[a, b], [c, d]]. With the margins fixed, a ~ Hypergeometric(N = a+b+c+d, K = a+b,
 * n = a+c) (./hypergeometric.ts). Follows `scipy.stats.fisher_exact`:
 *
 * - `'greater'`: P(X ≥ a); `'less'`: P(X ≤ a);
 * - `'two-sided'`: the sum of P(X = x) over all x with P(X = x) ≤ P(X = a) · (1 + 1e-7). SciPy
 *   uses a relative tolerance of 1e-14 and R's fisher.test 1e-7; we take R's, because symmetric
 *   tables give mathematically equal terms whose log-space values differ in the last bits.
 * - odds ratio = (a·d)/(b·c), +∞ when b·c = 0; a table with an empty row or column gives
 *   odds ratio NaN and p = 1 (as SciPy).
 */
import {
  hypergeometricLowerTail,
  hypergeometricUpperTail,
  logFactorialsUpTo,
} from './hypergeometric';
import { logChoose } from './log-gamma';

export type Alternative = 'two-sided' | 'greater' | 'less';

export interface FisherExactResult {
  /** Sample odds ratio (a·d)/(b·c): +∞ when b·c = 0, NaN for an empty row or column. */
  readonly oddsRatio: number;
  readonly pValue: number;
  readonly alternative: Alternative;
}

const TWO_SIDED_RELATIVE_TOLERANCE = 1e-7;

/** Fisher's exact test on [[a, b], [c, d]] (non-negative integer counts). */
export function fisherExact(
  a: number,
  b: number,
  c: number,
  d: number,
  alternative: Alternative = 'two-sided',
): FisherExactResult {
  for (const [name, value] of [
    ['a', a],
    ['b', b],
    ['c', c],
    ['d', d],
  ] as const) {
    if (!Number.isInteger(value) || value < 0) {
      throw new RangeError(`fisherExact: ${name} must be a non-negative integer, got ${value}`);
    }
  }
  if (a + b === 0 || c + d === 0 || a + c === 0 || b + d === 0) {
    return { oddsRatio: NaN, pValue: 1, alternative };
  }
  const oddsRatio = b > 0 && c > 0 ? (a * d) / (b * c) : Infinity;
  const N = a + b + c + d;
  const K = a + b;
  const n = a + c;
  let pValue: number;
  if (alternative === 'greater') pValue = hypergeometricUpperTail(a, N, K, n);
  else if (alternative === 'less') pValue = hypergeometricLowerTail(a, N, K, n);
  else if (alternative === 'two-sided') pValue = twoSided(a, N, K, n);
  else throw new RangeError(`fisherExact: unknown alternative "${alternative as string}"`);
  return { oddsRatio, pValue, alternative };
}

function twoSided(a: number, N: number, K: number, n: number): number {
  const table = logFactorialsUpTo(N);
  const low = Math.max(0, n - (N - K));
  const high = Math.min(n, K);
  const logDenominator = logChoose(N, n, table);
  const logPmf = (x: number): number =>
    logChoose(K, x, table) + logChoose(N - K, n - x, table) - logDenominator;
  const threshold = logPmf(a) + Math.log1p(TWO_SIDED_RELATIVE_TOLERANCE);
  let sum = 0;
  for (let x = low; x <= high; x++) {
    const value = logPmf(x);
    if (value <= threshold) sum += Math.exp(value);
  }
  return Math.min(sum, 1);
}
