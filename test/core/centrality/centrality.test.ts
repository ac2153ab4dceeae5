import { describe, expect, it } from 'vitest';
import { simpleUndirectedGraph, type CsrGraph } from '@/core/graph/csr';
import { largestConnectedComponent } from '@/core/graph/connected-components';
import {
  betweennessCentrality,
  betweennessFromSources,
  rescaleBetweenness,
} from '@/core/centrality/betweenness-centrality';
import { closenessCentrality } from '@/core/centrality/closeness-centrality';
import { degreeCentrality } from '@/core/centrality/degree-centrality';
import { eigenvectorCentrality } from '@/core/centrality/eigenvector-centrality';
import { pageRank } from '@/core/centrality/pagerank';
import { csrFromEdges } from '@/core/graph/csr';
import { loadMencheInteractome, readCoreFixture } from '../../helpers/load-public-data';
import { cycle, path, randomGraph, star, undirected } from '../../fixtures/core/graphs';

type Values = Record<string, number>;
interface ModuleFixture {
  nodes: string[];
  lccNodes: string[];
  edges: [number, number][];
  degree: Values;
  closeness: Values;
  closenessWeighted: Values;
  betweenness: Values;
  betweennessRaw: Values;
  betweennessWeighted: Values;
  pagerank: Values;
  pagerankWeighted: Values;
  eigenvectorUnitOnLcc: Values;
  eigenvectorMaxOnLcc: Values;
}
interface SampleFixture {
  selected: string[];
  betweenness: Values;
  closeness: Values;
  eigenvectorUnit: Values;
  eigenvectorMax: Values;
  pagerank: Values;
  betweennessPerSource: Record<string, { sources: string[]; rawAt: Values }>;
}

function expectRelative(actual: number, expected: number, tolerance = 1e-9, label = ''): void {
  if (expected === 0) {
    expect(Math.abs(actual), label).toBeLessThan(1e-12);
  } else {
    expect(Math.abs(actual - expected) / Math.abs(expected), label).toBeLessThanOrEqual(tolerance);
  }
}

/** Subgraph of the fixture's module, indexed like `ids` (Entrez ascending), optionally weighted. */
function moduleGraph(ids: string[], edges: [number, number][], weighted: boolean): CsrGraph {
  const index = new Map(ids.map((id, i) => [Number(id), i]));
  const kept = edges.filter(([a, b]) => index.has(a) && index.has(b));
  return simpleUndirectedGraph(
    ids.length,
    kept.map(([a]) => index.get(a) as number),
    kept.map(([, b]) => index.get(b) as number),
    kept.map(([a, b]) => (weighted ? 1 + ((Math.min(a, b) * 7 + Math.max(a, b) * 13) % 5) : 1)),
  ).graph;
}

describe('centralities on small graphs (by hand)', () => {
  it('closeness on a path: (n − 1)/Σd', () => {
    const c = closenessCentrality(path(4));
    expect(Array.from(c)).toEqual([3 / 6, 3 / 4, 3 / 4, 3 / 6]);
  });

  it('closeness with the Wasserman–Faust factor on a disconnected graph', () => {
    // Path 0–1–2 plus edge 3–4, N = 5. Node 0: r = 3, Σd = 3 → (2/3)·(2/4) = 1/3.
    const graph = undirected(5, [
      [0, 1],
      [1, 2],
      [3, 4],
    ]);
    const c = closenessCentrality(graph);
    expect(c[0]).toBeCloseTo(1 / 3, 15);
    expect(c[1]).toBeCloseTo((2 / 2) * (2 / 4), 15);
    expect(c[3]).toBeCloseTo(1 * (1 / 4), 15);
    expect(closenessCentrality(graph, { wfImproved: false })[3]).toBe(1);
    const subset = closenessCentrality(graph, { nodes: [1] });
    expect(subset[1]).toBeCloseTo(0.5, 15);
    expect(subset[0]).toBeNaN();
  });

  it('betweenness of a star hub and a path centre', () => {
    // Star with 5 leaves: the hub lies on all C(5, 2) = 10 leaf pairs → normalised 10/C(5,2)·… = 1.
    expect(betweennessCentrality(star(6))[0]).toBeCloseTo(1, 15);
    expect(betweennessCentrality(star(6))[3]).toBe(0);
    // Path 0–1–2–3–4: node 2 is between 4 unordered pairs → 4 unnormalised.
    expect(betweennessCentrality(path(5), { normalized: false })[2]).toBeCloseTo(4, 15);
    expect(betweennessCentrality(path(5), { normalized: false })[1]).toBeCloseTo(3, 15);
    // Even cycle C6: two shortest paths between opposite nodes.
    const c6 = betweennessCentrality(cycle(6), { normalized: false });
    for (const value of c6) expect(value).toBeCloseTo(2, 14);
  });

  it('betweenness is exact with the leaf shortcut, weighted or not, on random graphs', () => {
    for (const seed of [4, 5]) {
      const graph = randomGraph(80, 110, seed, seed === 4); // many leaves, one disconnected
      const directed = betweennessCentrality(graph, { directed: true }); // no shortcut
      const undirectedResult = betweennessCentrality(graph);
      const weighted = betweennessCentrality(graph, { weighted: true });
      for (let v = 0; v < graph.nodeCount; v++) {
        expect(undirectedResult[v]).toBeCloseTo(directed[v], 12);
        expect(weighted[v]).toBeCloseTo(directed[v], 12);
      }
    }
  });

  it('splitting sources into ranges gives the same raw sums', () => {
    const graph = randomGraph(90, 200, 6);
    const whole = new Float64Array(90);
    betweennessFromSources(graph, 0, 90, whole);
    const parts = new Float64Array(90);
    betweennessFromSources(graph, 0, 31, parts);
    betweennessFromSources(graph, 31, 60, parts);
    betweennessFromSources(graph, 60, 90, parts);
    for (let v = 0; v < 90; v++) expect(parts[v]).toBeCloseTo(whole[v], 9);
    expect(() => betweennessFromSources(graph, 5, 2, parts)).toThrow(/start ≤ end/);
  });

  it('directed betweenness of a directed path', () => {
    const graph = csrFromEdges(3, Uint32Array.of(0, 1), Uint32Array.of(1, 2));
    const raw = betweennessCentrality(graph, { directed: true, normalized: false });
    expect(Array.from(raw)).toEqual([0, 1, 0]);
    expect(Array.from(rescaleBetweenness(Float64Array.of(0, 2, 0), true))).toEqual([0, 1, 0]);
  });

  it('eigenvector centrality of a star: hub / leaf = √(n − 1)', () => {
    const result = eigenvectorCentrality(star(5));
    expect(result.converged).toBe(true);
    expect(result.scores[0]).toBe(1);
    expect(result.scores[1]).toBeCloseTo(1 / 2, 10);
    const unit = eigenvectorCentrality(star(5), { scaling: 'unit' }).scores;
    expect(unit.reduce((s, x) => s + x * x, 0)).toBeCloseTo(1, 12);
  });

  it('PageRank sums to 1 and is uniform on a cycle; degree centrality is k/(N − 1)', () => {
    const pr = pageRank(cycle(5)).scores;
    for (const value of pr) expect(value).toBeCloseTo(0.2, 12);
    expect(Array.from(degreeCentrality(star(4)))).toEqual([1, 1 / 3, 1 / 3, 1 / 3]);
    expect(Array.from(degreeCentrality(star(4), { normalized: false }))).toEqual([3, 1, 1, 1]);
    const directed = csrFromEdges(3, Uint32Array.of(0, 0), Uint32Array.of(1, 2));
    expect(Array.from(degreeCentrality(directed, { direction: 'in', normalized: false }))).toEqual([
      0, 1, 1,
    ]);
  });
});

describe('centralities of the rheumatoid arthritis module (networkx)', () => {
  const fixture = readCoreFixture<ModuleFixture>('centrality-ra-module.json');
  const graph = moduleGraph(fixture.nodes, fixture.edges, false);
  const weightedGraph = moduleGraph(fixture.nodes, fixture.edges, true);

  const cases: [keyof ModuleFixture, () => Float64Array][] = [
    ['degree', () => degreeCentrality(graph)],
    ['closeness', () => closenessCentrality(graph)],
    ['closenessWeighted', () => closenessCentrality(weightedGraph, { weighted: true })],
    ['betweenness', () => betweennessCentrality(graph)],
    ['betweennessRaw', () => betweennessCentrality(graph, { normalized: false })],
    ['betweennessWeighted', () => betweennessCentrality(weightedGraph, { weighted: true })],
    ['pagerank', () => pageRank(graph).scores],
    ['pagerankWeighted', () => pageRank(weightedGraph, { weighted: true }).scores],
  ];
  it.each(cases)('%s', (key, compute) => {
    const values = compute();
    const expected = fixture[key] as Values;
    fixture.nodes.forEach((id, i) => expectRelative(values[i], expected[id], 1e-9, id));
  });

  it('eigenvector centrality on the module LCC, unit-norm and max-scaled', () => {
    const lccGraph = moduleGraph(fixture.lccNodes, fixture.edges, false);
    const unit = eigenvectorCentrality(lccGraph, { scaling: 'unit' }).scores;
    const max = eigenvectorCentrality(lccGraph).scores;
    fixture.lccNodes.forEach((id, i) => {
      expectRelative(unit[i], fixture.eigenvectorUnitOnLcc[id], 1e-9, id);
      expectRelative(max[i], fixture.eigenvectorMaxOnLcc[id], 1e-9, id);
    });
  });
});

describe('centralities on the whole Menche LCC (selected nodes)', () => {
  const fixture = readCoreFixture<SampleFixture>('centrality-lcc-sample.json');
  const network = loadMencheInteractome();
  const lcc = largestConnectedComponent(network.graph);
  const local = (id: string): number => lcc.localOf[network.indexOf.get(id) as number];
  const selected = fixture.selected.map(local);

  it('closeness', () => {
    const c = closenessCentrality(lcc.graph, { nodes: selected });
    fixture.selected.forEach((id) => expectRelative(c[local(id)], fixture.closeness[id], 1e-9, id));
  });

  it('eigenvector (both scalings) and PageRank', () => {
    const unit = eigenvectorCentrality(lcc.graph, { scaling: 'unit' });
    expect(unit.converged).toBe(true);
    const max = eigenvectorCentrality(lcc.graph).scores;
    const pr = pageRank(lcc.graph).scores;
    for (const id of fixture.selected) {
      expectRelative(unit.scores[local(id)], fixture.eigenvectorUnit[id], 1e-9, id);
      expectRelative(max[local(id)], fixture.eigenvectorMax[id], 1e-9, id);
      expectRelative(pr[local(id)], fixture.pagerank[id], 1e-9, id);
    }
  });

  it.each(['plain', 'hubWithLeaves'])('per-source Brandes dependencies (%s sources)', (group) => {
    const { sources, rawAt } = fixture.betweennessPerSource[group];
    const out = new Float64Array(lcc.graph.nodeCount);
    for (const id of sources) betweennessFromSources(lcc.graph, local(id), local(id) + 1, out);
    for (const [id, value] of Object.entries(rawAt)) {
      expectRelative(out[local(id)], value, 1e-9, id);
    }
  });

  it('exact betweenness of all 13,329 nodes', { timeout: 180_000 }, () => {
    const bc = betweennessCentrality(lcc.graph);
    for (const id of fixture.selected) {
      expectRelative(bc[local(id)], fixture.betweenness[id], 1e-9, id);
    }
  });
});
