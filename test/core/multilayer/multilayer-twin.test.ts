import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadGeneIndex, loadNetwork, resolveInputFile } from '@/cli/load-inputs';
import type { CsrGraph } from '@/core/graph/csr';
import { simpleUndirectedGraph } from '@/core/graph/csr';
import {
  descendsFrom,
  multilayerSupraGraph,
  multilayerTwin,
  type LayerKind,
} from '@/core/multilayer/multilayer-twin';
import { BUNDLED_HPO_ANNOTATIONS, loadSymptomTerms } from '@/cli/load-phenotypes';

const ROOT = new URL('../../../', import.meta.url);

interface Fixture {
  nodes: number;
  layers: { name: string; kind: LayerKind; genes: string[]; module: string[] }[];
  links: {
    a: number;
    b: number;
    overlap: number;
    jaccard: number;
    hypergeometricP: number;
    dAA: number;
    dBB: number;
    dAB: number;
    sAB: number;
  }[];
  supraNodes: number;
  molecularNodes: number;
  supraEdges: number;
  geneScores: Record<string, number>;
  termScores: Record<string, number>;
  termEnrichmentP: Record<string, number>;
}

function graphOf(n: number, edges: [number, number][]): CsrGraph {
  return simpleUndirectedGraph(
    n,
    edges.map(([a]) => a),
    edges.map(([, b]) => b),
  ).graph;
}

describe('multilayerSupraGraph on a hand-built case', () => {
  // Path 0–1–2–3; layer A = {0, 1}, layer B = {1, 2}; term t annotated to genes 1 and 3.
  const network = graphOf(4, [
    [0, 1],
    [1, 2],
    [2, 3],
  ]);
  const { supra, termsInLayer, termModuleGenes } = multilayerSupraGraph(
    network,
    [Uint32Array.of(0, 1), Uint32Array.of(1, 2)],
    { ids: ['t', 'u'], names: ['T', 'U'], genes: [Uint32Array.of(1, 3), Uint32Array.of(3)] },
    { coupling: 2, phenotypeCoupling: 0.5, minTermGenes: 1 },
  );
  it('has (A,0) (A,1) (B,1) (B,2) and one term node; u has no module gene', () => {
    expect(supra.molecularNodes).toBe(4);
    expect(supra.graph.nodeCount).toBe(5);
    expect(termsInLayer).toEqual([0]);
    expect(Array.from(termModuleGenes[0])).toEqual([1]); // gene 3 is in no module
    expect(Array.from(supra.itemOf)).toEqual([0, 1, 1, 2, 0]);
    expect(Array.from(supra.layerOf)).toEqual([0, 0, 1, 1, -1]);
  });
  it('weights: intra 1, copy coupling ω = 2, term–gene ω_p = 0.5 to both copies of gene 1', () => {
    const edges: string[] = [];
    const { offsets, targets, weights } = supra.graph;
    for (let s = 0; s < supra.graph.nodeCount; s++) {
      for (let e = offsets[s]; e < offsets[s + 1]; e++)
        edges.push(`${s}-${targets[e]}:${weights[e]}`);
    }
    expect(edges.sort()).toEqual(
      [
        '0-1:1',
        '1-0:1',
        '2-3:1',
        '3-2:1',
        '1-2:2',
        '2-1:2',
        '4-1:0.5',
        '1-4:0.5',
        '4-2:0.5',
        '2-4:0.5',
      ].sort(),
    );
  });
});

describe('descendsFrom', () => {
  it('follows is_a through several parents and ignores unknown terms', () => {
    const parents = new Map([
      ['c', ['b', 'x']],
      ['b', ['root']],
      ['x', []],
      ['y', ['x']],
    ]);
    expect(descendsFrom(['c', 'b', 'root', 'y', 'unknown'], parents, 'root')).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});

describe('multilayerTwin on the whole Menche network (asthma), against scipy', () => {
  const fixture = JSON.parse(
    readFileSync(new URL('test/fixtures/multilayer/asthma-multilayer.json', ROOT), 'utf8'),
  ) as Fixture;

  it('modules, links, supra-graph, walk scores and symptom enrichment as the generator computes them', async () => {
    const geneIndex = await loadGeneIndex(undefined, new URL('.', ROOT).pathname);
    const network = await loadNetwork(
      resolveInputFile(
        'network',
        'public/data/interactome_menche2015.tsv.gz',
        new URL('.', ROOT).pathname,
      ),
      geneIndex,
    );
    const { graph, entrez } = network.whole;
    expect(graph.nodeCount).toBe(fixture.nodes);
    const nodeOf = new Map(entrez.map((id, v) => [id, v]));
    const layers = fixture.layers.map((layer) => ({
      name: layer.name,
      kind: layer.kind,
      genes: Uint32Array.from(layer.genes, (id) => nodeOf.get(id) as number),
    }));
    // The symptom layer as the command line builds it (src/cli/load-phenotypes.ts).
    const { terms: phenotypes } = await loadSymptomTerms(BUNDLED_HPO_ANNOTATIONS, null, network);
    const twin = multilayerTwin(graph, layers, phenotypes, { restart: 0.15 });
    twin.layers.forEach((layer, l) => {
      expect(Array.from(layer.module, (v) => entrez[v]).sort()).toEqual(
        [...fixture.layers[l].module].sort(),
      );
    });
    expect(twin.links).toHaveLength(fixture.links.length);
    twin.links.forEach((link, k) => {
      const want = fixture.links[k];
      expect([link.a, link.b, link.overlap.overlap]).toEqual([want.a, want.b, want.overlap]);
      expect(link.overlap.jaccard).toBeCloseTo(want.jaccard, 12);
      expect(link.overlap.hypergeometricP / want.hypergeometricP).toBeCloseTo(1, 9);
      expect(link.separation.dAA).toBeCloseTo(want.dAA, 12);
      expect(link.separation.dBB).toBeCloseTo(want.dBB, 12);
      expect(link.separation.dAB).toBeCloseTo(want.dAB, 12);
      expect(link.separation.sAB).toBeCloseTo(want.sAB, 12);
    });
    expect(twin.supra.graph.nodeCount).toBe(fixture.supraNodes);
    expect(twin.supra.molecularNodes).toBe(fixture.molecularNodes);
    expect(twin.supra.graph.targets.length / 2).toBe(fixture.supraEdges);
    expect(twin.walk.converged).toBe(true);
    for (const [id, score] of Object.entries(fixture.geneScores)) {
      expect(Math.abs(twin.geneScores[nodeOf.get(id) as number] - score), id).toBeLessThan(1e-9);
    }
    expect(twin.terms).toHaveLength(Object.keys(fixture.termScores).length);
    for (const term of twin.terms) {
      const id = phenotypes.ids[term.term];
      expect(Math.abs(term.score - fixture.termScores[id]), id).toBeLessThan(1e-9);
      expect(term.enrichmentP / fixture.termEnrichmentP[id], id).toBeCloseTo(1, 9);
    }
  }, 60_000);
});
