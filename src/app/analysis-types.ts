/**
 * Analysis worker contract: plain data types
 * ==========================================
 * What crosses the boundary between the UI thread and workers/analysis.worker.ts. Only
 * structured-cloneable data: typed arrays, strings, numbers and plain objects. Large arrays
 * (the network view) are transferred, not copied.
 */
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
}

/** One laid-out disease view: binary arrays for deck.gl plus per-node gene facts. */
export interface DiseaseViewResult {
  view: NetworkView;
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
