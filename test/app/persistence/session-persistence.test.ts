import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { DiseaseViewResult, ModuleResult, WorkspaceSummary } from '@/app/analysis-types';
import {
  SessionPersistence,
  type PersistenceClient,
} from '@/app/persistence/session-persistence.svelte';
import { SessionStore } from '@/app/persistence/session-store';
import { validateSessionState } from '@/app/persistence/snapshot';
import { ScreenSession, type ScreenClient } from '@/app/screen-session.svelte';
import type { ScreenRun } from '@/app/screen-types';
import { Session, type SessionClient } from '@/app/session.svelte';
import { csrFromEdges } from '@/core/graph/csr';
import { screenDrugs } from '@/core/screen/drug-screen';
import { readSessionFile, writeSessionFile } from '@/io/session-file';
import { buildNetworkView } from '@/render/network-view';
import { TOY_INPUT, TOY_OPTIONS } from '../../core/screen/toy-screen';

const MARKUP_SET = '<script>alert(1)</script>my set';
const MARKUP_FILE = '<img src=x onerror=alert(2)>.tsv';

function workspaceOf(importedSetId: string | null): WorkspaceSummary {
  return {
    networks: [
      {
        id: 'demo-network-1',
        name: 'Menche',
        fileName: 'i.tsv.gz',
        origin: 'demo',
        nodeCount: 3,
        interactionCount: 2,
      },
    ],
    activeNetworkId: 'demo-network-1',
    geneSets: [
      {
        id: 'demo-set-2-0',
        name: 'arthritis, rheumatoid',
        fileName: 'd.tsv.gz',
        origin: 'demo',
        geneCount: 3,
      },
      ...(importedSetId
        ? [
            {
              id: importedSetId,
              name: MARKUP_SET,
              fileName: MARKUP_FILE,
              origin: 'imported' as const,
              geneCount: 2,
            },
          ]
        : []),
    ],
    drugCount: 6,
    drugTables: [{ fileName: 'drugs.tsv.gz', drugCount: 6, origin: 'demo' }],
    degTables: [],
  };
}

function viewOf(geneSetId: string, x = 0): DiseaseViewResult {
  const graph = csrFromEdges(3, Uint32Array.of(0, 1, 1, 2), Uint32Array.of(1, 0, 2, 1));
  return {
    view: buildNetworkView(graph, Float32Array.of(x, 0.1, 1, 0, 2, 0), Uint8Array.of(2, 2, 0)),
    nodes: Uint32Array.of(0, 1, 2),
    labels: ['<b>A</b>', 'B', 'C'],
    entrezIds: ['1', '2', ''],
    degrees: Uint32Array.of(1, 2, 1),
    seedLinks: Uint32Array.of(1, 1, 1),
    stats: {
      geneSetId,
      geneSetName: MARKUP_SET,
      networkName: 'Menche',
      genesGiven: 2,
      genesInNetwork: 2,
      lccSize: 2,
      componentCount: 1,
      neighboursShown: 1,
      neighboursEligible: 1,
      neighboursTotal: 1,
      minLinks: 1,
      genesMissing: ['<img src=y>'],
      addedCount: 0,
    },
  };
}

function moduleOf(geneSetId: string): ModuleResult {
  return {
    provenance: {
      network: { id: 'demo-network-1', name: 'Menche', fileName: 'i.tsv.gz' },
      geneSet: { id: geneSetId, name: MARKUP_SET, fileName: MARKUP_FILE },
    },
    lcc: {
      size: 2,
      setSize: 2,
      z: 1.25,
      pValue: 0.03,
      nullMean: 1.1,
      nullSd: NaN,
      nullSizes: Uint32Array.of(1, 2, 1),
      members: ['A', 'B'],
    },
    module: { description: 'LCC', size: 2 },
    genes: [
      {
        symbol: 'A',
        entrezId: '1',
        viewIndex: 0,
        kind: 'disease',
        degree: 1,
        betweenness: 0,
        closeness: 1,
        eigenvector: 1,
        pagerank: 0.5,
      },
    ],
    diamond: null,
    rwr: null,
    view: viewOf(geneSetId, 7),
  } as unknown as ModuleResult;
}

function screenRunOf(geneSetId: string): ScreenRun {
  return {
    id: 'screen-1',
    result: screenDrugs(TOY_INPUT, TOY_OPTIONS),
    request: {
      geneSetId,
      drugTable: 0,
      methods: ['proximity'],
      degSource: 'none',
      degGroup: null,
      degDisease: null,
      indicationTerm: '',
      iterations: 100,
      seed: 5,
      sampling: 'shared',
    },
    network: { id: 'demo-network-1', name: 'Menche', fileName: 'i.tsv.gz', origin: 'demo' },
    module: { geneSetId, name: MARKUP_SET, fileName: MARKUP_FILE, origin: 'imported' },
    drugLibrary: { fileName: 'drugs.tsv.gz', origin: 'demo', drugs: 6 },
    degs: null,
    signedNetwork: null,
    indications: null,
    startedAt: '2026-12-04T00:00:00Z',
    durationMs: 3,
  };
}

/** A fake worker that numbers the imported set `importedSetId` (another worker: another id). */
function fakeApp(importedSetId: string) {
  let imported = false;
  const api = {
    init: vi.fn(async () => ({
      engine: 'cpu',
      tfjsBackend: 'cpu',
      adapter: null,
      threads: 1,
      reason: 'test',
    })),
    loadDemo: vi.fn(async () => workspaceOf(null)),
    importFile: vi.fn(async (_job: string, file: Blob, fileName: string) => {
      const text = await file.text();
      if (!text.startsWith('gene')) {
        return {
          ok: false,
          error: {
            fileName,
            line: 1,
            message: `${fileName}, line 1: not genes`,
            problem: null,
            expected: null,
          },
        };
      }
      imported = true;
      return { ok: true, report: {}, workspace: workspaceOf(importedSetId) };
    }),
    cancel: vi.fn(async () => undefined),
    computeDiseaseView: vi.fn(async (_job: string, id: string) => viewOf(id)),
    setActiveNetwork: vi.fn(async () => workspaceOf(imported ? importedSetId : null)),
    workspace: vi.fn(async () => workspaceOf(imported ? importedSetId : null)),
    runModule: vi.fn(async (_job: string, id: string) => moduleOf(id)),
    watchBackend: vi.fn(),
    screenData: vi.fn(async () => ({ bundledDegs: { groups: [], disease: null } })),
    screen: vi.fn(),
    screenPaths: vi.fn(),
  };
  const client = { api, callback: <T>(fn: T) => fn };
  const session = new Session(client as unknown as SessionClient);
  const screen = new ScreenSession(session, client as unknown as ScreenClient);
  return { api, session, screen, client: client as unknown as PersistenceClient };
}

let databases = 0;
const GENES = new TextEncoder().encode('gene\nTNF\nIL6\n');

/** Session A: imports the set, runs a module, has a screen run; saved to `store`. */
async function sessionA(store: SessionStore) {
  const app = fakeApp('imported-set-3-0');
  const persistence = new SessionPersistence(
    app.session,
    app.screen,
    app.client,
    Promise.resolve(store),
  );
  await persistence.start();
  await app.session.importFiles([new File([GENES], MARKUP_FILE)]);
  app.session.moduleOptions.randomSets = 250;
  app.session.moduleOptions.seed = 9;
  await app.session.runModule();
  app.session.selectNode(1);
  app.screen.run = screenRunOf('imported-set-3-0');
  app.screen.form.iterations = 100;
  app.screen.form.geneSetId = 'imported-set-3-0';
  app.screen.tab = 'drugs';
  await persistence.saveNow();
  persistence.stop();
  return { ...app, persistence };
}

function expectSameSession(
  a: Awaited<ReturnType<typeof sessionA>>,
  b: ReturnType<typeof fakeApp>,
  setId: string,
) {
  expect(b.session.geneSetId).toBe(setId);
  expect(b.session.diseaseView).toEqual({
    ...a.session.diseaseView,
    stats: { ...a.session.diseaseView!.stats, geneSetId: setId },
  });
  expect(b.session.moduleResult!.lcc).toEqual(a.session.moduleResult!.lcc);
  expect(b.session.moduleResult!.view.view).toEqual(a.session.moduleResult!.view.view);
  expect(b.session.moduleResult!.provenance.geneSet.id).toBe(setId);
  expect(b.session.shownView!.view.nodePositions[0]).toBe(7);
  expect(b.session.selectedNode).toBe(1);
  expect({ ...b.session.moduleOptions }).toEqual({ ...a.session.moduleOptions });
  expect(b.screen.run!.result).toEqual(a.screen.run!.result);
  expect(b.screen.run!.module.geneSetId).toBe(setId);
  expect(b.screen.isStale).toBe(false);
  expect(b.screen.form.geneSetId).toBe(setId);
  expect(b.screen.form.iterations).toBe(100);
  expect(b.screen.tab).toBe('drugs');
}

describe('SessionPersistence', () => {
  it('restores the stored session in a new app: same files, choices and results, ids remapped', async () => {
    const store = await SessionStore.open({ name: `persist-${++databases}` });
    const a = await sessionA(store);
    expect(a.persistence.inputs.map((input) => input.fileName)).toEqual([MARKUP_FILE]);

    const b = fakeApp('imported-set-8-0'); // this worker numbers the same file differently
    const persistence = new SessionPersistence(
      b.session,
      b.screen,
      b.client,
      Promise.resolve(store),
    );
    await persistence.start();
    persistence.stop();
    expect(b.api.importFile).toHaveBeenCalledTimes(1);
    expect(new Uint8Array(await (b.api.importFile.mock.calls[0][1] as Blob).arrayBuffer())).toEqual(
      GENES,
    );
    expect(b.api.importFile.mock.calls[0][2]).toBe(MARKUP_FILE);
    expect(b.api.runModule).not.toHaveBeenCalled(); // restored, not recomputed
    expectSameSession(a, b, 'imported-set-8-0');
    expect(persistence.message).toBeNull();
  });

  it('restores without a file deleted from storage: its set, module and screen are not shown', async () => {
    const store = await SessionStore.open({ name: `persist-${++databases}` });
    const a = await sessionA(store);
    await a.persistence.deleteItem(`input:${a.persistence.inputs[0].id}`);
    await a.persistence.saveNow();
    expect(a.persistence.items.map((item) => item.label)).toEqual(['Choices and results']);

    const b = fakeApp('imported-set-8-0');
    const persistence = new SessionPersistence(
      b.session,
      b.screen,
      b.client,
      Promise.resolve(store),
    );
    await persistence.start();
    persistence.stop();
    expect(b.api.importFile).not.toHaveBeenCalled();
    expect(b.session.geneSetId).toBe('demo-set-2-0'); // the demo disease, as on a first visit
    expect(b.session.moduleResult).toBeNull();
    expect(b.screen.run).toBeNull();
    expect({ ...b.session.moduleOptions }).toEqual({ ...a.session.moduleOptions });
  });

  it('exports a session file and imports it elsewhere with the same numbers', async () => {
    const a = await sessionA(await SessionStore.open({ name: `persist-${++databases}` }));
    const { bytes, fileName } = await a.persistence.exportSession();
    expect(fileName).toMatch(/^twinscreen-session-[\d-]+\.twinscreen\.zip$/);

    const b = fakeApp('imported-set-5-0');
    const persistence = new SessionPersistence(
      b.session,
      b.screen,
      b.client,
      SessionStore.open({ name: `persist-${++databases}` }),
    );
    await persistence.start();
    const file = new File([bytes as Uint8Array<ArrayBuffer>], 'from-a.twinscreen.zip');
    expect(await persistence.importSession(file)).toBe(true);
    persistence.stop();
    expectSameSession(a, b, 'imported-set-5-0');
    expect(persistence.message?.text).toMatch(/^Opened from-a\.twinscreen\.zip/);
    const reexported = await persistence.exportSession();
    const first = await readSessionFile(bytes, 'a');
    const second = await readSessionFile(reexported.bytes, 'b');
    expect(second.inputs).toEqual(first.inputs);
    const results = (state: unknown) => (state as { results: unknown }).results;
    // Ids differ by design (remapped); the module's numbers are bit-identical.
    expect((results(second.state) as { moduleResult: ModuleResult }).moduleResult.lcc).toEqual(
      (results(first.state) as { moduleResult: ModuleResult }).moduleResult.lcc,
    );
  });

  it('changes nothing when a session file fails validation', async () => {
    const a = await sessionA(await SessionStore.open({ name: `persist-${++databases}` }));
    const good = await readSessionFile((await a.persistence.exportSession()).bytes, 'a');
    const state = good.state as { results: { diseaseView: DiseaseViewResult } };
    state.results.diseaseView.labels.pop(); // 2 labels for 3 nodes
    const bad = await writeSessionFile(good);

    const b = fakeApp('imported-set-5-0');
    const persistence = new SessionPersistence(
      b.session,
      b.screen,
      b.client,
      SessionStore.open({ name: `persist-${++databases}` }),
    );
    await persistence.start();
    const before = {
      view: b.session.diseaseView,
      set: b.session.geneSetId,
      workspace: b.session.workspace,
    };
    expect(
      await persistence.importSession(new File([bad as Uint8Array<ArrayBuffer>], 'bad.zip')),
    ).toBe(false);
    persistence.stop();
    expect(persistence.message).toEqual({
      kind: 'error',
      text: 'bad.zip: state.results.diseaseView.labels: expected 3 labels',
    });
    expect(b.api.importFile).not.toHaveBeenCalled();
    expect({
      view: b.session.diseaseView,
      set: b.session.geneSetId,
      workspace: b.session.workspace,
    }).toEqual(before);
  });

  it('saves a moment after a change, and not after "Delete everything"', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const store = await SessionStore.open({ name: `persist-${++databases}` });
      const app = fakeApp('imported-set-3-0');
      const persistence = new SessionPersistence(
        app.session,
        app.screen,
        app.client,
        Promise.resolve(store),
      );
      await persistence.start();
      const save = vi.spyOn(persistence, 'saveNow');
      // The change watcher ($effect, not run by Svelte's server build in Node; the e2e covers
      // it) calls scheduleSave on every change: two changes in a row give one save.
      app.session.moduleOptions.seed = 41;
      persistence.scheduleSave();
      await vi.advanceTimersByTimeAsync(200);
      app.session.moduleOptions.seed = 42;
      persistence.scheduleSave();
      await vi.advanceTimersByTimeAsync(200);
      expect(save).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(500);
      expect(save).toHaveBeenCalledTimes(1);
      await save.mock.results[0].value;
      const stored = (await store.load()).session!.state as {
        choices: { moduleOptions: { seed: number } };
      };
      expect(stored.choices.moduleOptions.seed).toBe(42);

      await persistence.deleteAll();
      app.session.moduleOptions.seed = 43;
      persistence.scheduleSave();
      await vi.advanceTimersByTimeAsync(500);
      expect(save).toHaveBeenCalledTimes(1);
      expect((await store.load()).session).toBeNull();
      persistence.stop();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('validateSessionState', () => {
  it('names the field that is wrong', async () => {
    const a = await sessionA(await SessionStore.open({ name: `persist-${++databases}` }));
    const state = a.persistence.snapshotState();
    expect(validateSessionState(state)).toBe(state);
    const broken = (change: (copy: typeof state) => void) => {
      const copy = structuredClone(state);
      change(copy);
      return () => validateSessionState(copy);
    };
    expect(broken((s) => (s.stateVersion = 0))).toThrow(
      'state.stateVersion: expected 1 (this state has 0)',
    );
    expect(broken((s) => (s.results.diseaseView!.view.edgeEndpoints[0] = 99))).toThrow(
      'state.results.diseaseView.view.edgeEndpoints: expected node indices below 3',
    );
    expect(
      broken(
        (s) =>
          ((s.results.moduleResult!.view.view as { nodeRadii: unknown }).nodeRadii = [1, 2, 3]),
      ),
    ).toThrow('state.results.moduleResult.view.view.nodeRadii: expected a Float32Array');
    expect(
      broken((s) => ((s.choices.moduleOptions as { method: string }).method = 'eval')),
    ).toThrow('state.choices.moduleOptions.method: expected one of lcc, diamond, rwr');
    expect(broken((s) => ((s.choices.screen.form as { sampling: string }).sampling = 'x'))).toThrow(
      /state.choices.screen.form.sampling: expected one of/,
    );
  });
});
