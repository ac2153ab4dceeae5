/**
 * Transposed CSR graph
 * ====================
 * Reverses every edge (u → v becomes v → u), keeping weights: the in-edges of the original as
 * rows. For an undirected graph stored both ways the result equals the input.
 */
import { csrFromEdges, edgeSources, type CsrGraph } from './csr';

export function transposeGraph(graph: CsrGraph): CsrGraph {
  return csrFromEdges(graph.nodeCount, graph.targets, edgeSources(graph), graph.weights);
}
