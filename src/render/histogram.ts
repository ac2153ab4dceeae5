/**
 * Histogram bins and axis ticks for small SVG charts
 * ==================================================
 * Counts values into equal-width bins, for the null distributions of the module panel (e.g.
 * the R largest-connected-component sizes of random gene sets). Two modes:
 *
 * - integer data: each integer v owns the unit cell [v, v + 1); bins are whole numbers wide,
 *   w = ⌈span / maxBins⌉ with span = max − min + 1, and v falls in bin ⌊(v − min)/w⌋. A value
 *   is then drawn at v + ½ (the centre of its cell), so a count never straddles two bars.
 * - continuous data: Sturges' rule, ⌈log₂ n⌉ + 1 bins (at most maxBins) over [min, max]; the
 *   maximum falls in the last bin (closed on the right).
 *
 * `include` widens the domain to values that are not data (the observed value, so its marker
 * is always on the axis). Non-finite values are skipped. Reference: Sturges, J Am Stat Assoc
 * 21:65 (1926).
 */

export interface HistogramBin {
  /** Left edge (inclusive). */
  x0: number;
  /** Right edge (exclusive, except for the last continuous bin). */
  x1: number;
  count: number;
}

export interface Histogram {
  bins: HistogramBin[];
  /** bins[0].x0 and the last bin's x1; [0, 1] when there is nothing to count. */
  domain: [number, number];
  /** Largest count of one bin. */
  maxCount: number;
  /** Finite values counted. */
  total: number;
}

export interface HistogramOptions {
  /** Most bins; bins grow wider to stay below it. */
  maxBins: number;
  /** Integer data (see the header). */
  integer: boolean;
  /** Values the domain must reach besides the data. */
  include: readonly number[];
}

export const HISTOGRAM_DEFAULTS: Readonly<HistogramOptions> = {
  maxBins: 30,
  integer: false,
  include: [],
};

export function histogramBins(
  values: ArrayLike<number>,
  options: Partial<HistogramOptions> = {},
): Histogram {
  const { maxBins, integer, include } = { ...HISTOGRAM_DEFAULTS, ...options };
  if (!(Number.isInteger(maxBins) && maxBins >= 1)) {
    throw new RangeError(`histogramBins: maxBins must be an integer ≥ 1, got ${maxBins}`);
  }
  let min = Infinity;
  let max = -Infinity;
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    total++;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  for (const v of include) {
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min > max) return { bins: [], domain: [0, 1], maxCount: 0, total: 0 };

  let lo: number;
  let width: number;
  let binCount: number;
  if (integer) {
    lo = Math.floor(min);
    const span = Math.floor(max) - lo + 1;
    width = Math.ceil(span / maxBins);
    binCount = Math.ceil(span / width);
  } else if (min === max) {
    lo = min - 0.5;
    width = 1;
    binCount = 1;
  } else {
    lo = min;
    binCount = Math.min(maxBins, Math.ceil(Math.log2(Math.max(total, 1))) + 1);
    width = (max - min) / binCount;
  }

  const counts = new Array<number>(binCount).fill(0);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    const k = Math.floor(((integer ? Math.floor(v) : v) - lo) / width);
    counts[Math.min(binCount - 1, k)]++;
  }
  const bins = counts.map((count, k) => ({
    x0: lo + k * width,
    x1: k === binCount - 1 && !integer ? Math.max(max, lo + width) : lo + (k + 1) * width,
    count,
  }));
  return {
    bins,
    domain: [bins[0].x0, bins[binCount - 1].x1],
    maxCount: Math.max(...counts),
    total,
  };
}

/**
 * Round tick values for an axis over [lo, hi]: multiples of the smallest step from
 * 1, 2, 5, 10, 20, 50, … that gives at most `maxTicks` ticks (integer axes).
 */
export function integerTicks(lo: number, hi: number, maxTicks = 6): number[] {
  if (!(hi >= lo) || !(maxTicks >= 1)) return [];
  const first = (step: number) => Math.ceil(lo / step) * step;
  const countFor = (step: number) => Math.floor((hi - first(step)) / step) + 1;
  let step = 1;
  for (let magnitude = 1; countFor(step) > maxTicks;) {
    const next = [1, 2, 5].map((m) => m * magnitude).find((s) => s > step);
    if (next === undefined) {
      magnitude *= 10;
      step = magnitude;
    } else {
      step = next;
    }
  }
  const ticks: number[] = [];
  for (let t = first(step); t <= hi; t += step) ticks.push(t);
  return ticks;
}

/** Maps [d0, d1] linearly onto [r0, r1] (a degenerate domain maps to the middle). */
export function linearScale(
  [d0, d1]: readonly [number, number],
  [r0, r1]: readonly [number, number],
): (value: number) => number {
  if (d1 === d0) return () => (r0 + r1) / 2;
  const slope = (r1 - r0) / (d1 - d0);
  return (value) => r0 + (value - d0) * slope;
}
