/**
 * Drug paths → deck.gl layers drawn over the network
 * ===================================================
 * A pure factory like network-layers.ts: a PathOverlay (screen-paths.ts) becomes three layers
 * drawn above the network's: the path edges (thick, Okabe–Ito blue), the path nodes (targets
 * in reddish purple, nodes on the way white with a blue ring, the module genes reached keep
 * their vermilion with a blue ring) and every path node's name. Binary attributes, built once
 * per overlay and reused, so a selection change does not re-upload them. The path nodes are
 * pickable: hovering one names it and its part in the paths, and a path node that is also a
 * node of the view stands for that node (its tooltip, a click selects it).
 * `CanvasOverlay` is what NetworkCanvas takes: extra layers, what their picked nodes are, and
 * the box to fit, here the path nodes with a margin of max(25 % of their span, 10 % of the
 * whole drawing's) on every side, so the paths fill the canvas with their surroundings; "Fit
 * view" frames them again.
 */
import type { Layer } from '@deck.gl/core';
import { LineLayer, ScatterplotLayer } from '@deck.gl/layers';
import { nodeLabelLayer } from './network-layers';
import type { Rgba } from './palette';
import { PATH_NODE, type PathOverlay } from './screen-paths';

/** Colours of the path overlay (colour-blind-safe Okabe–Ito hues). */
export const PATH_COLORS = {
  edge: [0, 114, 178, 235] as Rgba,
  ring: [0, 114, 178, 255] as Rgba,
  /** Fill per PathNodeKind: target, intermediate, module gene. */
  fill: [
    [204, 121, 167, 255],
    [255, 255, 255, 255],
    [213, 94, 0, 255],
  ] as readonly Rgba[],
};

/** Radius in pixels per PathNodeKind. */
export const PATH_RADII: readonly number[] = [8, 5, 7];

/** A path node's part, in words, per PathNodeKind. */
export const PATH_NODE_ROLES: readonly string[] = [
  'Target of the drug',
  'On a shortest path to the module',
  'Module gene nearest to a target',
];

/** A node of an overlay under the pointer. */
export interface OverlayNode {
  /** The view's node at the same place, or −1 for a node the overlay added. */
  viewIndex: number;
  label: string;
  /** Its part in the overlay, in words. */
  role: string;
}

/** Extra layers for the network canvas, and the box that must stay in view. */
export interface CanvasOverlay {
  id: string;
  layers: Layer[];
  /** The layer whose picked objects `pickNode` describes. */
  pickLayerId: string;
  pickNode: (index: number) => OverlayNode;
  /** minX, minY, maxX, maxY in layout units. */
  bounds: ArrayLike<number>;
  nodeCount: number;
  addedCount: number;
}

interface OverlayData {
  nodes: {
    length: number;
    attributes: Record<string, { value: Float32Array | Uint8ClampedArray; size: number }>;
  };
  edges: {
    length: number;
    attributes: Record<string, { value: Float32Array | Uint8ClampedArray; size: number }>;
  };
  indices: number[];
}

const dataByOverlay = new WeakMap<PathOverlay, OverlayData>();

function overlayData(overlay: PathOverlay): OverlayData {
  let data = dataByOverlay.get(overlay);
  if (!data) {
    const colors = new Uint8ClampedArray(4 * overlay.nodeCount);
    const radii = new Float32Array(overlay.nodeCount);
    for (let k = 0; k < overlay.nodeCount; k++) {
      colors.set(PATH_COLORS.fill[overlay.kinds[k]], 4 * k);
      radii[k] = PATH_RADII[overlay.kinds[k]];
    }
    data = {
      nodes: {
        length: overlay.nodeCount,
        attributes: {
          getPosition: { value: overlay.positions, size: 3 },
          getFillColor: { value: colors, size: 4 },
          getRadius: { value: radii, size: 1 },
        },
      },
      edges: {
        length: overlay.edgeCount,
        attributes: {
          getSourcePosition: { value: overlay.edgeSourcePositions, size: 3 },
          getTargetPosition: { value: overlay.edgeTargetPositions, size: 3 },
        },
      },
      indices: Array.from({ length: overlay.nodeCount }, (_, k) => k),
    };
    dataByOverlay.set(overlay, data);
  }
  return data;
}

export function pathLayers(overlay: PathOverlay): Layer[] {
  const data = overlayData(overlay);
  const position = (k: number): [number, number] => [
    overlay.positions[3 * k],
    overlay.positions[3 * k + 1],
  ];
  return [
    new LineLayer({
      id: 'drug-path-edges',
      data: data.edges,
      getColor: PATH_COLORS.edge,
      getWidth: 3.5,
      widthUnits: 'pixels',
    }),
    new ScatterplotLayer({
      id: 'drug-path-nodes',
      data: data.nodes,
      radiusUnits: 'pixels',
      stroked: true,
      getLineColor: PATH_COLORS.ring,
      getLineWidth: 2,
      lineWidthUnits: 'pixels',
      pickable: true,
    }),
    nodeLabelLayer({
      id: 'drug-path-labels',
      nodes: data.indices,
      position,
      text: (k) => overlay.labels[k] ?? '',
      size: (k) => (overlay.kinds[k] === PATH_NODE.target ? 12.5 : 11),
      color: (k) =>
        overlay.kinds[k] === PATH_NODE.target ? [120, 40, 95, 255] : [10, 60, 100, 255],
      offset: (k) => PATH_RADII[overlay.kinds[k]] + 5,
      fontWeight: 700,
      background: [255, 255, 255, 225],
      backgroundPadding: [3, 1],
    }),
  ];
}

/** The overlay as NetworkCanvas takes it (null draws nothing extra). */
export function pathCanvasOverlay(overlay: PathOverlay | null): CanvasOverlay | null {
  if (!overlay || overlay.nodeCount === 0) return null;
  const [minX, minY, maxX, maxY] = overlay.pathBounds;
  const [allMinX, allMinY, allMaxX, allMaxY] = overlay.bounds;
  const margin = Math.max(
    0.25 * Math.max(maxX - minX, maxY - minY),
    0.1 * Math.max(allMaxX - allMinX, allMaxY - allMinY),
  );
  return {
    id: 'drug-paths',
    layers: pathLayers(overlay),
    pickLayerId: 'drug-path-nodes',
    pickNode: (k) => ({
      viewIndex: overlay.viewIndex[k],
      label: overlay.labels[k],
      role: PATH_NODE_ROLES[overlay.kinds[k]],
    }),
    bounds: Float32Array.of(minX - margin, minY - margin, maxX + margin, maxY + margin),
    nodeCount: overlay.nodeCount,
    addedCount: overlay.addedCount,
  };
}
