/**
 * Small SVG charts of the screen panel: nice ticks, the z–d_c scatter and the ROC curve
 * =====================================================================================
 * Pure geometry, in SVG pixel coordinates (y grows downwards), so the components only draw.
 *
 * - Ticks: the smallest step from {1, 2, 5} × 10^k that gives at most `maxTicks` ticks in
 *   [lo, hi]; a domain is "niced" by widening it to multiples of that step.
 * - Scatter: x = d_c (mean hops from each target to the nearest module gene), y = proximity z;
 *   x from min(0, min d_c), both domains niced. Entries lacking either value are counted in
 *   `skipped`. Unknown drugs come first and known ones last, so known drugs are drawn on top.
 * - ROC: the points of core's validateScreen (FPR, TPR), joined by straight segments, in a
 *   width × height box: x = FPR·width, y = (1 − TPR)·height.
 */
import { linearScale } from './histogram';

/** Step of the nice ticks over [lo, hi] (see the header); 1 for an empty or point domain. */
export function niceStep(lo: number, hi: number, maxTicks = 5): number {
  const span = hi - lo;
  if (!(span > 0) || !Number.isFinite(span) || !(maxTicks >= 1)) return 1;
  const count = (step: number) => Math.floor(hi / step + 1e-9) - Math.ceil(lo / step - 1e-9) + 1;
  let magnitude = 10 ** Math.floor(Math.log10(span / maxTicks) - 1);
  for (;;) {
    for (const multiple of [1, 2, 5]) {
      const step = multiple * magnitude;
      if (count(step) <= maxTicks) return step;
    }
    magnitude *= 10;
  }
}

/** Rounds away the float noise of k·step (e.g. 0.30000000000000004 → 0.3). */
const clean = (value: number): number => Number(value.toPrecision(12));

/** Nice tick values in [lo, hi], ascending. */
export function niceTicks(lo: number, hi: number, maxTicks = 5): number[] {
  if (!(hi >= lo) || !Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  if (hi === lo) return [clean(lo)];
  const step = niceStep(lo, hi, maxTicks);
  const first = Math.ceil(lo / step - 1e-9);
  const last = Math.floor(hi / step + 1e-9);
  const ticks: number[] = [];
  for (let k = first; k <= last; k++) ticks.push(clean(k * step));
  return ticks;
}

/** [lo, hi] widened to multiples of its nice step; a point domain becomes [v − 1, v + 1]. */
export function niceDomain(lo: number, hi: number, maxTicks = 5): [number, number] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 1];
  if (hi === lo) return [lo - 1, hi + 1];
  const step = niceStep(lo, hi, maxTicks);
  return [clean(Math.floor(lo / step + 1e-9) * step), clean(Math.ceil(hi / step - 1e-9) * step)];
}

/** Short tick label: integers as is, else up to 2 decimals without trailing zeros. */
export function formatTick(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toFixed(2)));
}

export interface ChartFrame {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

export interface Tick {
  value: number;
  /** Pixel position along the axis. */
  position: number;
}

export interface ScatterDatum {
  entry: number;
  x: number | null;
  y: number | null;
  known: boolean;
}

export interface ScatterPoint {
  entry: number;
  cx: number;
  cy: number;
  known: boolean;
}

export interface ScatterLayout {
  points: ScatterPoint[];
  xDomain: [number, number];
  yDomain: [number, number];
  xTicks: Tick[];
  yTicks: Tick[];
  /** Pixel y of z = 0 when it is inside the y domain, else null. */
  zeroY: number | null;
  /** Entries without both values. */
  skipped: number;
}

const isFiniteValue = (value: number | null): value is number =>
  value !== null && Number.isFinite(value);

export function scatterLayout(
  data: readonly ScatterDatum[],
  frame: ChartFrame,
  maxTicks = 5,
): ScatterLayout {
  const kept = data.filter((d) => isFiniteValue(d.x) && isFiniteValue(d.y)) as (ScatterDatum & {
    x: number;
    y: number;
  })[];
  let [minX, maxX, minY, maxY] = [0, 1, -1, 1];
  if (kept.length > 0) {
    minX = Math.min(0, ...kept.map((d) => d.x));
    maxX = Math.max(...kept.map((d) => d.x));
    minY = Math.min(...kept.map((d) => d.y));
    maxY = Math.max(...kept.map((d) => d.y));
  }
  const xDomain = niceDomain(minX, maxX, maxTicks);
  const yDomain = niceDomain(minY, maxY, maxTicks);
  const { width, height, margin } = frame;
  const x = linearScale(xDomain, [margin.left, width - margin.right]);
  const y = linearScale(yDomain, [height - margin.bottom, margin.top]);
  const points = [...kept]
    .sort((a, b) => Number(a.known) - Number(b.known))
    .map((d) => ({ entry: d.entry, cx: x(d.x), cy: y(d.y), known: d.known }));
  return {
    points,
    xDomain,
    yDomain,
    xTicks: niceTicks(xDomain[0], xDomain[1], maxTicks).map((value) => ({
      value,
      position: x(value),
    })),
    yTicks: niceTicks(yDomain[0], yDomain[1], maxTicks).map((value) => ({
      value,
      position: y(value),
    })),
    zeroY: yDomain[0] <= 0 && yDomain[1] >= 0 ? y(0) : null,
    skipped: data.length - kept.length,
  };
}

/** SVG path of a ROC curve in a width × height box (see the header); '' without points. */
export function rocPath(
  points: readonly { fpr: number; tpr: number }[],
  width: number,
  height: number,
): string {
  const finite = points.filter((p) => Number.isFinite(p.fpr) && Number.isFinite(p.tpr));
  return finite
    .map((p, k) => `${k === 0 ? 'M' : 'L'}${clean(p.fpr * width)},${clean((1 - p.tpr) * height)}`)
    .join('');
}
