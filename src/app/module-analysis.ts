/**
 * Module analysis: the module panel's pipeline, run in the analysis worker
 * ========================================================================
 * For one gene set on one network:
 *
 *   1. The analysis graph is the whole network as given (`options.graph = 'network'`, the
 *      default: every node, isolated ones included, as Menche 2015, DIAMOnD.py and networkx
 *      count them; Menche interactome 13,460 nodes) or its largest connected component ('lcc',
 *      ALGORITHMS.md §3.1: 13,329 nodes), with degree bins of B = 100 for the
 *      degree-preserving nulls (§3.2). Both are built once per network and scope, and cached.
 *   2. The set's genes are mapped to nodes; genes outside the network (or its LCC) are reported.
 *   3. LCC significance of the set against R random sets, for every method (§3.3).
 *   4. The method:
 *      - 'lcc': the module is the set's largest connected component (Menche 2015);
 *      - 'diamond': DIAMOnD adds n genes (§3.6, Ghiassian 2015); the module is the largest
 *        connected component of disease genes + added genes;
 *      - 'rwr': random walk with restart from the set, each node's score compared with walks
 *        from R random seed sets (§3.7). The walk from the set is core's float64 walk (the
 *        scores shown); the R + 1 walks behind p and z run batched on the compute engine
 *        (src/engine/propagation-significance.ts: WebGPU, or the CPU worker pool; same random
 *        sets as the core, float32, see its header for the tolerance) on the backend the
 *        header chose; the provenance records where they ran (the CPU after a device lost
 *        mid-run) and the float32 tolerance. The RWR_LISTED best-scoring other genes are listed;
 *        the first RWR_MODULE_GENES of them with empirical p ≤ RWR_MODULE_MAX_P join the
 *        module (largest connected component of disease genes + those genes).
 *   5. Centralities of every module gene on the module subgraph (§3.8): degree, betweenness,
 *      closeness, eigenvector (max = 1) and PageRank (α = 0.85), networkx conventions.
 *   6. The network view redrawn with the module emphasised and added genes included
 *      (disease-view.ts, `options.module`).
 *
 * The long loops (R random sets) report progress and stop on cancel: the LCC null in
 * cancellable steps of the core's own loop (stepped-significance.ts, stepped-loop.ts), the RWR
 * null through the engine's RunControl. Every result carries its provenance: method, null, R,
 * seed, network and gene set.
 */
import { betweennessCentrality } from '@/core/centrality/betweenness-centrality';
import { closenessCentrality } from '@/core/centrality/closeness-centrality';
import { degreeCentrality } from '@/core/centrality/degree-centrality';
import { eigenvectorCentrality } from '@/core/centrality/eigenvector-centrality';
import { pageRank } from '@/core/centrality/pagerank';
import { edgeCount, inducedSubgraph } from '@/core/graph/csr';
import {
  largestConnectedComponent,
  type LargestComponent,
} from '@/core/graph/connected-components';
import { diamond } from '@/core/module/diamond';
import { largestComponentOfSet } from '@/core/module/lcc-significance';
import {
  randomWalkWithRestart,
  RANDOM_WALK_WITH_RESTART_DEFAULTS,
  seedDistribution,
} from '@/core/propagation/random-walk-with-restart';
import { degreeBins, type DegreeBins } from '@/core/random/degree-bins';
import type { CsrGraph } from '@/core/graph/csr';
import { GRAPH_SCOPE_DESCRIPTIONS, type GraphScope } from '@/core/screen/screen-network';
import type { Engine, EngineOptions } from '@/engine/engine';
import type { BackendInfo, BackendPreference } from '@/gpu/backend';
import type { GeneIndex } from '@/io';
import type {
  DiamondRow,
  ModuleGeneRow,
  ModuleOptions,
  ModuleProvenance,
  ModuleResult,
  Origin,
  RwrRow,
} from './analysis-types';
import {
  computeDiseaseView,
  diseaseSeeds,
  type DiseaseViewOptions,
  type LoadedNetwork,
} from './disease-view';
import { engineBackend } from './engine-backend';
import { METHOD_REFERENCES, NULL_MODEL_DETAILS, validateModuleOptions } from './module-options';
import { createStepper, type StepperOptions } from './stepped-loop';
import { lccSignificanceStepped } from './stepped-significance';

/** Minimum degree-bin size B (Guney 2016, scDrugPrio). */
export const MIN_BIN_SIZE = 100;
/** RWR: best-scoring genes listed (disease genes excluded). */
export const RWR_LISTED = 50;
/** RWR: most listed genes taken into the module, and the p they need. */
export const RWR_MODULE_GENES = 20;
export const RWR_MODULE_MAX_P = 0.05;

/** The network as the analysis sees it: the graph of the scope and its degree bins. */
export interface AnalysisGraph {
  scope: GraphScope;
  /** The whole network, or its LCC re-indexed (node k is network node `nodes[k]`). */
  graph: CsrGraph;
  /** Network index of each analysis node. */
  nodes: Uint32Array;
  /** Analysis index of each network node, −1 outside the graph. */
  localOf: Int32Array;
  /** The network's largest connected component (for the provenance either way). */
  lcc: LargestComponent;
  bins: DegreeBins;
}

const analysisGraphs = new WeakMap<LoadedNetwork, Map<GraphScope, AnalysisGraph>>();

export function analysisGraph(network: LoadedNetwork, scope: GraphScope): AnalysisGraph {
  let byScope = analysisGraphs.get(network);
  if (!byScope) analysisGraphs.set(network, (byScope = new Map()));
  let cached = byScope.get(scope);
  if (!cached) {
    const lcc = byScope.values().next().value?.lcc ?? largestConnectedComponent(network.graph);
    let graph = lcc.graph;
    let nodes = lcc.nodes;
    let localOf = lcc.localOf;
    if (scope === 'network') {
      graph = network.graph;
      nodes = new Uint32Array(graph.nodeCount);
      localOf = new Int32Array(graph.nodeCount);
      for (let k = 0; k < graph.nodeCount; k++) nodes[k] = localOf[k] = k;
    }
    cached = {
      scope,
      graph,
      nodes,
      localOf,
      lcc,
      bins: degreeBins(graph, { minBinSize: MIN_BIN_SIZE }),
    };
    byScope.set(scope, cached);
  }
  return cached;
}

/** The gene set as stored in the workspace. */
export interface ModuleGeneSet {
  id: string;
  name: string;
  fileName: string;
  origin: Origin;
  genes: readonly string[];
  entrez?: readonly (string | null)[];
}

export interface ModuleRunControl {
  signal?: AbortSignal;
  onProgress?: (label: string, done: number, total: number | null) => void;
  /** Stepper settings (tests shorten the budget or replace the clock). */
  stepper?: Partial<StepperOptions>;
  /** View settings (tests skip most of the layout). */
  view?: Partial<Omit<DiseaseViewOptions, 'module'>>;
  /** Where the RWR null's walks run: the session's backend (the header's choice). */
  backend?: BackendInfo | null;
  /** Without a backend: chooseBackend(preference) in this worker (default 'auto'). */
  preference?: BackendPreference;
  /** Engine options (the worker's onBackendChange, which tells the UI about a lost device). */
  engine?: EngineOptions;
  /** Builds the compute engine (tests inject one); default src/engine/engine.ts createEngine. */
  createEngine?: (info: BackendInfo, graph: CsrGraph, options: EngineOptions) => Promise<Engine>;
}

/** The compute engine for the RWR null, loaded on first use (LCC and DIAMOnD never need it). */
async function rwrEngine(graph: CsrGraph, control: ModuleRunControl): Promise<Engine> {
  const [info, create] = await Promise.all([
    engineBackend(control.backend, control.preference),
    control.createEngine ?? import('@/engine/engine').then((engine) => engine.createEngine),
  ]);
  return create(info, graph, control.engine ?? {});
}

export async function runModuleAnalysis(
  network: LoadedNetwork,
  geneSet: ModuleGeneSet,
  geneIndex: GeneIndex | null,
  options: ModuleOptions,
  control: ModuleRunControl = {},
): Promise<ModuleResult> {
  const { method, nullModel, randomSets, seed, graph: scope } = validateModuleOptions(options);
  const { signal, onProgress } = control;
  const startedAt = new Date().toISOString();
  const started = performance.now();
  const phase = (label: string, total: number | null = null) => {
    onProgress?.(label, 0, total);
    return createStepper({
      ...control.stepper,
      signal,
      onProgress: (done) => onProgress?.(label, done, total),
    });
  };
  // Lets a cancel that is already queued in, before a step that cannot stop half-way.
  const checkpoint = (label: string) => phase(label).pause(0);

  // 1–2. Analysis graph and seeds.
  await checkpoint('Preparing the network');
  const analysis = analysisGraph(network, scope);
  const { graph, bins, lcc } = analysis;
  const found = diseaseSeeds(network, geneSet, geneIndex);
  const seeds: number[] = [];
  const outsideLcc: string[] = [];
  found.nodes.forEach((node, k) => {
    if (analysis.localOf[node] >= 0) seeds.push(analysis.localOf[node]);
    else outsideLcc.push(found.kept[k]);
  });
  if (seeds.length === 0) {
    throw new Error(
      scope === 'lcc'
        ? `Module analysis: none of the ${found.distinctGenes.length} genes of "${geneSet.name}" is in the largest connected component of ${network.name}`
        : `Module analysis: none of the ${found.distinctGenes.length} genes of "${geneSet.name}" is a node of ${network.name}`,
    );
  }
  const toNetwork = (local: number) => analysis.nodes[local];
  const symbolOf = (local: number) => network.labels[toNetwork(local)];
  const entrezOf = (local: number) => network.entrezIds[toNetwork(local)] ?? '';

  // 3. LCC significance of the set.
  const significance = await lccSignificanceStepped(
    graph,
    seeds,
    { iterations: randomSets, seed, nullModel, bins },
    phase(
      `Random gene sets for the LCC null (R = ${randomSets.toLocaleString('en-US')})`,
      randomSets,
    ),
  );

  // 4. The method's module.
  let added: number[] = [];
  let moduleNodes: Uint32Array = significance.members;
  let moduleDescription = 'The largest connected component of the disease genes';
  let diamondResult: ModuleResult['diamond'] = null;
  let rwrResult: ModuleResult['rwr'] = null;
  let rwrListed: number[] = [];
  let nullEngine: NonNullable<ModuleProvenance['rwr']>['nullEngine'] | null = null;
  if (method === 'diamond') {
    await checkpoint(`DIAMOnD: adding ${options.diamondIterations} genes`);
    const run = diamond(graph, seeds, {
      iterations: options.diamondIterations,
      alpha: options.diamondAlpha,
      mode: options.diamondMode,
    });
    added = Array.from(run.nodes);
    moduleNodes = largestComponentOfSet(graph, [...seeds, ...added]);
    moduleDescription = `The largest connected component of the disease genes and the ${added.length} genes DIAMOnD added`;
    diamondResult = {
      exhausted: run.exhausted,
      rows: added.map((node, k) => ({
        rank: k + 1,
        symbol: symbolOf(node),
        entrezId: entrezOf(node),
        viewIndex: -1,
        k: run.k[k],
        ks: run.ks[k],
        p: run.pValues[k],
      })),
    };
  } else if (method === 'rwr') {
    await checkpoint('Random walk from the disease genes');
    const walk = randomWalkWithRestart(graph, seedDistribution(graph.nodeCount, seeds), {
      restart: options.restart,
      weighted: false,
    });
    const label = `Random walks from random seed sets (R = ${randomSets.toLocaleString('en-US')})`;
    onProgress?.(label, 0, randomSets);
    // The walk is unweighted: the engine gets the graph with every weight 1.
    const unweighted = { ...graph, weights: new Float32Array(graph.targets.length).fill(1) };
    const [{ propagationSignificanceOnEngine, ENGINE_SIGNIFICANCE_DEFAULTS }, engine] =
      await Promise.all([
        import('@/engine/propagation-significance'),
        rwrEngine(unweighted, control),
      ]);
    const significance = await propagationSignificanceOnEngine(
      engine,
      unweighted,
      seeds,
      { restart: options.restart, iterations: randomSets, seed, nullModel, bins },
      { signal, onProgress: (done, total) => onProgress?.(label, done, total) },
    ).finally(() => engine.dispose());
    // Read after the run: a device lost mid-run leaves the engine (and the answer) on the CPU.
    nullEngine = {
      backend: significance.backend,
      reason: engine.backendReason,
      precision: 'float32',
      tolerance: ENGINE_SIGNIFICANCE_DEFAULTS.tolerance,
      maxIterations: ENGINE_SIGNIFICANCE_DEFAULTS.maxIterations,
      unconvergedDraws: significance.unconvergedDraws,
    };
    const isSeed = new Uint8Array(graph.nodeCount);
    for (const s of seeds) isSeed[s] = 1;
    const ranked: number[] = [];
    for (let v = 0; v < graph.nodeCount; v++) if (!isSeed[v]) ranked.push(v);
    ranked.sort((a, b) => walk.scores[b] - walk.scores[a] || a - b);
    const listed = ranked.slice(0, RWR_LISTED);
    rwrListed = listed;
    added = listed
      .filter((v) => significance.pValues[v] <= RWR_MODULE_MAX_P)
      .slice(0, RWR_MODULE_GENES);
    const inModule = new Set(added);
    moduleNodes = largestComponentOfSet(graph, [...seeds, ...added]);
    moduleDescription = `The largest connected component of the disease genes and the ${added.length} best-scoring genes with empirical p ≤ ${RWR_MODULE_MAX_P}`;
    rwrResult = {
      converged: walk.converged,
      walkIterations: walk.iterations,
      rows: listed.map((v, k) => ({
        rank: k + 1,
        symbol: symbolOf(v),
        entrezId: entrezOf(v),
        viewIndex: -1,
        degree: graph.offsets[v + 1] - graph.offsets[v],
        score: walk.scores[v],
        degreeCorrected: walk.degreeCorrected[v],
        pValue: significance.pValues[v],
        z: significance.z[v],
        inModule: inModule.has(v),
      })),
    };
  }

  // 5. Centralities on the module subgraph.
  await checkpoint(`Centralities of the ${moduleNodes.length} module genes`);
  const genes = moduleCentralities(graph, moduleNodes, new Set(added)).map((row) => ({
    ...row,
    symbol: symbolOf(row.node),
    entrezId: entrezOf(row.node),
  }));

  // 6. The view.
  await checkpoint('Laying out the module');
  const view = computeDiseaseView(network, geneSet, geneIndex, {
    ...control.view,
    module: { added: added.map(toNetwork), members: Array.from(moduleNodes, toNetwork) },
  });
  const viewIndexOf = new Map<number, number>();
  view.nodes.forEach((node, k) => viewIndexOf.set(node, k));
  const viewIndex = (local: number) => viewIndexOf.get(toNetwork(local)) ?? -1;

  const withView = <T extends { viewIndex: number }>(rows: T[], locals: number[]): T[] =>
    rows.map((row, k) => ({ ...row, viewIndex: viewIndex(locals[k]) }));
  if (diamondResult) diamondResult.rows = withView<DiamondRow>(diamondResult.rows, added);
  if (rwrResult) rwrResult.rows = withView<RwrRow>(rwrResult.rows, rwrListed);

  return {
    provenance: {
      method,
      methodName: METHOD_REFERENCES[method],
      nullModel,
      nullDescription: NULL_MODEL_DETAILS[nullModel],
      randomSets,
      seed,
      minBinSize: bins.minBinSize,
      diamond:
        method === 'diamond'
          ? {
              iterations: options.diamondIterations,
              alpha: options.diamondAlpha,
              mode: options.diamondMode,
            }
          : null,
      rwr:
        method === 'rwr' && nullEngine
          ? {
              restart: options.restart,
              tolerance: RANDOM_WALK_WITH_RESTART_DEFAULTS.tolerance,
              weighted: false,
              listed: RWR_LISTED,
              moduleGenes: RWR_MODULE_GENES,
              moduleMaxP: RWR_MODULE_MAX_P,
              nullEngine,
            }
          : null,
      network: {
        id: network.id,
        name: network.name,
        fileName: network.fileName,
        origin: network.origin,
        nodes: network.graph.nodeCount,
        interactions: edgeCount(network.graph) / 2,
        graph: scope,
        graphDescription: GRAPH_SCOPE_DESCRIPTIONS[scope],
        graphNodes: graph.nodeCount,
        graphInteractions: edgeCount(graph) / 2,
        lccNodes: lcc.nodes.length,
        lccInteractions: edgeCount(lcc.graph) / 2,
      },
      geneSet: {
        id: geneSet.id,
        name: geneSet.name,
        fileName: geneSet.fileName,
        origin: geneSet.origin,
        genesGiven: found.distinctGenes.length,
        genesUsed: seeds.length,
        outsideNetwork: found.missing,
        outsideLcc,
      },
      startedAt,
      durationMs: Math.round(performance.now() - started),
    },
    lcc: {
      size: significance.size,
      setSize: significance.setSize,
      z: significance.z,
      pValue: significance.pValue,
      nullMean: significance.nullMean,
      nullSd: significance.nullSd,
      nullSizes: significance.nullSizes,
      members: Array.from(significance.members, symbolOf),
    },
    module: { description: moduleDescription, size: moduleNodes.length },
    genes: genes.map(({ node, ...row }) => ({ ...row, viewIndex: viewIndex(node) })),
    diamond: diamondResult,
    rwr: rwrResult,
    view,
  };
}

/**
 * Degree, betweenness, closeness, eigenvector and PageRank of each module node on the
 * subgraph the module induces (`nodes`: analysis-graph indices). Rows follow `nodes`.
 */
export function moduleCentralities(
  graph: Parameters<typeof inducedSubgraph>[0],
  nodes: ArrayLike<number>,
  added: ReadonlySet<number> = new Set(),
): (Omit<ModuleGeneRow, 'symbol' | 'entrezId' | 'viewIndex'> & { node: number })[] {
  const module = inducedSubgraph(graph, nodes);
  const degree = degreeCentrality(module, { normalized: false });
  const betweenness = betweennessCentrality(module);
  const closeness = closenessCentrality(module);
  const eigenvector = eigenvectorCentrality(module, { scaling: 'max' }).scores;
  const pagerank = pageRank(module).scores;
  return Array.from(nodes, (node, k) => ({
    node,
    kind: added.has(node) ? ('added' as const) : ('disease' as const),
    degree: degree[k],
    betweenness: betweenness[k],
    closeness: closeness[k],
    eigenvector: eigenvector[k],
    pagerank: pagerank[k],
  }));
}
