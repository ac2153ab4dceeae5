/**
 * Degree centrality
 * =================
 * c(v) = k(v)/(N − 1), as networkx `degree_centrality` (N = node count; 1 when N = 1). With
 * `normalized: false` the plain degree. `'in'` counts incoming edges of a directed CSR graph;
 * `'out'` (the default, and the degree of an undirected graph) counts row lengths; `'all'` sums
 * both. `weighted: true` sums edge weights (strength) instead of counting edges.
 */
import type { CsrGraph } from '../graph/csr';

export interface DegreeCentralityOptions {
  normalized: boolean;
  direction: 'out' | 'in' | 'all';
  weighted: boolean;
}

export const DEGREE_CENTRALITY_DEFAULTS: DegreeCentralityOptions = {
  normalized: true,
  direction: 'out',
  weighted: false,
};

export function degreeCentrality(
  graph: CsrGraph,
  options: Partial<DegreeCentralityOptions> = {},
): Float64Array {
  const { normalized, direction, weighted } = { ...DEGREE_CENTRALITY_DEFAULTS, ...options };
  const n = graph.nodeCount;
  const { offsets, targets, weights } = graph;
  const result = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    for (let e = offsets[v]; e < offsets[v + 1]; e++) {
      const amount = weighted ? weights[e] : 1;
      if (direction !== 'in') result[v] += amount;
      if (direction !== 'out') result[targets[e]] += amount;
    }
  }
  if (normalized) {
    const scale = n > 1 ? 1 / (n - 1) : 1;
    for (let v = 0; v < n; v++) result[v] *= scale;
  }
  return result;
}
