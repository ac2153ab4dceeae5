/**
 * Single-source weighted shortest paths (Dijkstra) with path counts
 * ==================================================================
 * Dijkstra 1959 with a binary heap and lazy deletion: O((N + E) log E). Edge weights are the
 * lengths and must be positive. Besides distances it records the settle order (nodes in
 * non-decreasing distance) and, on request, σ(v), the number of shortest paths from the source
 * (Brandes 2001): σ(w) = Σ σ(v) over the v with d(v) + w(v, w) = d(w), compared exactly in
 * float64 as networkx does.
 * The workspace is reused across sources; only nodes touched by the previous run are reset.
 */
import type { CsrGraph } from './csr';

export interface DijkstraWorkspace {
  /** Distance of each node from the last source (Infinity if not reached). */
  readonly dist: Float64Array;
  /** Number of shortest paths (filled when requested). */
  readonly sigma: Float64Array;
  /** Settled nodes in order; the first `count` entries are valid. */
  readonly order: Uint32Array;
  readonly settled: Uint8Array;
  heapNode: Uint32Array;
  heapKey: Float64Array;
  /** Nodes touched in the last run (for the reset). */
  readonly touched: Uint32Array;
  touchedCount: number;
}

export function createDijkstraWorkspace(nodeCount: number): DijkstraWorkspace {
  return {
    dist: new Float64Array(nodeCount).fill(Infinity),
    sigma: new Float64Array(nodeCount),
    order: new Uint32Array(nodeCount),
    settled: new Uint8Array(nodeCount),
    heapNode: new Uint32Array(Math.max(16, nodeCount)),
    heapKey: new Float64Array(Math.max(16, nodeCount)),
    touched: new Uint32Array(nodeCount),
    touchedCount: 0,
  };
}

/** Throws unless every edge weight is positive and finite. */
export function assertPositiveWeights(where: string, graph: CsrGraph): void {
  const { weights } = graph;
  for (let e = 0; e < weights.length; e++) {
    if (!(weights[e] > 0 && weights[e] < Infinity)) {
      throw new RangeError(`${where}: edge ${e} has weight ${weights[e]}; lengths must be > 0`);
    }
  }
}

/**
 * Runs Dijkstra from `source` into the workspace and returns the number of settled nodes
 * (= `ws.order` length). With `countPaths`, σ is filled as well.
 */
export function dijkstraInto(
  graph: CsrGraph,
  source: number,
  ws: DijkstraWorkspace,
  countPaths = false,
): number {
  const { offsets, targets, weights } = graph;
  const { dist, sigma, order, settled, touched } = ws;
  for (let i = 0; i < ws.touchedCount; i++) {
    const v = touched[i];
    dist[v] = Infinity;
    sigma[v] = 0;
    settled[v] = 0;
  }
  ws.touchedCount = 0;
  let heapNode = ws.heapNode;
  let heapKey = ws.heapKey;
  let heapSize = 0;

  const push = (node: number, key: number): void => {
    if (heapSize === heapNode.length) {
      const grownNode = new Uint32Array(heapNode.length * 2);
      const grownKey = new Float64Array(heapKey.length * 2);
      grownNode.set(heapNode);
      grownKey.set(heapKey);
      heapNode = ws.heapNode = grownNode;
      heapKey = ws.heapKey = grownKey;
    }
    let i = heapSize++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heapKey[parent] <= key) break;
      heapNode[i] = heapNode[parent];
      heapKey[i] = heapKey[parent];
      i = parent;
    }
    heapNode[i] = node;
    heapKey[i] = key;
  };
  const popInto = (): void => {
    // Moves the last element down from the root.
    const node = heapNode[--heapSize];
    const key = heapKey[heapSize];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= heapSize) break;
      if (child + 1 < heapSize && heapKey[child + 1] < heapKey[child]) child++;
      if (heapKey[child] >= key) break;
      heapNode[i] = heapNode[child];
      heapKey[i] = heapKey[child];
      i = child;
    }
    heapNode[i] = node;
    heapKey[i] = key;
  };

  dist[source] = 0;
  sigma[source] = 1;
  touched[ws.touchedCount++] = source;
  push(source, 0);
  let count = 0;
  while (heapSize > 0) {
    const v = heapNode[0];
    const d = heapKey[0];
    popInto();
    if (settled[v] || d > dist[v]) continue;
    settled[v] = 1;
    order[count++] = v;
    const sv = sigma[v];
    for (let e = offsets[v]; e < offsets[v + 1]; e++) {
      const w = targets[e];
      if (settled[w]) continue;
      const candidate = d + weights[e];
      const current = dist[w];
      if (candidate < current) {
        if (current === Infinity) touched[ws.touchedCount++] = w;
        dist[w] = candidate;
        if (countPaths) sigma[w] = sv;
        push(w, candidate);
      } else if (countPaths && candidate === current) {
        sigma[w] += sv;
      }
    }
  }
  return count;
}
