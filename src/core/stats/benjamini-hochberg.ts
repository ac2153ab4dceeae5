/**
 * Benjamini–Hochberg false discovery rate adjustment
 * ==================================================
 * Benjamini & Hochberg 1995: with the m p-values sorted ascending, p_(1) ≤ … ≤ p_(m),
 *
 *   q_(i) = min_{j ≥ i} min(1, m · p_(j) / j)
 *
 * returned in the input order. Matches `scipy.stats.false_discovery_control(p, method='bh')`
 * and R's `p.adjust(p, "BH")`. NaN p-values are skipped (m counts only the others) and stay NaN,
 * as R does with NA.
 */

export function benjaminiHochberg(pValues: ArrayLike<number>): Float64Array {
  const q = new Float64Array(pValues.length).fill(NaN);
  const order: number[] = [];
  for (let i = 0; i < pValues.length; i++) {
    const p = pValues[i];
    if (Number.isNaN(p)) continue;
    if (p < 0 || p > 1) {
      throw new RangeError(`benjaminiHochberg: p-value ${i} = ${p} is outside [0, 1]`);
    }
    order.push(i);
  }
  order.sort((x, y) => pValues[x] - pValues[y] || x - y);
  const m = order.length;
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const i = order[rank - 1];
    const value = (pValues[i] * m) / rank;
    if (value < running) running = value;
    q[i] = running;
  }
  return q;
}
