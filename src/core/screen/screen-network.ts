/**
 * The network an analysis runs on (the whole network or its LCC), with gene lookup
 * ================================================================================
 * Module methods, centralities and the separation of two gene sets follow their published
 * definitions on the **whole network** as given (Menche 2015 Data S3, DIAMOnD.py, networkx):
 * every node of the file counts, also one whose only edges were self-loops (it stays,
 * isolated). Distance-based drug screening runs on the **largest connected component (LCC)**
 * (Guney 2016, scDrugPrio; ALGORITHMS.md §3.1): a target or module gene outside it has no
 * finite distance to the rest. `prepareScreenNetwork` keeps the graph of the chosen `scope`
 * (`'network'` or `'lcc'`, the screen's default) and a lookup from gene identifiers to its
 * nodes that also says *why* a gene is not there (absent from the network, or in a smaller
 * component when the scope is the LCC).
 *
 * Genes are matched by Entrez ID when both sides have one, otherwise by symbol
 * (case-insensitive). The input graph must be undirected (each edge stored both ways, with
 * equal weights): distances ignore the weights, the RWR walk uses them.
 */
import type { CsrGraph } from '../graph/csr';
import { largestConnectedComponent } from '../graph/connected-components';
import { isSymmetric } from '../engine/sparse-matrix';

/** A gene as the importers describe it: a display symbol and, when known, its Entrez ID. */
export interface GeneRef {
  readonly gene: string;
  readonly entrez?: string | null;
}

/** Which graph an analysis runs on: the whole network as given, or its LCC. */
export type GraphScope = 'network' | 'lcc';

/** How each scope is described in outputs. */
export const GRAPH_SCOPE_DESCRIPTIONS: Record<GraphScope, string> = {
  network:
    'the whole network as given (every node of the file, isolated ones included; self-loops and repeated edges dropped)',
  lcc: 'the largest connected component (LCC) of the network',
};

export type GeneLocation =
  | { readonly status: 'in-graph'; readonly node: number }
  | { readonly status: 'outside-lcc'; readonly originalNode: number }
  | { readonly status: 'missing' };

export interface ScreenNetwork {
  /** Which graph `graph` is. */
  readonly scope: GraphScope;
  /** The graph of the scope, re-indexed 0 … n − 1 (node k is original node `originalNode[k]`). */
  readonly graph: CsrGraph;
  /** Display name of each node of `graph`. */
  readonly names: readonly string[];
  /** Entrez ID of each node of `graph` (null when unknown). */
  readonly entrez: readonly (string | null)[];
  /** Original index of each node of `graph` (the identity for the whole network). */
  readonly originalNode: Uint32Array;
  /** Nodes of the whole network (before the cut) and of its LCC. */
  readonly networkNodeCount: number;
  readonly lccNodeCount: number;
  /** Where a gene is. */
  locate(gene: GeneRef): GeneLocation;
}

/** Gene → node index lookup (Entrez first, then upper-case symbol). */
export interface GeneMatcher {
  find(gene: GeneRef): number;
}

/** Lookup over a node table; −1 when the gene is not a node. First node wins on repeats. */
export function createGeneMatcher(
  names: readonly string[],
  entrez?: readonly (string | null)[] | null,
): GeneMatcher {
  const byEntrez = new Map<string, number>();
  const bySymbol = new Map<string, number>();
  for (let i = 0; i < names.length; i++) {
    const id = entrez ? entrez[i] : null;
    if (id && !byEntrez.has(id)) byEntrez.set(id, i);
    const key = names[i].toUpperCase();
    if (key !== '' && !bySymbol.has(key)) bySymbol.set(key, i);
  }
  return {
    find(gene) {
      if (gene.entrez) {
        const node = byEntrez.get(gene.entrez);
        if (node !== undefined) return node;
        // A node table with Entrez IDs that lacks this one: the symbol may still name it when
        // the table's own ID is missing for that node.
      }
      const node = bySymbol.get(gene.gene.toUpperCase());
      if (node === undefined) return -1;
      if (gene.entrez && entrez && entrez[node] && entrez[node] !== gene.entrez) return -1;
      return node;
    },
  };
}

/** Keeps the graph of `scope` (default: cut to the LCC) and builds the gene lookup. */
export function prepareScreenNetwork(
  graph: CsrGraph,
  names: readonly string[],
  entrez?: readonly (string | null)[] | null,
  scope: GraphScope = 'lcc',
): ScreenNetwork {
  if (names.length !== graph.nodeCount) {
    throw new RangeError(
      `prepareScreenNetwork: ${names.length} node names for ${graph.nodeCount} nodes`,
    );
  }
  if (entrez && entrez.length !== graph.nodeCount) {
    throw new RangeError(
      `prepareScreenNetwork: ${entrez.length} Entrez IDs for ${graph.nodeCount} nodes`,
    );
  }
  if (graph.nodeCount === 0) throw new RangeError('prepareScreenNetwork: the network is empty');
  if (!isSymmetric(graph)) {
    throw new RangeError(
      'prepareScreenNetwork: the interactome must be undirected (every edge stored both ways with the same weight); a signed or directed network belongs in signedNetwork',
    );
  }
  const lcc = largestConnectedComponent(graph);
  const matcher = createGeneMatcher(names, entrez);
  if (scope === 'network') {
    const identity = new Uint32Array(graph.nodeCount);
    for (let k = 0; k < identity.length; k++) identity[k] = k;
    return {
      scope,
      graph,
      names: names.slice(),
      entrez: entrez ? entrez.slice() : new Array<null>(graph.nodeCount).fill(null),
      originalNode: identity,
      networkNodeCount: graph.nodeCount,
      lccNodeCount: lcc.nodes.length,
      locate(gene) {
        const node = matcher.find(gene);
        return node < 0 ? { status: 'missing' } : { status: 'in-graph', node };
      },
    };
  }
  const lccNames = Array.from(lcc.nodes, (node) => names[node]);
  const lccEntrez = Array.from(lcc.nodes, (node) => (entrez ? entrez[node] : null));
  return {
    scope,
    graph: lcc.graph,
    names: lccNames,
    entrez: lccEntrez,
    originalNode: lcc.nodes,
    networkNodeCount: graph.nodeCount,
    lccNodeCount: lcc.nodes.length,
    locate(gene) {
      const original = matcher.find(gene);
      if (original < 0) return { status: 'missing' };
      const node = lcc.localOf[original];
      return node < 0
        ? { status: 'outside-lcc', originalNode: original }
        : { status: 'in-graph', node };
    },
  };
}

export interface MappedGeneSet {
  /** Distinct nodes of the scope's graph, in order of first appearance. */
  readonly nodes: Uint32Array;
  /** Genes not in the network at all. */
  readonly missing: string[];
  /** Genes in the network but outside its LCC (only when the scope is the LCC). */
  readonly outsideLcc: string[];
}

/** Maps genes to distinct nodes of the scope's graph and says which were dropped and why. */
export function mapGeneSet(network: ScreenNetwork, genes: readonly GeneRef[]): MappedGeneSet {
  const nodes: number[] = [];
  const seen = new Set<number>();
  const missing: string[] = [];
  const outsideLcc: string[] = [];
  for (const gene of genes) {
    const location = network.locate(gene);
    if (location.status === 'missing') missing.push(gene.gene);
    else if (location.status === 'outside-lcc') outsideLcc.push(gene.gene);
    else if (!seen.has(location.node)) {
      seen.add(location.node);
      nodes.push(location.node);
    }
  }
  return { nodes: Uint32Array.from(nodes), missing, outsideLcc };
}
