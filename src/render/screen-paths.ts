/**
 * A drug's paths to the disease module, laid over the network view
 * ================================================================
 * The drug details show, for each target, shortest paths to its nearest module genes
 * (src/app/screen-analysis.ts; network node indices, target first, module gene last). This
 * turns them into GPU-ready arrays drawn over the current view, so the view always contains
 * every path node:
 *
 * - a path node already in the view keeps its position;
 * - a node not in the view is placed one `step` beyond the path's next node towards the module
 *   (its anchor), pointing away from the view's centre: direction d = (anchor − centre)/‖·‖,
 *   rotated by 0, +θ, −θ, +2θ, … (θ = 0.45 rad) for the 1st, 2nd, 3rd … node hung on the same
 *   anchor, so siblings fan out instead of overlapping; the walk goes from the module end to
 *   the target, so a long path grows outwards one step at a time;
 * - a path none of whose nodes is in the view (e.g. the module screened is not the disease
 *   drawn) starts two steps below the view's lower edge (y grows downwards), such paths side by
 *   side one step apart from the view's left edge.
 * `step` defaults to 12 % of the view's larger side. Edges are the consecutive pairs of every
 * path, each undirected pair once. `bounds` covers the view and the path nodes; `pathBounds`
 * the path nodes only (what the canvas frames while a drug is open).
 */
import type { NetworkView } from './network-view';

/** What a path node is; a target that is itself a module gene counts as a target. */
export const PATH_NODE = { target: 0, intermediate: 1, module: 2 } as const;
export type PathNodeKind = (typeof PATH_NODE)[keyof typeof PATH_NODE];

export interface PathOverlay {
  nodeCount: number;
  /** Path nodes that were not in the view (placed by this function). */
  addedCount: number;
  edgeCount: number;
  /** Network node per path node. */
  networkNodes: Uint32Array;
  /** Local index in the view, −1 for an added node. */
  viewIndex: Int32Array;
  /** PathNodeKind per path node. */
  kinds: Uint8Array;
  labels: string[];
  /** x, y, 0 per path node. */
  positions: Float32Array;
  /** x, y, 0 of each edge's ends. */
  edgeSourcePositions: Float32Array;
  edgeTargetPositions: Float32Array;
  /** minX, minY, maxX, maxY of the view and the path nodes. */
  bounds: Float32Array;
  /** minX, minY, maxX, maxY of the path nodes (all 0 without paths). */
  pathBounds: Float32Array;
}

export interface PathOverlayOptions {
  /** Distance between a placed node and its anchor, in layout units; null: 12 % of the view. */
  step: number | null;
}

export const PATH_OVERLAY_DEFAULTS: Readonly<PathOverlayOptions> = { step: null };

const FAN_ANGLE = 0.45;

/**
 * @param base the drawn view and the network node of each of its nodes
 * @param paths network nodes per path, target first
 * @param labelOf display name of a network node
 */
export function buildPathOverlay(
  base: { view: NetworkView; nodes: ArrayLike<number> },
  paths: readonly (readonly number[])[],
  labelOf: (node: number) => string,
  options: Partial<PathOverlayOptions> = {},
): PathOverlay {
  const { view } = base;
  const localOf = new Map<number, number>();
  for (let k = 0; k < view.nodeCount; k++) localOf.set(base.nodes[k], k);
  const [minX, minY, maxX, maxY] = view.nodeCount > 0 ? Array.from(view.bounds) : [0, 0, 0, 0];
  const span = Math.max(maxX - minX, maxY - minY);
  const step = options.step ?? (span > 0 ? 0.12 * span : 30);
  if (!(step > 0)) throw new RangeError(`buildPathOverlay: step must be > 0, got ${step}`);
  const centre = [(minX + maxX) / 2, (minY + maxY) / 2];

  const order: number[] = []; // path nodes in first-seen order
  const position = new Map<number, [number, number]>();
  const kind = new Map<number, PathNodeKind>();
  const hung = new Map<number, number>(); // anchor → nodes placed on it
  let orphans = 0;

  const remember = (node: number, at: [number, number]) => {
    if (!position.has(node)) order.push(node);
    position.set(node, at);
  };
  const placeBeside = (anchor: number): [number, number] => {
    const [ax, ay] = position.get(anchor) as [number, number];
    let dx = ax - centre[0];
    let dy = ay - centre[1];
    const length = Math.hypot(dx, dy);
    if (length < 1e-9) [dx, dy] = [1, 0];
    else [dx, dy] = [dx / length, dy / length];
    const n = hung.get(anchor) ?? 0;
    hung.set(anchor, n + 1);
    const angle = n === 0 ? 0 : (n % 2 === 1 ? 1 : -1) * Math.ceil(n / 2) * FAN_ANGLE;
    const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
    return [ax + step * (dx * cos - dy * sin), ay + step * (dx * sin + dy * cos)];
  };

  for (const path of paths) {
    for (let k = path.length - 1; k >= 0; k--) {
      const node = path[k];
      if (!position.has(node)) {
        const local = localOf.get(node);
        if (local !== undefined) {
          remember(node, [view.nodePositions[3 * local], view.nodePositions[3 * local + 1]]);
        } else if (k < path.length - 1) {
          remember(node, placeBeside(path[k + 1]));
        } else {
          remember(node, [minX + orphans * step, maxY + 2 * step]);
          orphans++;
        }
      }
      const current = kind.get(node);
      const next: PathNodeKind =
        k === 0
          ? PATH_NODE.target
          : k === path.length - 1
            ? PATH_NODE.module
            : PATH_NODE.intermediate;
      if (current === undefined || next < current) kind.set(node, next);
    }
  }

  const nodeCount = order.length;
  const indexOf = new Map(order.map((node, k) => [node, k]));
  const positions = new Float32Array(3 * nodeCount);
  const bounds = Float32Array.of(minX, minY, maxX, maxY);
  if (view.nodeCount === 0 && nodeCount > 0) bounds.set([Infinity, Infinity, -Infinity, -Infinity]);
  const pathBounds = new Float32Array(4);
  if (nodeCount > 0) pathBounds.set([Infinity, Infinity, -Infinity, -Infinity]);
  order.forEach((node, k) => {
    const [x, y] = position.get(node) as [number, number];
    positions[3 * k] = x;
    positions[3 * k + 1] = y;
    for (const box of [bounds, pathBounds]) {
      box[0] = Math.min(box[0], x);
      box[1] = Math.min(box[1], y);
      box[2] = Math.max(box[2], x);
      box[3] = Math.max(box[3], y);
    }
  });

  const edges: [number, number][] = [];
  const seen = new Set<string>();
  for (const path of paths) {
    for (let k = 0; k + 1 < path.length; k++) {
      const a = indexOf.get(path[k]) as number;
      const b = indexOf.get(path[k + 1]) as number;
      const key = a < b ? `${a},${b}` : `${b},${a}`;
      if (a === b || seen.has(key)) continue;
      seen.add(key);
      edges.push([a, b]);
    }
  }
  const edgeSourcePositions = new Float32Array(3 * edges.length);
  const edgeTargetPositions = new Float32Array(3 * edges.length);
  edges.forEach(([a, b], e) => {
    edgeSourcePositions.set(positions.subarray(3 * a, 3 * a + 3), 3 * e);
    edgeTargetPositions.set(positions.subarray(3 * b, 3 * b + 3), 3 * e);
  });

  const viewIndex = Int32Array.from(order, (node) => localOf.get(node) ?? -1);
  return {
    nodeCount,
    addedCount: viewIndex.filter((k) => k < 0).length,
    edgeCount: edges.length,
    networkNodes: Uint32Array.from(order),
    viewIndex,
    kinds: Uint8Array.from(order, (node) => kind.get(node) as number),
    labels: order.map(labelOf),
    positions,
    edgeSourcePositions,
    edgeTargetPositions,
    bounds,
    pathBounds,
  };
}
