import { describe, expect, it } from 'vitest';
import {
  bfsDistances,
  multiSourceDistances,
  nearestOtherSourceDistances,
} from '@/core/graph/shortest-paths';
import { breadthFirstOrder, mapToOriginalOrder } from '@/core/graph/reorder';
import { transposeGraph } from '@/core/graph/transpose';
import { csrFromEdges } from '@/core/graph/csr';
import { createRandom } from '@/core/random/random';
import { sampleWithoutReplacement } from '@/core/random/sampling';
import { BARBELL_WITH_ISOLATE, path, randomGraph } from '../../fixtures/core/graphs';

describe('shortest paths', () => {
  it('BFS distances on a path and with unreachable nodes', () => {
    expect(Array.from(bfsDistances(path(5), 1))).toEqual([1, 0, 1, 2, 3]);
    expect(Array.from(bfsDistances(BARBELL_WITH_ISOLATE, 0))).toEqual([0, 1, 1, 2, 3, 3, -1]);
  });

  it('multi-source distances are the minimum over sources', () => {
    expect(Array.from(multiSourceDistances(path(7), [0, 5]))).toEqual([0, 1, 2, 2, 1, 0, 1]);
  });

  it('nearest other source equals brute force on random graphs', () => {
    for (const seed of [1, 2, 3]) {
      const graph = randomGraph(120, 200, seed, seed !== 3);
      const sources = Array.from(sampleWithoutReplacement(createRandom(seed), 120, 15));
      const fast = nearestOtherSourceDistances(graph, sources);
      sources.forEach((s, i) => {
        const dist = bfsDistances(graph, s);
        const others = sources.filter((t) => t !== s && dist[t] >= 0).map((t) => dist[t]);
        expect(fast[i]).toBe(others.length ? Math.min(...others) : -1);
      });
    }
  });

  it('nearest other source on the barbell, including an isolated source', () => {
    expect(Array.from(nearestOtherSourceDistances(BARBELL_WITH_ISOLATE, [0, 5, 6]))).toEqual([
      3, 3, -1,
    ]);
  });
});

describe('reorder and transpose', () => {
  it('breadth-first relabelling is a permutation that preserves the graph', () => {
    const graph = randomGraph(60, 150, 8, false);
    const { graph: relabelled, order, rank } = breadthFirstOrder(graph);
    expect(Array.from(order).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 60 }, (_, i) => i),
    );
    for (let v = 0; v < 60; v++) {
      const before = Array.from(graph.targets.subarray(graph.offsets[v], graph.offsets[v + 1]));
      const r = rank[v];
      const after = Array.from(
        relabelled.targets.subarray(relabelled.offsets[r], relabelled.offsets[r + 1]),
        (w) => order[w],
      );
      expect(after.sort((a, b) => a - b)).toEqual(before);
    }
    const values = Float64Array.from({ length: 60 }, (_, i) => i);
    expect(Array.from(mapToOriginalOrder(values, order))).toEqual(Array.from(rank));
  });

  it('transposes a directed graph', () => {
    const graph = csrFromEdges(3, Uint32Array.of(0, 0, 1), Uint32Array.of(1, 2, 2));
    const t = transposeGraph(graph);
    expect(Array.from(t.offsets)).toEqual([0, 0, 1, 3]);
    expect(Array.from(t.targets)).toEqual([0, 0, 1]);
  });
});
