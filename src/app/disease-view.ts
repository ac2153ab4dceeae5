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
 *
 * A module result (module-analysis.ts) redraws the view with `options.module`: the genes a
 * method added are laid out with the disease genes (step 3 then takes the neighbours of both,
 * under the same node cap), drawn in their own colour, and the module given replaces the LCC of
 * step 2 as the emphasised set; neighbours are drawn fainter.
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
import { buildNetworkView, networkViewBuffers } from '@/render/network-view';
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

/** A gene set's genes as network nodes (genes with at least one interaction). */
export interface DiseaseSeeds {
  /** Distinct gene names given (trimmed, first spelling kept). */
  distinctGenes: string[];
  /** Network nodes of the genes found, in input order, each node once. */
  nodes: Uint32Array;
  /** The names that gave `nodes`, parallel to it. */
  kept: string[];
  /** Names not found in the network, or found only without interactions. */
  missing: string[];
}

export function diseaseSeeds(
  network: LoadedNetwork,
  geneSet: { genes: readonly string[]; entrez?: readonly (string | null)[] },
  geneIndex: GeneIndex | null,
): DiseaseSeeds {
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
  // Two names of one gene count once (resolved.duplicates).
  return {
    distinctGenes,
    nodes: resolved.nodes,
    kept: resolved.kept,
    missing: resolved.outsideNetwork,
  };
}

/** What a module result asks the view to emphasise (network node indices). */
export interface ModuleEmphasis {
  /** Genes a method added: drawn even when outside the disease neighbourhood. */
  added: ArrayLike<number>;
  /** The module: its disease genes are drawn as module genes, its links in the module colour. */
  members: ArrayLike<number>;
}

export interface DiseaseViewOptions {
  neighbourhood: Partial<NeighbourhoodOptions>;
  layout: Partial<ForceLayoutOptions>;
  module?: ModuleEmphasis;
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
  const { distinctGenes, nodes: seeds, missing } = diseaseSeeds(network, geneSet, geneIndex);

  // 2. Components of the subgraph the disease genes induce.
  const seedGraph = inducedSubgraph(network.graph, seeds);
  const lcc = largestConnectedComponent(seedGraph);
  const isModule = new Set<number>();
  if (options.module) for (const node of Array.from(options.module.members)) isModule.add(node);
  else if (lcc.nodes.length >= 2) for (const k of lcc.nodes) isModule.add(seeds[k]);
  const isSeed = new Set<number>(seeds);
  const added = Array.from(options.module?.added ?? []).filter((node) => !isSeed.has(node));
  const isAdded = new Set<number>(added);

  // 3. Neighbourhood (of the disease genes and any added genes), 4. layout and view.
  const anchors = added.length > 0 ? [...seeds, ...added] : seeds;
  const neighbourhood = diseaseNeighbourhood(network.graph, anchors, neighbourhoodOptions);
  const nodes = neighbourhood.nodes;
  const viewGraph = inducedSubgraph(network.graph, nodes);
  const roles = Uint8Array.from(nodes, (node, k) =>
    k >= neighbourhood.seedCount
      ? NODE_ROLE.neighbour
      : isAdded.has(node)
        ? NODE_ROLE.addedGene
        : isModule.has(node)
          ? NODE_ROLE.moduleGene
          : NODE_ROLE.diseaseGene,
  );
  const positions = forceLayout(viewGraph, options.layout);
  const view = buildNetworkView(viewGraph, positions, roles, {
    fadeNeighbours: options.module !== undefined,
  });

  return {
    view,
    nodes,
    labels: Array.from(nodes, (node) => network.labels[node]),
    entrezIds: Array.from(nodes, (node) => network.entrezIds[node] ?? ''),
    degrees: Uint32Array.from(nodes, (node) => network.degrees[node]),
    seedLinks:
      added.length > 0 ? seedLinkCounts(network.graph, nodes, isSeed) : neighbourhood.seedLinks,
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
      genesMissing: missing,
      addedCount: added.length,
    },
  };
}

/** Distinct disease genes linked to each node (itself excluded). */
function seedLinkCounts(
  graph: CsrGraph,
  nodes: Uint32Array,
  isSeed: ReadonlySet<number>,
): Uint32Array {
  return Uint32Array.from(nodes, (node) => {
    let count = 0;
    for (let e = graph.offsets[node]; e < graph.offsets[node + 1]; e++) {
      const other = graph.targets[e];
      // Rows are sorted: a repeated edge sits next to its twin and is skipped.
      if (other === node || (e > graph.offsets[node] && graph.targets[e - 1] === other)) continue;
      if (isSeed.has(other)) count++;
    }
    return count;
  });
}

/** Every typed-array buffer of a disease view, for Comlink.transfer. */
export function diseaseViewBuffers(result: DiseaseViewResult): ArrayBuffer[] {
  return [
    ...networkViewBuffers(result.view),
    ...[result.nodes, result.degrees, result.seedLinks].map((array) => array.buffer as ArrayBuffer),
  ];
}
