/**
 * Closeness centrality (networkx convention, Wasserman–Faust improved)
 * ====================================================================
 * For node u with r(u) nodes reachable from it (u included) and distance sum Σ_v d(u, v):
 *
 *   C(u) = (r − 1)/Σ_v d(u, v) · (r − 1)/(N − 1)
 *
 * which is networkx `closeness_centrality(G, wf_improved=True)` (the default): on a connected
 * graph the second factor is 1 and C(u) = (N − 1)/Σ d; on a disconnected one it scales down
 * nodes of small components (Wasserman & Faust 1994). C(u) = 0 when u reaches no other node.
 * `wfImproved: false` drops the second factor. Distances are hop counts (BFS), or edge-weight
 * sums (Dijkstra) with `weighted: true` (networkx `distance='weight'`).
 * Distances run along out-edges; networkx uses incoming distances on directed graphs, so pass
 * `transposeGraph(graph)` there.
 */
import type { CsrGraph } from '../graph/csr';
import { dijkstraInto, createDijkstraWorkspace } from '../graph/dijkstra';

export interface ClosenessCentralityOptions {
  wfImproved: boolean;
  weighted: boolean;
  /** Only these nodes (all when absent); the result still has one entry per node, NaN elsewhere. */
  nodes?: ArrayLike<number>;
}

export const CLOSENESS_CENTRALITY_DEFAULTS: ClosenessCentralityOptions = {
  wfImproved: true,
  weighted: false,
};

export function closenessCentrality(
  graph: CsrGraph,
  options: Partial<ClosenessCentralityOptions> = {},
): Float64Array {
  const { wfImproved, weighted, nodes } = { ...CLOSENESS_CENTRALITY_DEFAULTS, ...options };
  const n = graph.nodeCount;
  const { offsets, targets } = graph;
  const result = new Float64Array(n);
  const sources = nodes ?? Uint32Array.from({ length: n }, (_, i) => i);
  if (nodes) result.fill(NaN);
  const dist = new Int32Array(n).fill(-1);
  const queue = new Uint32Array(n);
  const workspace = weighted ? createDijkstraWorkspace(n) : undefined;
  for (let i = 0; i < sources.length; i++) {
    const u = sources[i];
    if (!(u >= 0 && u < n)) throw new RangeError(`closenessCentrality: bad node ${u}`);
    let total = 0;
    let reached = 0;
    if (workspace) {
      reached = dijkstraInto(graph, u, workspace);
      for (let j = 0; j < reached; j++) total += workspace.dist[workspace.order[j]];
    } else {
      dist[u] = 0;
      queue[0] = u;
      reached = 1;
      for (let head = 0; head < reached; head++) {
        const v = queue[head];
        const next = dist[v] + 1;
        for (let e = offsets[v]; e < offsets[v + 1]; e++) {
          const w = targets[e];
          if (dist[w] === -1) {
            dist[w] = next;
            total += next;
            queue[reached++] = w;
          }
        }
      }
      for (let j = 0; j < reached; j++) dist[queue[j]] = -1;
    }
    let closeness = 0;
    if (total > 0 && n > 1) {
      closeness = (reached - 1) / total;
      if (wfImproved) closeness *= (reached - 1) / (n - 1);
    }
    result[u] = closeness;
  }
  return result;
}
