import { describe, expect, it } from 'vitest';
import {
  formatTick,
  niceDomain,
  niceStep,
  niceTicks,
  rocPath,
  scatterLayout,
} from '@/render/screen-charts';

describe('nice ticks', () => {
  it.each([
    // lo, hi, maxTicks, step: the smallest of 1, 2, 5 × 10^k giving at most maxTicks ticks
    [0, 1, 6, 0.2], // 0, 0.2, …, 1: six ticks
    [0, 1, 5, 0.5], // 0.2 would give six
    [-2.5, 1.9, 5, 1], // −2, −1, 0, 1 (0.5 would give nine)
    [0, 4, 5, 1], // 0 … 4: five
    [0, 130, 5, 50], // 0, 50, 100 (20 would give seven)
  ])('over [%d, %d] with at most %d ticks the step is %d', (lo, hi, maxTicks, step) => {
    expect(niceStep(lo, hi, maxTicks)).toBe(step);
  });

  it('lists the ticks without float noise', () => {
    expect(niceTicks(0, 1, 6)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(-2.5, 1.9, 5)).toEqual([-2, -1, 0, 1]);
    expect(niceTicks(0.1, 0.35, 3)).toEqual([0.1, 0.2, 0.3]);
    expect(niceTicks(3, 3)).toEqual([3]);
    expect(niceTicks(2, 1)).toEqual([]);
  });

  it('widens a domain to whole steps', () => {
    expect(niceDomain(-2.5, 1.9, 5)).toEqual([-3, 2]);
    expect(niceDomain(0, 4.3125, 5)).toEqual([0, 5]);
    expect(niceDomain(1, 1)).toEqual([0, 2]);
  });

  it('writes short tick labels', () => {
    expect(formatTick(2)).toBe('2');
    expect(formatTick(0.25)).toBe('0.25');
    expect(formatTick(-1.5)).toBe('-1.5');
  });
});

describe('scatterLayout', () => {
  const frame = { width: 220, height: 120, margin: { top: 10, right: 10, bottom: 10, left: 10 } };

  it('maps d_c to x and z to y (upwards), known drugs last', () => {
    const layout = scatterLayout(
      [
        { entry: 7, x: 3, y: 2, known: true },
        { entry: 1, x: 1, y: 0, known: false },
        { entry: 2, x: 2, y: -2, known: false },
        { entry: 3, x: null, y: 1, known: false },
      ],
      frame,
      5,
    );
    // x domain [0, 3] (from 0), step 1; y domain [−2, 2], step 1.
    expect(layout.xDomain).toEqual([0, 3]);
    expect(layout.yDomain).toEqual([-2, 2]);
    // x: 10 + x·200/3; y: 110 − (y + 2)·100/4.
    expect(layout.points.map((p) => p.entry)).toEqual([1, 2, 7]);
    const [a, b, c] = layout.points;
    expect(a.cx).toBeCloseTo(10 + 200 / 3, 10);
    expect(a.cy).toBeCloseTo(60, 10);
    expect(b.cx).toBeCloseTo(10 + 400 / 3, 10);
    expect(b.cy).toBeCloseTo(110, 10);
    expect(c.cx).toBeCloseTo(210, 10);
    expect(c.cy).toBeCloseTo(10, 10);
    expect(layout.zeroY).toBeCloseTo(60, 10);
    expect(layout.skipped).toBe(1);
    expect(layout.xTicks.map((t) => t.value)).toEqual([0, 1, 2, 3]);
    expect(layout.yTicks.map((t) => [t.value, t.position])).toEqual([
      [-2, 110],
      [-1, 85],
      [0, 60],
      [1, 35],
      [2, 10],
    ]);
  });

  it('has no zero line when z stays above 0', () => {
    const layout = scatterLayout(
      [
        { entry: 0, x: 1, y: 3, known: false },
        { entry: 1, x: 2, y: 5, known: false },
      ],
      frame,
    );
    expect(layout.yDomain).toEqual([3, 5]);
    expect(layout.zeroY).toBeNull();
  });
});

describe('rocPath', () => {
  it('draws FPR along x and TPR upwards', () => {
    const points = [
      { fpr: 0, tpr: 0 },
      { fpr: 0, tpr: 0.5 },
      { fpr: 0.5, tpr: 0.5 },
      { fpr: 1, tpr: 1 },
    ];
    expect(rocPath(points, 100, 50)).toBe('M0,50L0,25L50,25L100,0');
  });

  it('skips undefined points (no positives) and draws nothing without points', () => {
    expect(
      rocPath(
        [
          { fpr: 0, tpr: 0 },
          { fpr: 1, tpr: Number.NaN },
        ],
        10,
        10,
      ),
    ).toBe('M0,10');
    expect(rocPath([], 10, 10)).toBe('');
  });
});
