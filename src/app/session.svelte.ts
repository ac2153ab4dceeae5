/**
 * Session: the app's state and the only way to change it
 * ======================================================
 * One reactive class that the UI reads and calls. Small UI state is `$state`; worker results
 * with typed arrays are `$state.raw` (reassigned whole, never deep-proxied). All parsing,
 * layout and analysis happen in the analysis worker; this class orders the calls, keeps the
 * newest answer and turns failures into messages. Put in context by App.svelte.
 * The module panel's run (LCC significance, DIAMOnD, RWR) replaces the drawn view with the
 * module's own view until the disease or network changes, or the result is cleared.
 * Runs that build a compute engine are sent the backend the header shows (`backendForRuns`);
 * when the worker says an engine lost its GPU device, the header shows the CPU from then on
 * (engine-backend.ts), and the run in flight still finishes: nothing computed is dropped.
 */
import { createContext } from 'svelte';
import type { BackendInfo } from '@/gpu/backend';
import { viewNeighbours } from '@/render/network-view';
import { NODE_ROLE, type NodeRole } from '@/render/palette';
import type { AnalysisRemote } from './analysis-client';
import type {
  BackendChange,
  BackendPreference,
  DiseaseViewResult,
  GeneSetSummary,
  ImportFailure,
  ImportKindChoice,
  JobProgress,
  ModuleOptions,
  ModuleResult,
  ProgressCallback,
  WorkspaceSummary,
} from './analysis-types';
import type { ImportReport } from '@/io';
import { CancellableJob, errorMessage, type JobState } from './cancellable-job.svelte';
import { DEMO_DISEASE } from './demo-data';
import { backendAfterChange, plainBackendInfo } from './engine-backend';
import { MODULE_DEFAULTS, moduleOptionErrors, type ModuleOptionErrors } from './module-options';

/** What the Session needs from the worker client (a fake in tests). */
export interface SessionClient {
  api: Pick<
    AnalysisRemote,
    | 'init'
    | 'loadDemo'
    | 'importFile'
    | 'cancel'
    | 'computeDiseaseView'
    | 'setActiveNetwork'
    | 'workspace'
    | 'runModule'
    | 'watchBackend'
  >;
  callback<T extends (...args: never[]) => unknown>(fn: T): T;
}

/** One entry of the import log, newest first. */
export interface ImportEntry {
  id: string;
  fileName: string;
  kind: ImportKindChoice;
  status: 'running' | 'ok' | 'error' | 'cancelled';
  report: ImportReport | null;
  error: ImportFailure | null;
}

export interface SelectedGene {
  index: number;
  symbol: string;
  entrezId: string;
  degree: number;
  role: NodeRole;
  seedLinks: number;
  /** Symbols of its neighbours inside the view, disease genes first. */
  diseaseNeighbours: string[];
  otherNeighbours: string[];
}

/** How long the backend may take to start before the header says it failed. */
export const BACKEND_START_TIMEOUT_MS = 30_000;

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

let jobCounter = 0;
const nextJobId = (prefix: string): string => `${prefix}-${++jobCounter}`;

export type ModuleState = JobState;

export class Session {
  // Compute backend
  backend = $state.raw<BackendInfo | null>(null);
  backendPreference = $state<BackendPreference>('auto');
  backendState = $state<'starting' | 'ready' | 'error'>('starting');
  backendError = $state<string | null>(null);
  /** What engine runs are sent: the backend shown, once started (null: the worker chooses). */
  backendForRuns: BackendInfo | null = $derived(
    this.backendState === 'ready' ? this.backend : null,
  );

  // Loaded data (lives in the worker; this is its summary)
  workspace = $state.raw<WorkspaceSummary | null>(null);
  loadState = $state<'loading' | 'ready' | 'error'>('loading');
  loadError = $state<string | null>(null);
  progress = $state.raw<JobProgress | null>(null);

  // The disease view
  geneSetId = $state<string | null>(null);
  diseaseView = $state.raw<DiseaseViewResult | null>(null);
  viewState = $state<'idle' | 'computing' | 'ready' | 'error'>('idle');
  viewError = $state<string | null>(null);
  selectedNode = $state(-1);
  hoveredNode = $state(-1);

  // Import
  importKind = $state<ImportKindChoice>('auto');
  imports = $state.raw<ImportEntry[]>([]);

  // The module panel
  readonly #module = new CancellableJob((jobId) => this.#client.api.cancel(jobId));
  moduleOptions = $state<ModuleOptions>({ ...MODULE_DEFAULTS });
  moduleResult = $state.raw<ModuleResult | null>(null);
  moduleErrors: ModuleOptionErrors = $derived(moduleOptionErrors(this.moduleOptions));
  moduleProgress: JobProgress | null = $derived(
    this.#module.id !== null && this.progress?.jobId === this.#module.id ? this.progress : null,
  );

  /** What the canvas draws: the module's view while a module result is shown. */
  shownView: DiseaseViewResult | null = $derived(this.moduleResult?.view ?? this.diseaseView);

  geneSets: GeneSetSummary[] = $derived(this.workspace?.geneSets ?? []);
  activeNetwork = $derived(
    this.workspace?.networks.find((network) => network.id === this.workspace?.activeNetworkId) ??
      null,
  );
  isImporting = $derived(this.imports.some((entry) => entry.status === 'running'));
  selectedGene: SelectedGene | null = $derived(this.#describe(this.selectedNode));
  hoveredGene: SelectedGene | null = $derived(this.#describe(this.hoveredNode));

  /** Told of each file imported without error (persistence keeps its bytes); null: none. */
  onImported: ((file: File, kind: ImportKindChoice) => void) | null = null;

  #client: SessionClient;
  #viewJob: string | null = null;
  #demoJob: string | null = null;

  constructor(client: SessionClient) {
    this.#client = client;
  }

  get moduleState(): ModuleState {
    return this.#module.state;
  }

  get moduleError(): string | null {
    return this.#module.error;
  }

  get isModuleRunning(): boolean {
    return this.#module.isRunning;
  }

  /** Opens the app: backend and demo data in parallel, then the demo disease. */
  async start(): Promise<void> {
    void this.#client.api.watchBackend(
      this.#client.callback((change: BackendChange) => this.backendChanged(change)),
    );
    const backend = this.setBackendPreference(this.backendPreference);
    await this.loadDemo();
    await backend;
  }

  async setBackendPreference(preference: BackendPreference): Promise<void> {
    this.backendPreference = preference;
    this.backendState = 'starting';
    this.backendError = null;
    try {
      const info = await withTimeout(
        this.#client.api.init(preference),
        BACKEND_START_TIMEOUT_MS,
        `the ${preference} compute backend did not start within ${BACKEND_START_TIMEOUT_MS / 1000} s`,
      );
      if (this.backendPreference !== preference) return; // a newer choice is on its way
      this.backend = info;
      this.backendState = 'ready';
    } catch (error) {
      if (this.backendPreference !== preference) return;
      this.backendError = errorMessage(error);
      this.backendState = 'error';
    }
  }

  /**
   * The worker's word that an engine moved (a lost GPU device: it finished on the CPU). The
   * header says so, later runs go to the CPU, and every result already shown stays.
   */
  backendChanged(change: BackendChange): void {
    if (this.backend === null || this.backendState !== 'ready') return; // a new choice is starting
    this.backend = backendAfterChange(this.backend, change);
  }

  async loadDemo(): Promise<void> {
    const jobId = nextJobId('demo');
    this.#demoJob = jobId;
    this.loadState = 'loading';
    this.loadError = null;
    try {
      this.workspace = await this.#client.api.loadDemo(jobId, this.#progressCallback());
      this.loadState = 'ready';
      const demo = this.geneSets.find((set) => set.name === DEMO_DISEASE) ?? this.geneSets[0];
      if (demo && this.geneSetId === null) await this.showGeneSet(demo.id);
    } catch (error) {
      this.loadError = errorMessage(error);
      this.loadState = 'error';
    } finally {
      if (this.#demoJob === jobId) this.#demoJob = null;
      if (this.progress?.jobId === jobId) this.progress = null;
    }
  }

  /** Lays out a gene set (a disease) on the active network and shows it. */
  async showGeneSet(geneSetId: string): Promise<void> {
    if (this.#viewJob) void this.#client.api.cancel(this.#viewJob);
    this.#dropModule(); // a module belongs to one gene set on one network
    const jobId = nextJobId('view');
    this.#viewJob = jobId;
    this.geneSetId = geneSetId;
    this.viewState = 'computing';
    this.viewError = null;
    try {
      const result = await this.#client.api.computeDiseaseView(
        jobId,
        geneSetId,
        this.#progressCallback(),
      );
      if (this.#viewJob !== jobId) return; // superseded by a newer choice
      this.diseaseView = result;
      this.selectedNode = -1;
      this.hoveredNode = -1;
      this.viewState = 'ready';
    } catch (error) {
      if (this.#viewJob !== jobId) return;
      this.viewError = errorMessage(error);
      this.viewState = 'error';
    } finally {
      if (this.#viewJob === jobId) this.#viewJob = null;
      if (this.progress?.jobId === jobId) this.progress = null;
    }
  }

  async setActiveNetwork(networkId: string): Promise<void> {
    this.#dropModule();
    try {
      this.workspace = await this.#client.api.setActiveNetwork(networkId);
      if (this.geneSetId) await this.showGeneSet(this.geneSetId);
    } catch (error) {
      this.viewError = errorMessage(error);
      this.viewState = 'error';
    }
  }

  /** Imports files one after another; a failure never replaces what is loaded. */
  async importFiles(files: readonly File[]): Promise<void> {
    for (const file of files) await this.#importFile(file);
  }

  cancelImport(entryId: string): void {
    void this.#client.api.cancel(entryId);
  }

  dismissImport(entryId: string): void {
    this.imports = this.imports.filter((entry) => entry.id !== entryId);
  }

  /**
   * Runs the module panel's analysis on the current gene set with the current options. The
   * result's view replaces the drawn one; a newer run, a cancel or another disease drops it.
   */
  async runModule(): Promise<void> {
    const geneSetId = this.geneSetId;
    if (!geneSetId || this.isModuleRunning) return;
    const problems = Object.values(this.moduleErrors);
    if (problems.length > 0) {
      this.#module.fail(`Check the options: ${problems.join('; ')}`);
      return;
    }
    const jobId = nextJobId('module');
    await this.#module.run(
      jobId,
      () =>
        this.#client.api.runModule(
          jobId,
          geneSetId,
          $state.snapshot(this.moduleOptions), // plain data: a $state proxy cannot be cloned
          plainBackendInfo(this.backendForRuns),
          this.#progressCallback(),
        ),
      (result) => {
        this.moduleResult = result;
        this.selectedNode = -1;
        this.hoveredNode = -1;
      },
    );
    if (this.progress?.jobId === jobId) this.progress = null;
  }

  /** Stops the running module analysis; the panel says "cancelled" once the worker stops. */
  cancelModule(): void {
    this.#module.cancel();
  }

  /** Back to the plain disease view. */
  clearModule(): void {
    if (this.isModuleRunning) return;
    this.moduleResult = null;
    this.#module.reset();
    this.selectedNode = -1;
    this.hoveredNode = -1;
  }

  select(index: number): void {
    this.selectedNode = this.selectedNode === index ? -1 : index;
  }

  /** Selects a node of the drawn view (from a table row); −1 is ignored. */
  selectNode(index: number): void {
    if (index >= 0 && index < (this.shownView?.view.nodeCount ?? 0)) this.selectedNode = index;
  }

  hover(index: number): void {
    this.hoveredNode = index;
  }

  /** Selects a gene of the view by its symbol (from the details panel). */
  selectSymbol(symbol: string): void {
    const index = this.shownView?.labels.indexOf(symbol) ?? -1;
    if (index >= 0) this.selectedNode = index;
  }

  async #importFile(file: File): Promise<void> {
    const id = nextJobId('import');
    const kind = this.importKind;
    this.#updateImport({
      id,
      fileName: file.name,
      kind,
      status: 'running',
      report: null,
      error: null,
    });
    try {
      const outcome = await this.#client.api.importFile(
        id,
        file,
        file.name,
        kind,
        this.#progressCallback(),
      );
      if (!outcome.ok) {
        const cancelled = /cancel|abort/i.test(outcome.error.message);
        this.#updateImport({ id, status: cancelled ? 'cancelled' : 'error', error: outcome.error });
        return;
      }
      const known = this.geneSets.map((set) => set.id);
      this.workspace = outcome.workspace;
      this.onImported?.(file, kind);
      this.#updateImport({ id, status: 'ok', report: outcome.report });
      // A gene list the user just dropped is what they want to see: show its (first) set.
      const added = this.geneSets.find((set) => !known.includes(set.id));
      if (added) await this.showGeneSet(added.id);
    } catch (error) {
      this.#updateImport({
        id,
        status: 'error',
        error: {
          fileName: file.name,
          line: null,
          message: errorMessage(error),
          problem: null,
          expected: null,
        },
      });
    } finally {
      if (this.progress?.jobId === id) this.progress = null;
    }
  }

  #updateImport(change: Partial<ImportEntry> & { id: string }): void {
    const existing = this.imports.find((entry) => entry.id === change.id);
    this.imports = existing
      ? this.imports.map((entry) => (entry.id === change.id ? { ...entry, ...change } : entry))
      : [change as ImportEntry, ...this.imports];
  }

  /** Cancels a running module job and forgets the result (the disease or network changed). */
  #dropModule(): void {
    this.#module.reset();
    this.moduleResult = null;
  }

  #progressCallback(): ProgressCallback {
    return this.#client.callback((progress: JobProgress) => {
      this.progress = progress;
    });
  }

  #describe(index: number): SelectedGene | null {
    const result = this.shownView;
    if (!result || index < 0 || index >= result.view.nodeCount) return null;
    const neighbours = viewNeighbours(result.view, index);
    const isDisease = (k: number) =>
      result.view.nodeRoles[k] === NODE_ROLE.diseaseGene ||
      result.view.nodeRoles[k] === NODE_ROLE.moduleGene;
    return {
      index,
      symbol: result.labels[index],
      entrezId: result.entrezIds[index],
      degree: result.degrees[index],
      role: result.view.nodeRoles[index] as NodeRole,
      seedLinks: result.seedLinks[index],
      diseaseNeighbours: neighbours.filter(isDisease).map((k) => result.labels[k]),
      otherNeighbours: neighbours.filter((k) => !isDisease(k)).map((k) => result.labels[k]),
    };
  }
}

export const [getSession, setSession] = createContext<Session>();
