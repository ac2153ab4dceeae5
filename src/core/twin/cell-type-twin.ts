/**
 * The per-cell-type twin: DEGs → module → drug screen → twin ranking
 * ==================================================================
 * ALGORITHMS.md §4 steps 1–5, 8–9 (scDrugPrio, Schäfer et al. 2024) on the interactome's
 * largest connected component (LCC; step 2), for each cell type c with its DEGs (q < 0.05, at
 * most the top 1,800 by p: twin-de.ts `selectDegs`, or a DEG table):
 *
 * - module: the largest connected component of the subgraph the DEGs induce in the LCC, with
 *   its size z and p = #{S_r ≥ S_obs}/R against R degree-matched random sets (Menche 2015;
 *   module/lcc-significance.ts, scDrugPrio exact-size per-bin sampling, bins ≥ B nodes);
 * - centralities of the module genes within the module: degree, and eigenvector centrality
 *   max-scaled to 1 (igraph / scDrugPrio; the EV_c of step 8);
 * - drug screen (screen/drug-screen.ts, the same code as `twinscreen screen`) with the DEGs as
 *   the disease gene set (d_c = mean over targets of the distance to the nearest DEG, step 4)
 *   and c's DEG signs for counteraction: candidate = Φ(z) < 0.05 ∧ d_c < 1 ∧ ≥ 1 counteracted
 *   targeted DEG (steps 4–5);
 * - between every two cell types A, B (module genes): shared genes, Jaccard |A∩B|/|A∪B|, the
 *   hypergeometric P(X ≥ |A∩B|) with N = LCC nodes, K = |A|, n = |B|, and the network
 *   separation s_AB = d_AB − (d_AA + d_BB)/2 (Menche 2015; metrics/separation.ts);
 * - the twin ranking across cell types (twin-ranking.ts; weights 1 until the multicellular
 *   model).
 * Every cell type's screen uses the same seed, so all share the same random draws for target
 * sets of a given degree profile. A cell type none of whose DEGs is in the LCC has an empty
 * module, no screen, and no candidates.
 */
import { eigenvectorCentrality } from '../centrality/eigenvector-centrality';
import { inducedSubgraph } from '../graph/csr';
import { lccSignificance } from '../module/lcc-significance';
import { separation, type Separation } from '../metrics/separation';
import { degreeBins } from '../random/degree-bins';
import type { DegSignatureRow } from '../screen/counteraction';
import { buildDrugLibrary, type DrugLibrary } from '../screen/drug-library';
import {
  screenDrugs,
  type ScreenInput,
  type ScreenMethod,
  type ScreenNetworkInput,
  type ScreenResult,
} from '../screen/drug-screen';
import type { ScreenSampling } from '../screen/screen-sampler';
import { mapGeneSet, prepareScreenNetwork, type ScreenNetwork } from '../screen/screen-network';
import { hypergeometricUpperTail } from '../stats/hypergeometric';
import {
  intraOfEntries,
  twinRanking,
  TWIN_RANKING_DEFAULTS,
  type TwinRanking,
} from './twin-ranking';

export interface TwinCellTypeInput {
  readonly name: string;
  /** The cell type's DEGs (already selected), `group` = name. */
  readonly degs: readonly DegSignatureRow[];
}

export interface TwinInput {
  readonly network: ScreenNetworkInput;
  readonly drugs: ScreenInput['drugs'];
  readonly cellTypes: readonly TwinCellTypeInput[];
  /** Name of the DEG source, for the screens' provenance. */
  readonly degsName?: string;
}

export interface TwinOptions {
  /** Random draws R of the module and proximity nulls. */
  iterations: number;
  seed: number;
  minBinSize: number;
  sampling: ScreenSampling;
  methods: ScreenMethod[];
  /** λ of the twin score. */
  intraWeight: number;
  /** w_c per cell type; default 1 each. */
  weights?: readonly number[];
  /** Module genes below this size do not count towards Intra. */
  minModuleSize: number;
}

export const TWIN_DEFAULTS: Readonly<TwinOptions> = {
  iterations: 1000,
  seed: 1,
  minBinSize: 100,
  sampling: 'shared',
  methods: ['proximity'],
  intraWeight: TWIN_RANKING_DEFAULTS.intraWeight,
  minModuleSize: TWIN_RANKING_DEFAULTS.minModuleSize,
};

export interface TwinModule {
  /** Module genes (LCC nodes, ascending). */
  readonly nodes: Uint32Array;
  readonly z: number;
  readonly p: number;
  readonly nullMean: number;
  readonly nullSd: number;
  /** Per module gene (aligned with nodes): degree within the module. */
  readonly degree: Uint32Array;
  /** Per module gene: eigenvector centrality within the module, max = 1. */
  readonly eigenvector: Float64Array;
}

export interface TwinCellType {
  readonly name: string;
  readonly degsGiven: number;
  /** DEG nodes in the LCC (ascending). */
  readonly degNodes: Uint32Array;
  readonly module: TwinModule;
  /** Null when no DEG is in the LCC. */
  readonly screen: ScreenResult | null;
  /** Per library entry. */
  readonly isCandidate: (boolean | null)[];
  /** Per library entry: g_c(d). */
  readonly intra: Float64Array;
}

export interface TwinOverlap {
  readonly a: number;
  readonly b: number;
  readonly sizeA: number;
  readonly sizeB: number;
  readonly shared: number;
  readonly jaccard: number;
  /** P(X ≥ shared), X ~ Hypergeometric(N = LCC nodes, K = sizeA, n = sizeB). */
  readonly hypergeometricP: number;
  /** NaN fields when either module is empty. */
  readonly separation: Separation;
}

export interface Twin {
  readonly network: ScreenNetwork;
  readonly library: DrugLibrary;
  readonly cellTypes: readonly TwinCellType[];
  readonly overlaps: readonly TwinOverlap[];
  readonly weights: Float64Array;
  readonly ranking: TwinRanking;
  readonly options: TwinOptions;
}

/** Shared, copy-independent parts: the LCC network and the drug library. */
export interface TwinBase {
  readonly network: ScreenNetwork;
  readonly library: DrugLibrary;
}

export function prepareTwinBase(input: Pick<TwinInput, 'network' | 'drugs'>): TwinBase {
  const network = prepareScreenNetwork(
    input.network.graph,
    input.network.nodeIds,
    input.network.entrezIds ?? null,
  );
  return { network, library: buildDrugLibrary(network, input.drugs.drugs) };
}

/** Module, centralities of the module genes, LCC significance. */
export function twinModule(
  network: ScreenNetwork,
  degNodes: Uint32Array,
  options: Pick<TwinOptions, 'iterations' | 'seed' | 'minBinSize'>,
  bins = degreeBins(network.graph, { minBinSize: options.minBinSize }),
): TwinModule {
  if (degNodes.length === 0) {
    return {
      nodes: new Uint32Array(0),
      z: NaN,
      p: NaN,
      nullMean: NaN,
      nullSd: NaN,
      degree: new Uint32Array(0),
      eigenvector: new Float64Array(0),
    };
  }
  const significance = lccSignificance(network.graph, degNodes, {
    iterations: options.iterations,
    seed: options.seed,
    nullModel: 'degree-scdrugprio',
    bins,
  });
  const nodes = significance.members;
  const sub = inducedSubgraph(network.graph, nodes);
  const degree = new Uint32Array(nodes.length);
  for (let k = 0; k < nodes.length; k++) degree[k] = sub.offsets[k + 1] - sub.offsets[k];
  const eigenvector =
    nodes.length === 1 ? Float64Array.of(1) : eigenvectorCentrality(sub, { scaling: 'max' }).scores;
  return {
    nodes,
    z: significance.z,
    p: significance.pValue,
    nullMean: significance.nullMean,
    nullSd: significance.nullSd,
    degree,
    eigenvector,
  };
}

/** Overlap of two module gene sets (see the header). */
export function moduleOverlap(
  network: ScreenNetwork,
  a: Uint32Array,
  b: Uint32Array,
): Omit<TwinOverlap, 'a' | 'b'> {
  const inA = new Set(a);
  let shared = 0;
  for (const node of b) if (inA.has(node)) shared++;
  const union = a.length + b.length - shared;
  const n = network.graph.nodeCount;
  const empty = a.length === 0 || b.length === 0;
  return {
    sizeA: a.length,
    sizeB: b.length,
    shared,
    jaccard: union === 0 ? NaN : shared / union,
    hypergeometricP: hypergeometricUpperTail(shared, n, a.length, b.length),
    separation: empty
      ? { dAA: NaN, dBB: NaN, dAB: NaN, sAB: NaN }
      : separation(network.graph, a, b),
  };
}

/** Builds the whole twin (see the header). */
export function buildTwin(
  input: TwinInput,
  options: Partial<TwinOptions> = {},
  base: TwinBase = prepareTwinBase(input),
): Twin {
  const resolved: TwinOptions = { ...TWIN_DEFAULTS, ...options };
  const { network, library } = base;
  const entryCount = library.entries.length;
  const weights = Float64Array.from(input.cellTypes, (_, c) => resolved.weights?.[c] ?? 1);
  const bins = degreeBins(network.graph, { minBinSize: resolved.minBinSize });
  const entryOffsets = new Uint32Array(entryCount + 1);
  const entryNodes: number[] = [];
  library.entries.forEach((entry, d) => {
    for (const target of entry.targets) entryNodes.push(target.node);
    entryOffsets[d + 1] = entryNodes.length;
  });

  const cellTypes = input.cellTypes.map((cellType): TwinCellType => {
    const genes = cellType.degs.map((row) => ({ gene: row.gene, entrez: row.entrez ?? null }));
    const mapped = mapGeneSet(network, genes);
    const degNodes = Uint32Array.from(mapped.nodes).sort();
    const module = twinModule(network, degNodes, resolved, bins);
    let screen: ScreenResult | null = null;
    const isCandidate = new Array<boolean | null>(entryCount).fill(null);
    if (degNodes.length > 0) {
      screen = screenDrugs(
        {
          network: input.network,
          module: { name: cellType.name, genes },
          drugs: input.drugs,
          degs: { name: input.degsName, disease: null, rows: cellType.degs },
        },
        {
          methods: resolved.methods,
          iterations: resolved.iterations,
          seed: resolved.seed,
          sampling: resolved.sampling,
          minBinSize: resolved.minBinSize,
          degGroup: cellType.name,
          maxQ: 1,
          combinationsTopK: 0,
        },
      );
      if (screen.drugs.length !== entryCount) {
        throw new Error('buildTwin: the screen and the twin built different drug libraries');
      }
      for (const row of screen.drugs) isCandidate[row.entry] = row.isCandidate;
    }
    const centrality = new Map<number, number>();
    if (module.nodes.length >= resolved.minModuleSize) {
      module.nodes.forEach((node, k) => centrality.set(node, module.eigenvector[k]));
    }
    return {
      name: cellType.name,
      degsGiven: cellType.degs.length,
      degNodes,
      module,
      screen,
      isCandidate,
      intra: intraOfEntries(entryOffsets, entryNodes, centrality),
    };
  });

  const overlaps: TwinOverlap[] = [];
  for (let a = 0; a < cellTypes.length; a++) {
    for (let b = a + 1; b < cellTypes.length; b++) {
      overlaps.push({
        a,
        b,
        ...moduleOverlap(network, cellTypes[a].module.nodes, cellTypes[b].module.nodes),
      });
    }
  }
  const ranking = twinRanking(
    entryCount,
    cellTypes.map((cellType, c) => ({
      weight: weights[c],
      isCandidate: cellType.isCandidate,
      intra: cellType.intra,
    })),
    resolved.intraWeight,
  );
  return { network, library, cellTypes, overlaps, weights, ranking, options: resolved };
}
