/**
 * Drug screen panel: what crosses the worker boundary
 * ===================================================
 * Plain, structured-cloneable data between the UI thread and workers/analysis.worker.ts for
 * the "Screen drugs" panel: the request (which module, drug library, DEGs, methods, R, seed,
 * sampling), progress by stage, the result (core's ScreenResult plus what the app chose around
 * it) and the shortest paths of one drug's targets to the module, in network node indices.
 */
import type { ScreenMethod, ScreenResult } from '@/core/screen/drug-screen';
import type { ScreenSampling } from '@/core/screen/screen-sampler';
import type { ScreenStage } from '@/engine/screen-runner';
import type { BackendInfo } from '@/gpu/backend';
import type { Origin } from './analysis-types';
import type { IndicationMatch } from '@/core/screen/indication-match';

/** Which DEG table: none, the bundled SAR table (Li 2022), or an imported one (its index). */
export type DegSource = 'none' | 'bundled' | number;

export interface ScreenRequest {
  /** The module: a gene set of the workspace. */
  geneSetId: string;
  /** Index into the workspace's drug-target tables (the bundled DrugCentral table is 0). */
  drugTable: number;
  methods: ScreenMethod[];
  degSource: DegSource;
  /** DEG group (cell type) for counteraction, the candidate flag and the cure; null: the first. */
  degGroup: string | null;
  /**
   * The disease an imported DEG table comes from, as the user gave it (null: not stated); the
   * bundled table's is known. Checked against the module (core's screen-direction.ts).
   */
  degDisease: string | null;
  /** Indications matching every word of this term validate the screen; '' skips validation. */
  indicationTerm: string;
  /** Random draws R. */
  iterations: number;
  seed: number;
  sampling: ScreenSampling;
  /** Where the engine kernels run (the session's backend), null: chosen in the worker. */
  backend: BackendInfo | null;
}

/** 'data': fetching and reading the bundled screen files; then runScreen's stages. */
export type ScreenStageId = 'data' | ScreenStage;

export interface ScreenProgress {
  jobId: string;
  stage: ScreenStageId;
  /** What is happening, for the progress bar. */
  label: string;
  done: number;
  total: number | null;
}

export type ScreenProgressCallback = (progress: ScreenProgress) => void;

/** The bundled data the screen adds to the demo (loaded on first use). */
export interface ScreenDataSummary {
  indicationRows: number;
  signedNetwork: { fileName: string; nodes: number; edges: number };
  bundledDegs: {
    fileName: string;
    name: string;
    /** The disease the bundled DEGs come from. */
    disease: string;
    rows: number;
    groups: string[];
  };
}

/** A finished screen with the choices around it (everything the export needs). */
export interface ScreenRun {
  /** The job id: names this run when asking for a drug's paths. */
  id: string;
  result: ScreenResult;
  request: Omit<ScreenRequest, 'backend'>;
  network: { id: string; name: string; fileName: string; origin: Origin };
  module: { geneSetId: string; name: string; fileName: string; origin: Origin };
  drugLibrary: { fileName: string; origin: Origin; drugs: number };
  degs: { fileName: string; name: string; disease: string | null; group: string | null } | null;
  signedNetwork: { fileName: string } | null;
  indications: (IndicationMatch & { fileName: string }) | null;
  startedAt: string;
  durationMs: number;
}

/** One module gene nearest to a target, and one shortest path to it. */
export interface NearestModuleGene {
  gene: string;
  /** Network node indices, target first, the module gene last. */
  path: number[];
}

export interface TargetPaths {
  gene: string;
  /** Network node index of the target. */
  node: number;
  /** Hops to the nearest module gene (0: a module gene; −1: unreachable). */
  distance: number;
  /** Module genes at that distance (at most the number asked for), one path each. */
  nearest: NearestModuleGene[];
  /** How many module genes sit at that distance in all. */
  nearestCount: number;
}

export interface DrugPaths {
  runId: string;
  /** Entry index (DrugScreenResult.entry). */
  entry: number;
  targets: TargetPaths[];
  /** Network node → display symbol, for every node on the paths. */
  labels: Record<number, string>;
}
