import { describe, expect, it } from 'vitest';
import { csrFromEdges, type CsrGraph } from '@/core/graph/csr';
import { buildNetworkView, networkViewBuffers, viewNeighbours } from '@/render/network-view';
import {
  EDGE_COLORS,
  FADED_EDGE_COLORS,
  FADED_NEIGHBOUR_COLOR,
  NODE_ROLE,
  ROLE_COLORS,
  ROLE_RADII,
} from '@/render/palette';

function undirected(nodeCount: number, pairs: [number, number][]): CsrGraph {
  return csrFromEdges(
    nodeCount,
    Uint32Array.from(pairs.flatMap(([a, b]) => [a, b])),
    Uint32Array.from(pairs.flatMap(([a, b]) => [b, a])),
  );
}

// Path 0 – 1 – 2 plus 2 – 3: nodes 0, 1 module genes, 2 a disease gene, 3 a neighbour.
const GRAPH = undirected(4, [
  [0, 1],
  [1, 2],
  [2, 3],
]);
const POSITIONS = Float32Array.of(0, 0, 10, 0, 10, 5, -4, 8);
const ROLES = Uint8Array.of(
  NODE_ROLE.moduleGene,
  NODE_ROLE.moduleGene,
  NODE_ROLE.diseaseGene,
  NODE_ROLE.neighbour,
);

describe('buildNetworkView', () => {
  const view = buildNetworkView(GRAPH, POSITIONS, ROLES);

  it('writes x, y, 0 per node and the bounding box', () => {
    expect(view.nodeCount).toBe(4);
    expect(Array.from(view.nodePositions)).toEqual([0, 0, 0, 10, 0, 0, 10, 5, 0, -4, 8, 0]);
    expect(Array.from(view.bounds)).toEqual([-4, 0, 10, 8]);
  });

  it('lists each undirected edge once, lower index first, with both end positions', () => {
    expect(view.edgeCount).toBe(3);
    expect(Array.from(view.edgeEndpoints)).toEqual([0, 1, 1, 2, 2, 3]);
    expect(Array.from(view.edgeSourcePositions)).toEqual([0, 0, 0, 10, 0, 0, 10, 5, 0]);
    expect(Array.from(view.edgeTargetPositions)).toEqual([10, 0, 0, 10, 5, 0, -4, 8, 0]);
  });

  it('colours and sizes nodes by role and edges by their ends', () => {
    expect(Array.from(view.nodeColors.subarray(0, 4))).toEqual([...ROLE_COLORS[2]]);
    expect(Array.from(view.nodeColors.subarray(8, 12))).toEqual([...ROLE_COLORS[1]]);
    expect(Array.from(view.nodeColors.subarray(12, 16))).toEqual([...ROLE_COLORS[0]]);
    expect(Array.from(view.nodeRadii)).toEqual([
      ROLE_RADII[2],
      ROLE_RADII[2],
      ROLE_RADII[1],
      ROLE_RADII[0],
    ]);
    expect(Array.from(view.edgeColors.subarray(0, 4))).toEqual([...EDGE_COLORS.module]); // 0–1
    expect(Array.from(view.edgeColors.subarray(4, 8))).toEqual([...EDGE_COLORS.disease]); // 1–2
    expect(Array.from(view.edgeColors.subarray(8, 12))).toEqual([...EDGE_COLORS.disease]); // 2–3
  });

  it('colours an edge between two neighbours with the quiet neighbour colour', () => {
    const pair = buildNetworkView(
      undirected(2, [[0, 1]]),
      Float32Array.of(0, 0, 1, 1),
      Uint8Array.of(0, 0),
    );
    expect(Array.from(pair.edgeColors)).toEqual([...EDGE_COLORS.neighbour]);
  });

  it('drops a repeated edge and a self-loop', () => {
    const messy = csrFromEdges(2, Uint32Array.of(0, 1, 0, 1, 0), Uint32Array.of(1, 0, 1, 0, 0));
    const result = buildNetworkView(messy, Float32Array.of(0, 0, 1, 1), Uint8Array.of(0, 0));
    expect(Array.from(result.edgeEndpoints)).toEqual([0, 1]);
  });

  it('lists the neighbours of a node inside the view', () => {
    expect(viewNeighbours(view, 2)).toEqual([1, 3]);
    expect(viewNeighbours(view, 0)).toEqual([1]);
  });

  it('hands over every buffer for transfer, each once', () => {
    const buffers = networkViewBuffers(view);
    expect(buffers).toHaveLength(9);
    expect(new Set(buffers).size).toBe(9);
  });

  it('gives an empty view zero bounds', () => {
    const empty = buildNetworkView(undirected(0, []), new Float32Array(0), new Uint8Array(0));
    expect(Array.from(empty.bounds)).toEqual([0, 0, 0, 0]);
    expect(empty.edgeCount).toBe(0);
  });

  it.each([
    [Float32Array.of(0, 0), ROLES, /expected 8 positions and 4 roles, got 2 and 4/],
    [POSITIONS, Uint8Array.of(0, 0, 0, 7), /roles\[3\] = 7 is not a NodeRole/],
  ])('rejects mismatched input (%#)', (positions, roles, message) => {
    expect(() => buildNetworkView(GRAPH, positions, roles)).toThrow(message);
  });
});

describe('buildNetworkView with a module shown', () => {
  // 0, 1 module genes; 2 added by a module method; 3 a disease gene; 4 a neighbour.
  const graph = undirected(5, [
    [0, 1],
    [1, 2],
    [2, 3],
    [3, 4],
    [0, 4],
  ]);
  const roles = Uint8Array.of(
    NODE_ROLE.moduleGene,
    NODE_ROLE.moduleGene,
    NODE_ROLE.addedGene,
    NODE_ROLE.diseaseGene,
    NODE_ROLE.neighbour,
  );

  it('draws added genes in their own colour and size, and links to them as module links', () => {
    const view = buildNetworkView(graph, new Float32Array(10), roles);
    expect(Array.from(view.nodeColors.subarray(8, 12))).toEqual([...ROLE_COLORS[3]]);
    expect(view.nodeRadii[2]).toBe(ROLE_RADII[3]);
    // Edges in (i, j), i < j order: 0–1, 0–4, 1–2, 2–3, 3–4.
    expect(Array.from(view.edgeEndpoints)).toEqual([0, 1, 0, 4, 1, 2, 2, 3, 3, 4]);
    const colour = (e: number) => Array.from(view.edgeColors.subarray(4 * e, 4 * e + 4));
    expect(colour(0)).toEqual([...EDGE_COLORS.module]); // module – module
    expect(colour(2)).toEqual([...EDGE_COLORS.module]); // module – added
    expect(colour(3)).toEqual([...EDGE_COLORS.disease]); // added – disease gene
  });

  it('fades neighbours and the links outside the module, not the module', () => {
    const view = buildNetworkView(graph, new Float32Array(10), roles, { fadeNeighbours: true });
    const colour = (e: number) => Array.from(view.edgeColors.subarray(4 * e, 4 * e + 4));
    expect(Array.from(view.nodeColors.subarray(16, 20))).toEqual([...FADED_NEIGHBOUR_COLOR]);
    expect(Array.from(view.nodeColors.subarray(0, 4))).toEqual([...ROLE_COLORS[2]]);
    expect(colour(0)).toEqual([...EDGE_COLORS.module]);
    expect(colour(1)).toEqual([...FADED_EDGE_COLORS.disease]); // module – neighbour
    expect(FADED_NEIGHBOUR_COLOR[3]).toBeLessThan(ROLE_COLORS[0][3]);
  });

  it('rejects a role past addedGene', () => {
    expect(() =>
      buildNetworkView(undirected(1, []), Float32Array.of(0, 0), Uint8Array.of(4)),
    ).toThrow(/roles\[0\] = 4 is not a NodeRole/);
  });
});
