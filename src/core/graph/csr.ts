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

  const offsets = new Uint32Array(nodeCount + 1);
  for (let e = 0; e < sources.length; e++) offsets[sources[e] + 1] += 1;
  for (let node = 0; node < nodeCount; node++) offsets[node + 1] += offsets[node];

  const cursor = offsets.slice(0, nodeCount);
  const sortedTargets = new Uint32Array(sources.length);
  const sortedWeights = new Float32Array(sources.length);
  for (let e = 0; e < sources.length; e++) {
    const slot = cursor[sources[e]]++;
    sortedTargets[slot] = targets[e];
    sortedWeights[slot] = weights ? weights[e] : 1;
  }
  sortRows(offsets, sortedTargets, sortedWeights);
  return { nodeCount, offsets, targets: sortedTargets, weights: sortedWeights };
}

/**
 * Builds a simple undirected graph from an interaction list: self-loops and repeated
 * unordered pairs are dropped (and counted), every remaining pair is stored both ways.
 */
export function simpleUndirectedGraph(
  nodeCount: number,
  sources: ArrayLike<number>,
  targets: ArrayLike<number>,
  weights?: ArrayLike<number>,
): { graph: CsrGraph; report: SimpleGraphReport } {
  let selfLoopsDropped = 0;
  let duplicatesDropped = 0;
  const seen = new Set<number>();
  const from: number[] = [];
  const to: number[] = [];
  const w: number[] = [];
  for (let e = 0; e < sources.length; e++) {
    const a = sources[e];
    const b = targets[e];
    if (a === b) {
      selfLoopsDropped++;
      continue;
    }
    const lo = a < b ? a : b;
    const hi = a < b ? b : a;
    const key = lo * nodeCount + hi; // exact below 2^53, i.e. for any graph that fits in memory
    if (seen.has(key)) {
      duplicatesDropped++;
      continue;
    }
    seen.add(key);
    const weight = weights ? weights[e] : 1;
    from.push(a, b);
    to.push(b, a);
    w.push(weight, weight);
  }
  const graph = csrFromEdges(
    nodeCount,
    Uint32Array.from(from),
    Uint32Array.from(to),
    Float32Array.from(w),
  );
  return { graph, report: { selfLoopsDropped, duplicatesDropped } };
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

/** Insertion sort per row (rows are short in biological networks), carrying the weights. */
function sortRows(offsets: Uint32Array, targets: Uint32Array, weights: Float32Array): void {
  for (let i = 0; i + 1 < offsets.length; i++) {
    const start = offsets[i];
    const end = offsets[i + 1];
    for (let a = start + 1; a < end; a++) {
      const t = targets[a];
      const w = weights[a];
      let b = a - 1;
      while (b >= start && targets[b] > t) {
        targets[b + 1] = targets[b];
        weights[b + 1] = weights[b];
        b--;
      }
      targets[b + 1] = t;
      weights[b + 1] = w;
    }
  }
}
