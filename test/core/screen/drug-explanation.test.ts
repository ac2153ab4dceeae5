import { describe, expect, it } from 'vitest';
import { separation } from '@/core/metrics/separation';
import { screenCombinations } from '@/core/screen/drug-combinations';
import {
  explainTargets,
  nearestModuleGenes,
  proteinsToMeasure,
} from '@/core/screen/drug-explanation';
import { moduleDistanceField } from '@/core/screen/proximity-screen';
import type { CureScore } from '@/core/screen/digital-cure';
import { geneNames, pathGraph, starGraph, undirected } from './screen-graphs';

describe('explainTargets and nearestModuleGenes', () => {
  // Star: hub G0, leaves G1…G5. Module = G1, G2.
  const graph = starGraph(6);
  const names = geneNames(6);
  const field = moduleDistanceField(graph, [1, 2]);

  it('reads distance, a nearest module gene and its path off the module BFS', () => {
    const entry = {
      names: ['x'],
      ids: [null],
      targetSet: 0,
      notInNetwork: [],
      outsideLcc: [],
      targets: [
        { node: 0, gene: 'G0', actionClass: 'down' as const, actions: ['INHIBITOR'] },
        { node: 3, gene: 'G3', actionClass: 'up' as const, actions: ['AGONIST'] },
        { node: 1, gene: 'G1', actionClass: 'unknown' as const, actions: [] },
      ],
    };
    const explained = explainTargets(names, field, entry);
    expect(explained.map((t) => [t.gene, t.distance, t.nearestModuleGene, t.path])).toEqual([
      ['G0', 1, 'G1', ['G0', 'G1']],
      ['G3', 2, 'G1', ['G3', 'G0', 'G1']],
      ['G1', 0, 'G1', ['G1']],
    ]);
  });

  it('lists every module gene at the minimum distance, with a path each', () => {
    expect(nearestModuleGenes(graph, names, [1, 2], 4)).toEqual({
      distance: 2,
      count: 2,
      genes: [
        { gene: 'G1', path: ['G4', 'G0', 'G1'] },
        { gene: 'G2', path: ['G4', 'G0', 'G2'] },
      ],
    });
    expect(nearestModuleGenes(graph, names, [1, 2], 2).distance).toBe(0);
    expect(nearestModuleGenes(graph, names, [1, 2], 4, 1).genes).toHaveLength(1);
  });
});

describe('proteinsToMeasure', () => {
  const targets = [
    {
      gene: 'T2',
      node: 0,
      actionClass: 'down' as const,
      actions: [],
      distance: 2,
      nearestModuleGene: 'M1',
      path: ['T2', 'X', 'M1'],
    },
    {
      gene: 'T0',
      node: 1,
      actionClass: 'up' as const,
      actions: [],
      distance: 0,
      nearestModuleGene: 'T0',
      path: ['T0'],
    },
    {
      gene: 'TU',
      node: 2,
      actionClass: 'unknown' as const,
      actions: [],
      distance: 1,
      nearestModuleGene: 'M9',
      path: ['TU', 'M9'],
    },
  ];
  const cure = {
    topMoves: [
      { node: 5, gene: 'M1', change: -0.3, logFC: 1, isReversed: true },
      { node: 6, gene: 'M2', change: 0.2, logFC: 1, isReversed: false },
      { node: 7, gene: 'M3', change: 0.1, logFC: -2, isReversed: true },
    ],
  } as unknown as CureScore;

  it('names targets (closest first), their nearest module genes, then cure readouts', () => {
    const proteins = proteinsToMeasure(targets, null, cure);
    expect(proteins.map((p) => [p.gene, p.role, p.expected])).toEqual([
      ['T0', 'target', 'up'],
      ['T2', 'target', 'down'],
      ['M1', 'module-readout', 'down'],
      ['M3', 'cure-readout', 'up'],
    ]);
    expect(proteins[2].reason).toContain('T2 → X → M1');
    expect(proteinsToMeasure(targets, null, null, { maxProteins: 1 })).toHaveLength(1);
    expect(proteinsToMeasure(targets, null, null)[2]).toMatchObject({ gene: 'M1', expected: null });
  });
});

describe('screenCombinations', () => {
  it('matches the separation of src/core/metrics on a path and classifies the pairs', () => {
    const graph = pathGraph(8);
    const sets = [Uint32Array.of(0, 1), Uint32Array.of(5, 7), Uint32Array.of(1, 2)];
    const pairs = screenCombinations(graph, sets, [-2, -1, 0.5]);
    expect(pairs.map((p) => [p.a, p.b])).toEqual([
      [0, 1],
      [0, 2],
      [1, 2],
    ]);
    for (const pair of pairs) {
      const expected = separation(graph, sets[pair.a], sets[pair.b]);
      expect(pair.sAB).toBeCloseTo(expected.sAB, 14);
      expect(pair.dAB).toBeCloseTo(expected.dAB, 14);
    }
    // {0,1} vs {5,7}: d_AA = 1, d_BB = 2, d_AB = (5 + 4 + 4 + 6)/4 = 4.75, s = 3.25.
    expect(pairs[0]).toMatchObject({ dAA: 1, dBB: 2, dAB: 4.75, sAB: 3.25 });
    expect(pairs[0].combinationClass).toBe('P2');
    expect(pairs[0].isComplementary).toBe(true);
    // {0,1} vs {1,2} overlap: d_AB = (1 + 0 + 0 + 1)/4 = 0.5, s = 0.5 − 1 = −0.5; one proximal.
    expect(pairs[1]).toMatchObject({ sAB: -0.5, combinationClass: 'P3', isComplementary: false });
    expect(pairs[2].className).toBe('Single Exposure');
  });

  it('leaves the class empty when a z is NaN', () => {
    const graph = undirected(3, [
      [0, 1],
      [1, 2],
    ]);
    const [pair] = screenCombinations(graph, [[0], [2]], [NaN, -3]);
    expect(pair.combinationClass).toBeNull();
    expect(pair.sAB).toBe(2);
  });
});
