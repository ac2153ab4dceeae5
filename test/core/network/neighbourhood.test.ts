import { describe, expect, it } from 'vitest';
import { csrFromEdges, type CsrGraph } from '@/core/graph/csr';
import { diseaseNeighbourhood } from '@/core/network/neighbourhood';

/** Undirected graph: every pair stored both ways (repeats kept, to test that they count once). */
function undirected(nodeCount: number, pairs: [number, number][]): CsrGraph {
  const sources = pairs.flatMap(([a, b]) => [a, b]);
  const targets = pairs.flatMap(([a, b]) => [b, a]);
  return csrFromEdges(nodeCount, Uint32Array.from(sources), Uint32Array.from(targets));
}

/**
 * Seeds 0, 1, 2. Edges: 0–1, 0–3, 1–3, 2–3, 0–4, 1–4, 3–4, 2–5, 5–6.
 * links(3) = 3 (seeds 0, 1, 2), links(4) = 2 (seeds 0, 1), links(5) = 1 (seed 2),
 * links(6) = 0 (a second neighbour, through 5). Among the seeds, 0 and 1 touch each other.
 */
const EXAMPLE = undirected(7, [
  [0, 1],
  [0, 3],
  [1, 3],
  [2, 3],
  [0, 4],
  [1, 4],
  [3, 4],
  [2, 5],
  [5, 6],
]);

describe('diseaseNeighbourhood', () => {
  it('keeps seeds, then neighbours linked to ≥ 2 seeds, most links first', () => {
    const result = diseaseNeighbourhood(EXAMPLE, [0, 1, 2]);
    expect(Array.from(result.nodes)).toEqual([0, 1, 2, 3, 4]);
    expect(result.seedCount).toBe(3);
    expect(Array.from(result.seedLinks)).toEqual([1, 1, 0, 3, 2]);
    expect(result.candidateCount).toBe(3); // 3, 4, 5
    expect(result.eligibleCount).toBe(2); // 3, 4
  });

  it('takes every first neighbour with minLinks = 1, never a second neighbour', () => {
    const result = diseaseNeighbourhood(EXAMPLE, [0, 1, 2], { minLinks: 1 });
    expect(Array.from(result.nodes)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(Array.from(result.seedLinks)).toEqual([1, 1, 0, 3, 2, 1]);
  });

  it('cuts neighbours at maxNodes but never drops a seed', () => {
    expect(Array.from(diseaseNeighbourhood(EXAMPLE, [0, 1, 2], { maxNodes: 4 }).nodes)).toEqual([
      0, 1, 2, 3,
    ]);
    const tight = diseaseNeighbourhood(EXAMPLE, [0, 1, 2], { maxNodes: 2 });
    expect(Array.from(tight.nodes)).toEqual([0, 1, 2]);
    expect(tight.eligibleCount).toBe(2);
  });

  it('sorts and de-duplicates the seeds', () => {
    const result = diseaseNeighbourhood(EXAMPLE, [2, 0, 2, 1]);
    expect(Array.from(result.nodes)).toEqual([0, 1, 2, 3, 4]);
    expect(result.seedCount).toBe(3);
  });

  it('breaks ties in links by the lower node index', () => {
    // Seeds 0 and 1; nodes 5 and 2 are both linked to both seeds, node 3 to one only.
    const graph = undirected(6, [
      [0, 5],
      [1, 5],
      [0, 2],
      [1, 2],
      [0, 3],
    ]);
    const result = diseaseNeighbourhood(graph, [1, 0]);
    expect(Array.from(result.nodes)).toEqual([0, 1, 2, 5]);
    expect(Array.from(result.seedLinks)).toEqual([0, 0, 2, 2]);
  });

  it('counts a repeated edge and a self-loop once', () => {
    const graph = undirected(4, [
      [0, 2],
      [0, 2],
      [0, 0],
      [1, 2],
      [0, 3],
      [0, 3],
    ]);
    const result = diseaseNeighbourhood(graph, [0, 1]);
    // links(2) = 2 (seeds 0 and 1), links(3) = 1 although the edge 0–3 is listed twice.
    expect(Array.from(result.nodes)).toEqual([0, 1, 2]);
    expect(Array.from(result.seedLinks)).toEqual([0, 0, 2]);
    expect(result.candidateCount).toBe(2);
  });

  it('returns an empty neighbourhood for no seeds', () => {
    const result = diseaseNeighbourhood(EXAMPLE, []);
    expect(result.nodes.length).toBe(0);
    expect(result.candidateCount).toBe(0);
  });

  it.each([
    [[7], {}, /seeds\[0\] = 7 is not a node index below 7/],
    [[-1], {}, /seeds\[0\] = -1/],
    [[0], { minLinks: 0 }, /minLinks must be an integer ≥ 1, got 0/],
    [[0], { maxNodes: 1.5 }, /maxNodes must be an integer ≥ 0, got 1.5/],
  ])('rejects seeds %j with options %j', (seeds, options, message) => {
    expect(() => diseaseNeighbourhood(EXAMPLE, seeds, options)).toThrow(message);
  });
});
