/**
 * Network view: GPU-ready arrays for one laid-out graph
 * =====================================================
 * Turns a small undirected CSR graph, its 2-D positions and a role per node into flat typed
 * arrays that deck.gl reads as binary attributes (no per-node objects). Node k of the view is
 * node k of the graph; each undirected edge appears once, as the pair (i, j) with i < j.
 * Colours and radii come from the role (palette.ts); an edge takes the module colour when both
 * ends are module genes (or genes a module method added), the disease colour when one end is a
 * disease gene, else the neighbour colour. With `fadeNeighbours` (a module result is shown)
 * neighbours and the edges outside the module are drawn fainter, so the module stands out.
 * Built in the worker and transferred, so the main thread only draws.
 */
import type { CsrGraph } from '@/core/graph/csr';
import {
  EDGE_COLORS,
  FADED_EDGE_COLORS,
  FADED_NEIGHBOUR_COLOR,
  NODE_ROLE,
  ROLE_COLORS,
  ROLE_RADII,
} from './palette';

export interface NetworkView {
  nodeCount: number;
  edgeCount: number;
  /** x, y, 0 per node (deck.gl positions have three components). Length 3·nodeCount. */
  nodePositions: Float32Array;
  /**
   * r, g, b, a per node, 0–255. Length 4·nodeCount. Clamped, because that is the array type
   * deck.gl allocates for normalised 8-bit colours: any other type makes it warn on every update.
   */
  nodeColors: Uint8ClampedArray;
  /** Radius per node, in pixels. */
  nodeRadii: Float32Array;
  /** NodeRole per node (palette.ts). */
  nodeRoles: Uint8Array;
  /** Local node indices i, j per edge, i < j. Length 2·edgeCount. */
  edgeEndpoints: Uint32Array;
  /** x, y, 0 of each edge's first end. Length 3·edgeCount. */
  edgeSourcePositions: Float32Array;
  /** x, y, 0 of each edge's second end. Length 3·edgeCount. */
  edgeTargetPositions: Float32Array;
  /** r, g, b, a per edge, 0–255. Length 4·edgeCount. */
  edgeColors: Uint8ClampedArray;
  /** minX, minY, maxX, maxY of the node positions (all 0 for an empty view). */
  bounds: Float32Array;
}

export interface NetworkViewOptions {
  /** Draw neighbours and non-module edges fainter (while a module result is shown). */
  fadeNeighbours: boolean;
}

/**
 * @param graph undirected graph of the view (both directions stored)
 * @param positions x, y per node, length 2·nodeCount (forceLayout's output)
 * @param roles NodeRole per node
 */
export function buildNetworkView(
  graph: CsrGraph,
  positions: Float32Array,
  roles: Uint8Array,
  { fadeNeighbours }: Partial<NetworkViewOptions> = {},
): NetworkView {
  const edgeColors = fadeNeighbours ? FADED_EDGE_COLORS : EDGE_COLORS;
  const nodeCount = graph.nodeCount;
  if (positions.length !== 2 * nodeCount || roles.length !== nodeCount) {
    throw new RangeError(
      `buildNetworkView: expected ${2 * nodeCount} positions and ${nodeCount} roles, got ${positions.length} and ${roles.length}`,
    );
  }
  const nodePositions = new Float32Array(3 * nodeCount);
  const nodeColors = new Uint8ClampedArray(4 * nodeCount);
  const nodeRadii = new Float32Array(nodeCount);
  const bounds = new Float32Array(4);
  if (nodeCount > 0) bounds.set([Infinity, Infinity, -Infinity, -Infinity]);
  for (let i = 0; i < nodeCount; i++) {
    const role = roles[i];
    if (role > NODE_ROLE.addedGene) {
      throw new RangeError(`buildNetworkView: roles[${i}] = ${role} is not a NodeRole`);
    }
    const x = positions[2 * i];
    const y = positions[2 * i + 1];
    nodePositions[3 * i] = x;
    nodePositions[3 * i + 1] = y;
    nodeColors.set(
      fadeNeighbours && role === NODE_ROLE.neighbour ? FADED_NEIGHBOUR_COLOR : ROLE_COLORS[role],
      4 * i,
    );
    nodeRadii[i] = ROLE_RADII[role];
    bounds[0] = Math.min(bounds[0], x);
    bounds[1] = Math.min(bounds[1], y);
    bounds[2] = Math.max(bounds[2], x);
    bounds[3] = Math.max(bounds[3], y);
  }

  const pairs: number[] = [];
  for (let i = 0; i < nodeCount; i++) {
    for (let e = graph.offsets[i]; e < graph.offsets[i + 1]; e++) {
      const j = graph.targets[e];
      // Rows are sorted, so a repeated edge sits next to its twin.
      if (i < j && !(e > graph.offsets[i] && graph.targets[e - 1] === j)) pairs.push(i, j);
    }
  }
  const edgeCount = pairs.length / 2;
  const edgeEndpoints = Uint32Array.from(pairs);
  const edgeSourcePositions = new Float32Array(3 * edgeCount);
  const edgeTargetPositions = new Float32Array(3 * edgeCount);
  const edgeColorArray = new Uint8ClampedArray(4 * edgeCount);
  for (let e = 0; e < edgeCount; e++) {
    const i = edgeEndpoints[2 * e];
    const j = edgeEndpoints[2 * e + 1];
    edgeSourcePositions[3 * e] = positions[2 * i];
    edgeSourcePositions[3 * e + 1] = positions[2 * i + 1];
    edgeTargetPositions[3 * e] = positions[2 * j];
    edgeTargetPositions[3 * e + 1] = positions[2 * j + 1];
    edgeColorArray.set(edgeColors[edgeKind(roles[i], roles[j])], 4 * e);
  }

  return {
    nodeCount,
    edgeCount,
    nodePositions,
    nodeColors,
    nodeRadii,
    nodeRoles: Uint8Array.from(roles),
    edgeEndpoints,
    edgeSourcePositions,
    edgeTargetPositions,
    edgeColors: edgeColorArray,
    bounds,
  };
}

const inModule = (role: number): boolean =>
  role === NODE_ROLE.moduleGene || role === NODE_ROLE.addedGene;

function edgeKind(a: number, b: number): keyof typeof EDGE_COLORS {
  if (inModule(a) && inModule(b)) return 'module';
  if (a !== NODE_ROLE.neighbour || b !== NODE_ROLE.neighbour) return 'disease';
  return 'neighbour';
}

/** Every typed-array buffer of a view, for Comlink.transfer. */
export function networkViewBuffers(view: NetworkView): ArrayBuffer[] {
  return [
    view.nodePositions,
    view.nodeColors,
    view.nodeRadii,
    view.nodeRoles,
    view.edgeEndpoints,
    view.edgeSourcePositions,
    view.edgeTargetPositions,
    view.edgeColors,
    view.bounds,
  ].map((array) => array.buffer as ArrayBuffer);
}

/** Neighbours of local node k inside the view, ascending (for the details panel). */
export function viewNeighbours(view: NetworkView, k: number): number[] {
  const result: number[] = [];
  for (let e = 0; e < view.edgeCount; e++) {
    if (view.edgeEndpoints[2 * e] === k) result.push(view.edgeEndpoints[2 * e + 1]);
    else if (view.edgeEndpoints[2 * e + 1] === k) result.push(view.edgeEndpoints[2 * e]);
  }
  return result.sort((a, b) => a - b);
}
