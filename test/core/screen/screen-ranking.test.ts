import { describe, expect, it } from 'vitest';
import { combineRanks, midRanks, pearson, spearman } from '@/core/screen/screen-ranking';

describe('midRanks', () => {
  it('ranks with ties averaged in either direction (scipy rankdata)', () => {
    expect(Array.from(midRanks([3, 1, 4, 1, 5], true))).toEqual([3, 1.5, 4, 1.5, 5]);
    expect(Array.from(midRanks([3, 1, 4, 1, 5], false))).toEqual([3, 4.5, 2, 4.5, 1]);
  });

  it('puts NaN last, tied, and sorts infinities', () => {
    expect(Array.from(midRanks([NaN, 2, -Infinity, NaN, Infinity], true))).toEqual([
      4.5, 2, 1, 4.5, 3,
    ]);
  });
});

describe('combineRanks', () => {
  it('averages ranks, or takes their geometric mean', () => {
    const a = [1, 2, 3];
    const b = [3, 2, 1];
    const c = [1, 1, 4];
    expect(Array.from(combineRanks([a, b, c]))).toEqual([5 / 3, 5 / 3, 8 / 3]);
    const product = combineRanks([a, b, c], 'rank-product');
    expect(product[0]).toBeCloseTo(Math.cbrt(3), 14);
    expect(product[2]).toBeCloseTo(Math.cbrt(12), 14);
  });

  it('rejects mismatched lists', () => {
    expect(() => combineRanks([[1], [1, 2]])).toThrow(/differ in length/);
    expect(() => combineRanks([])).toThrow(/no rank lists/);
  });
});

describe('spearman', () => {
  it('matches scipy.stats.spearmanr, ties and infinities included', () => {
    expect(spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7])).toBeCloseTo(0.8207826816681233, 14);
    expect(spearman([0, 0, 0.5, -1, 2, Infinity], [1, 2, 2, -3, 0, 5])).toBeCloseTo(
      0.6029411764705883,
      14,
    );
  });

  it('is NaN for a constant side and ±1 for monotone data', () => {
    expect(spearman([1, 1, 1], [1, 2, 3])).toBeNaN();
    expect(spearman([1, 2, 3], [10, 20, 30])).toBe(1);
    expect(spearman([1, 2, 3], [3, 2, 1])).toBe(-1);
    expect(pearson([1, 2], [2, 4])).toBeCloseTo(1, 15);
  });
});
