/**
 * Standard normal distribution function Φ
 * =======================================
 * Φ(z) = ½ erfc(−z/√2). erfc is evaluated to near machine precision: for |x| < 2 by the Taylor
 * series of erf (all terms alternate but |x| < 2 keeps the cancellation below 2 digits), and
 * for |x| ≥ 2 by the continued fraction erfc(x) = e^{−x²}/√π · 1/(x + ½/(x + 1/(x + 3/2/(x + …))))
 * evaluated with the modified Lentz method (Numerical Recipes §5.2), which keeps the relative
 * accuracy of tiny tails (scDrugPrio's P = Φ(z), ALGORITHMS.md §3.4).
 */

const SQRT_PI = 1.7724538509055159;

/** Complementary error function. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x < 2) return 1 - erfSeries(x);
  if (x > 27) return 0;
  // Continued fraction for erfc(x)·√π·e^{x²}: 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + …))))).
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 500; k++) {
    const a = k / 2;
    d = x + a * d;
    d = Math.abs(d) < tiny ? tiny : d;
    c = x + a / c;
    c = Math.abs(c) < tiny ? tiny : c;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / (f * SQRT_PI);
}

function erfSeries(x: number): number {
  // erf(x) = 2/√π Σ (−1)^k x^{2k+1} / (k! (2k + 1))
  const x2 = x * x;
  let term = x;
  let sum = x;
  for (let k = 1; k < 200; k++) {
    term *= -x2 / k;
    const contribution = term / (2 * k + 1);
    sum += contribution;
    if (Math.abs(contribution) < 1e-17 * Math.abs(sum)) break;
  }
  return (2 / SQRT_PI) * sum;
}

/** Φ(z), the standard normal lower-tail probability. */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}
