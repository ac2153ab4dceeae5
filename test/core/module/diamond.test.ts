import { describe, expect, it } from 'vitest';
import type { CsrGraph } from '@/core/graph/csr';
import { largestConnectedComponent } from '@/core/graph/connected-components';
import { resolveNodeSet } from '@/core/graph/resolve-node-set';
import { diamond, type DiamondMode } from '@/core/module/diamond';
import { hypergeometricUpperTail } from '@/core/stats/hypergeometric';
import {
  loadMencheDiseaseGenes,
  loadMencheInteractome,
  readCoreFixture,
} from '../../helpers/load-public-data';
import { randomGraph, undirected } from '../../fixtures/core/graphs';

interface Added {
  entrez: string;
  k: number;
  ks: number;
  p: number;
}
interface DiamondFixture {
  seeds: string[];
  paperAlpha1: Added[];
  paperAlpha3: Added[];
  referenceAlpha3: Added[];
}

/**
 * Naive DIAMOnD straight from the formula: every candidate, k_s recounted from scratch, full
 * tie-break order. Slow, but independent of the incremental bookkeeping and the frontier.
 */
function naiveDiamond(
  graph: CsrGraph,
  seeds: number[],
  iterations: number,
  alpha: number,
  mode: DiamondMode,
): { node: number; k: number; ks: number; p: number }[] {
  const n = graph.nodeCount;
  const seedSet = new Set(seeds);
  const cluster = new Set(seeds);
  const N =
    mode === 'paper' ? n + (alpha - 1) * seeds.length : n + (alpha - 1) * alpha * seeds.length;
  const result = [];
  for (let it = 0; it < iterations; it++) {
    let best: { node: number; k: number; ks: number; p: number } | null = null;
    for (let v = 0; v < n; v++) {
      if (cluster.has(v)) continue;
      const neighbours = Array.from(graph.targets.subarray(graph.offsets[v], graph.offsets[v + 1]));
      const ks0 = neighbours.filter((u) => cluster.has(u)).length;
      if (ks0 === 0) continue;
      const kSeed = neighbours.filter((u) => seedSet.has(u)).length;
      let k: number;
      let ks: number;
      let s: number;
      if (mode === 'paper') {
        k = neighbours.length + (alpha - 1) * kSeed;
        ks = ks0 + (alpha - 1) * kSeed;
        s = cluster.size + (alpha - 1) * seeds.length;
      } else {
        k = neighbours.length + (alpha - 1) * ks0;
        ks = alpha * ks0;
        s = it === 0 ? alpha * seeds.length : cluster.size;
      }
      const p = hypergeometricUpperTail(ks, N, s, k);
      const better =
        best === null ||
        p < best.p ||
        (p === best.p &&
          (ks > best.ks || (ks === best.ks && (k < best.k || (k === best.k && v < best.node)))));
      if (better) best = { node: v, k, ks, p };
    }
    if (!best) break;
    result.push(best);
    cluster.add(best.node);
  }
  return result;
}

describe('diamond', () => {
  it('adds the best-connected node first (hand example)', () => {
    // Seeds 0, 1, 2. Node 3 links to all three seeds; node 4 to one seed; 5 hangs on 4.
    const graph = undirected(8, [
      [0, 3],
      [1, 3],
      [2, 3],
      [0, 4],
      [4, 5],
      [5, 6],
      [6, 7],
    ]);
    const result = diamond(graph, [0, 1, 2], { iterations: 3 });
    expect(Array.from(result.nodes)).toEqual([3, 4, 5]);
    expect(Array.from(result.k)).toEqual([3, 2, 2]);
    expect(Array.from(result.ks)).toEqual([3, 1, 1]);
    // p(3) = C(3,3)·C(5,0)/C(8,3) = 1/56.
    expect(result.pValues[0]).toBeCloseTo(1 / 56, 15);
    expect(result.exhausted).toBe(false);
  });

  it('breaks ties by k_s, then k, then node index, and stops when candidates run out', () => {
    // Seed 0 with leaves 1, 2, 3: identical (k = 1, k_s = 1) → ascending index.
    const graph = undirected(4, [
      [0, 3],
      [0, 1],
      [0, 2],
    ]);
    const result = diamond(graph, [0], { iterations: 5 });
    expect(Array.from(result.nodes)).toEqual([1, 2, 3]);
    expect(result.exhausted).toBe(true);
  });

  it.each([
    [1, 'paper'],
    [2, 'paper'],
    [3, 'reference'],
    [2, 'reference'],
  ] as const)('equals the naive formula on random graphs (α = %i, %s)', (alpha, mode) => {
    for (const seed of [1, 2]) {
      const graph = randomGraph(150, 300, seed);
      const seeds = [3, 10, 11, 40, 77, 90];
      const fast = diamond(graph, seeds, { iterations: 25, alpha, mode });
      const naive = naiveDiamond(graph, seeds, 25, alpha, mode);
      expect(Array.from(fast.nodes)).toEqual(naive.map((x) => x.node));
      expect(Array.from(fast.k)).toEqual(naive.map((x) => x.k));
      expect(Array.from(fast.ks)).toEqual(naive.map((x) => x.ks));
      expect(Array.from(fast.pValues)).toEqual(naive.map((x) => x.p));
    }
  });

  describe('rheumatoid arthritis on the Menche LCC (exact Python reference)', () => {
    const fixture = readCoreFixture<DiamondFixture>('diamond-ra.json');
    const network = loadMencheInteractome();
    const lcc = largestConnectedComponent(network.graph);
    const genes = loadMencheDiseaseGenes().get('arthritis, rheumatoid') as string[];
    const ra = resolveNodeSet(genes, network.indexOf, lcc);
    const entrezOf = (v: number): string => network.entrez[lcc.nodes[v]];

    it('uses the same seeds', () => {
      expect(ra.kept).toEqual(fixture.seeds);
    });

    it.each([
      ['paperAlpha1', 1, 'paper'],
      ['paperAlpha3', 3, 'paper'],
      ['referenceAlpha3', 3, 'reference'],
    ] as const)('%s', (key, alpha, mode) => {
      const expected = fixture[key];
      const result = diamond(lcc.graph, ra.nodes, { iterations: expected.length, alpha, mode });
      expect(Array.from(result.nodes, entrezOf)).toEqual(expected.map((x) => x.entrez));
      expect(Array.from(result.k)).toEqual(expected.map((x) => x.k));
      expect(Array.from(result.ks)).toEqual(expected.map((x) => x.ks));
      expected.forEach((x, i) => {
        expect(Math.abs(result.pValues[i] - x.p) / x.p).toBeLessThanOrEqual(1e-9);
      });
    });
  });

  it('validates its options', () => {
    const graph = randomGraph(10, 12, 1);
    expect(() => diamond(graph, [])).toThrow(/seed set is empty/);
    expect(() => diamond(graph, [1], { alpha: 0 })).toThrow(/alpha/);
    expect(() => diamond(graph, [1], { mode: 'other' as DiamondMode })).toThrow(/mode/);
  });
});
