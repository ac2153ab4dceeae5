/**
 * Drug screen service: the screen panel's work in the analysis worker
 * ===================================================================
 * Turns a ScreenRequest into the core's ScreenInput from what the workspace holds (the active
 * network, a gene set as the module, a drug-target table) and the bundled screen data
 * (screen-data.ts: indications, the OmniPath signed network, SAR DEGs), then runs the whole
 * pipeline on the compute engine (src/engine/screen-runner.ts `runScreen`: proximity, RWR
 * influence, counteraction, digital cure, ranking, validation, combinations) with progress by
 * stage and an AbortSignal. Known indications are matched by src/core/screen/indication-match.ts.
 *
 * A finished run is remembered (the last RUNS_KEPT) so the drug details can ask for shortest
 * paths from each target to its nearest module genes: core's `nearestModuleGenes`, a BFS from
 * the target on the same largest connected component the screen used, answered in the
 * network's own node indices so the UI can draw them on the network view.
 * Reference: Guney et al., Nat Commun 7:10331 (2016); Schäfer et al. (scDrugPrio) 2024.
 */
import type { ScreenInput, ScreenOptions } from '@/core/screen/drug-screen';
import { nearestModuleGenes } from '@/core/screen/drug-explanation';
import type { GeneRef } from '@/core/screen/screen-network';
import { mapGeneSet, prepareScreenNetwork, type ScreenNetwork } from '@/core/screen/screen-network';
import { runScreen, type ScreenRunnerOptions } from '@/engine/screen-runner';
import type { DegRow, ImportedNetwork } from '@/io';
import type { LoadedNetwork } from './disease-view';
import { bundledDegDisease } from '@/core/screen/screen-direction';
import {
  BUNDLED_DEGS_DISEASE,
  BUNDLED_DEGS_NAME,
  createScreenDataLoader,
  SCREEN_FILES,
  type ScreenDataLoader,
} from './screen-data';
import { matchIndications, type IndicationMatch } from '@/core/screen/indication-match';
import type {
  DrugPaths,
  ScreenDataSummary,
  ScreenProgressCallback,
  ScreenRequest,
  ScreenRun,
  ScreenStageId,
} from './screen-types';
import type { StoredGeneSet, Workspace } from './workspace';

/** Words for the progress bar, per stage. */
export const SCREEN_STAGE_LABELS: Readonly<Record<ScreenStageId, string>> = {
  data: 'Loading the screen data',
  prepare: 'Preparing the network, module and drug library',
  proximity: 'Proximity: distances against R random draws',
  rwr: 'Random walk: influence of each drug on the module',
  cure: 'Digital cure: signed dynamics per drug',
  assemble: 'Ranking, validation and combinations',
};

/** Finished runs whose paths can still be asked for. */
export const RUNS_KEPT = 3;

/** Everything one screen reads, resolved from the workspace and the bundled data. */
export interface ScreenSources {
  network: LoadedNetwork;
  geneSet: StoredGeneSet;
  drugs: ScreenRun['drugLibrary'] & { list: ScreenInput['drugs']['drugs'] };
  degs: {
    fileName: string;
    name: string;
    /** The disease the DEGs come from (null: not stated). */
    disease: string | null;
    rows: readonly DegRow[];
  } | null;
  signed: { fileName: string; network: ImportedNetwork } | null;
  indications: (IndicationMatch & { fileName: string }) | null;
}

/** The module's genes as the core wants them (symbol and, when known, Entrez ID). */
export function moduleGenes(geneSet: StoredGeneSet): GeneRef[] {
  return geneSet.genes.map((gene, k) => ({ gene, entrez: geneSet.entrez[k] ?? null }));
}

export function screenInput(sources: ScreenSources): ScreenInput {
  const { network, geneSet, drugs, degs, signed, indications } = sources;
  return {
    network: {
      graph: network.graph,
      nodeIds: network.labels,
      entrezIds: network.entrezIds,
      name: network.name,
    },
    module: { name: geneSet.name, genes: moduleGenes(geneSet) },
    drugs: { name: drugs.fileName, drugs: drugs.list },
    degs: degs ? { name: degs.name, disease: degs.disease, rows: degs.rows } : null,
    signedNetwork: signed
      ? {
          graph: signed.network.graph,
          nodeIds: signed.network.nodeIds,
          entrezIds: signed.network.entrezIds,
          name: signed.fileName,
        }
      : null,
    indications: indications
      ? { name: indications.fileName, drugNames: indications.drugNames }
      : null,
  };
}

/** The core's screen options for a request (the rest are SCREEN_DEFAULTS). */
export function screenOptions(request: ScreenRequest): Partial<ScreenOptions> {
  return {
    methods: [...request.methods],
    iterations: request.iterations,
    seed: request.seed,
    sampling: request.sampling,
    degGroup: request.degSource === 'none' ? null : request.degGroup,
  };
}

export interface ScreenService {
  /** Loads the bundled screen data (once) and says what it holds. */
  data(signal?: AbortSignal): Promise<ScreenDataSummary>;
  /** Runs one screen; `jobId` names the run for `paths`. */
  run(
    jobId: string,
    request: ScreenRequest,
    signal: AbortSignal,
    onProgress?: ScreenProgressCallback,
  ): Promise<ScreenRun>;
  /**
   * Shortest paths from an entry's targets (nodes of the screen's LCC, as in
   * `DrugScreenResult.explanation.targets`) to their nearest module genes (at most
   * `maxGenes` per target), in network node indices.
   */
  paths(
    runId: string,
    entry: number,
    targets: readonly { gene: string; node: number }[],
    maxGenes?: number,
  ): DrugPaths;
}

interface RememberedRun {
  network: LoadedNetwork;
  genes: GeneRef[];
  prepared: { screen: ScreenNetwork; moduleNodes: Uint32Array; ids: string[] } | null;
}

export function createScreenService(
  workspace: Workspace,
  loader: ScreenDataLoader = createScreenDataLoader(() => workspace.geneIndex),
  runner: Partial<ScreenRunnerOptions> = {},
): ScreenService {
  const runs = new Map<string, RememberedRun>();

  async function resolveSources(
    request: ScreenRequest,
    signal: AbortSignal,
  ): Promise<ScreenSources> {
    const network = workspace.activeNetwork;
    if (!network) throw new Error('Screen: no interactome is loaded yet');
    const geneSet = workspace.geneSet(request.geneSetId);
    const table = workspace.drugTables[request.drugTable];
    if (!table) {
      throw new Error(
        `Screen: no drug-target table number ${request.drugTable} (${workspace.drugTables.length} loaded)`,
      );
    }
    let degs: ScreenSources['degs'] = null;
    if (request.degSource === 'bundled') {
      const bundled = await loader.degs(signal);
      degs = {
        fileName: SCREEN_FILES.degs,
        name: BUNDLED_DEGS_NAME,
        disease: BUNDLED_DEGS_DISEASE,
        rows: bundled.rows,
      };
    } else if (typeof request.degSource === 'number') {
      const imported = workspace.degTables[request.degSource];
      if (!imported) throw new Error(`Screen: no DEG table number ${request.degSource}`);
      // The disease the user gave, else the bundled table's when that file was imported.
      const disease = request.degDisease?.trim() || bundledDegDisease(imported.fileName);
      degs = {
        fileName: imported.fileName,
        name: imported.fileName,
        disease,
        rows: imported.result.rows,
      };
    }
    const signed =
      request.methods.includes('cure') && degs
        ? { fileName: SCREEN_FILES.signedNetwork, network: await loader.signedNetwork(signal) }
        : null;
    const term = request.indicationTerm.trim();
    const indications =
      term === ''
        ? null
        : {
            ...matchIndications(
              await loader.indications(signal),
              term,
              await loader.indicationConcepts(signal),
            ),
            fileName: SCREEN_FILES.indications,
          };
    return {
      network,
      geneSet,
      drugs: {
        fileName: table.fileName,
        origin: table.origin,
        drugs: table.result.drugs.length,
        list: table.result.drugs,
      },
      degs,
      signed,
      indications,
    };
  }

  function prepared(run: RememberedRun) {
    if (!run.prepared) {
      const screen = prepareScreenNetwork(
        run.network.graph,
        run.network.labels,
        run.network.entrezIds,
      );
      run.prepared = {
        screen,
        moduleNodes: mapGeneSet(screen, run.genes).nodes,
        // Names handed to nearestModuleGenes: the original node index, so paths come back in
        // the network's indices whatever the symbols are.
        ids: Array.from(screen.originalNode, String),
      };
    }
    return run.prepared;
  }

  return {
    async data(signal) {
      const [indications, signed, degs] = await Promise.all([
        loader.indications(signal),
        loader.signedNetwork(signal),
        loader.degs(signal),
      ]);
      return {
        indicationRows: indications.length,
        signedNetwork: {
          fileName: SCREEN_FILES.signedNetwork,
          nodes: signed.graph.nodeCount,
          edges: signed.graph.targets.length,
        },
        bundledDegs: {
          fileName: SCREEN_FILES.degs,
          name: BUNDLED_DEGS_NAME,
          disease: BUNDLED_DEGS_DISEASE,
          rows: degs.rows.length,
          groups: [...degs.groups],
        },
      };
    },

    async run(jobId, request, signal, onProgress) {
      const started = performance.now();
      const startedAt = new Date().toISOString();
      let stage: ScreenStageId = 'data';
      const report = (done = 0, total: number | null = null) =>
        onProgress?.({ jobId, stage, label: SCREEN_STAGE_LABELS[stage], done, total });
      report();
      const sources = await resolveSources(request, signal);
      signal.throwIfAborted();
      const result = await runScreen(
        screenInput(sources),
        screenOptions(request),
        { backend: request.backend, ...runner },
        {
          signal,
          onStage: (next) => {
            stage = next;
            report();
          },
          onProgress: (done, total) => report(done, total),
        },
      );
      const { network, geneSet, drugs, degs, signed, indications } = sources;
      runs.set(jobId, { network, genes: moduleGenes(geneSet), prepared: null });
      while (runs.size > RUNS_KEPT) runs.delete(runs.keys().next().value as string);
      const asked: ScreenRun['request'] = {
        geneSetId: request.geneSetId,
        drugTable: request.drugTable,
        methods: [...request.methods],
        degSource: request.degSource,
        degGroup: request.degGroup,
        degDisease: request.degDisease,
        indicationTerm: request.indicationTerm,
        iterations: request.iterations,
        seed: request.seed,
        sampling: request.sampling,
      };
      return {
        id: jobId,
        result,
        request: asked,
        network: {
          id: network.id,
          name: network.name,
          fileName: network.fileName,
          origin: network.origin,
        },
        module: {
          geneSetId: geneSet.id,
          name: geneSet.name,
          fileName: geneSet.fileName,
          origin: geneSet.origin,
        },
        drugLibrary: { fileName: drugs.fileName, origin: drugs.origin, drugs: drugs.drugs },
        degs: degs
          ? {
              fileName: degs.fileName,
              name: degs.name,
              disease: degs.disease,
              group: result.provenance.data.degs?.group ?? null,
            }
          : null,
        signedNetwork: signed ? { fileName: signed.fileName } : null,
        indications,
        startedAt,
        durationMs: performance.now() - started,
      };
    },

    paths(runId, entry, targets, maxGenes = 4) {
      const run = runs.get(runId);
      if (!run) {
        throw new Error(`Screen paths: run "${runId}" is no longer held; run the screen again`);
      }
      const { screen, moduleNodes, ids } = prepared(run);
      const labels: Record<number, string> = {};
      const label = (node: number) => {
        labels[node] = run.network.labels[node];
        return node;
      };
      return {
        runId,
        entry,
        labels,
        targets: targets.map(({ gene, node }) => {
          if (!(Number.isInteger(node) && node >= 0 && node < screen.graph.nodeCount)) {
            throw new RangeError(
              `Screen paths: target ${gene} has no node ${node} in the screen's LCC`,
            );
          }
          const nearest = nearestModuleGenes(screen.graph, ids, moduleNodes, node, maxGenes);
          return {
            gene,
            node: label(screen.originalNode[node]),
            distance: nearest.distance,
            nearestCount: nearest.count,
            nearest: nearest.genes.map((hit) => ({
              gene: run.network.labels[Number(hit.gene)],
              path: hit.path.map((id) => label(Number(id))),
            })),
          };
        }),
      };
    },
  };
}
