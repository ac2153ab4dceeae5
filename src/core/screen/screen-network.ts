/**
 * The network a drug screen runs on: the largest connected component, with gene lookup
 * ===================================================================================
 * Distance-based network medicine runs on the largest connected component (LCC) of the
 * interactome (Menche 2015, Guney 2016, scDrugPrio; ALGORITHMS.md §3.1): a target or module
 * gene outside it has no finite distance to the rest. `prepareScreenNetwork` cuts the graph to
 * its LCC and keeps a lookup from gene identifiers to LCC nodes that also says *why* a gene
 * is not there (absent from the network, or in a smaller component).
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

export type GeneLocation =
  | { readonly status: 'lcc'; readonly node: number }
  | { readonly status: 'outside-lcc'; readonly originalNode: number }
  | { readonly status: 'missing' };

export interface ScreenNetwork {
  /** The LCC, re-indexed 0 … n − 1 (node k is original node `originalNode[k]`). */
  readonly graph: CsrGraph;
  /** Display name of each LCC node. */
  readonly names: readonly string[];
  /** Entrez ID of each LCC node (null when unknown). */
  readonly entrez: readonly (string | null)[];
  /** Original index of each LCC node. */
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

/** Cuts `graph` to its LCC and builds the gene lookup. */
export function prepareScreenNetwork(
  graph: CsrGraph,
  names: readonly string[],
  entrez?: readonly (string | null)[] | null,
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
  const lccNames = Array.from(lcc.nodes, (node) => names[node]);
  const lccEntrez = Array.from(lcc.nodes, (node) => (entrez ? entrez[node] : null));
  return {
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
      return node < 0 ? { status: 'outside-lcc', originalNode: original } : { status: 'lcc', node };
    },
  };
}

export interface MappedGeneSet {
  /** Distinct LCC nodes, in order of first appearance. */
  readonly nodes: Uint32Array;
  /** Genes not in the network at all. */
  readonly missing: string[];
  /** Genes in the network but outside its LCC. */
  readonly outsideLcc: string[];
}

/** Maps genes to distinct LCC nodes and says which were dropped and why. */
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
