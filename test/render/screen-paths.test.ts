import { describe, expect, it } from 'vitest';
import { csrFromEdges } from '@/core/graph/csr';
import { buildNetworkView } from '@/render/network-view';
import {
  pathCanvasOverlay,
  pathLayers,
  PATH_COLORS,
  PATH_NODE_ROLES,
} from '@/render/screen-path-layers';
import { buildPathOverlay, PATH_NODE } from '@/render/screen-paths';

// A drawn view of three genes in a row: network nodes 5, 6, 7 at x = 0, 10, 20 (y = 0).
const BASE = {
  view: buildNetworkView(
    csrFromEdges(
      3,
      Uint32Array.of(0, 1, 1, 2),
      Uint32Array.of(1, 0, 2, 1),
      Float32Array.of(1, 1, 1, 1),
    ),
    Float32Array.of(0, 0, 10, 0, 20, 0),
    Uint8Array.of(2, 2, 0),
  ),
  nodes: Uint32Array.of(5, 6, 7),
};
const label = (node: number) => `N${node}`;
const xy = (positions: Float32Array, k: number) => [positions[3 * k], positions[3 * k + 1]];

describe('buildPathOverlay', () => {
  // Paths, target first: 9 → 8 → 7 (7 drawn), 10 → 7, 6 alone (a target in the module),
  // 12 → 11 (nothing drawn).
  const overlay = buildPathOverlay(BASE, [[9, 8, 7], [10, 7], [6], [12, 11]], label, { step: 5 });

  it('keeps drawn nodes where they are and lists nodes from the module end', () => {
    expect(Array.from(overlay.networkNodes)).toEqual([7, 8, 9, 10, 6, 11, 12]);
    expect(Array.from(overlay.viewIndex)).toEqual([2, -1, -1, -1, 1, -1, -1]);
    expect(overlay.addedCount).toBe(5);
    expect(overlay.labels).toEqual(['N7', 'N8', 'N9', 'N10', 'N6', 'N11', 'N12']);
    expect(xy(overlay.positions, 0)).toEqual([20, 0]);
    expect(xy(overlay.positions, 4)).toEqual([10, 0]);
  });

  it('steps new nodes away from the centre, fanning siblings out', () => {
    // Centre (10, 0). N8 hangs on N7 (20, 0): direction (1, 0) → (25, 0); N9 on N8 → (30, 0).
    expect(xy(overlay.positions, 1)).toEqual([25, 0]);
    expect(xy(overlay.positions, 2)).toEqual([30, 0]);
    // N10 is the second node hung on N7: the direction turned by +0.45 rad.
    const [x, y] = xy(overlay.positions, 3);
    expect(x).toBeCloseTo(20 + 5 * Math.cos(0.45), 5);
    expect(y).toBeCloseTo(5 * Math.sin(0.45), 5);
  });

  it('starts a path with no drawn node two steps below the view', () => {
    // N11 at (minX, maxY + 2·step) = (0, 10); N12 one step on, away from the centre (10, 0).
    expect(xy(overlay.positions, 5)).toEqual([0, 10]);
    const [x, y] = xy(overlay.positions, 6);
    expect(x).toBeCloseTo(-5 / Math.SQRT2, 5);
    expect(y).toBeCloseTo(10 + 5 / Math.SQRT2, 5);
  });

  it('marks targets, nodes on the way and module genes; a target wins', () => {
    const { target, intermediate, module } = PATH_NODE;
    expect(Array.from(overlay.kinds)).toEqual([
      module,
      intermediate,
      target,
      target,
      target,
      module,
      target,
    ]);
  });

  it('draws each edge of a path once, between the right positions', () => {
    expect(overlay.edgeCount).toBe(4);
    const pairs = Array.from({ length: overlay.edgeCount }, (_, e) => [
      ...xy(overlay.edgeSourcePositions, e),
      ...xy(overlay.edgeTargetPositions, e),
    ]);
    expect(pairs[0]).toEqual([30, 0, 25, 0]); // N9 – N8
    expect(pairs[1]).toEqual([25, 0, 20, 0]); // N8 – N7
    const twice = buildPathOverlay(
      BASE,
      [
        [9, 8, 7],
        [9, 8, 7],
        [8, 9],
      ],
      label,
      { step: 5 },
    );
    expect(twice.edgeCount).toBe(2);
  });

  it('bounds the view and every path node, and the path nodes alone', () => {
    const [minX, minY, maxX, maxY] = Array.from(overlay.bounds);
    expect(minX).toBeCloseTo(-5 / Math.SQRT2, 5);
    expect(minY).toBe(0);
    expect(maxX).toBe(30);
    expect(maxY).toBeCloseTo(10 + 5 / Math.SQRT2, 5);
    const path = buildPathOverlay(BASE, [[9, 8, 7]], label, { step: 5 });
    expect(Array.from(path.pathBounds)).toEqual([20, 0, 30, 0]);
    expect(Array.from(path.bounds)).toEqual([0, 0, 30, 0]);
  });

  it('uses 12 % of the view as the default step', () => {
    // The view is 20 wide: step 2.4, so N8 sits at (22.4, 0).
    const plain = buildPathOverlay(BASE, [[8, 7]], label);
    expect(plain.positions[3 * 1]).toBeCloseTo(22.4, 5);
  });
});

describe('path layers', () => {
  it('draws edges, nodes coloured by kind (pickable) and labels, above the network', () => {
    const overlay = buildPathOverlay(BASE, [[9, 8, 7]], label, { step: 5 });
    const layers = pathLayers(overlay);
    expect(layers.map((layer) => layer.id)).toEqual([
      'drug-path-edges',
      'drug-path-nodes',
      'drug-path-labels',
    ]);
    const nodes = layers[1].props.data as unknown as {
      length: number;
      attributes: { getFillColor: { value: Uint8ClampedArray } };
    };
    expect(nodes.length).toBe(3);
    expect(Array.from(nodes.attributes.getFillColor.value.slice(8, 12))).toEqual([
      ...PATH_COLORS.fill[PATH_NODE.target],
    ]);
    expect(layers[1].props.pickable).toBe(true);
    expect(layers[0].props.pickable).toBe(false);
    expect(layers[2].props.pickable).toBe(false);
    // The same overlay gives the same data objects (no re-upload on a selection change).
    expect(pathLayers(overlay)[1].props.data).toBe(layers[1].props.data);
  });

  it('gives NetworkCanvas nothing for an empty overlay', () => {
    expect(pathCanvasOverlay(null)).toBeNull();
    expect(pathCanvasOverlay(buildPathOverlay(BASE, [], label))).toBeNull();
    const overlay = pathCanvasOverlay(buildPathOverlay(BASE, [[8, 7]], label, { step: 5 }));
    expect(overlay?.nodeCount).toBe(2);
    expect(overlay?.addedCount).toBe(1);
    // Path nodes (20, 0) and (25, 0), drawing 25 wide: margin max(0.25·5, 0.1·25) = 2.5.
    expect(Array.from(overlay?.bounds ?? [])).toEqual([17.5, -2.5, 27.5, 2.5]);
  });

  it('names a picked path node and the view node it stands for', () => {
    // Path 8 → 7: N7 is the view's node 2 (a module gene), N8 was added (the target).
    const overlay = pathCanvasOverlay(buildPathOverlay(BASE, [[8, 7]], label, { step: 5 }));
    if (!overlay) throw new Error('no overlay');
    expect(overlay.pickLayerId).toBe(overlay.layers[1].id);
    expect(overlay.pickNode(0)).toEqual({
      viewIndex: 2,
      label: 'N7',
      role: PATH_NODE_ROLES[PATH_NODE.module],
    });
    expect(overlay.pickNode(1)).toEqual({
      viewIndex: -1,
      label: 'N8',
      role: PATH_NODE_ROLES[PATH_NODE.target],
    });
  });
});
