import { describe, expect, it } from 'vitest';
import { sparseExpressionFromCoo } from '@/core/expression/sparse-expression';
import {
  mannWhitneyPValue,
  normalUpperTail,
  SIDE_CASE,
  SIDE_CONTROL,
  SIDE_NONE,
  sparseWilcoxonRankSum,
  wilcoxonRankSum,
} from '@/core/expression/wilcoxon-rank-sum';
import { readExpressionFixture } from '../../helpers/load-kang';

interface Synthetic {
  name: string;
  x: number[];
  y: number[];
  u1: number;
  p: number;
}
const fixture = readExpressionFixture<{
  synthetic: Synthetic[];
  normalTail: { z: number[]; upperTail: number[] };
}>('kang-de.json');

function expectRelative(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

/** One gene (gene 0) holding x on cells 0…n1−1 (case) and y on the next n2 cells (control). */
function oneGene(x: number[], y: number[]) {
  const values = [...x, ...y];
  const cells: number[] = [];
  const kept: number[] = [];
  values.forEach((v, c) => {
    if (v !== 0) {
      cells.push(c);
      kept.push(v);
    }
  });
  const matrix = sparseExpressionFromCoo({
    cellCount: values.length + 1, // one extra cell in neither group
    geneCount: 1,
    cells,
    genes: cells.map(() => 0),
    values: kept,
  });
  const side = new Uint8Array(values.length + 1).fill(SIDE_NONE);
  side.fill(SIDE_CASE, 0, x.length);
  side.fill(SIDE_CONTROL, x.length, values.length);
  return { matrix, side };
}

describe('Wilcoxon rank-sum, asymptotic with continuity (scipy mannwhitneyu)', () => {
  it('matches a hand-computed example', () => {
    // x = [0, 0, 1, 3] (case), y = [0, 2, 2]; N = 7. Joint ranks: the three zeros share
    // (1+2+3)/3 = 2, 1 → 4, the two 2s share (5+6)/2 = 5.5, 3 → 7.
    // R1 = 2 + 2 + 4 + 7 = 15; U1 = 15 − 4·5/2 = 5; μ = 4·3/2 = 6.
    // Ties: (3³ − 3) + (2³ − 2) = 24 + 6 = 30; σ² = 4·3/12 · (8 − 30/(7·6)) = 7.2857142857…,
    // σ = 2.6992062325…; z = (|5 − 6| − 0.5)/σ = 0.1852396434…;
    // p = 2·Q(z) = erfc(z/√2) = 0.853041076171313 (scipy gives the same).
    const dense = wilcoxonRankSum([0, 0, 1, 3], [0, 2, 2]);
    expect(dense.u1).toBe(5);
    expect(dense.tieSum).toBe(30);
    expectRelative(dense.p, 0.853041076171313, 1e-14);
    const { matrix, side } = oneGene([0, 0, 1, 3], [0, 2, 2]);
    const sparse = sparseWilcoxonRankSum(matrix, 0, side);
    expect(sparse).toEqual(dense);
  });

  it.each(fixture.synthetic.map((c) => [c.name, c] as const))(
    '%s: dense and sparse equal scipy to 1e-9 relative',
    (_, c) => {
      const dense = wilcoxonRankSum(c.x, c.y);
      expect(dense.u1).toBe(c.u1);
      expectRelative(dense.p, c.p, 1e-9);
      const { matrix, side } = oneGene(c.x, c.y);
      const sparse = sparseWilcoxonRankSum(matrix, 0, side);
      expect(sparse.u1).toBe(c.u1);
      expectRelative(sparse.p, c.p, 1e-9);
    },
  );

  it('reaches p ≈ 1e-295 (complete separation, 900 vs 900) without underflow', () => {
    const separated = fixture.synthetic.find((c) => c.name.startsWith('complete separation'));
    expect(separated?.p).toBeLessThan(1e-280);
    expect(wilcoxonRankSum(separated!.x, separated!.y).p).toBeGreaterThan(0);
  });

  it('gives p = 1 when every value is tied (σ = 0) and for empty groups', () => {
    expect(wilcoxonRankSum([0, 0], [0, 0, 0]).p).toBe(1);
    expect(mannWhitneyPValue(0, 0, 5, 0)).toBe(1);
  });

  it('counts a cell of multiplicity w as w repeated values', () => {
    const x = [0, 1.5, 2, 0, 7];
    const y = [0.5, 0, 2, 2, 3];
    const wx = [1, 3, 0, 2, 1];
    const wy = [2, 1, 4, 1, 1];
    const repeat = (v: number[], w: number[]) => v.flatMap((value, i) => Array(w[i]).fill(value));
    const expected = wilcoxonRankSum(repeat(x, wx), repeat(y, wy));
    const { matrix, side } = oneGene(x, y);
    const multiplicity = [...wx, ...wy, 5]; // the extra cell (side none) is ignored
    const actual = sparseWilcoxonRankSum(matrix, 0, side, multiplicity);
    expect(actual.u1).toBe(expected.u1);
    expect(actual.tieSum).toBe(expected.tieSum);
    expect(actual.n1).toBe(7);
    expectRelative(actual.p, expected.p, 1e-14);
  });

  it('rejects negative values in the sparse form', () => {
    const { matrix, side } = oneGene([1, -1], [2]);
    expect(() => sparseWilcoxonRankSum(matrix, 0, side)).toThrow(/value -1 < 0/);
  });
});

describe('normal upper tail Q(z) = ndtr(−z)', () => {
  it('matches scipy.special.ndtr to 1e-12 relative, down to ~1e-308', () => {
    const { z, upperTail } = fixture.normalTail;
    let worst = 0;
    let smallest = 1;
    z.forEach((value, i) => {
      // scipy returns 0 from z ≈ 38 (below the normal double range); we keep the subnormal.
      if (upperTail[i] === 0) {
        expect(normalUpperTail(value)).toBeLessThan(1e-307);
        return;
      }
      smallest = Math.min(smallest, upperTail[i]);
      const relative = Math.abs(normalUpperTail(value) - upperTail[i]) / upperTail[i];
      worst = Math.max(worst, relative);
    });
    expect(smallest).toBeLessThan(1e-300);
    expect(worst).toBeLessThan(1e-12);
  });
});
