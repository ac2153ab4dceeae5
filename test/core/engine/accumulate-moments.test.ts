import { describe, expect, it } from 'vitest';
import {
  accumulateMoments,
  createMoments,
  momentStatistics,
} from '@/core/engine/accumulate-moments';

describe('accumulateMoments', () => {
  it('gives the population and sample SD by hand, skipping NaN', () => {
    // drug 0: 1, 2, 3, 4 → mean 2.5, Σ(x − μ)² = 5 → σ₀ = √1.25, σ₁ = √(5/3)
    // drug 1: 7, NaN, 7, 7 → mean 7, σ = 0, count 3
    const m = createMoments(2);
    accumulateMoments(m, [1, 2, 3, 4, 7, NaN, 7, 7], 4);
    expect([...m.count]).toEqual([4, 3]);
    const pop = momentStatistics(m, 0);
    expect(pop.mean[0]).toBeCloseTo(2.5, 14);
    expect(pop.sd[0]).toBeCloseTo(Math.sqrt(1.25), 14);
    expect(momentStatistics(m, 1).sd[0]).toBeCloseTo(Math.sqrt(5 / 3), 14);
    expect(pop.sd[1]).toBe(0);
  });

  it('gives the same moments in batches as in one pass', () => {
    const values = Array.from({ length: 30 }, (_, k) => Math.sin(k) * 10 + k / 3);
    const once = createMoments(1);
    accumulateMoments(once, values, 30);
    const batched = createMoments(1);
    accumulateMoments(batched, values.slice(0, 7), 7);
    accumulateMoments(batched, values.slice(7), 23);
    expect(batched.mean[0]).toBe(once.mean[0]);
    expect(batched.m2[0]).toBe(once.m2[0]);
  });

  it('returns NaN statistics without enough values', () => {
    const m = createMoments(1);
    accumulateMoments(m, [3], 1);
    expect(momentStatistics(m, 1).sd[0]).toBeNaN();
    expect(momentStatistics(createMoments(1)).mean[0]).toBeNaN();
  });
});
