/**
 * Hypergeometric distribution: pmf and tails in log space
 * =======================================================
 * X ~ Hypergeometric(N, K, n): the number of marked items among n drawn without replacement from
 * N items of which K are marked.
 *
 *   P(X = x) = C(K, x) · C(N − K, n − x) / C(N, n),   max(0, n − (N − K)) ≤ x ≤ min(n, K)
 *
 * Every term is exp(ln C + ln C − ln C) with log-gamma (./log-gamma.ts). Tails are summed term by
 * term over the tail itself (never as 1 − the other tail), so tiny p-values keep their relative
 * accuracy; the sum stops once the remaining terms cannot change it (they decrease
 * geometrically beyond the mode). Used by DIAMOnD (Ghiassian 2015), gene-set overlap
 * significance and Fisher's exact test.
 */
import { logChoose, logFactorialTable } from './log-gamma';

/** Shared log-factorial table, grown on demand. */
let sharedTable = logFactorialTable(1024);

/** A log-factorial table covering 0 … n (shared, grown by doubling). */
export function logFactorialsUpTo(n: number): Float64Array {
  if (n >= sharedTable.length) {
    let size = sharedTable.length;
    while (size <= n) size *= 2;
    sharedTable = logFactorialTable(size);
  }
  return sharedTable;
}

function assertParameters(where: string, N: number, K: number, n: number): void {
  if (
    !Number.isInteger(N) ||
    !Number.isInteger(K) ||
    !Number.isInteger(n) ||
    N < 0 ||
    K < 0 ||
    n < 0 ||
    K > N ||
    n > N
  ) {
    throw new RangeError(
      `${where}: need integers 0 ≤ K ≤ N and 0 ≤ n ≤ N, got N = ${N}, K = ${K}, n = ${n}`,
    );
  }
}

/** ln P(X = x). */
export function hypergeometricLogPmf(x: number, N: number, K: number, n: number): number {
  assertParameters('hypergeometricLogPmf', N, K, n);
  const table = logFactorialsUpTo(N);
  return logPmf(x, N, K, n, table);
}

/** P(X = x). */
export function hypergeometricPmf(x: number, N: number, K: number, n: number): number {
  return Math.exp(hypergeometricLogPmf(x, N, K, n));
}

function logPmf(x: number, N: number, K: number, n: number, table: Float64Array): number {
  if (x < 0 || x > n || x > K || n - x > N - K) return -Infinity;
  return logChoose(K, x, table) + logChoose(N - K, n - x, table) - logChoose(N, n, table);
}

/** P(X ≥ x), the upper tail (1 for x ≤ lower support bound, 0 above the upper one). */
export function hypergeometricUpperTail(x: number, N: number, K: number, n: number): number {
  assertParameters('hypergeometricUpperTail', N, K, n);
  return upperTail(x, N, K, n, logFactorialsUpTo(N));
}

/** P(X ≤ x), the lower tail. */
export function hypergeometricLowerTail(x: number, N: number, K: number, n: number): number {
  assertParameters('hypergeometricLowerTail', N, K, n);
  const table = logFactorialsUpTo(N);
  const low = Math.max(0, n - (N - K));
  const high = Math.min(n, K);
  if (x < low) return 0;
  if (x >= high) return 1;
  // Sum downwards from x: terms shrink geometrically below the mode.
  const mode = Math.floor(((n + 1) * (K + 1)) / (N + 2));
  let sum = 0;
  for (let t = Math.floor(x); t >= low; t--) {
    const term = Math.exp(logPmf(t, N, K, n, table));
    sum += term;
    if (t < mode && term <= sum * 1e-17) break;
  }
  return Math.min(sum, 1);
}

/**
 * P(X ≥ x) with a caller-provided log-factorial table covering N (the DIAMOnD hot loop).
 * No argument checks.
 */
export function upperTail(
  x: number,
  N: number,
  K: number,
  n: number,
  logFactorial: Float64Array,
): number {
  const low = Math.max(0, n - (N - K));
  const high = Math.min(n, K);
  if (x <= low) return 1;
  if (x > high) return 0;
  const mode = Math.floor(((n + 1) * (K + 1)) / (N + 2));
  const logDenominator = logChoose(N, n, logFactorial);
  let sum = 0;
  for (let t = Math.ceil(x); t <= high; t++) {
    const term = Math.exp(
      logChoose(K, t, logFactorial) + logChoose(N - K, n - t, logFactorial) - logDenominator,
    );
    sum += term;
    if (t > mode && term <= sum * 1e-17) break;
  }
  return Math.min(sum, 1);
}
