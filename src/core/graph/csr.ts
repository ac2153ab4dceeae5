/**
 * Compressed sparse row graph
 * ===========================
 * The only graph representation Twinscreen computes on. A node *is* its index 0…nodeCount-1;
 * names (gene symbols, cell types) live in a separate `nodeIds` table owned by io/ and app/.
 * Edges are directed; an undirected interaction is stored once in each direction, so for an
 * undirected graph `edgeCount = 2 × interactions` and `degree(i) = offsets[i+1] − offsets[i]`.
 * Within a row, targets are sorted ascending (the builders guarantee it), which makes
 * neighbour-set intersections and binary searches possible.
 */

export interface CsrGraph {
  readonly nodeCount: number;
  /** Out-edges of node i are offsets[i] … offsets[i + 1] − 1. Length: nodeCount + 1. */
  readonly offsets: Uint32Array;
  /** Target node of each edge, ascending within a row. Length: edgeCount. */
  readonly targets: Uint32Array;
  /** Weight of each edge (1 for unweighted graphs; may be negative in signed graphs). */
  readonly weights: Float32Array;
}

/** What the simple-graph builder removed, for the import report. */
export interface SimpleGraphReport {
  /** Input edges with source = target. */
  selfLoopsDropped: number;
  /** Input edges whose unordered pair had already been seen (first weight kept). */
  duplicatesDropped: number;
}

/**
 * Builds a CSR graph from parallel directed edge arrays by counting sort on the source:
 * O(nodes + edges). Rows come out sorted by target. Duplicate edges are kept.
 */
export function csrFromEdges(
  nodeCount: number,
  sources: Uint32Array,
  targets: Uint32Array,
  weights?: Float32Array,
): CsrGraph {
  if (sources.length !== targets.length || (weights && weights.length !== sources.length)) {
    throw new RangeError(
      `csrFromEdges: sources (${sources.length}), targets (${targets.length}) and weights (${weights?.length}) differ in length`,
    );
  }
  assertNodeIndices('sources', sources, nodeCount);
  assertNodeIndices('targets', targets, nodeCount);
  // Two stable counting sorts (LSD radix): first by target, then by source. Rows come out
  // sorted by target, and equal (source, target) pairs keep their input order: O(nodes + edges).
  const byTarget = countingOrder(targets, nodeCount, null);
  const order = countingOrder(sources, nodeCount, byTarget);
  const offsets = new Uint32Array(nodeCount + 1);
  for (let e = 0; e < sources.length; e++) offsets[sources[e] + 1] += 1;
  for (let node = 0; node < nodeCount; node++) offsets[node + 1] += offsets[node];
  const sortedTargets = new Uint32Array(sources.length);
  const sortedWeights = new Float32Array(sources.length);
  for (let slot = 0; slot < order.length; slot++) {
    const e = order[slot];
    sortedTargets[slot] = targets[e];
    sortedWeights[slot] = weights ? weights[e] : 1;
  }
  return { nodeCount, offsets, targets: sortedTargets, weights: sortedWeights };
}

/**
 * Builds a simple undirected graph from an interaction list: self-loops and repeated
 * unordered pairs are dropped (and counted; the first weight of a pair is kept), every
 * remaining pair is stored both ways.
 */
export function simpleUndirectedGraph(
  nodeCount: number,
  sources: ArrayLike<number>,
  targets: ArrayLike<number>,
  weights?: ArrayLike<number>,
): { graph: CsrGraph; report: SimpleGraphReport } {
  let selfLoopsDropped = 0;
  let kept = 0;
  for (let e = 0; e < sources.length; e++) if (sources[e] === targets[e]) selfLoopsDropped++;
  const both = 2 * (sources.length - selfLoopsDropped);
  const from = new Uint32Array(both);
  const to = new Uint32Array(both);
  const w = new Float32Array(both);
  for (let e = 0; e < sources.length; e++) {
    const a = sources[e];
    const b = targets[e];
    if (a === b) continue;
    const weight = weights ? weights[e] : 1;
    from[kept] = a;
    to[kept] = b;
    w[kept++] = weight;
    from[kept] = b;
    to[kept] = a;
    w[kept++] = weight;
  }
  // Stable sort puts repeats of (a, b) next to each other in row a, in input order: keep the first.
  const full = csrFromEdges(nodeCount, from, to, w);
  const offsets = new Uint32Array(nodeCount + 1);
  let write = 0;
  for (let i = 0; i < nodeCount; i++) {
    const start = full.offsets[i];
    const end = full.offsets[i + 1];
    for (let e = start; e < end; e++) {
      if (e > start && full.targets[e] === full.targets[e - 1]) continue;
      full.targets[write] = full.targets[e];
      full.weights[write++] = full.weights[e];
    }
    offsets[i + 1] = write;
  }
  const graph: CsrGraph = {
    nodeCount,
    offsets,
    targets: full.targets.slice(0, write),
    weights: full.weights.slice(0, write),
  };
  // Every dropped repeat of an unordered pair removed one entry from each of its two rows.
  return { graph, report: { selfLoopsDropped, duplicatesDropped: (both - write) / 2 } };
}

/** Number of out-edges (the degree, for an undirected graph) of every node. */
export function degrees(graph: CsrGraph): Uint32Array {
  const result = new Uint32Array(graph.nodeCount);
  for (let i = 0; i < graph.nodeCount; i++) result[i] = graph.offsets[i + 1] - graph.offsets[i];
  return result;
}

/** Sum of out-edge weights of every node (float64). */
export function outStrength(graph: CsrGraph): Float64Array {
  const result = new Float64Array(graph.nodeCount);
  for (let i = 0; i < graph.nodeCount; i++) {
    let sum = 0;
    for (let e = graph.offsets[i]; e < graph.offsets[i + 1]; e++) sum += graph.weights[e];
    result[i] = sum;
  }
  return result;
}

/** Source node of every edge (offsets expanded), for COO-style kernels. */
export function edgeSources(graph: CsrGraph): Uint32Array {
  const result = new Uint32Array(graph.targets.length);
  for (let i = 0; i < graph.nodeCount; i++) {
    result.fill(i, graph.offsets[i], graph.offsets[i + 1]);
  }
  return result;
}

/** Number of stored (directed) edges. */
export function edgeCount(graph: CsrGraph): number {
  return graph.targets.length;
}

/**
 * The subgraph induced by `nodes` (any order, no duplicates). Node k of the result is
 * nodes[k]; edges to nodes outside the set are dropped.
 */
export function inducedSubgraph(graph: CsrGraph, nodes: ArrayLike<number>): CsrGraph {
  const local = new Int32Array(graph.nodeCount).fill(-1);
  for (let k = 0; k < nodes.length; k++) {
    if (local[nodes[k]] !== -1)
      throw new RangeError(`inducedSubgraph: node ${nodes[k]} listed twice`);
    local[nodes[k]] = k;
  }
  const from: number[] = [];
  const to: number[] = [];
  const w: number[] = [];
  for (let k = 0; k < nodes.length; k++) {
    const i = nodes[k];
    for (let e = graph.offsets[i]; e < graph.offsets[i + 1]; e++) {
      const j = local[graph.targets[e]];
      if (j === -1) continue;
      from.push(k);
      to.push(j);
      w.push(graph.weights[e]);
    }
  }
  return csrFromEdges(
    nodes.length,
    Uint32Array.from(from),
    Uint32Array.from(to),
    Float32Array.from(w),
  );
}

// Typed arrays silently ignore out-of-range writes, so a bad index would corrupt the graph
// quietly. Check once here; every loop downstream can then trust the bounds.
function assertNodeIndices(name: string, indices: Uint32Array, nodeCount: number): void {
  for (let e = 0; e < indices.length; e++) {
    if (indices[e] >= nodeCount) {
      throw new RangeError(
        `csrFromEdges: ${name}[${e}] = ${indices[e]} is not below nodeCount ${nodeCount}`,
      );
    }
  }
}

/**
 * Stable counting sort of edge indices by `keys`, applied to `within` (an order from an earlier
 * pass) or to 0…m-1. Returns the permuted edge indices.
 */
function countingOrder(
  keys: Uint32Array,
  nodeCount: number,
  within: Uint32Array | null,
): Uint32Array {
  const counts = new Uint32Array(nodeCount + 1);
  for (let e = 0; e < keys.length; e++) counts[keys[e] + 1] += 1;
  for (let node = 0; node < nodeCount; node++) counts[node + 1] += counts[node];
  const order = new Uint32Array(keys.length);
  for (let k = 0; k < keys.length; k++) {
    const e = within ? within[k] : k;
    order[counts[keys[e]]++] = e;
  }
  return order;
}
