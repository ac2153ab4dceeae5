/**
 * Disease view: a gene set laid out on an interactome
 * ===================================================
 * The pipeline behind the first screen, run in the analysis worker:
 *
 *   1. map the set's genes to network nodes (through the gene index to Entrez IDs, else by
 *      symbol); genes without an interaction in the network count as missing;
 *   2. the subgraph the disease genes induce, its connected components and its largest
 *      connected component (LCC): the observable disease module of Menche et al. 2015;
 *   3. the disease genes' neighbourhood (core/network/neighbourhood.ts): first neighbours
 *      linked to ≥ minLinks disease genes, capped at maxNodes;
 *   4. the subgraph induced by disease genes + neighbours, laid out with d3-force, turned
 *      into binary arrays for deck.gl.
 * An LCC of a single gene is no module, so module genes are marked only when the LCC has ≥ 2.
 * Reference: Menche J. et al., Science 347:1257601 (2015).
 */
import {
  degrees,
  edgeSources,
  inducedSubgraph,
  simpleUndirectedGraph,
  type CsrGraph,
} from '@/core/graph/csr';
import { largestConnectedComponent } from '@/core/graph/connected-components';
import { resolveNodeSet } from '@/core/graph/resolve-node-set';
import {
  diseaseNeighbourhood,
  NEIGHBOURHOOD_DEFAULTS,
  type NeighbourhoodOptions,
} from '@/core/network/neighbourhood';
import { resolveGene, type GeneIndex } from '@/io';
import { forceLayout, type ForceLayoutOptions } from '@/render/force-layout';
import { buildNetworkView } from '@/render/network-view';
import { NODE_ROLE } from '@/render/palette';
import type { DiseaseViewResult, Origin } from './analysis-types';

/** A network held by the worker, with the lookups the views need. */
export interface LoadedNetwork {
  id: string;
  name: string;
  fileName: string;
  origin: Origin;
  /** The interactions, undirected (a directed network is read with its directions dropped). */
  graph: CsrGraph;
  /** Whether the file was a directed (e.g. signed) network. */
  directed: boolean;
  /** Display symbol per node. */
  labels: readonly string[];
  /** Entrez ID per node, null when unknown. */
  entrezIds: readonly (string | null)[];
  /** Degree per node (undirected: interactions). */
  degrees: Uint32Array;
  /** Entrez ID → node. */
  byEntrez: ReadonlyMap<string, number>;
  /** Upper-case symbol → node (first node wins). */
  bySymbol: ReadonlyMap<string, number>;
}

/** Builds the lookups of a network once, when it is loaded. */
export function loadedNetwork(
  meta: { id: string; name: string; fileName: string; origin: Origin },
  network: {
    nodeIds: readonly string[];
    entrezIds: readonly (string | null)[];
    graph: CsrGraph;
    directed: boolean;
  },
): LoadedNetwork {
  // Views and neighbourhoods read interactions both ways: symmetrise a directed network once.
  const graph = network.directed
    ? simpleUndirectedGraph(
        network.graph.nodeCount,
        edgeSources(network.graph),
        network.graph.targets,
      ).graph
    : network.graph;
  const byEntrez = new Map<string, number>();
  const bySymbol = new Map<string, number>();
  network.nodeIds.forEach((symbol, node) => {
    const entrez = network.entrezIds[node];
    if (entrez && !byEntrez.has(entrez)) byEntrez.set(entrez, node);
    const key = symbol.toUpperCase();
    if (!bySymbol.has(key)) bySymbol.set(key, node);
  });
  return {
    ...meta,
    graph,
    directed: network.directed,
    labels: network.nodeIds,
    entrezIds: network.entrezIds,
    degrees: degrees(graph),
    byEntrez,
    bySymbol,
  };
}

/**
 * The node a gene names: by its Entrez ID when the set gives one, else through the gene index
 * to an Entrez ID, else by the identifier itself (as Entrez ID, then as symbol).
 */
export function geneNode(
  network: LoadedNetwork,
  gene: string,
  entrez: string | null,
  geneIndex: GeneIndex | null,
): number | undefined {
  const direct = entrez ? network.byEntrez.get(entrez) : undefined;
  if (direct !== undefined) return direct;
  const resolved = geneIndex ? resolveGene(geneIndex, gene) : null;
  const byEntrez = resolved ? network.byEntrez.get(resolved.entrez) : undefined;
  if (byEntrez !== undefined) return byEntrez;
  return (
    network.byEntrez.get(gene.trim()) ??
    network.bySymbol.get(gene.trim().toUpperCase()) ??
    (resolved ? network.bySymbol.get(resolved.symbol.toUpperCase()) : undefined)
  );
}

export interface DiseaseViewOptions {
  neighbourhood: Partial<NeighbourhoodOptions>;
  layout: Partial<ForceLayoutOptions>;
}

export function computeDiseaseView(
  network: LoadedNetwork,
  geneSet: {
    id: string;
    name: string;
    genes: readonly string[];
    entrez?: readonly (string | null)[];
  },
  geneIndex: GeneIndex | null,
  options: Partial<DiseaseViewOptions> = {},
): DiseaseViewResult {
  const neighbourhoodOptions = { ...NEIGHBOURHOOD_DEFAULTS, ...options.neighbourhood };

  // 1. Genes → nodes with at least one interaction.
  const entrezOf = new Map<string, string | null>();
  geneSet.genes.forEach((gene, k) => {
    const name = gene.trim();
    if (name && !entrezOf.has(name)) entrezOf.set(name, geneSet.entrez?.[k] ?? null);
  });
  const distinctGenes = [...entrezOf.keys()];
  const nodeOf = new Map<string, number>();
  for (const [gene, entrez] of entrezOf) {
    const node = geneNode(network, gene, entrez, geneIndex);
    if (node !== undefined && network.degrees[node] > 0) nodeOf.set(gene, node);
  }
  const resolved = resolveNodeSet(distinctGenes, nodeOf);
  const seeds = resolved.nodes; // two names of one gene count once (resolved.duplicates)

  // 2. Components of the subgraph the disease genes induce.
  const seedGraph = inducedSubgraph(network.graph, seeds);
  const lcc = largestConnectedComponent(seedGraph);
  const isModule = new Set<number>();
  if (lcc.nodes.length >= 2) for (const k of lcc.nodes) isModule.add(seeds[k]);

  // 3. Neighbourhood, 4. layout and view.
  const neighbourhood = diseaseNeighbourhood(network.graph, seeds, neighbourhoodOptions);
  const nodes = neighbourhood.nodes;
  const viewGraph = inducedSubgraph(network.graph, nodes);
  const roles = Uint8Array.from(nodes, (node, k) =>
    k >= neighbourhood.seedCount
      ? NODE_ROLE.neighbour
      : isModule.has(node)
        ? NODE_ROLE.moduleGene
        : NODE_ROLE.diseaseGene,
  );
  const positions = forceLayout(viewGraph, options.layout);
  const view = buildNetworkView(viewGraph, positions, roles);

  return {
    view,
    labels: Array.from(nodes, (node) => network.labels[node]),
    entrezIds: Array.from(nodes, (node) => network.entrezIds[node] ?? ''),
    degrees: Uint32Array.from(nodes, (node) => network.degrees[node]),
    seedLinks: neighbourhood.seedLinks,
    stats: {
      geneSetId: geneSet.id,
      geneSetName: geneSet.name,
      networkName: network.name,
      genesGiven: distinctGenes.length,
      genesInNetwork: seeds.length,
      lccSize: lcc.nodes.length,
      componentCount: lcc.components.count,
      neighboursShown: nodes.length - neighbourhood.seedCount,
      neighboursEligible: neighbourhood.eligibleCount,
      neighboursTotal: neighbourhood.candidateCount,
      minLinks: neighbourhoodOptions.minLinks,
      genesMissing: resolved.outsideNetwork,
    },
  };
}
