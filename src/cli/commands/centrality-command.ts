/**
 * `twinscreen centrality`: gene centralities in a module or in the whole interactome
 * ==================================================================================
 * The graph is chosen first:
 * - with `--genes`: the module subgraph of the set's genes inside the network (or, with
 *   `--graph lcc`, its LCC), either the subgraph *induced* by all of them (default; genes
 *   without links to the others stay in, with degree 0) or only the *lcc* of that subgraph (the
 *   observable disease module, Menche 2015);
 * - without: the whole network as given (default: every node, isolated ones included, so
 *   N − 1 is networkx's), or its LCC with `--graph lcc`.
 * On it, per gene (ALGORITHMS.md §3.8, networkx conventions; core/centrality/*):
 *   degree k and degree centrality k/(N − 1); betweenness (Brandes, normalised by
 *   (N − 1)(N − 2)); closeness (Wasserman–Faust: (r − 1)/Σd · (r − 1)/(N − 1)); eigenvector
 *   (power iteration, scaled to max = 1; on a disconnected module only the component with the
 *   largest eigenvalue gets non-zero values); PageRank (α = 0.85).
 * `--weighted`: betweenness and closeness read weights as lengths (Dijkstra), eigenvector and
 * PageRank as strengths. Sorted by betweenness (then degree, then name).
 * On a whole network, betweenness runs on `--threads` worker threads (engine/betweenness.ts:
 * the sources split into fixed ranges, the same values for any thread count, equal to the
 * single-thread core to ~1e−15 relative); a module subgraph is small and stays on this thread.
 */
import { betweennessCentrality } from '@/core/centrality/betweenness-centrality';
import { closenessCentrality } from '@/core/centrality/closeness-centrality';
import { degreeCentrality } from '@/core/centrality/degree-centrality';
import { eigenvectorCentrality } from '@/core/centrality/eigenvector-centrality';
import { pageRank, PAGERANK_DEFAULTS } from '@/core/centrality/pagerank';
import { degrees, inducedSubgraph, type CsrGraph } from '@/core/graph/csr';
import { largestComponentOfSet } from '@/core/module/lcc-significance';
import { GRAPH_SCOPE_DESCRIPTIONS } from '@/core/screen/screen-network';
import { betweennessOnPool } from '@/engine/betweenness';
import { UsageError } from '../cli-error';
import {
  DISEASE_FLAG,
  GENE_TABLE_FLAG,
  GRAPH_FLAG,
  graphScopeOf,
  GENES_FLAG,
  NETWORK_FLAG,
  OUT_FLAG,
  THREADS_FLAG,
  threadsOf,
} from '../common-flags';
import { compareNames, requiredString, type Command } from '../command';
import {
  inputFileOf,
  loadGeneIndex,
  loadGeneSets,
  loadNetwork,
  mapSeeds,
  noSeedsInGraph,
  networkOfScope,
  optionalInputFileOf,
  selectGeneSets,
  type SeedReport,
} from '../load-inputs';
import type { CommandResult } from '../write-output';

export interface GeneCentrality {
  gene: string;
  degree: number;
  degreeCentrality: number;
  betweenness: number;
  closeness: number;
  eigenvector: number;
  pagerank: number;
}

export const centralityCommand: Command = {
  spec: {
    name: 'centrality',
    summary:
      'per-gene degree, betweenness, closeness, eigenvector and PageRank in a module or the whole network',
    description: [
      "With --genes, the graph is the module subgraph of the set's genes inside the network " +
        '(--graph lcc: inside its largest connected component): by default the subgraph induced ' +
        'by all of them (--module induced), or only its largest connected component (--module ' +
        'lcc). Without --genes, the whole network as given (every node, isolated ones included, ' +
        "so N − 1 is networkx's; --graph lcc: its LCC), where betweenness runs on --threads " +
        'worker threads (about 15 s on one thread for the Menche interactome).',
      'Genes are sorted by betweenness, then degree, then name.',
    ],
    flags: [
      NETWORK_FLAG,
      { ...GENES_FLAG, required: false, help: `${GENES_FLAG.help}; omit for the whole network` },
      DISEASE_FLAG,
      {
        name: 'module',
        kind: 'choice',
        choices: ['induced', 'lcc'],
        default: 'induced',
        help: "with --genes: the subgraph induced by the set's genes, or its largest connected component",
      },
      {
        name: 'weighted',
        kind: 'boolean',
        help: "use the network's edge weights (lengths for betweenness and closeness, strengths for eigenvector and PageRank)",
      },
      {
        name: 'top',
        kind: 'integer',
        placeholder: 'N',
        min: 1,
        help: 'list only the N genes with the highest betweenness (default: all)',
      },
      GRAPH_FLAG,
      THREADS_FLAG,
      GENE_TABLE_FLAG,
      OUT_FLAG,
    ],
    examples: [
      'twinscreen centrality --network public/data/interactome_menche2015.tsv.gz --genes public/data/disease_genes_menche2015.tsv.gz --disease "arthritis, rheumatoid" --top 10',
      'twinscreen centrality --network public/data/interactome_menche2015.tsv.gz --threads 2 --top 20',
    ],
  },

  async run(flags, io): Promise<CommandResult> {
    const networkFile = inputFileOf(flags, 'network', io.cwd);
    const genesFile = optionalInputFileOf(flags, 'genes', io.cwd);
    if (genesFile === null && flags.given('disease')) {
      throw new UsageError('--disease needs --genes');
    }
    const subgraphChoice = requiredString(flags, 'module') as 'induced' | 'lcc';
    const weighted = flags.boolean('weighted');
    const top = flags.number('top');
    const threads = threadsOf(flags.number('threads'));
    const geneIndex = await loadGeneIndex(flags.string('gene-table'), io.cwd);
    const geneSets = genesFile === null ? null : await loadGeneSets(genesFile, geneIndex);
    const set =
      geneSets === null ? null : selectGeneSets(geneSets, flags.string('disease'), false)[0];
    const network = await loadNetwork(networkFile, geneIndex);
    const notes: string[] = [];
    if (weighted && !network.summary.weighted) {
      notes.push('--weighted: the network has no weight column, so every edge weighs 1');
    }

    const scope = graphScopeOf(flags);
    const base = networkOfScope(network, scope);
    let graph: CsrGraph = base.graph;
    let names: readonly string[] = base.names;
    let module: { seeds: SeedReport; subgraph: string; nodes: number; edges: number } | null = null;
    if (set !== null && geneSets !== null) {
      const seeds = mapSeeds(set, network, geneIndex, scope);
      if (seeds.nodes.length === 0) throw noSeedsInGraph(seeds.report, geneSets.file);
      const nodes =
        subgraphChoice === 'lcc'
          ? largestComponentOfSet(base.graph, seeds.nodes)
          : Uint32Array.from(seeds.nodes).sort();
      graph = inducedSubgraph(base.graph, nodes);
      names = Array.from(nodes, (node) => base.names[node]);
      module = {
        seeds: seeds.report,
        subgraph: subgraphChoice,
        nodes: graph.nodeCount,
        edges: graph.targets.length / 2,
      };
    }

    const degree = degrees(graph);
    const degreeNormalized = degreeCentrality(graph);
    let betweenness: Float64Array;
    let betweennessThreads = { threads: 1, reason: 'module subgraph: single thread' };
    if (module === null) {
      const pooled = await betweennessOnPool(graph, { weighted }, { threads });
      betweenness = pooled.values;
      betweennessThreads = { threads: pooled.threads, reason: pooled.threadsReason };
    } else {
      betweenness = betweennessCentrality(graph, { weighted });
    }
    const closeness = closenessCentrality(graph, { weighted });
    const eigenvector = eigenvectorCentrality(graph, { weighted, scaling: 'max' });
    const pagerank = pageRank(graph, { weighted });
    if (!eigenvector.converged) notes.push('eigenvector centrality did not converge');
    if (!pagerank.converged) notes.push('PageRank did not converge');

    const order = Array.from({ length: graph.nodeCount }, (_, v) => v).sort(
      (a, b) =>
        betweenness[b] - betweenness[a] ||
        degree[b] - degree[a] ||
        compareNames(names[a], names[b]),
    );
    const genes: GeneCentrality[] = order.slice(0, top ?? order.length).map((v) => ({
      gene: names[v],
      degree: degree[v],
      degreeCentrality: degreeNormalized[v],
      betweenness: betweenness[v],
      closeness: closeness[v],
      eigenvector: eigenvector.scores[v],
      pagerank: pagerank.scores[v],
    }));
    return {
      json: {
        network: network.summary,
        module,
        // `graph` is what the centralities ran on: the module subgraph, or the whole graph of
        // `--graph` (`scope`), whose N − 1 normalises them (networkx's convention).
        graph: {
          scope,
          description: GRAPH_SCOPE_DESCRIPTIONS[scope],
          module: module === null ? null : module.subgraph,
          nodes: graph.nodeCount,
          edges: graph.targets.length / 2,
          weighted,
        },
        betweenness: betweennessThreads,
        eigenvector: {
          scaling: 'max',
          iterations: eigenvector.iterations,
          converged: eigenvector.converged,
        },
        pagerank: {
          alpha: PAGERANK_DEFAULTS.alpha,
          iterations: pagerank.iterations,
          converged: pagerank.converged,
        },
        genes,
        notes,
      },
      table: {
        columns: [
          'gene',
          'degree',
          'degreeCentrality',
          'betweenness',
          'closeness',
          'eigenvector',
          'pagerank',
        ],
        rows: genes.map((g) => [
          g.gene,
          g.degree,
          g.degreeCentrality,
          g.betweenness,
          g.closeness,
          g.eigenvector,
          g.pagerank,
        ]),
      },
    };
  },
};
