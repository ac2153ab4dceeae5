import { describe, expect, it } from 'vitest';
import { benjaminiHochberg } from '@/core/stats/benjamini-hochberg';
import { fisherExact } from '@/core/stats/fisher-exact';
import {
  hypergeometricLowerTail,
  hypergeometricPmf,
  hypergeometricUpperTail,
} from '@/core/stats/hypergeometric';
import { logChoose, logFactorialTable, logGamma } from '@/core/stats/log-gamma';
import { normalCdf } from '@/core/stats/normal';
import { empiricalPValue, meanAndSd, zScore } from '@/core/stats/summary';
import { readCoreFixture } from '../../helpers/load-public-data';

interface StatsFixture {
  lgamma: [number, number][];
  hypergeomUpperTail: [number, number, number, number, number][];
  hypergeomPmf: [number, number, number, number, number][];
  fisher: {
    table: [[number, number], [number, number]];
    'two-sided': number;
    greater: number;
    less: number;
    oddsRatio: number | 'Infinity' | null;
  }[];
  benjaminiHochberg: { p: number[]; q: number[] }[];
  normalCdf: [number, number][];
}
const fixture = readCoreFixture<StatsFixture>('stats.json');

/** |a − b| ≤ tol · |b| (and exact zeros stay zero). */
function expectRelative(actual: number, expected: number, tolerance = 1e-9): void {
  if (expected === 0) expect(Math.abs(actual)).toBeLessThan(1e-300);
  else expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThanOrEqual(tolerance);
}

describe('log-gamma', () => {
  it.each(fixture.lgamma)('ln Γ(%d) matches scipy.special.gammaln', (x, expected) => {
    if (expected === 0) expect(Math.abs(logGamma(x))).toBeLessThan(1e-15);
    else expectRelative(logGamma(x), expected, 1e-13);
  });

  it('tabulates ln k! and ln C(n, k)', () => {
    const table = logFactorialTable(30);
    expect(table[0]).toBe(0);
    expect(Math.exp(table[5])).toBeCloseTo(120, 10);
    expectRelative(table[30], logGamma(31), 1e-14);
    expect(Math.round(Math.exp(logChoose(10, 3, table)))).toBe(120);
    expect(logChoose(3, 4, table)).toBe(-Infinity);
  });
});

describe('hypergeometric', () => {
  it.each(fixture.hypergeomUpperTail)(
    'P(X ≥ %i) for N = %i, K = %i, n = %i matches scipy',
    (k, N, K, n, expected) => {
      expectRelative(hypergeometricUpperTail(k, N, K, n), expected);
    },
  );

  it('pmf and both tails agree with each other and scipy', () => {
    const [x, N, K, n, expected] = fixture.hypergeomPmf[0];
    expectRelative(hypergeometricPmf(x, N, K, n), expected);
    for (let k = 0; k <= 7; k++) {
      const total =
        hypergeometricLowerTail(k - 1, 20, 7, 12) + hypergeometricUpperTail(k, 20, 7, 12);
      expect(total).toBeCloseTo(1, 14);
    }
    expect(hypergeometricUpperTail(8, 20, 7, 12)).toBe(0);
  });
});

describe('fisherExact (scipy.stats.fisher_exact)', () => {
  it.each(fixture.fisher)('$table', (entry) => {
    const [[a, b], [c, d]] = entry.table;
    for (const alternative of ['two-sided', 'greater', 'less'] as const) {
      expectRelative(fisherExact(a, b, c, d, alternative).pValue, entry[alternative]);
    }
    const { oddsRatio } = fisherExact(a, b, c, d);
    if (entry.oddsRatio === null) expect(oddsRatio).toBeNaN();
    else if (entry.oddsRatio === 'Infinity') expect(oddsRatio).toBe(Infinity);
    else expectRelative(oddsRatio, entry.oddsRatio, 1e-14);
  });

  it('rejects non-count cells', () => {
    expect(() => fisherExact(1, -1, 2, 3)).toThrow(/b must be a non-negative integer/);
  });
});

describe('benjaminiHochberg (scipy.stats.false_discovery_control)', () => {
  it.each(fixture.benjaminiHochberg)('adjusts %#', ({ p, q }) => {
    const adjusted = benjaminiHochberg(p);
    q.forEach((expected, i) => expectRelative(adjusted[i], expected, 1e-12));
  });

  it('skips NaN like R', () => {
    const q = benjaminiHochberg([0.01, NaN, 0.04]);
    expect(q[1]).toBeNaN();
    expect(q[0]).toBeCloseTo(0.02, 15);
    expect(q[2]).toBeCloseTo(0.04, 15);
  });
});

describe('normalCdf (scipy.stats.norm.cdf)', () => {
  it.each(fixture.normalCdf)('Φ(%d)', (z, expected) => {
    expectRelative(normalCdf(z), expected, 1e-12);
  });
});

describe('summary statistics', () => {
  it('mean, sd with ddof 0 and 1, z and empirical p', () => {
    const values = [2, 4, 4, 4, 5, 5, 7, 9];
    expect(meanAndSd(values)).toEqual({ mean: 5, sd: 2 });
    expect(meanAndSd(values, 1).sd).toBeCloseTo(Math.sqrt(32 / 7), 14);
    expect(zScore(9, meanAndSd(values))).toBe(2);
    expect(zScore(1, meanAndSd([3, 3, 3]))).toBeNaN();
    expect(empiricalPValue(5, values)).toBe(4 / 8);
    expect(empiricalPValue(4, values, 'less')).toBe(4 / 8);
    expect(empiricalPValue(10, values, 'greater', 1)).toBe(1 / 9);
  });
});
