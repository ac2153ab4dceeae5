import { describe, expect, it } from 'vitest';
import { largestConnectedComponent } from '@/core/graph/connected-components';
import { resolveNodeSet } from '@/core/graph/resolve-node-set';
import { bfsDistances } from '@/core/graph/shortest-paths';
import {
  DRUG_COMBINATION_CLASS_NAMES,
  drugCombinationClass,
} from '@/core/metrics/drug-combination-class';
import { closestDistance, proximity } from '@/core/metrics/proximity';
import { auroc, fisherAtCutoff, precisionAtK } from '@/core/metrics/ranking-metrics';
import { separation, separationSignificance } from '@/core/metrics/separation';
import { setOverlap } from '@/core/metrics/set-overlap';
import { degreeBins } from '@/core/random/degree-bins';
import {
  loadMencheDiseaseGenes,
  loadMencheInteractome,
  readCoreFixture,
} from '../../helpers/load-public-data';
import { path, randomGraph } from '../../fixtures/core/graphs';

interface SeparationFixture {
  pairs: { a: string; b: string; dAA: number; dBB: number; dAB: number; sAB: number }[];
  proximity: {
    disease: string;
    targets: string[];
    closestDistance: Record<string, number>;
    dc: number;
  };
}
interface StatsFixture {
  auc: { scores: number[]; labels: number[]; auc: number }[];
  overlap: {
    a: string;
    b: string;
    universe: number;
    sizeA: number;
    sizeB: number;
    overlap: number;
    hypergeometricP: number;
    fisherTwoSidedP: number;
    fisherGreaterP: number;
    fisherOddsRatio: number;
    jaccard: number;
  };
}

const relative = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

describe('separation (Menche 2015)', () => {
  it('by hand on a path', () => {
    // Path 0…6, A = {0, 2}, B = {5, 6}: d_AA = 2, d_BB = 1, d_AB = (5 + 3 + 4 + 3)/4 = 3.75.
    const s = separation(path(7), [0, 2], [6, 5]);
    expect(s).toEqual({ dAA: 2, dBB: 1, dAB: 3.75, sAB: 2.25 });
    expect(separation(path(3), [1], [1]).sAB).toBe(0);
  });

  it('matches the networkx BFS values for Menche disease pairs', () => {
    const fixture = readCoreFixture<SeparationFixture>('separation-menche.json');
    const network = loadMencheInteractome();
    const lcc = largestConnectedComponent(network.graph);
    const diseases = loadMencheDiseaseGenes();
    for (const pair of fixture.pairs) {
      const a = resolveNodeSet(diseases.get(pair.a) as string[], network.indexOf, lcc).nodes;
      const b = resolveNodeSet(diseases.get(pair.b) as string[], network.indexOf, lcc).nodes;
      const s = separation(lcc.graph, a, b);
      expect(relative(s.dAA, pair.dAA)).toBeLessThanOrEqual(1e-12);
      expect(relative(s.dBB, pair.dBB)).toBeLessThanOrEqual(1e-12);
      expect(relative(s.dAB, pair.dAB)).toBeLessThanOrEqual(1e-12);
      expect(Math.abs(s.sAB - pair.sAB)).toBeLessThanOrEqual(1e-12);
    }
  });

  it('z-score: reproducible, consistent with its null, different per seed', () => {
    const graph = randomGraph(200, 500, 3);
    const bins = degreeBins(graph, { minBinSize: 20 });
    const a = [1, 2, 3, 4, 5, 6];
    const b = [4, 5, 6, 7, 8];
    const r1 = separationSignificance(graph, a, b, { iterations: 100, seed: 2, bins });
    const r2 = separationSignificance(graph, a, b, { iterations: 100, seed: 2, bins });
    const r3 = separationSignificance(graph, a, b, { iterations: 100, seed: 3, bins });
    expect(Array.from(r1.nullValues)).toEqual(Array.from(r2.nullValues));
    expect(Array.from(r1.nullValues)).not.toEqual(Array.from(r3.nullValues));
    expect(r1.z).toBeCloseTo((r1.sAB - r1.nullMean) / r1.nullSd, 12);
    expect(r1.pValue).toBe(Array.from(r1.nullValues).filter((s) => s <= r1.sAB).length / 100);
    // Overlapping sets are closer than random ones.
    expect(r1.z).toBeLessThan(0);
  });
});

describe('proximity (Guney 2016)', () => {
  it('closest distance and per-target explanation match BFS on the Menche LCC', () => {
    const fixture = readCoreFixture<SeparationFixture>('separation-menche.json').proximity;
    const network = loadMencheInteractome();
    const lcc = largestConnectedComponent(network.graph);
    const disease = resolveNodeSet(
      loadMencheDiseaseGenes().get(fixture.disease) as string[],
      network.indexOf,
      lcc,
    ).nodes;
    const targets = resolveNodeSet(fixture.targets, network.indexOf, lcc).nodes;
    const result = closestDistance(lcc.graph, targets, disease);
    expect(relative(result.distance, fixture.dc)).toBeLessThanOrEqual(1e-12);
    fixture.targets.forEach((id, i) => {
      expect(result.targetDistances[i]).toBe(fixture.closestDistance[id]);
      const nearest = result.nearestModuleNode[i];
      expect(Array.from(disease)).toContain(nearest);
      expect(bfsDistances(lcc.graph, targets[i])[nearest]).toBe(fixture.closestDistance[id]);
    });
  });

  it('z, empirical and Gaussian p are consistent and reproducible', () => {
    const graph = randomGraph(200, 500, 9);
    const bins = degreeBins(graph, { minBinSize: 20 });
    const module = [10, 11, 12, 13, 14, 15, 16];
    const options = { iterations: 200, seed: 5, bins } as const;
    const near = proximity(graph, [11, 12], module, options);
    expect(near.distance).toBe(0);
    expect(near.z).toBeLessThan(0);
    expect(near.pValue).toBe(Array.from(near.nullValues).filter((d) => d <= 0).length / 200);
    expect(near.gaussianP).toBeGreaterThan(0);
    expect(near.gaussianP).toBeLessThan(0.5);
    const again = proximity(graph, [11, 12], module, options);
    expect(Array.from(again.nullValues)).toEqual(Array.from(near.nullValues));
    const sample = proximity(graph, [11, 12], module, { ...options, ddof: 1 });
    expect(sample.nullSd).toBeGreaterThan(near.nullSd);
  });
});

describe('setOverlap (toolbox overlap_significance)', () => {
  it('matches scipy for RA vs asthma genes in the LCC', () => {
    const fixture = readCoreFixture<StatsFixture>('stats.json').overlap;
    const network = loadMencheInteractome();
    const lcc = largestConnectedComponent(network.graph);
    const diseases = loadMencheDiseaseGenes();
    const a = resolveNodeSet(diseases.get(fixture.a) as string[], network.indexOf, lcc).kept;
    const b = resolveNodeSet(diseases.get(fixture.b) as string[], network.indexOf, lcc).kept;
    const result = setOverlap(a, b, lcc.nodes.length);
    expect(result.universe).toBe(fixture.universe);
    expect([result.sizeA, result.sizeB, result.overlap]).toEqual([
      fixture.sizeA,
      fixture.sizeB,
      fixture.overlap,
    ]);
    expect(relative(result.hypergeometricP, fixture.hypergeometricP)).toBeLessThanOrEqual(1e-9);
    expect(relative(result.fisherTwoSidedP, fixture.fisherTwoSidedP)).toBeLessThanOrEqual(1e-9);
    expect(relative(result.fisherGreaterP, fixture.fisherGreaterP)).toBeLessThanOrEqual(1e-9);
    expect(relative(result.fisherOddsRatio, fixture.fisherOddsRatio)).toBeLessThanOrEqual(1e-12);
    expect(result.jaccard).toBeCloseTo(fixture.jaccard, 15);
  });

  it('by hand, and rejects a universe smaller than the union', () => {
    const result = setOverlap(['a', 'b', 'c'], ['c', 'd'], 10);
    expect(result.jaccard).toBe(1 / 4);
    // P(X ≥ 1), X ~ H(10, 3, 2) = 1 − C(7, 2)/C(10, 2) = 1 − 21/45.
    expect(result.hypergeometricP).toBeCloseTo(24 / 45, 14);
    expect(() => setOverlap([1, 2], [3], 2)).toThrow(/universe size 2/);
  });
});

describe('drugCombinationClass (Cheng 2019)', () => {
  it.each([
    [-2, -1, 0.5, 'P2'],
    [-2, -1, -0.5, 'P1'],
    [-2, 1, -0.1, 'P3'],
    [1, -2, 0, 'P4'],
    [1, 2, -1, 'P5'],
    [1, 2, 0, 'P6'],
    [-0.15, -0.15, 0, 'P2'],
  ] as const)('zAC = %d, zBC = %d, sAB = %d → %s', (zAC, zBC, sAB, expected) => {
    expect(drugCombinationClass(zAC, zBC, sAB)).toBe(expected);
  });

  it('uses the threshold option and names every class', () => {
    expect(drugCombinationClass(-1, -1, 1, { proximalZ: -2 })).toBe('P6');
    expect(DRUG_COMBINATION_CLASS_NAMES.P2).toBe('Complementary Exposure');
    expect(() => drugCombinationClass(NaN, 0, 0)).toThrow(/inputs must be numbers/);
  });
});

describe('ranking metrics', () => {
  it.each(readCoreFixture<StatsFixture>('stats.json').auc)(
    'AUROC equals scipy Mann–Whitney U/(n₊n₋) %#',
    ({ scores, labels, auc }) => {
      const result = auroc(scores, labels);
      expect(result.auc).toBeCloseTo(auc, 14);
      expect(result.positives + result.negatives).toBe(scores.length);
    },
  );

  it('precision@k and recall@k with stable ties', () => {
    const scores = [0.9, 0.5, 0.5, 0.8, 0.1];
    const labels = [1, 0, 1, 0, 1];
    const top3 = precisionAtK(scores, labels, 3);
    // Ranking: 0 (0.9), 3 (0.8), 1 (0.5, earlier index), 2, 4.
    expect(top3.hits).toBe(1);
    expect(top3.precision).toBeCloseTo(1 / 3, 15);
    expect(top3.recall).toBeCloseTo(1 / 3, 15);
    expect(precisionAtK(scores, labels, 4).hits).toBe(2);
    expect(auroc([1, 2], [1, 1]).auc).toBeNaN();
    expect(() => precisionAtK(scores, labels, 6)).toThrow(/k must be/);
  });

  it('Fisher test at a cut-off (Guney: z ≤ −0.15)', () => {
    const z = [-3, -2, -1, 0.5, 1, -0.5, 2, 3];
    const labels = [1, 1, 0, 0, 0, 1, 0, 1];
    const result = fisherAtCutoff(z, labels, -0.15);
    expect(result.table).toEqual([
      [3, 1],
      [1, 3],
    ]);
    expect(result.oddsRatio).toBe(9);
    // scipy.stats.fisher_exact([[3, 1], [1, 3]]) = 0.48571428571428527 (also in stats.json).
    expect(result.pValue).toBeCloseTo(0.4857142857142857, 12);
  });
});
