import { describe, expect, it } from 'vitest';
import {
  csrFromEdges,
  degrees,
  edgeSources,
  inducedSubgraph,
  outStrength,
  simpleUndirectedGraph,
} from '@/core/graph/csr';

const u32 = (values: number[]) => Uint32Array.from(values);

describe('csrFromEdges', () => {
  it('groups edges by source with rows sorted by target, keeping input order for ties', () => {
    const graph = csrFromEdges(
      3,
      u32([2, 0, 0, 2, 0]),
      u32([0, 2, 1, 1, 2]),
      Float32Array.of(1, 2, 3, 4, 5),
    );
    expect(Array.from(graph.offsets)).toEqual([0, 3, 3, 5]);
    expect(Array.from(graph.targets)).toEqual([1, 2, 2, 0, 1]);
    expect(Array.from(graph.weights)).toEqual([3, 2, 5, 1, 4]);
  });

  it('rejects node indices out of range and mismatched lengths', () => {
    expect(() => csrFromEdges(2, u32([0]), u32([2]))).toThrow(
      /targets\[0\] = 2 is not below nodeCount 2/,
    );
    expect(() => csrFromEdges(2, u32([0, 1]), u32([1]))).toThrow(/differ in length/);
  });
});

describe('simpleUndirectedGraph', () => {
  // Path 0–1–2 given with a self-loop on 1, the pair (1, 0) repeated with another weight.
  const { graph, report } = simpleUndirectedGraph(
    4,
    [0, 1, 1, 1, 2],
    [1, 1, 0, 2, 1],
    [0.5, 9, 0.7, 2, 3],
  );

  it('drops and counts self-loops and repeated unordered pairs', () => {
    expect(report).toEqual({ selfLoopsDropped: 1, duplicatesDropped: 2 });
  });

  it('stores each pair both ways with the first weight seen', () => {
    expect(Array.from(graph.offsets)).toEqual([0, 1, 3, 4, 4]);
    expect(Array.from(graph.targets)).toEqual([1, 0, 2, 1]);
    expect(Array.from(graph.weights)).toEqual([0.5, 0.5, 2, 2]);
    expect(Array.from(degrees(graph))).toEqual([1, 2, 1, 0]);
    expect(Array.from(outStrength(graph))).toEqual([0.5, 2.5, 2, 0]);
    expect(Array.from(edgeSources(graph))).toEqual([0, 1, 1, 2]);
  });
});

describe('inducedSubgraph', () => {
  it('keeps only edges inside the set, renumbered in the order given', () => {
    const { graph } = simpleUndirectedGraph(4, [0, 1, 2], [1, 2, 3]);
    const sub = inducedSubgraph(graph, [2, 1, 3]);
    expect(Array.from(sub.offsets)).toEqual([0, 2, 3, 4]);
    expect(Array.from(sub.targets)).toEqual([1, 2, 0, 0]);
    expect(() => inducedSubgraph(graph, [1, 1])).toThrow(/listed twice/);
  });
});
