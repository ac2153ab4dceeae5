import { describe, expect, it } from 'vitest';
import { edgeCount } from '@/core/graph/csr';
import { connectedComponents, largestConnectedComponent } from '@/core/graph/connected-components';
import { resolveNodeSet } from '@/core/graph/resolve-node-set';
import {
  loadMencheInteractome,
  loadMencheDiseaseGenes,
  readCoreFixture,
} from '../../helpers/load-public-data';
import { BARBELL_WITH_ISOLATE, undirected } from '../../fixtures/core/graphs';

interface Preprocessing {
  rows: number;
  fileNodes: number;
  selfLoops: number;
  nodes: number;
  edges: number;
  componentCount: number;
  componentSizes: number[];
  lccNodes: number;
  lccEdges: number;
}

describe('connectedComponents', () => {
  it('numbers components by their smallest node', () => {
    const graph = undirected(6, [
      [4, 5],
      [0, 2],
    ]);
    const { count, componentOf, sizes } = connectedComponents(graph);
    expect(count).toBe(4);
    expect(Array.from(componentOf)).toEqual([0, 1, 0, 2, 3, 3]);
    expect(Array.from(sizes)).toEqual([2, 1, 1, 2]);
  });

  it('extracts the LCC with maps both ways', () => {
    const lcc = largestConnectedComponent(BARBELL_WITH_ISOLATE);
    expect(Array.from(lcc.nodes)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(lcc.localOf[6]).toBe(-1);
    expect(edgeCount(lcc.graph)).toBe(14);
    const graph = undirected(5, [
      [3, 4],
      [2, 4],
      [0, 1],
    ]);
    const second = largestConnectedComponent(graph);
    expect(Array.from(second.nodes)).toEqual([2, 3, 4]);
    expect(Array.from(second.localOf)).toEqual([-1, -1, 0, 1, 2]);
  });
});

describe('Menche 2015 preprocessing (ALGORITHMS.md §3.1)', () => {
  const fixture = readCoreFixture<Preprocessing>('menche-preprocessing.json');
  const network = loadMencheInteractome();

  it('drops self-loops and self-loop-only nodes: 13,460 → 13,397 nodes', () => {
    expect(network.report.rows).toBe(fixture.rows);
    expect(network.report.selfLoopsDropped).toBe(fixture.selfLoops);
    expect(network.report.selfLoopsDropped).toBe(2869);
    expect(network.graph.nodeCount).toBe(fixture.nodes);
    expect(network.graph.nodeCount).toBe(13397);
    expect(edgeCount(network.graph) / 2).toBe(fixture.edges);
  });

  it('has the networkx components and an LCC of 13,329 nodes and 138,356 edges', () => {
    const lcc = largestConnectedComponent(network.graph);
    const sizes = Array.from(lcc.components.sizes).sort((a, b) => b - a);
    expect(lcc.components.count).toBe(fixture.componentCount);
    expect(sizes.slice(0, 10)).toEqual(fixture.componentSizes);
    expect(lcc.nodes.length).toBe(13329);
    expect(edgeCount(lcc.graph) / 2).toBe(138356);
    expect(lcc.nodes.length).toBe(fixture.lccNodes);
    expect(edgeCount(lcc.graph) / 2).toBe(fixture.lccEdges);
  });

  it('reports disease genes outside the network and outside the LCC', () => {
    const fixture = readCoreFixture<{ rows: [string, number, number, number, number][] }>(
      'menche-disease-lcc.json',
    );
    const diseases = loadMencheDiseaseGenes();
    const lcc = largestConnectedComponent(network.graph);
    expect(diseases.size).toBe(299);
    for (const [name, genes, outsideNetwork, inLcc] of fixture.rows) {
      const resolved = resolveNodeSet(diseases.get(name) as string[], network.indexOf, lcc);
      expect(
        resolved.nodes.length + resolved.outsideNetwork.length + resolved.outsideLcc.length,
      ).toBe(genes);
      expect(resolved.outsideNetwork.length).toBe(outsideNetwork);
      expect(resolved.nodes.length).toBe(inLcc);
    }
  });
});

describe('resolveNodeSet', () => {
  it('maps identifiers and reports what was dropped', () => {
    const indexOf = new Map([
      ['A', 0],
      ['B', 1],
      ['C', 6],
      ['B-alias', 1],
    ]);
    const lcc = largestConnectedComponent(BARBELL_WITH_ISOLATE);
    const resolved = resolveNodeSet(['B', 'X', 'C', 'A', 'B', 'B-alias'], indexOf, lcc);
    expect(Array.from(resolved.nodes)).toEqual([1, 0]);
    expect(resolved.kept).toEqual(['B', 'A']);
    expect(resolved.outsideNetwork).toEqual(['X']);
    expect(resolved.outsideLcc).toEqual(['C']);
    expect(resolved.duplicates).toEqual(['B', 'B-alias']);
    const plain = resolveNodeSet(['C', 'A'], indexOf);
    expect(Array.from(plain.nodes)).toEqual([6, 0]);
    expect(plain.outsideLcc).toEqual([]);
  });
});
