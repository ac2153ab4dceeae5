/**
 * Analysis worker
 * ===============
 * Comlink entry point that keeps the main thread free: it chooses the compute backend, fetches
 * and parses the bundled demo data (same origin only), imports the user's files, holds
 * everything loaded (src/app/workspace.ts), computes disease views (src/app/disease-view.ts)
 * and runs the module panel's analyses (src/app/module-analysis.ts).
 * Long jobs take a job id: progress goes to a Comlink-proxied callback and `cancel(jobId)`
 * aborts the job's AbortController, whose signal the module loops check between steps.
 * Every compute engine runs on the BackendInfo the Session sends (the header's choice;
 * src/app/engine-backend.ts) and reports a lost GPU device to the listener `watchBackend` set.
 * Failed imports come back as data ({fileName, line, message}), never as a half-changed
 * workspace.
 */
import * as Comlink from 'comlink';
import type {
  BackendChangeCallback,
  BackendPreference,
  DiseaseViewResult,
  ImportKindChoice,
  ImportOutcome,
  ModuleOptions,
  ModuleResult,
  ProgressCallback,
  WorkspaceSummary,
} from '@/app/analysis-types';
import { DEMO_FILES, DEMO_NETWORK_NAME } from '@/app/demo-data';
import { computeDiseaseView, diseaseViewBuffers } from '@/app/disease-view';
import { engineBackend } from '@/app/engine-backend';
import { fetchDataFile } from '@/app/fetch-data';
import { importFailure } from '@/app/import-failure';
import { createJobRegistry } from '@/app/job-registry';
import { runModuleAnalysis } from '@/app/module-analysis';
import { Workspace } from '@/app/workspace';
import type { ScreenService } from '@/app/screen-analysis';
import type {
  DrugPaths,
  ScreenDataSummary,
  ScreenProgressCallback,
  ScreenRequest,
  ScreenRun,
} from '@/app/screen-types';
import type { EngineOptions } from '@/engine/engine';
import type { BackendInfo } from '@/gpu/backend';
import { importAuto, importDrugTargets, importGeneSets, importNetwork, parseGeneTable } from '@/io';

const workspace = new Workspace();
const jobs = createJobRegistry();
let demo: Promise<void> | null = null;
// The user's last choice: runs sent without a backend (not started yet) choose from it.
let preference: BackendPreference = 'auto';
let backendListener: BackendChangeCallback | null = null;
// Given to every engine this worker builds: a lost GPU device is shown in the header.
const engineOptions: EngineOptions = {
  onBackendChange: (engine, reason) => void backendListener?.({ engine, reason }),
};
// The drug screen (src/app/screen-analysis.ts) and its engine load on first use.
let screenService: Promise<ScreenService> | null = null;
const screens = (): Promise<ScreenService> =>
  (screenService ??= import('@/app/screen-analysis').then((module) =>
    module.createScreenService(workspace, undefined, { engine: engineOptions }),
  ));

function reporter(jobId: string, onProgress: ProgressCallback | undefined) {
  return (label: string, done = 0, total: number | null = null) =>
    void onProgress?.({ jobId, label, done, total });
}

async function loadDemoData(jobId: string, signal: AbortSignal, onProgress?: ProgressCallback) {
  const report = reporter(jobId, onProgress);
  const files = Object.values(DEMO_FILES);
  const loaded = new Map<string, number>();
  const totals = new Map<string, number>();
  const downloads = files.map((fileName) =>
    fetchDataFile(fileName, {
      signal,
      onProgress: ({ loaded: bytes, total }) => {
        loaded.set(fileName, bytes);
        if (total !== null) totals.set(fileName, total);
        const sum = (map: Map<string, number>) => [...map.values()].reduce((a, b) => a + b, 0);
        report(
          'Downloading the demo data',
          sum(loaded),
          totals.size === files.length ? sum(totals) : null,
        );
      },
    }),
  );
  const [genes, interactome, diseaseGenes, drugTargets] = await Promise.all(downloads);
  const options = { signal };

  report('Reading the gene table');
  const geneIndex = await parseGeneTable(genes, DEMO_FILES.genes, options);
  report('Reading the Menche 2015 interactome');
  const network = await importNetwork(interactome, DEMO_FILES.interactome, geneIndex, options);
  report('Reading the disease genes');
  const sets = await importGeneSets(diseaseGenes, DEMO_FILES.diseaseGenes, geneIndex, options);
  report('Reading the drug targets');
  const drugs = await importDrugTargets(drugTargets, DEMO_FILES.drugTargets, geneIndex, options);

  // Only now, with every file parsed, does the workspace change.
  workspace.geneIndex = geneIndex;
  workspace.addNetwork(network, {
    name: DEMO_NETWORK_NAME,
    fileName: DEMO_FILES.interactome,
    origin: 'demo',
  });
  workspace.addGeneSets(sets, DEMO_FILES.diseaseGenes, 'demo');
  workspace.addDrugTargets(drugs, DEMO_FILES.drugTargets, 'demo');
}

const api = {
  /** Chooses the compute backend ('auto' picks the best available) and says why. */
  async init(choice: BackendPreference): Promise<BackendInfo> {
    preference = choice;
    // Loaded on demand: tfjs is large, and the demo data should not wait for it.
    const [{ chooseBackend }, { initTfjsBackend }] = await Promise.all([
      import('@/gpu/backend'),
      import('@/gpu/tfjs-backend'),
    ]);
    const info = await chooseBackend(choice);
    const tfjsBackend = await initTfjsBackend(info);
    if (tfjsBackend === info.tfjsBackend) return info;
    // tfjs could not start the backend asked for and fell back: say so rather than pretend.
    return {
      ...info,
      tfjsBackend: tfjsBackend as BackendInfo['tfjsBackend'],
      reason: `${info.reason}; tfjs ${info.tfjsBackend} failed to start, using ${tfjsBackend}`,
    };
  },

  /** Fetches and parses the bundled demo data once; later calls wait for the same load. */
  async loadDemo(jobId: string, onProgress?: ProgressCallback): Promise<WorkspaceSummary> {
    demo ??= jobs
      .run(jobId, (signal) => loadDemoData(jobId, signal, onProgress))
      .catch((error) => {
        demo = null; // a failed load may be retried
        throw error;
      });
    await demo;
    return workspace.summary();
  },

  async importFile(
    jobId: string,
    file: Blob,
    fileName: string,
    kind: ImportKindChoice,
    onProgress?: ProgressCallback,
  ): Promise<ImportOutcome> {
    const report = reporter(jobId, onProgress);
    try {
      return await jobs.run(jobId, async (signal) => {
        await demo?.catch(() => undefined); // use the gene index when the demo has it
        const options = {
          signal,
          onProgress: (done: number, total: number | null) =>
            report(`Reading ${fileName}`, done, total),
        };
        const imported = await importAuto(file, fileName, workspace.geneIndex, {
          ...options,
          kind: kind === 'auto' ? undefined : kind,
        });
        if (imported.kind === 'network') {
          workspace.addNetwork(imported, { name: fileName, fileName, origin: 'imported' });
        } else if (imported.kind === 'geneSets') {
          workspace.addGeneSets(imported, fileName, 'imported');
        } else if (imported.kind === 'drugTargets') {
          workspace.addDrugTargets(imported, fileName, 'imported');
        } else {
          workspace.addDegTable(imported, fileName);
        }
        return { ok: true, report: imported.report, workspace: workspace.summary() };
      });
    } catch (error) {
      return { ok: false, error: importFailure(error, fileName) };
    }
  },

  /** Sets the listener told when an engine leaves the GPU (device lost); one at a time. */
  watchBackend(listener: BackendChangeCallback): void {
    backendListener = listener;
  },

  /** Aborts a running job (import, demo load or view); unknown ids are ignored. */
  cancel(jobId: string): void {
    jobs.cancel(jobId);
  },

  workspace(): WorkspaceSummary {
    return workspace.summary();
  },

  setActiveNetwork(networkId: string): WorkspaceSummary {
    workspace.setActiveNetwork(networkId);
    return workspace.summary();
  },

  /** Lays out a gene set on the active network; the view's arrays are transferred. */
  async computeDiseaseView(
    jobId: string,
    geneSetId: string,
    onProgress?: ProgressCallback,
  ): Promise<DiseaseViewResult> {
    const result = await jobs.run(jobId, async () => {
      const network = workspace.activeNetwork;
      if (!network) throw new Error('No interactome is loaded yet');
      const geneSet = workspace.geneSet(geneSetId);
      reporter(jobId, onProgress)(`Laying out ${geneSet.name}`);
      return computeDiseaseView(network, geneSet, workspace.geneIndex);
    });
    return Comlink.transfer(result, diseaseViewBuffers(result));
  },

  /**
   * Module panel: LCC significance, DIAMOnD or RWR for a gene set on the active network, with
   * progress; `cancel(jobId)` stops it between random sets. The RWR null runs on `backend`
   * (the session's; null: chosen from the last preference). Arrays are transferred.
   */
  async runModule(
    jobId: string,
    geneSetId: string,
    options: ModuleOptions,
    backend: BackendInfo | null,
    onProgress?: ProgressCallback,
  ): Promise<ModuleResult> {
    const report = reporter(jobId, onProgress);
    const result = await jobs.run(jobId, (signal) => {
      const network = workspace.activeNetwork;
      if (!network) throw new Error('No interactome is loaded yet');
      return runModuleAnalysis(
        network,
        workspace.geneSet(geneSetId),
        workspace.geneIndex,
        options,
        { signal, onProgress: report, backend, preference, engine: engineOptions },
      );
    });
    return Comlink.transfer(result, [
      ...diseaseViewBuffers(result.view),
      result.lcc.nullSizes.buffer as ArrayBuffer,
    ]);
  },

  /** Screen panel: loads the bundled indications, signed network and SAR DEGs (once). */
  screenData(jobId: string): Promise<ScreenDataSummary> {
    return jobs.run(jobId, async (signal) => (await screens()).data(signal));
  },

  /**
   * Screen panel: the drug screen (src/engine/screen-runner.ts runScreen) on the active
   * network, with progress by stage; `cancel(jobId)` stops it between batches.
   */
  screen(
    jobId: string,
    request: ScreenRequest,
    onProgress?: ScreenProgressCallback,
  ): Promise<ScreenRun> {
    return jobs.run(jobId, async (signal) => {
      await demo?.catch(() => undefined);
      const backend = await engineBackend(request.backend, preference);
      return (await screens()).run(jobId, { ...request, backend }, signal, onProgress);
    });
  },

  /** Screen panel: shortest paths from a drug's targets to its nearest module genes. */
  async screenPaths(
    runId: string,
    entry: number,
    targets: { gene: string; node: number }[],
    maxGenes: number,
  ): Promise<DrugPaths> {
    return (await screens()).paths(runId, entry, targets, maxGenes);
  },
};

export type AnalysisApi = typeof api;
Comlink.expose(api);
