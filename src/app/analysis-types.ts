/**
 * Analysis worker contract: plain data types
 * ==========================================
 * What crosses the boundary between the UI thread and workers/analysis.worker.ts. Only
 * structured-cloneable data: typed arrays, strings, numbers and plain objects. Large arrays
 * (the network view) are transferred, not copied.
 */
import type { GraphScope } from '@/core/screen/screen-network';
import type { BackendPreference } from '@/gpu/backend';
import type { FileKind, ImportReport } from '@/io';
import type { NetworkView } from '@/render/network-view';

export type { BackendPreference } from '@/gpu/backend';
export const BACKEND_PREFERENCES: readonly BackendPreference[] = ['auto', 'webgpu', 'wasm', 'cpu'];

/** The kinds of file the import accepts (io's FileKind); 'auto' lets io/ decide from the header. */
export type ImportKindChoice = FileKind | 'auto';
export const IMPORT_KIND_LABELS: Record<ImportKindChoice, string> = {
  auto: 'Detect automatically',
  network: 'Interaction network',
  geneSets: 'Gene sets (e.g. disease genes)',
  drugTargets: 'Drug targets',
  degTable: 'Differential expression table',
};

/** Where a failed import went wrong, in words a user can act on. */
export interface ImportFailure {
  fileName: string;
  /** 1-based line of the file, or null when the problem is not tied to one line. */
  line: number | null;
  /** The whole sentence: "<file>, line <n>: <problem>; expected <what>". */
  message: string;
  /** What is wrong and what was expected, when the importer said so separately. */
  problem: string | null;
  expected: string | null;
}

export type Origin = 'demo' | 'imported';

export interface NetworkSummary {
  id: string;
  name: string;
  fileName: string;
  origin: Origin;
  nodeCount: number;
  /** Undirected interactions (each stored twice in the CSR graph). */
  interactionCount: number;
}

export interface GeneSetSummary {
  id: string;
  name: string;
  fileName: string;
  origin: Origin;
  geneCount: number;
}

/** Everything loaded in the worker, in a few numbers and names. */
export interface WorkspaceSummary {
  networks: NetworkSummary[];
  activeNetworkId: string | null;
  geneSets: GeneSetSummary[];
  drugCount: number;
  drugTables: { fileName: string; drugCount: number; origin: Origin }[];
  degTables: { fileName: string; rowCount: number; groups: string[] }[];
}

export interface JobProgress {
  jobId: string;
  /** What is happening, e.g. "Reading interactome_menche2015.tsv.gz". */
  label: string;
  /** Work done so far and the total (bytes, rows…), total null when unknown. */
  done: number;
  total: number | null;
}

export type ProgressCallback = (progress: JobProgress) => void;

/**
 * An engine moved to another backend while it ran (engine.ts `onBackendChange`): today only
 * a lost WebGPU device, after which the engine finishes the run, and every later one, on the CPU.
 */
export interface BackendChange {
  engine: 'webgpu' | 'cpu';
  /** The engine's words, e.g. "WebGPU device lost (destroyed): continuing on the CPU engine …". */
  reason: string;
}

export type BackendChangeCallback = (change: BackendChange) => void;

export type ImportOutcome =
  | { ok: true; report: ImportReport; workspace: WorkspaceSummary }
  | { ok: false; error: ImportFailure };

export interface DiseaseViewStats {
  geneSetId: string;
  geneSetName: string;
  networkName: string;
  /** Distinct genes listed for the disease. */
  genesGiven: number;
  /** Of those, genes that are nodes of the network with at least one interaction. */
  genesInNetwork: number;
  /** Size of the largest connected component of the subgraph the disease genes induce. */
  lccSize: number;
  /** Connected components of that subgraph (singletons included). */
  componentCount: number;
  /** Neighbours drawn, and how many qualified before the node cap. */
  neighboursShown: number;
  neighboursEligible: number;
  /** Neighbours linked to at least one disease gene. */
  neighboursTotal: number;
  minLinks: number;
  /** Listed genes not found in the network (symbols as given). */
  genesMissing: string[];
  /** Genes a module method added to the view (0 for a plain disease view). */
  addedCount: number;
}

/** One laid-out disease view: binary arrays for deck.gl plus per-node gene facts. */
export interface DiseaseViewResult {
  view: NetworkView;
  /** Network node index per local node. */
  nodes: Uint32Array;
  /** Gene symbol (or network id when no symbol is known) per local node. */
  labels: string[];
  /** Entrez id per local node, '' when unknown. */
  entrezIds: string[];
  /** Degree in the whole network per local node. */
  degrees: Uint32Array;
  /** Distinct disease genes each local node is linked to. */
  seedLinks: Uint32Array;
  stats: DiseaseViewStats;
}

// ---------------------------------------------------------------------------------------------
// Module panel (src/app/module-analysis.ts): what a run asks for and what it gives back.
// ---------------------------------------------------------------------------------------------

/** LCC significance (Menche 2015), DIAMOnD (Ghiassian 2015) or random walk with restart. */
export type ModuleMethod = 'lcc' | 'diamond' | 'rwr';

/** The null models offered: core's 'uniform' and the two degree-preserving variants. */
export type ModuleNullModel = 'degree-scdrugprio' | 'degree-guney' | 'uniform';

/** Everything a module run depends on besides the network and the gene set. */
export interface ModuleOptions {
  method: ModuleMethod;
  /**
   * The graph the methods run on: the whole network as given (the published definitions:
   * Menche 2015, DIAMOnD.py, networkx) or its largest connected component.
   */
  graph: GraphScope;
  nullModel: ModuleNullModel;
  /** Random sets R for every null distribution of the run. */
  randomSets: number;
  /** 32-bit seed of the random sets. */
  seed: number;
  /** DIAMOnD: genes to add (n). */
  diamondIterations: number;
  /** DIAMOnD: seed weight α (integer ≥ 1). */
  diamondAlpha: number;
  diamondMode: 'paper' | 'reference';
  /** RWR: restart probability r. */
  restart: number;
}

/** A gene of the module, with its centralities on the module subgraph. */
export interface ModuleGeneRow {
  symbol: string;
  entrezId: string;
  /** Local index in the module view, −1 when it is not drawn. */
  viewIndex: number;
  /** 'disease': a gene of the set; 'added': brought in by DIAMOnD or RWR. */
  kind: 'disease' | 'added';
  /** Links inside the module (plain count). */
  degree: number;
  /** Brandes betweenness, normalised by (n − 1)(n − 2) as networkx. */
  betweenness: number;
  /** Closeness (Wasserman–Faust), as networkx. */
  closeness: number;
  /** Eigenvector centrality, largest = 1. */
  eigenvector: number;
  /** PageRank, α = 0.85. */
  pagerank: number;
}

/** One gene DIAMOnD added, in the order it was added. */
export interface DiamondRow {
  rank: number;
  symbol: string;
  entrezId: string;
  viewIndex: number;
  /** Degree k (weighted k' when α > 1) when it was added. */
  k: number;
  /** Links k_s to the module when it was added. */
  ks: number;
  /** Hypergeometric connectivity p-value when it was added. */
  p: number;
}

/** One of the best-scoring genes of the random walk (disease genes excluded). */
export interface RwrRow {
  rank: number;
  symbol: string;
  entrezId: string;
  viewIndex: number;
  /** Degree in the network. */
  degree: number;
  /** Stationary probability. */
  score: number;
  /** score / degree. */
  degreeCorrected: number;
  /** #{random seed sets scoring it at least as high} / R. */
  pValue: number;
  z: number;
  /** Part of the module drawn and ranked by centrality. */
  inModule: boolean;
}

/** Where a result came from: enough to run it again and get the same numbers. */
export interface ModuleProvenance {
  method: ModuleMethod;
  methodName: string;
  nullModel: ModuleNullModel;
  nullDescription: string;
  randomSets: number;
  seed: number;
  /** Minimum degree-bin size B of the degree-preserving nulls. */
  minBinSize: number;
  diamond: { iterations: number; alpha: number; mode: 'paper' | 'reference' } | null;
  rwr: {
    restart: number;
    /** Tolerance of the float64 walk from the disease genes (the scores shown). */
    tolerance: number;
    weighted: false;
    /** Rows listed and genes of them taken into the module. */
    listed: number;
    moduleGenes: number;
    moduleMaxP: number;
    /** Where the R + 1 walks of the null ran (src/engine/propagation-significance.ts). */
    nullEngine: {
      /** The engine's backend when the walks finished ('cpu' after a device loss mid-run). */
      backend: 'webgpu' | 'cpu';
      /** The engine's reason for that backend (adapter, threads, device loss). */
      reason: string;
      precision: 'float32';
      /** L1 change per column below which a walk stops, and the step cap. */
      tolerance: number;
      maxIterations: number;
      /** Random walks that reached maxIterations before the tolerance. */
      unconvergedDraws: number;
    };
  } | null;
  network: {
    id: string;
    name: string;
    fileName: string;
    origin: Origin;
    nodes: number;
    interactions: number;
    /** Which graph the analysis ran on (`ModuleOptions.graph`), in words and size. */
    graph: GraphScope;
    graphDescription: string;
    graphNodes: number;
    graphInteractions: number;
    /** The network's largest connected component (ALGORITHMS.md §3.1). */
    lccNodes: number;
    lccInteractions: number;
  };
  geneSet: {
    id: string;
    name: string;
    fileName: string;
    origin: Origin;
    genesGiven: number;
    /** Genes used: in the network's largest connected component. */
    genesUsed: number;
    outsideNetwork: string[];
    outsideLcc: string[];
  };
  startedAt: string;
  durationMs: number;
}

export interface ModuleResult {
  provenance: ModuleProvenance;
  /** LCC significance of the gene set, computed for every method. */
  lcc: {
    size: number;
    setSize: number;
    z: number;
    pValue: number;
    nullMean: number;
    nullSd: number;
    /** S_r of the R random sets (for the histogram). */
    nullSizes: Uint32Array;
    /** Symbols of the LCC genes. */
    members: string[];
  };
  /** The module drawn and ranked: how it was formed, and its size. */
  module: { description: string; size: number };
  /** Genes of the module with their centralities, in module order. */
  genes: ModuleGeneRow[];
  diamond: { rows: DiamondRow[]; exhausted: boolean } | null;
  rwr: { rows: RwrRow[]; converged: boolean; walkIterations: number } | null;
  /** The network view with the module emphasised (and added genes drawn). */
  view: DiseaseViewResult;
}
