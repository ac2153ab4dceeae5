/**
 * Screen session: the "Screen drugs" panel's state and the only way to change it
 * ==============================================================================
 * A reactive class beside the app's Session (which it reads: gene sets, the disease shown,
 * the workspace, the compute backend). It holds the form, runs the screen in the analysis
 * worker with progress by stage and a cancel, keeps the result (`$state.raw`: ~1,300 drugs,
 * never deep-proxied), and derives the table (search, filters, sort, one page at a time), the
 * drug chosen and its shortest paths to the module, which the network canvas draws.
 * Maths lives elsewhere: screen-table.ts, screen-options.ts, src/render/screen-paths.ts.
 * Put in context by App.svelte.
 */
import { createContext } from 'svelte';
import type { DrugCombination, DrugScreenResult } from '@/core/screen/drug-screen';
import { bundledDegDisease, degDiseaseWarning } from '@/core/screen/screen-direction';
import { buildPathOverlay, type PathOverlay } from '@/render/screen-paths';
import type { AnalysisRemote } from './analysis-client';
import type { DiseaseViewResult, GeneSetSummary } from './analysis-types';
import { CancellableJob, errorMessage, type JobState } from './cancellable-job.svelte';
import type { Session } from './session.svelte';
import {
  SCREEN_FORM_DEFAULTS,
  indicationTermFor,
  screenFormErrors,
  screenRequest,
  type ScreenForm,
  type ScreenFormErrors,
} from './screen-options';
import {
  DRUG_COLUMNS,
  DRUG_FILTER_DEFAULTS,
  directionBanner,
  drugRows,
  filterDrugRows,
  knownNameSet,
  pageCount,
  pageRows,
  sortDrugRows,
  type DirectionBanner,
  type DrugColumnKey,
  type DrugFilter,
  type DrugRow,
  type SortDirection,
} from './screen-table';
import type { DrugPaths, ScreenDataSummary, ScreenProgress, ScreenRun } from './screen-types';

/** What the screen session needs from the worker client (a fake in tests). */
export interface ScreenClient {
  api: Pick<AnalysisRemote, 'screenData' | 'screen' | 'screenPaths' | 'cancel'>;
  callback<T extends (...args: never[]) => unknown>(fn: T): T;
}

export type ScreenState = JobState;
export type ScreenTab = 'setup' | 'drugs' | 'validation';

/** Rows per page of the drug table. */
export const DRUG_PAGE_SIZE = 25;
/** Nearest module genes drawn per target. */
export const PATHS_PER_TARGET = 4;

let screenCounter = 0;

export class ScreenSession {
  // Declared first: the fields below derive from them.
  readonly #session: Session;
  readonly #client: ScreenClient;
  readonly #job = new CancellableJob((jobId) => this.#client.api.cancel(jobId));

  // The panel
  open = $state(false);
  tab = $state<ScreenTab>('setup');

  // The form
  form = $state<ScreenForm>({
    ...SCREEN_FORM_DEFAULTS,
    methods: { ...SCREEN_FORM_DEFAULTS.methods },
  });

  // Bundled screen data (indications, signed network, SAR DEGs)
  data = $state.raw<ScreenDataSummary | null>(null);
  dataState = $state<'idle' | 'loading' | 'ready' | 'error'>('idle');
  dataError = $state<string | null>(null);

  // The run
  progress = $state.raw<ScreenProgress | null>(null);
  run = $state.raw<ScreenRun | null>(null);

  // The table
  sortKey = $state<DrugColumnKey>('rank');
  sortDirection = $state<SortDirection>('asc');
  filter = $state<DrugFilter>({ ...DRUG_FILTER_DEFAULTS });
  page = $state(0);

  // The drug chosen and its paths to the module
  selectedEntry = $state(-1);
  paths = $state.raw<DrugPaths | null>(null);
  pathsState = $state<'idle' | 'loading' | 'ready' | 'error'>('idle');
  pathsError = $state<string | null>(null);

  /** The module the form screens: the gene set chosen, else the disease shown. */
  module: GeneSetSummary | null = $derived(
    this.#app.geneSets.find((set) => set.id === (this.form.geneSetId ?? this.#app.geneSetId)) ??
      null,
  );
  /** Gene sets offered besides the disease shown: the imported ones. */
  importedGeneSets: GeneSetSummary[] = $derived(
    this.#app.geneSets.filter((set) => set.origin === 'imported'),
  );
  drugTables = $derived(this.#app.workspace?.drugTables ?? []);
  degTables = $derived(this.#app.workspace?.degTables ?? []);
  /** Cell types (groups) of the DEG table chosen. */
  degGroups: string[] = $derived(
    this.form.degSource === 'bundled'
      ? (this.data?.bundledDegs.groups ?? [])
      : typeof this.form.degSource === 'number'
        ? (this.degTables[this.form.degSource]?.groups ?? [])
        : [],
  );
  /**
   * The disease the chosen DEGs come from: the bundled table's, or what the user typed for an
   * imported one (else the bundled table's when that file was imported); null: none stated.
   */
  degDisease: string | null = $derived.by(() => {
    const source = this.form.degSource;
    if (source === 'bundled') return this.data?.bundledDegs.disease ?? null;
    if (typeof source !== 'number') return null;
    const typed = this.form.degDisease.trim();
    const fileName = this.degTables[source]?.fileName;
    return typed !== '' ? typed : fileName ? bundledDegDisease(fileName) : null;
  });
  /** Before a run: the DEGs come from another disease than the module's (null: they do not). */
  degDiseaseWarning: string | null = $derived(
    this.module && this.form.degSource !== 'none'
      ? degDiseaseWarning(this.module.name, this.degDisease)
      : null,
  );
  indicationTerm = $derived(this.module ? indicationTermFor(this.form, this.module.name) : '');
  formErrors: ScreenFormErrors = $derived(screenFormErrors(this.form));
  canRun = $derived(
    this.module !== null &&
      this.#app.loadState === 'ready' &&
      this.drugTables.length > 0 &&
      Object.keys(this.formErrors).length === 0 &&
      !this.isRunning,
  );

  /** The run's progress (null when another job reported last). */
  runProgress: ScreenProgress | null = $derived(
    this.#job.id !== null && this.progress?.jobId === this.#job.id ? this.progress : null,
  );

  /** The result was computed on another network than the active one. */
  isStale = $derived(
    this.run !== null && this.#app.workspace?.activeNetworkId !== this.run.network.id,
  );

  known: ReadonlySet<string> = $derived(knownNameSet(this.run?.indications?.drugNames ?? []));
  rows: DrugRow[] = $derived(this.run ? drugRows(this.run.result, this.known) : []);
  /** What the drug table's header says about direction (null before a run). */
  directionBanner: DirectionBanner | null = $derived(
    this.run ? directionBanner(this.run.result) : null,
  );
  shownRows: DrugRow[] = $derived(
    sortDrugRows(filterDrugRows(this.rows, this.filter), this.sortKey, this.sortDirection),
  );
  pageCount = $derived(pageCount(this.shownRows.length, DRUG_PAGE_SIZE));
  pageRows: DrugRow[] = $derived(pageRows(this.shownRows, this.page, DRUG_PAGE_SIZE));

  selectedDrug: DrugScreenResult | null = $derived(
    this.run?.result.drugs.find((drug) => drug.entry === this.selectedEntry) ?? null,
  );
  selectedRow: DrugRow | null = $derived(
    this.rows.find((row) => row.entry === this.selectedEntry) ?? null,
  );
  /** Complementary-exposure partners (Cheng 2019 P2) of the drug chosen, largest s_AB first. */
  partners: DrugCombination[] = $derived(
    this.selectedEntry < 0
      ? []
      : (this.run?.result.combinations ?? [])
          .filter(
            (pair) =>
              pair.isComplementary &&
              (pair.entryA === this.selectedEntry || pair.entryB === this.selectedEntry),
          )
          .sort((a, b) => b.sAB - a.sAB),
  );
  /** Paths of the drug chosen, when they belong to the current run and network. */
  shownPaths: DrugPaths | null = $derived(
    this.paths &&
      !this.isStale &&
      this.run !== null &&
      this.paths.runId === this.run.id &&
      this.paths.entry === this.selectedEntry
      ? this.paths
      : null,
  );

  #pathsRequest = 0;

  /** The app's Session (a getter: the derived fields above read it lazily, after construction). */
  get #app(): Session {
    return this.#session;
  }

  constructor(session: Session, client: ScreenClient) {
    this.#session = session;
    this.#client = client;
  }

  get state(): ScreenState {
    return this.#job.state;
  }

  /** Why the last run failed (or the form's problems), null otherwise. */
  get error(): string | null {
    return this.#job.error;
  }

  get isRunning(): boolean {
    return this.#job.isRunning;
  }

  /** Opens (or closes) the panel; the first opening loads the bundled screen data. */
  toggle(open = !this.open): void {
    this.open = open;
    if (open && this.dataState === 'idle') void this.loadData();
  }

  showTab(tab: ScreenTab): void {
    this.tab = tab;
    this.toggle(true);
  }

  async loadData(): Promise<void> {
    if (this.dataState === 'loading') return;
    this.dataState = 'loading';
    this.dataError = null;
    try {
      this.data = await this.#client.api.screenData(`screen-data-${++screenCounter}`);
      this.dataState = 'ready';
      if (this.form.degSource === 'bundled' && this.form.degGroup === null) {
        this.form.degGroup = this.degGroups[0] ?? null;
      }
    } catch (error) {
      this.dataError = errorMessage(error);
      this.dataState = 'error';
    }
  }

  /** Chooses the DEG table and its first group (an imported table's disease is typed again). */
  setDegSource(source: ScreenForm['degSource']): void {
    this.form.degSource = source;
    this.form.degGroup = this.degGroups[0] ?? null;
    this.form.degDisease = '';
    if (source === 'bundled' && this.dataState === 'idle') void this.loadData();
  }

  /** Runs the screen with the form's choices; the result replaces the previous one. */
  async start(): Promise<void> {
    const module = this.module;
    if (!module || this.isRunning) return;
    const problems = Object.values(this.formErrors);
    if (problems.length > 0) {
      this.#job.fail(`Check the options: ${problems.join('; ')}`);
      return;
    }
    if (!this.canRun) return;
    const jobId = `screen-${++screenCounter}`;
    const request = screenRequest(
      this.form,
      { geneSetId: module.id, name: module.name },
      this.#app.backendForRuns,
    );
    await this.#job.run(
      jobId,
      () =>
        this.#client.api.screen(
          jobId,
          request,
          this.#client.callback((progress: ScreenProgress) => {
            if (progress.jobId === this.#job.id) this.progress = progress;
          }),
        ),
      (run) => {
        this.run = run;
        this.tab = 'drugs';
        this.page = 0;
        this.selectedEntry = -1;
        this.paths = null;
        this.pathsState = 'idle';
      },
    );
    if (this.progress?.jobId === jobId) this.progress = null;
  }

  /** Stops the running screen; the panel says "cancelled" once the worker has stopped. */
  cancel(): void {
    this.#job.cancel();
  }

  sortBy(key: DrugColumnKey): void {
    if (this.sortKey === key) {
      this.sortDirection = this.sortDirection === 'asc' ? 'desc' : 'asc';
    } else {
      this.sortKey = key;
      this.sortDirection =
        DRUG_COLUMNS.find((column) => column.key === key)?.firstDirection ?? 'asc';
    }
    this.page = 0;
  }

  setFilter(change: Partial<DrugFilter>): void {
    this.filter = { ...this.filter, ...change };
    this.page = 0;
  }

  setPage(page: number): void {
    this.page = Math.min(Math.max(0, page), this.pageCount - 1);
  }

  /** Opens a drug's details and asks the worker for its paths to the module. */
  async selectDrug(entry: number): Promise<void> {
    const run = this.run;
    const drug = run?.result.drugs.find((candidate) => candidate.entry === entry);
    if (!run || !drug) return;
    this.selectedEntry = entry;
    const request = ++this.#pathsRequest;
    this.pathsState = 'loading';
    this.pathsError = null;
    try {
      const paths = await this.#client.api.screenPaths(
        run.id,
        entry,
        drug.explanation.targets.map((target) => ({ gene: target.gene, node: target.node })),
        PATHS_PER_TARGET,
      );
      if (request !== this.#pathsRequest) return;
      this.paths = paths;
      this.pathsState = 'ready';
    } catch (error) {
      if (request !== this.#pathsRequest) return;
      this.pathsError = errorMessage(error);
      this.pathsState = 'error';
    }
  }

  clearDrug(): void {
    this.#pathsRequest++;
    this.selectedEntry = -1;
    this.paths = null;
    this.pathsState = 'idle';
  }

  /** The chosen drug's paths laid over a drawn view (null: nothing to draw). */
  overlayFor(result: DiseaseViewResult | null): PathOverlay | null {
    const paths = this.shownPaths;
    if (!result || !paths) return null;
    const lists = paths.targets.flatMap((target) =>
      target.nearest.length > 0 ? target.nearest.map((hit) => hit.path) : [[target.node]],
    );
    return buildPathOverlay(result, lists, (node) => paths.labels[node] ?? String(node));
  }
}

export const [getScreenSession, setScreenSession] = createContext<ScreenSession>();
