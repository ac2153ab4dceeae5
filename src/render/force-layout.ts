/**
 * Force-directed layout
 * =====================
 * Positions for a small graph (≤ a few thousand nodes) with d3-force: links pull their ends to
 * `linkDistance`, every pair of nodes repels (Barnes–Hut many-body, strength `charge`), and a
 * weak pull to the origin (`gravity`) keeps disconnected pieces and isolated nodes on screen.
 * The simulation is run for a fixed number of ticks without a timer, so it works in a worker
 * and gives the same layout every time (d3 starts nodes on a phyllotaxis spiral and seeds its
 * own random source). Reference: Bostock, d3-force 3 (github.com/d3/d3-force); Fruchterman &
 * Reingold, Softw Pract Exp 21:1129 (1991).
 */
import {
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type SimulationNodeDatum,
} from 'd3-force';
import type { CsrGraph } from '@/core/graph/csr';

export interface ForceLayoutOptions {
  /** Simulation steps; d3's default cooling reaches its floor after about 300. */
  iterations: number;
  /** Rest length of a link, in layout units. */
  linkDistance: number;
  /** Many-body strength; negative repels. */
  charge: number;
  /** Strength of the pull of every node towards the origin, in [0, 1]. */
  gravity: number;
}

export const FORCE_LAYOUT_DEFAULTS: Readonly<ForceLayoutOptions> = {
  iterations: 300,
  linkDistance: 30,
  charge: -45,
  gravity: 0.08,
};

/**
 * Lays out an undirected CSR graph. Returns x, y per node (length 2·nodeCount), centred near
 * the origin. Each undirected edge is used once (i < j); self-loops are ignored.
 */
export function forceLayout(
  graph: CsrGraph,
  options: Partial<ForceLayoutOptions> = {},
): Float32Array {
  const { iterations, linkDistance, charge, gravity } = { ...FORCE_LAYOUT_DEFAULTS, ...options };
  if (!(Number.isInteger(iterations) && iterations >= 0)) {
    throw new RangeError(`forceLayout: iterations must be an integer ≥ 0, got ${iterations}`);
  }
  const nodes: SimulationNodeDatum[] = Array.from({ length: graph.nodeCount }, () => ({}));
  const links: { source: number; target: number }[] = [];
  for (let i = 0; i < graph.nodeCount; i++) {
    for (let e = graph.offsets[i]; e < graph.offsets[i + 1]; e++) {
      const j = graph.targets[e];
      if (i < j) links.push({ source: i, target: j });
    }
  }
  const simulation = forceSimulation(nodes)
    .force('link', forceLink(links).distance(linkDistance))
    .force('charge', forceManyBody().strength(charge))
    .force('x', forceX(0).strength(gravity))
    .force('y', forceY(0).strength(gravity))
    .stop();
  simulation.tick(iterations);

  const positions = new Float32Array(graph.nodeCount * 2);
  nodes.forEach((node, i) => {
    positions[2 * i] = node.x ?? 0;
    positions[2 * i + 1] = node.y ?? 0;
  });
  return positions;
}
