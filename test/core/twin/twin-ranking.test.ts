import { describe, expect, it } from 'vitest';
import { intraOfEntries, twinRanking } from '@/core/twin/twin-ranking';

describe('twinRanking', () => {
  it('reproduces the scDrugPrio vignette score of etanercept', () => {
    // ALGORITHMS.md §4 step 9: candidate in cell types weighing 1 and 0.5175492, Intra =
    // 0.0607207 → 1.5175492 + 0.1 · 0.0607207 = 1.52362127. One cell type per weight; Intra is
    // the mean of g_c over C = 2 cell types, so g = 0.0607207 in both.
    const ranking = twinRanking(1, [
      { weight: 1, isCandidate: [true], intra: [0.0607207] },
      { weight: 0.5175492, isCandidate: [true], intra: [0.0607207] },
    ]);
    expect(ranking.score[0]).toBeCloseTo(1.52362127, 12);
  });

  it('counts candidate cell types (weight 1 each), breaks ties by Intra, averages exact ties', () => {
    // Entry 0: candidate in A and B, Intra (0.2 + 0)/2 = 0.1 → 2.01
    // Entry 1: candidate in A only, Intra (0.5 + 0.5)/2 = 0.5 → 1.05
    // Entry 2: candidate in B only, Intra 0.5 → 1.05 (ties entry 1: ranks 2 and 3 → 2.5)
    // Entry 3: no candidate, Intra (1 + 1)/2 = 1 → 0.1
    // Entry 4: null (not evaluated) everywhere, Intra 0 → 0 (rank 5)
    const ranking = twinRanking(5, [
      { weight: 1, isCandidate: [true, true, false, false, null], intra: [0.2, 0.5, 0.5, 1, 0] },
      { weight: 1, isCandidate: [true, false, true, null, null], intra: [0, 0.5, 0.5, 1, 0] },
    ]);
    expect(Array.from(ranking.candidateCount)).toEqual([2, 1, 1, 0, 0]);
    expect(Array.from(ranking.intra)).toEqual([0.1, 0.5, 0.5, 1, 0]);
    expect(ranking.score[0]).toBeCloseTo(2.01, 15);
    expect(ranking.score[1]).toBe(ranking.score[2]);
    expect(Array.from(ranking.rank)).toEqual([1, 2.5, 2.5, 4, 5]);
  });

  it('rejects misaligned inputs', () => {
    expect(() => twinRanking(2, [{ weight: 1, isCandidate: [true], intra: [0, 0] }])).toThrow(
      /one value per entry/,
    );
    expect(() => twinRanking(1, [{ weight: -1, isCandidate: [true], intra: [0] }])).toThrow(
      /weight/,
    );
  });
});

describe('intraOfEntries', () => {
  it('takes the geometric mean over targets inside the module, 0 without one', () => {
    // Entry 0: targets 1 (0.25) and 2 (1) → √0.25 = 0.5; entry 1: target 3 outside → 0;
    // entry 2: targets 1, 3 → only 1 counts → 0.25.
    const centrality = new Map([
      [1, 0.25],
      [2, 1],
    ]);
    const intra = intraOfEntries([0, 2, 3, 5], [1, 2, 3, 1, 3], centrality);
    expect(Array.from(intra)).toEqual([0.5, 0, 0.25]);
  });
});
