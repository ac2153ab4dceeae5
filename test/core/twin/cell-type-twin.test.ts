import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { simpleUndirectedGraph } from '@/core/graph/csr';
import { mapGeneSet, prepareScreenNetwork } from '@/core/screen/screen-network';
import { buildTwin, moduleOverlap, twinModule } from '@/core/twin/cell-type-twin';

interface Fixture {
  nodes: string[];
  edges: [string, string][];
  lccNodes: number;
  sets: Record<string, string[]>;
  modules: Record<
    string,
    { genes: string[]; degree: Record<string, number>; eigenvector: Record<string, number> }
  >;
  overlaps: {
    a: string;
    b: string;
    shared: number;
    jaccard: number;
    hypergeometricP: number;
    dAA: number;
    dBB: number;
    dAB: number;
    sAB: number;
  }[];
}

// scripts/fixtures/gen_twin_fixtures.py (networkx + scipy + numpy).
const fixture = JSON.parse(
  readFileSync(
    fileURLToPath(new URL('../../fixtures/twin/twin-modules.json', import.meta.url)),
    'utf8',
  ),
) as Fixture;
const index = new Map(fixture.nodes.map((name, i) => [name, i]));
const { graph } = simpleUndirectedGraph(
  fixture.nodes.length,
  fixture.edges.map(([a]) => index.get(a) as number),
  fixture.edges.map(([, b]) => index.get(b) as number),
);
const network = prepareScreenNetwork(graph, fixture.nodes);
const nodesOf = (genes: readonly string[]) =>
  Uint32Array.from(
    mapGeneSet(
      network,
      genes.map((gene) => ({ gene })),
    ).nodes,
  ).sort();
const SETTINGS = { iterations: 20, seed: 3, minBinSize: 10 };

describe('twin modules and overlaps (against networkx / scipy)', () => {
  it('cuts the network to its LCC', () => {
    expect(network.graph.nodeCount).toBe(fixture.lccNodes);
  });

  const modules = Object.fromEntries(
    Object.entries(fixture.sets).map(([name, genes]) => [
      name,
      twinModule(network, nodesOf(genes), SETTINGS),
    ]),
  );

  for (const [name, expected] of Object.entries(fixture.modules)) {
    it(`module of ${name}: genes, degree and eigenvector centrality within it`, () => {
      const module = modules[name];
      const genes = Array.from(module.nodes, (node) => network.names[node]);
      expect([...genes].sort()).toEqual(expected.genes);
      genes.forEach((gene, k) => {
        expect(module.degree[k]).toBe(expected.degree[gene]);
        expect(module.eigenvector[k]).toBeCloseTo(expected.eigenvector[gene], 9);
      });
      expect(Math.max(...module.eigenvector)).toBe(1);
      expect(module.p).toBeGreaterThan(0);
      expect(module.p).toBeLessThanOrEqual(1);
    });
  }

  for (const expected of fixture.overlaps) {
    it(`overlap ${expected.a} / ${expected.b}: Jaccard, hypergeometric p, separation`, () => {
      const overlap = moduleOverlap(network, modules[expected.a].nodes, modules[expected.b].nodes);
      expect(overlap.shared).toBe(expected.shared);
      expect(overlap.jaccard).toBeCloseTo(expected.jaccard, 12);
      expect(overlap.hypergeometricP).toBeCloseTo(expected.hypergeometricP, 10);
      if (expected.hypergeometricP < 1) {
        expect(
          Math.abs(overlap.hypergeometricP - expected.hypergeometricP) / expected.hypergeometricP,
        ).toBeLessThan(1e-9);
      }
      expect(overlap.separation.dAA).toBeCloseTo(expected.dAA, 12);
      expect(overlap.separation.dBB).toBeCloseTo(expected.dBB, 12);
      expect(overlap.separation.dAB).toBeCloseTo(expected.dAB, 12);
      expect(overlap.separation.sAB).toBeCloseTo(expected.sAB, 12);
    });
  }

  it('an empty module has NaN significance and separation, and overlap p = 1', () => {
    const empty = twinModule(network, new Uint32Array(0), SETTINGS);
    expect(empty.nodes.length).toBe(0);
    expect(empty.z).toBeNaN();
    const overlap = moduleOverlap(network, empty.nodes, modules['T cells'].nodes);
    expect(overlap.shared).toBe(0);
    expect(overlap.jaccard).toBe(0);
    expect(overlap.hypergeometricP).toBe(1);
    expect(overlap.separation.sAB).toBeNaN();
  });
});

describe('buildTwin on a hand-built network', () => {
  // Path a–b–c–d–e plus a triangle c–f–g: LCC = all 7 nodes.
  const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
  const edges: [number, number][] = [
    [0, 1],
    [1, 2],
    [2, 3],
    [3, 4],
    [2, 5],
    [5, 6],
    [2, 6],
  ];
  const { graph: small } = simpleUndirectedGraph(
    7,
    edges.map((e) => e[0]),
    edges.map((e) => e[1]),
  );
  const input = {
    network: { graph: small, nodeIds: names },
    drugs: {
      drugs: [
        { name: 'inhibC', targets: [{ gene: 'c', action: 'inhibitor' }] },
        { name: 'inhibC2', targets: [{ gene: 'c', action: 'inhibitor' }] },
        { name: 'agoE', targets: [{ gene: 'e', action: 'agonist' }] },
      ],
    },
    cellTypes: [
      {
        name: 'T',
        degs: ['c', 'f', 'g'].map((gene) => ({ gene, group: 'T', logFC: 1, q: 0.01 })),
      },
      { name: 'B', degs: [{ gene: 'e', group: 'B', logFC: 1, q: 0.01 }] },
    ],
  };
  const twin = buildTwin(input, { iterations: 10, seed: 1, minBinSize: 1 });

  it('groups drugs with identical targets and actions into one entry', () => {
    expect(twin.library.entries.map((entry) => entry.names)).toEqual([
      ['inhibC', 'inhibC2'],
      ['agoE'],
    ]);
  });

  it('gives the module, Intra and the equal-weight score', () => {
    // T's module: the triangle c, f, g (every eigenvector centrality 1), so g_T(inhibC) = 1;
    // B's module {e} has < 3 genes and does not count: g_B = 0. Intra(inhibC) = (1 + 0)/2.
    const [t, b] = twin.cellTypes;
    expect(Array.from(t.module.nodes, (n) => twin.network.names[n])).toEqual(['c', 'f', 'g']);
    expect(Array.from(t.module.eigenvector)).toEqual([1, 1, 1]);
    expect(Array.from(t.intra)).toEqual([1, 0]);
    expect(Array.from(b.intra)).toEqual([0, 0]);
    expect(twin.ranking.intra[0]).toBe(0.5);
    // agoE targets e, which is up in B: the agonist mimics, so it is never a candidate there.
    expect(b.isCandidate[1]).not.toBe(true);
    expect(twin.weights).toEqual(Float64Array.of(1, 1));
    const candidates = twin.cellTypes.filter((c) => c.isCandidate[0] === true).length;
    expect(twin.ranking.score[0]).toBeCloseTo(candidates + 0.1 * 0.5, 15);
  });
});
