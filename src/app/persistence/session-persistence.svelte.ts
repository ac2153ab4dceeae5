/**
 * Session persistence: keep the session in the browser, export and import it as a file
 * ====================================================================================
 * Beside the app's Session and ScreenSession (which it reads and, on restore, sets). It keeps
 * every file imported as its original bytes, saves the choices and results (snapshot.ts) to
 * the SessionStore a moment after any of them changes (one transaction per save), restores
 * them when the app opens, and writes and reads session files (src/io/session-file).
 * Restoring re-imports the stored files in their order (the same bytes parse to the same
 * data), then sets the choices and the stored results as they were: nothing is recomputed,
 * so the numbers are the stored ones. A state that fails validation changes nothing.
 * Put in context by App.svelte; the storage panel (src/ui/StoragePanel.svelte) shows it.
 */
import { createContext } from 'svelte';
import { APP_PROVENANCE } from '../app-provenance';
import type { AnalysisRemote } from '../analysis-client';
import type { ImportKindChoice, WorkspaceSummary } from '../analysis-types';
import { errorMessage } from '../cancellable-job.svelte';
import type { ScreenSession } from '../screen-session.svelte';
import type { Session } from '../session.svelte';
import { readSessionFile, sha256Hex, writeSessionFile, type InputKind } from '@/io/session-file';
import {
  inputId,
  StorageFullError,
  type SessionStore,
  type StorageItem,
  type StoredInput,
} from './session-store';
import {
  remapIds,
  STATE_VERSION,
  validateSessionState,
  type SessionState,
  type WorkspaceRef,
} from './snapshot';

/** What persistence needs from the worker client (a fake in tests). */
export interface PersistenceClient {
  api: Pick<AnalysisRemote, 'importFile' | 'setActiveNetwork'>;
}

/** Milliseconds after the last change before the session is saved. */
export const SAVE_DELAY_MS = 400;

export interface PersistenceMessage {
  kind: 'info' | 'error';
  text: string;
}

export interface StorageEstimate {
  usage: number | null;
  quota: number | null;
}

let restoreCounter = 0;

export class SessionPersistence {
  readonly #session: Session;
  readonly #screen: ScreenSession;
  readonly #client: PersistenceClient;
  readonly #store: Promise<SessionStore | null>;

  /** Every file imported, as its original bytes, in import order. */
  inputs = $state.raw<StoredInput[]>([]);
  /** Save to the browser after each change (off after "Delete everything"). */
  autosave = $state(true);
  state = $state<'starting' | 'restoring' | 'ready' | 'unavailable'>('starting');
  saving = $state(false);
  lastSaved = $state<string | null>(null);
  message = $state.raw<PersistenceMessage | null>(null);
  items = $state.raw<StorageItem[]>([]);
  estimate = $state.raw<StorageEstimate>({ usage: null, quota: null });
  /** Bytes of the last session file exported or imported, and how long it took (ms). */
  lastTransfer = $state.raw<{ what: string; bytes: number; ms: number } | null>(null);

  #pendingCaptures: Promise<void>[] = [];
  #timer: ReturnType<typeof setTimeout> | null = null;
  #stopWatching: (() => void) | null = null;

  constructor(
    session: Session,
    screen: ScreenSession,
    client: PersistenceClient,
    store: Promise<SessionStore | null>,
  ) {
    this.#session = session;
    this.#screen = screen;
    this.#client = client;
    this.#store = store.catch(() => null);
    session.onImported = (file, kind) => {
      this.#pendingCaptures.push(this.#capture(file, kind));
    };
  }

  /** Opens the app (the Session's start), then restores the stored session and starts saving. */
  async start(): Promise<void> {
    await this.#session.start();
    const store = await this.#store;
    if (!store) {
      this.state = 'unavailable';
      this.message = {
        kind: 'error',
        text: 'This browser gives the page no storage (IndexedDB): the session is not kept; export it to a file to keep it.',
      };
      return;
    }
    this.state = 'restoring';
    try {
      const { session: stored, problems } = await store.load();
      if (stored) {
        await this.restore(stored.inputs, stored.state);
        this.lastSaved = stored.savedAt;
        if (problems.length > 0) {
          this.message = { kind: 'error', text: `Restored, except: ${problems.join('; ')}.` };
        }
      }
    } catch (error) {
      this.message = {
        kind: 'error',
        text: `The stored session could not be restored (${errorMessage(error)}); it is kept as it was.`,
      };
      this.autosave = false; // do not overwrite what could not be read
    }
    this.state = 'ready';
    await this.refreshUsage();
    this.#watch();
  }

  /** Stops watching for changes (tests, teardown). */
  stop(): void {
    this.#stopWatching?.();
    if (this.#timer) clearTimeout(this.#timer);
  }

  /** The choices and results as they are now (snapshot.ts). */
  snapshotState(): SessionState {
    const session = this.#session;
    const screen = this.#screen;
    const workspace = session.workspace;
    const ids: Record<string, WorkspaceRef> = {};
    for (const network of workspace?.networks ?? []) ids[network.id] = refOf(network);
    for (const set of workspace?.geneSets ?? []) ids[set.id] = refOf(set);
    const form = $state.snapshot(screen.form);
    const drugTable = workspace?.drugTables[form.drugTable];
    const degTable =
      typeof form.degSource === 'number' ? workspace?.degTables[form.degSource] : null;
    const { geneSetId, ...formRest } = form;
    return {
      stateVersion: STATE_VERSION,
      choices: {
        backendPreference: session.backendPreference,
        network: session.activeNetwork ? refOf(session.activeNetwork) : null,
        geneSet: session.geneSetId ? (ids[session.geneSetId] ?? null) : null,
        moduleOptions: $state.snapshot(session.moduleOptions),
        selectedNode: session.selectedNode,
        screen: {
          open: screen.open,
          tab: screen.tab,
          form: {
            ...formRest,
            geneSet: geneSetId ? (ids[geneSetId] ?? null) : null,
            drugTable: drugTable
              ? { origin: drugTable.origin, fileName: drugTable.fileName, name: drugTable.fileName }
              : null,
            degSource:
              form.degSource === 'none' || form.degSource === 'bundled'
                ? form.degSource
                : degTable
                  ? { fileName: degTable.fileName }
                  : 'none',
          },
          sortKey: screen.sortKey,
          sortDirection: screen.sortDirection,
          filter: { ...screen.filter },
          page: screen.page,
          selectedEntry: screen.selectedEntry,
        },
      },
      results: {
        diseaseView: session.diseaseView,
        moduleResult: session.moduleResult,
        screenRun: screen.run,
      },
      ids,
    };
  }

  /** Saves now (waiting for files still being read); a failure is shown, never thrown. */
  async saveNow(): Promise<void> {
    const store = await this.#store;
    if (!store) return;
    await Promise.all(this.#pendingCaptures);
    this.saving = true;
    const started = performance.now();
    try {
      await store.save({
        appVersion: APP_PROVENANCE.version,
        inputs: this.inputs,
        state: this.snapshotState(),
      });
      this.lastSaved = isoNow();
      this.lastSaveMs = performance.now() - started;
      if (
        this.message?.kind === 'error' &&
        this.message.text.includes('storage for this site is full')
      ) {
        this.message = null;
      }
    } catch (error) {
      this.message = {
        kind: 'error',
        text:
          error instanceof StorageFullError
            ? error.message
            : `Saving failed (${errorMessage(error)}); what was saved before is kept.`,
      };
    } finally {
      this.saving = false;
    }
    await this.refreshUsage();
  }

  lastSaveMs = $state<number | null>(null);

  /**
   * Re-imports `inputs` (those not loaded already) and sets the choices and results of
   * `rawState`. The state is validated first: if it fails, nothing changes.
   */
  async restore(inputs: readonly StoredInput[], rawState: unknown): Promise<void> {
    const state = validateSessionState(rawState);
    const session = this.#session;
    const screen = this.#screen;
    const loaded = plainSet(this.inputs.map((input) => input.id));
    let workspace: WorkspaceSummary | null = session.workspace;
    const failures: string[] = [];
    for (const input of inputs) {
      if (loaded.has(input.id)) continue;
      const outcome = await this.#client.api.importFile(
        `restore-${++restoreCounter}`,
        new Blob([input.bytes as Uint8Array<ArrayBuffer>]),
        input.fileName,
        input.kind,
      );
      if (!outcome.ok) {
        failures.push(outcome.error.message);
        continue;
      }
      workspace = outcome.workspace;
      this.inputs = [...this.inputs, input];
      loaded.add(input.id);
    }
    if (workspace) session.workspace = workspace;

    const find = (target: WorkspaceRef | null, kind: 'network' | 'geneSet'): string | null => {
      if (!target || !workspace) return null;
      const candidates = kind === 'network' ? workspace.networks : workspace.geneSets;
      return candidates.find((item) => sameRef(refOf(item), target))?.id ?? null;
    };
    const ids = plainMap<string, string>();
    for (const [oldId, target] of Object.entries(state.ids)) {
      const newId = find(target, oldId.includes('-network-') ? 'network' : 'geneSet');
      if (newId) ids.set(oldId, newId);
    }
    const networkId = find(state.choices.network, 'network');
    if (networkId && workspace && workspace.activeNetworkId !== networkId) {
      session.workspace = await this.#client.api.setActiveNetwork(networkId);
      workspace = session.workspace;
    }
    const results = remapIds(state.results, ids);
    const geneSetId = find(state.choices.geneSet, 'geneSet');
    const { choices } = state;
    session.backendPreference = choices.backendPreference;
    // In place: panels hold the options object itself.
    Object.assign(session.moduleOptions, choices.moduleOptions);
    if (geneSetId) {
      if (results.diseaseView && results.diseaseView.stats.geneSetId === geneSetId) {
        session.geneSetId = geneSetId;
        session.diseaseView = results.diseaseView;
        session.viewState = 'ready';
        session.viewError = null;
      } else {
        await session.showGeneSet(geneSetId);
      }
      const module = results.moduleResult;
      if (module && module.provenance.geneSet.id === geneSetId) session.moduleResult = module;
    }
    const view = session.shownView;
    session.selectedNode =
      view && choices.selectedNode < view.view.nodeCount ? choices.selectedNode : -1;

    const { form } = choices.screen;
    const drugTable = (workspace?.drugTables ?? []).findIndex(
      (table) =>
        form.drugTable &&
        table.fileName === form.drugTable.fileName &&
        table.origin === form.drugTable.origin,
    );
    const degIndex =
      typeof form.degSource === 'object'
        ? (workspace?.degTables ?? []).findIndex(
            (table) => table.fileName === (form.degSource as { fileName: string }).fileName,
          )
        : -1;
    const { geneSet, drugTable: _drugTable, degSource, ...formRest } = form;
    // In place, as the module options: the form's fields are bound to it.
    Object.assign(screen.form.methods, form.methods);
    Object.assign(screen.form, {
      ...formRest,
      methods: screen.form.methods,
      geneSetId: geneSet ? find(geneSet, 'geneSet') : null,
      drugTable: Math.max(0, drugTable),
      degSource: typeof degSource === 'object' ? (degIndex >= 0 ? degIndex : 'none') : degSource,
    });
    // A run belongs to its gene set: without it (a file no longer stored) it is not shown.
    const run = results.screenRun;
    screen.run =
      run && (workspace?.geneSets ?? []).some((set) => set.id === run.module.geneSetId)
        ? run
        : null;
    screen.sortKey = choices.screen.sortKey;
    screen.sortDirection = choices.screen.sortDirection;
    screen.filter = { ...choices.screen.filter };
    screen.page = choices.screen.page;
    screen.selectedEntry = results.screenRun ? choices.screen.selectedEntry : -1;
    screen.tab = choices.screen.tab;
    if (choices.screen.open) screen.toggle(true);
    if (failures.length > 0) {
      this.message = {
        kind: 'error',
        text: `Some files could not be read again: ${failures.join('; ')}`,
      };
    }
  }

  /** The whole session as a `twinscreen-session/1` file. */
  async exportSession(): Promise<{ fileName: string; bytes: Uint8Array }> {
    await Promise.all(this.#pendingCaptures);
    const started = performance.now();
    const createdAt = isoNow();
    const bytes = await writeSessionFile({
      createdBy: { app: 'twinscreen', version: APP_PROVENANCE.version },
      createdAt,
      inputs: this.inputs.map(({ fileName, kind, bytes: data }) => ({
        fileName,
        kind,
        bytes: data,
      })),
      state: this.snapshotState(),
    });
    const fileName = `twinscreen-session-${createdAt.slice(0, 19).replace(/[:T]/g, '-')}.twinscreen.zip`;
    this.lastTransfer = { what: 'exported', bytes: bytes.length, ms: performance.now() - started };
    return { fileName, bytes };
  }

  /** Opens a session file; a file that is not one, or is damaged, changes nothing. */
  async importSession(file: Blob & { name: string }): Promise<boolean> {
    const started = performance.now();
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const content = await readSessionFile(bytes, file.name);
      validateSessionState(content.state); // before any file is imported
      const inputs = await Promise.all(
        content.inputs.map((input) => storedInput(input.fileName, input.kind, input.bytes)),
      );
      await this.restore(inputs, content.state);
      this.lastTransfer = {
        what: 'imported',
        bytes: bytes.length,
        ms: performance.now() - started,
      };
      if (this.message?.kind !== 'error') {
        this.message = {
          kind: 'info',
          text: `Opened ${file.name} (made by Twinscreen ${content.createdBy.version} on ${content.createdAt}).`,
        };
      }
      this.scheduleSave();
      return true;
    } catch (error) {
      const text = errorMessage(error);
      this.message = {
        kind: 'error',
        text: text.startsWith(file.name) ? text : `${file.name}: ${text}`,
      };
      return false;
    }
  }

  async refreshUsage(): Promise<void> {
    const store = await this.#store;
    if (!store) return;
    this.items = await store.items();
    const estimate = await navigator.storage?.estimate?.().catch(() => null);
    this.estimate = { usage: estimate?.usage ?? null, quota: estimate?.quota ?? null };
  }

  /** Removes one stored item: an input (kept loaded until reload) or the choices and results. */
  async deleteItem(key: string): Promise<void> {
    const store = await this.#store;
    if (!store) return;
    if (key === 'state') {
      await store.deleteState();
      this.autosave = false;
      this.message = {
        kind: 'info',
        text: 'Stored choices and results deleted; saving is paused.',
      };
    } else if (key.startsWith('input:')) {
      const id = key.slice('input:'.length);
      const input = this.inputs.find((candidate) => candidate.id === id);
      this.inputs = this.inputs.filter((candidate) => candidate.id !== id);
      await store.deleteInput(id);
      this.message = {
        kind: 'info',
        text: `${input?.fileName ?? 'The file'} is no longer stored; it stays loaded until the page is reloaded.`,
      };
    }
    await this.refreshUsage();
  }

  /** Deletes everything stored and pauses saving (turn it on again to keep the session). */
  async deleteAll(): Promise<void> {
    const store = await this.#store;
    if (!store) return;
    if (this.#timer) clearTimeout(this.#timer);
    this.autosave = false;
    await store.clear();
    this.lastSaved = null;
    this.message = { kind: 'info', text: 'Everything stored was deleted; saving is paused.' };
    await this.refreshUsage();
  }

  setAutosave(on: boolean): void {
    this.autosave = on;
    if (on) this.scheduleSave();
  }

  /** Saves SAVE_DELAY_MS after the last call (the change watcher calls it; paused: nothing). */
  scheduleSave(): void {
    if (!this.autosave || this.state !== 'ready') return;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.saveNow();
    }, SAVE_DELAY_MS);
  }

  /** Saves a moment after any stored choice or result changes. */
  #watch(): void {
    this.#stopWatching = $effect.root(() => {
      $effect(() => {
        void this.snapshotState(); // reads every field the snapshot holds
        void this.inputs;
        this.scheduleSave();
      });
    });
  }

  async #capture(file: File, kind: ImportKindChoice): Promise<void> {
    try {
      const input = await storedInput(file.name, kind, new Uint8Array(await file.arrayBuffer()));
      if (!this.inputs.some((other) => other.id === input.id))
        this.inputs = [...this.inputs, input];
    } catch (error) {
      this.message = {
        kind: 'error',
        text: `${file.name} could not be kept (${errorMessage(error)})`,
      };
    }
  }
}

export async function storedInput(
  fileName: string,
  kind: InputKind,
  bytes: Uint8Array,
): Promise<StoredInput> {
  const sha256 = await sha256Hex(bytes);
  return { id: inputId({ sha256, kind, fileName }), fileName, kind, sha256, bytes };
}

// Plain (non-reactive) helpers: locals of one call, never state.
const isoNow = (): string => new Date().toISOString();
const plainSet = <T>(values: Iterable<T>): Set<T> => new Set(values);
const plainMap = <K, V>(): Map<K, V> => new Map();

function refOf(item: {
  origin: WorkspaceRef['origin'];
  fileName: string;
  name: string;
}): WorkspaceRef {
  return { origin: item.origin, fileName: item.fileName, name: item.name };
}

const sameRef = (a: WorkspaceRef, b: WorkspaceRef): boolean =>
  a.origin === b.origin && a.fileName === b.fileName && a.name === b.name;

export const [getPersistence, setPersistence] = createContext<SessionPersistence>();
