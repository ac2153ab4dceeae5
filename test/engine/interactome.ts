/**
 * Test-only Menche/do Valle interactome parsing for the engine tests
 * ==================================================================
 * Pure (no fs, no fetch): shared by the Node loader (interactome-node.ts) and the browser tests,
 * which fetch the gzip file themselves. Self-loops and repeated pairs are dropped
 * (simpleUndirectedGraph); nodes are numbered by ascending Entrez ID.
 */
import { inducedSubgraph, simpleUndirectedGraph, type CsrGraph } from '@/core/graph/csr';

export interface Interactome {
  graph: CsrGraph;
  /** Entrez ID of every node, ascending. */
  entrez: string[];
  index: Map<string, number>;
}

/** Parses the TSV text (header row, Entrez IDs in the first two columns). */
export function parseInteractome(text: string): Interactome {
  const lines = text.split('\n');
  const a: string[] = [];
  const b: string[] = [];
  const ids = new Set<string>();
  for (let l = 1; l < lines.length; l++) {
    const line = lines[l];
    if (line.length === 0) continue;
    const first = line.indexOf('\t');
    const second = line.indexOf('\t', first + 1);
    const x = line.slice(0, first);
    const y = line.slice(first + 1, second < 0 ? undefined : second);
    if (x === y) continue; // nodes with only self-loops disappear, as in ALGORITHMS.md §3.1
    a.push(x);
    b.push(y);
    ids.add(x);
    ids.add(y);
  }
  const entrez = [...ids].sort((p, q) => Number(p) - Number(q));
  const index = new Map(entrez.map((id, i) => [id, i]));
  const { graph } = simpleUndirectedGraph(
    entrez.length,
    a.map((id) => index.get(id)!),
    b.map((id) => index.get(id)!),
  );
  return { graph, entrez, index };
}

/** The subgraph induced by the given Entrez IDs, node k = ids[k]. */
export function subgraphByEntrez(interactome: Interactome, ids: string[]): CsrGraph {
  return inducedSubgraph(
    interactome.graph,
    ids.map((id) => {
      const node = interactome.index.get(id);
      if (node === undefined) throw new Error(`subgraphByEntrez: ${id} is not in the interactome`);
      return node;
    }),
  );
}

/** The first `size` nodes reached by BFS from `start` (ascending neighbours), as a subgraph. */
export function bfsBall(graph: CsrGraph, start: number, size: number): CsrGraph {
  const order = [start];
  const seen = new Set(order);
  for (let head = 0; head < order.length && order.length < size; head++) {
    const u = order[head];
    for (let e = graph.offsets[u]; e < graph.offsets[u + 1] && order.length < size; e++) {
      const v = graph.targets[e];
      if (!seen.has(v)) {
        seen.add(v);
        order.push(v);
      }
    }
  }
  return inducedSubgraph(graph, order);
}
