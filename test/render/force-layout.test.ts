import { describe, expect, it } from 'vitest';
import { csrFromEdges, type CsrGraph } from '@/core/graph/csr';
import { forceLayout } from '@/render/force-layout';

function undirected(nodeCount: number, pairs: [number, number][]): CsrGraph {
  return csrFromEdges(
    nodeCount,
    Uint32Array.from(pairs.flatMap(([a, b]) => [a, b])),
    Uint32Array.from(pairs.flatMap(([a, b]) => [b, a])),
  );
}

const distance = (p: Float32Array, i: number, j: number) =>
  Math.hypot(p[2 * i] - p[2 * j], p[2 * i + 1] - p[2 * j + 1]);

describe('forceLayout', () => {
  it('returns x, y per node, finite, and the same layout every time', () => {
    const graph = undirected(5, [
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 4],
    ]);
    const first = forceLayout(graph);
    expect(first).toHaveLength(10);
    expect(first.every(Number.isFinite)).toBe(true);
    expect(Array.from(forceLayout(graph))).toEqual(Array.from(first));
  });

  it('places linked nodes closer than unlinked ones: two triangles joined by one edge', () => {
    const graph = undirected(6, [
      [0, 1],
      [1, 2],
      [0, 2],
      [3, 4],
      [4, 5],
      [3, 5],
      [2, 3],
    ]);
    const p = forceLayout(graph);
    expect(distance(p, 0, 1)).toBeLessThan(distance(p, 0, 4));
    expect(distance(p, 4, 5)).toBeLessThan(distance(p, 5, 1));
  });

  it('keeps isolated nodes near the others (gravity), not flung away', () => {
    const graph = undirected(4, [[0, 1]]);
    const p = forceLayout(graph);
    for (let i = 0; i < 4; i++) expect(Math.hypot(p[2 * i], p[2 * i + 1])).toBeLessThan(200);
  });

  it('leaves the spiral start untouched with zero iterations and rejects a bad count', () => {
    expect(forceLayout(undirected(1, []), { iterations: 0 })).toHaveLength(2);
    expect(() => forceLayout(undirected(1, []), { iterations: -1 })).toThrow(
      /iterations must be an integer ≥ 0, got -1/,
    );
  });
});
