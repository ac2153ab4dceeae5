/**
 * Log-gamma, log-factorial and log-binomial coefficients
 * ======================================================
 * ln Γ(x) for x > 0, accurate to a few ulp, by the Stirling series after shifting x ≥ 15:
 *
 *   ln Γ(x) = (x − ½) ln x − x + ½ ln 2π + Σ_{k=1..8} B_{2k} / (2k (2k − 1) x^{2k−1})
 *
 * (Abramowitz & Stegun 6.1.40; the truncation error at x = 15 is below 1e-17), and for
 * x < 15 the recurrence ln Γ(x) = ln Γ(x + m) − ln(x (x + 1) … (x + m − 1)).
 * For integers, `logFactorialTable(n)` tabulates ln k! = ln Γ(k + 1) for k = 0 … n: exact sums of
 * logs would accumulate rounding, so every entry comes from the series directly.
 * ln C(n, k) = ln n! − ln k! − ln (n − k)!, −∞ when k < 0 or k > n (C = 0).
 */

const HALF_LOG_TWO_PI = 0.9189385332046727; // ½ ln 2π
// B_{2k} / (2k (2k − 1)), k = 1 … 8.
const STIRLING = [
  1 / 12,
  -1 / 360,
  1 / 1260,
  -1 / 1680,
  1 / 1188,
  -691 / 360360,
  1 / 156,
  -3617 / 122400,
];

/** ln Γ(x) for x > 0. */
export function logGamma(x: number): number {
  if (!(x > 0)) {
    if (x === 0) return Infinity;
    throw new RangeError(`logGamma: defined here for x > 0 only, got ${x}`);
  }
  if (x === 1 || x === 2) return 0;
  let shift = 0;
  if (x < 15) {
    let product = 1;
    while (x < 15) {
      product *= x;
      x += 1;
    }
    shift = Math.log(product);
  }
  const inverse = 1 / x;
  const inverse2 = inverse * inverse;
  let series = STIRLING[7];
  for (let k = 6; k >= 0; k--) series = series * inverse2 + STIRLING[k];
  return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + series * inverse - shift;
}

/** ln k! for k = 0 … n. */
export function logFactorialTable(n: number): Float64Array {
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`logFactorialTable: n must be a non-negative integer, got ${n}`);
  }
  const table = new Float64Array(n + 1);
  // Up to 18! the factorial itself is exact in a double, so its log is correctly rounded.
  let factorial = 1;
  for (let k = 1; k <= n; k++) {
    if (k <= 18) {
      factorial *= k;
      table[k] = Math.log(factorial);
    } else {
      table[k] = logGamma(k + 1);
    }
  }
  return table;
}

/** ln C(n, k) from a log-factorial table covering n; −∞ outside 0 ≤ k ≤ n. */
export function logChoose(n: number, k: number, logFactorial: Float64Array): number {
  if (k < 0 || k > n) return -Infinity;
  return logFactorial[n] - logFactorial[k] - logFactorial[n - k];
}
