/**
 * Network layers: NetworkView → deck.gl layers
 * =============================================
 * A pure factory: the same view and style always give layers with the same props, and it
 * needs no GPU, so it is tested in Node by reading `layer.props`. Positions, colours and radii
 * are binary attributes read straight from the view's typed arrays (deck.gl's fast path);
 * layers are hidden with `visible` rather than removed, so their GPU buffers survive.
 * Layer order (bottom to top): edges, nodes, selection ring, labels of disease genes (at most
 * MAX_LABELS), the selected gene's label.
 */
import type { Layer } from '@deck.gl/core';
import { LineLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { NetworkView } from './network-view';
import { NODE_ROLE, SELECTION_COLOR, type Rgba } from './palette';

export interface NetworkLayerStyle {
  /** Local index of the selected node, or −1. */
  selectedNode: number;
  /** Local index of the node under the pointer, or −1. */
  hoveredNode: number;
  showEdges: boolean;
  /** Draw the symbols of disease genes next to them. */
  showLabels: boolean;
}

export const NETWORK_LAYER_STYLE_DEFAULTS: Readonly<NetworkLayerStyle> = {
  selectedNode: -1,
  hoveredNode: -1,
  showEdges: true,
  showLabels: true,
};

/** System fonts only: the app never loads a font from anywhere. */
const LABEL_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", sans-serif';

/** What a layer of node names needs; a number or a function of the node for each look. */
export interface NodeLabelOptions {
  id: string;
  visible?: boolean;
  /** The nodes to name (indices into whatever `position` and `text` read). */
  nodes: number[];
  position: (k: number) => [number, number];
  text: (k: number) => string;
  /** Font size in pixels. */
  size: number | ((k: number) => number);
  color: Rgba | ((k: number) => Rgba);
  /** Distance in pixels from the node's centre to the start of its name. */
  offset: (k: number) => number;
  fontWeight: number;
  background: Rgba;
  backgroundPadding: [number, number];
  updateTriggers?: Record<string, unknown>;
}

/**
 * Names beside their nodes (left-aligned, vertically centred), in the system font on a
 * translucent box so they stay readable over edges. Never pickable.
 */
export function nodeLabelLayer(options: NodeLabelOptions): TextLayer<number> {
  return new TextLayer<number>({
    id: options.id,
    visible: options.visible ?? true,
    data: options.nodes,
    getPosition: options.position,
    getText: options.text,
    getSize: options.size,
    sizeUnits: 'pixels',
    getColor: options.color,
    getTextAnchor: 'start',
    getAlignmentBaseline: 'center',
    getPixelOffset: (k) => [options.offset(k), 0],
    fontFamily: LABEL_FONT,
    fontWeight: options.fontWeight,
    background: true,
    getBackgroundColor: options.background,
    backgroundPadding: options.backgroundPadding,
    ...(options.updateTriggers ? { updateTriggers: options.updateTriggers } : {}),
  });
}

type LabelStyle = Pick<
  NodeLabelOptions,
  'size' | 'color' | 'fontWeight' | 'background' | 'backgroundPadding'
> & { /** Pixels between the node's rim and its name. */ gap: number };

/** Disease genes' names, and the selected gene's (a little larger, always on top). */
const LABEL_STYLES: Record<'disease' | 'selected', LabelStyle> = {
  disease: {
    size: 11,
    color: [35, 40, 48, 255],
    gap: 4,
    fontWeight: 600,
    background: [255, 255, 255, 190],
    backgroundPadding: [2, 1],
  },
  selected: {
    size: 12,
    color: [20, 26, 36, 255],
    gap: 6,
    fontWeight: 700,
    background: [255, 255, 255, 235],
    backgroundPadding: [3, 2],
  },
};

/** Most disease genes labelled at once; past this the labels would hide the drawing. */
export const MAX_LABELS = 60;

// The labelled nodes of a view never change, so their index list is built once per view and
// reused: deck.gl then sees the same `data` object and does not rebuild the text layout.
const labelledNodesByView = new WeakMap<NetworkView, number[]>();

/** Label priority per NodeRole: module genes, then added genes, then other disease genes. */
const LABEL_PRIORITY = [0, 1, 3, 2];

/**
 * Disease genes (and genes a module method added) to label: all of them when there are at most
 * MAX_LABELS, else module genes first, then added genes, then other disease genes, each by
 * their number of links inside the view (ties: index).
 */
export function labelledNodes(view: NetworkView): number[] {
  let nodes = labelledNodesByView.get(view);
  if (!nodes) {
    const degree = new Uint32Array(view.nodeCount);
    for (let e = 0; e < 2 * view.edgeCount; e++) degree[view.edgeEndpoints[e]]++;
    const candidates: number[] = [];
    for (let k = 0; k < view.nodeCount; k++) {
      if (view.nodeRoles[k] !== NODE_ROLE.neighbour) candidates.push(k);
    }
    if (candidates.length > MAX_LABELS) {
      candidates.sort(
        (a, b) =>
          LABEL_PRIORITY[view.nodeRoles[b]] - LABEL_PRIORITY[view.nodeRoles[a]] ||
          degree[b] - degree[a] ||
          a - b,
      );
      candidates.length = MAX_LABELS;
      candidates.sort((a, b) => a - b);
    }
    nodes = candidates;
    labelledNodesByView.set(view, nodes);
  }
  return nodes;
}

/**
 * @param view the laid-out network (binary arrays)
 * @param labels gene symbol per local node (used for the disease-gene labels)
 * @param style selection, hover and visibility
 */
export function networkLayers(
  view: NetworkView,
  labels: readonly string[],
  style: Partial<NetworkLayerStyle> = {},
): Layer[] {
  const { selectedNode, hoveredNode, showEdges, showLabels } = {
    ...NETWORK_LAYER_STYLE_DEFAULTS,
    ...style,
  };
  const position = (k: number): [number, number] => [
    view.nodePositions[3 * k],
    view.nodePositions[3 * k + 1],
  ];
  const radius = (k: number): number => view.nodeRadii[k];
  const nameLayer = (id: string, nodes: number[], style: LabelStyle, visible = true) =>
    nodeLabelLayer({
      id,
      visible,
      nodes,
      position,
      text: (k) => labels[k] ?? '',
      offset: (k) => radius(k) + style.gap,
      ...style,
      updateTriggers: { getText: labels },
    });
  const highlighted = [selectedNode, hoveredNode].filter(
    (k, index, all) => k >= 0 && k < view.nodeCount && all.indexOf(k) === index,
  );

  return [
    new LineLayer({
      id: 'edges',
      visible: showEdges,
      data: {
        length: view.edgeCount,
        attributes: {
          getSourcePosition: { value: view.edgeSourcePositions, size: 3 },
          getTargetPosition: { value: view.edgeTargetPositions, size: 3 },
          getColor: { value: view.edgeColors, size: 4 },
        },
      },
      getWidth: 1,
      widthUnits: 'pixels',
    }),
    new ScatterplotLayer({
      id: 'nodes',
      data: {
        length: view.nodeCount,
        attributes: {
          getPosition: { value: view.nodePositions, size: 3 },
          getFillColor: { value: view.nodeColors, size: 4 },
          getRadius: { value: view.nodeRadii, size: 1 },
        },
      },
      radiusUnits: 'pixels',
      stroked: true,
      getLineColor: [255, 255, 255, 255],
      getLineWidth: 1,
      lineWidthUnits: 'pixels',
      pickable: true,
      autoHighlight: false,
    }),
    new ScatterplotLayer<number>({
      id: 'selection',
      data: highlighted,
      visible: highlighted.length > 0,
      getPosition: position,
      getRadius: (k) => radius(k) + 3,
      radiusUnits: 'pixels',
      filled: false,
      stroked: true,
      getLineColor: (k) =>
        k === selectedNode
          ? SELECTION_COLOR
          : [SELECTION_COLOR[0], SELECTION_COLOR[1], SELECTION_COLOR[2], 120],
      getLineWidth: 2,
      lineWidthUnits: 'pixels',
      updateTriggers: { getLineColor: selectedNode },
    }),
    nameLayer('labels', labelledNodes(view), LABEL_STYLES.disease, showLabels),
    // The selected gene is always named, labelled or not.
    nameLayer(
      'selected-label',
      selectedNode >= 0 && selectedNode < view.nodeCount ? [selectedNode] : [],
      LABEL_STYLES.selected,
    ),
  ];
}
