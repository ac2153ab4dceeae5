// Bins worked out by hand: every expected count below can be checked by counting the input.
import { describe, expect, it } from 'vitest';
import { histogramBins, integerTicks, linearScale } from '@/render/histogram';

const counts = (values: number[], options: Parameters<typeof histogramBins>[1]) =>
  histogramBins(values, options).bins.map(({ x0, x1, count }) => [x0, x1, count]);

describe('histogramBins, integer data', () => {
  it('gives every integer its own unit bin when the range is small', () => {
    // 0 once, 1 twice, 2 three times, 3 and 4 never, 5 once.
    expect(counts([0, 1, 1, 2, 2, 2, 5], { integer: true })).toEqual([
      [0, 1, 1],
      [1, 2, 2],
      [2, 3, 3],
      [3, 4, 0],
      [4, 5, 0],
      [5, 6, 1],
    ]);
  });

  it('stretches the domain to an observed value outside the data', () => {
    const histogram = histogramBins([2, 3, 3], { integer: true, include: [9] });
    expect(histogram.domain).toEqual([2, 10]);
    expect(histogram.bins).toHaveLength(8);
    expect(histogram.bins.map((bin) => bin.count)).toEqual([1, 2, 0, 0, 0, 0, 0, 0]);
    expect(histogram.maxCount).toBe(2);
    expect(histogram.total).toBe(3);
  });

  it('widens bins to whole numbers to stay under maxBins', () => {
    // Cells 0…9 (span 10), maxBins 3 → width ⌈10/3⌉ = 4, bins [0,4) [4,8) [8,12).
    expect(counts([0, 1, 2, 3, 3, 4, 7, 9], { integer: true, maxBins: 3 })).toEqual([
      [0, 4, 5],
      [4, 8, 2],
      [8, 12, 1],
    ]);
  });

  it('skips NaN and infinities', () => {
    const histogram = histogramBins([1, NaN, Infinity, 1, -Infinity], { integer: true });
    expect(histogram.bins).toEqual([{ x0: 1, x1: 2, count: 2 }]);
    expect(histogram.total).toBe(2);
  });

  it('returns no bins for no values', () => {
    expect(histogramBins([], { integer: true })).toEqual({
      bins: [],
      domain: [0, 1],
      maxCount: 0,
      total: 0,
    });
  });
});

describe('histogramBins, continuous data', () => {
  it("uses Sturges' rule and closes the last bin on the right", () => {
    // n = 6 → ⌈log₂ 6⌉ + 1 = 4 bins of width (4 − 0)/4 = 1; 4 lands in the last bin.
    expect(counts([0, 0.5, 1, 1.5, 2, 4], {})).toEqual([
      [0, 1, 2],
      [1, 2, 2],
      [2, 3, 1],
      [3, 4, 1],
    ]);
  });

  it('puts a constant sample in one bin around its value', () => {
    expect(counts([2.5, 2.5], {})).toEqual([[2, 3, 2]]);
  });

  it('rejects a bad bin limit', () => {
    expect(() => histogramBins([1], { maxBins: 0 })).toThrow(/maxBins must be an integer ≥ 1/);
  });
});

describe('integerTicks', () => {
  it.each([
    [0, 9, 5, [0, 2, 4, 6, 8]],
    [3, 17, 4, [5, 10, 15]],
    [0, 4, 6, [0, 1, 2, 3, 4]],
    [0, 1000, 3, [0, 500, 1000]],
    [7, 7, 3, [7]],
  ])('ticks [%d, %d] with at most %d marks', (lo, hi, max, expected) => {
    expect(integerTicks(lo, hi, max)).toEqual(expected);
  });
});

describe('linearScale', () => {
  it('maps the domain onto the range, reversed ranges included', () => {
    const y = linearScale([0, 10], [100, 0]);
    expect(y(0)).toBe(100);
    expect(y(2.5)).toBe(75);
    expect(y(10)).toBe(0);
    expect(linearScale([3, 3], [0, 50])(3)).toBe(25);
  });
});
