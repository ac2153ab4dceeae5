/**
 * Tiny named graphs for the drug-screen tests, each with answers that can be worked out on paper.
 */
import { simpleUndirectedGraph, type CsrGraph } from '@/core/graph/csr';

/** Undirected graph from an edge list. */
export function undirected(nodeCount: number, edges: [number, number][]): CsrGraph {
  return simpleUndirectedGraph(
    nodeCount,
    edges.map((e) => e[0]),
    edges.map((e) => e[1]),
  ).graph;
}

/** Path 0 – 1 – … – (n − 1). */
export function pathGraph(n: number): CsrGraph {
  return undirected(
    n,
    Array.from({ length: n - 1 }, (_, i) => [i, i + 1] as [number, number]),
  );
}

/** Star with hub 0 and leaves 1 … n − 1. */
export function starGraph(n: number): CsrGraph {
  return undirected(
    n,
    Array.from({ length: n - 1 }, (_, i) => [0, i + 1] as [number, number]),
  );
}

/** Cycle 0 – 1 – … – (n − 1) – 0. */
export function cycleGraph(n: number): CsrGraph {
  return undirected(
    n,
    Array.from({ length: n }, (_, i) => [i, (i + 1) % n] as [number, number]),
  );
}

/** Gene names G0 … G(n − 1). */
export function geneNames(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `G${i}`);
}
