import { describe, expect, it, vi } from 'vitest';
import type {
  BackendChange,
  DiseaseViewResult,
  ImportOutcome,
  ModuleResult,
  WorkspaceSummary,
} from '@/app/analysis-types';
import { backendLabel } from '@/app/backend-label';
import { BACKEND_START_TIMEOUT_MS, Session, type SessionClient } from '@/app/session.svelte';
import { csrFromEdges } from '@/core/graph/csr';
import type { BackendInfo } from '@/gpu/backend';
import { buildNetworkView } from '@/render/network-view';
import { GPU_BACKEND as GPU } from './backends';
import { deferred } from './deferred';

const WORKSPACE: WorkspaceSummary = {
  networks: [
    {
      id: 'n1',
      name: 'Menche',
      fileName: 'm.tsv.gz',
      origin: 'demo',
      nodeCount: 3,
      interactionCount: 2,
    },
  ],
  activeNetworkId: 'n1',
  geneSets: [
    { id: 's1', name: 'asthma', fileName: 'd.tsv.gz', origin: 'demo', geneCount: 2 },
    { id: 's2', name: 'arthritis, rheumatoid', fileName: 'd.tsv.gz', origin: 'demo', geneCount: 2 },
  ],
  drugCount: 0,
  drugTables: [],
  degTables: [],
};

/** A view of the path A – B – C, where A and B are module genes and C a neighbour. */
function viewOf(name: string): DiseaseViewResult {
  const graph = csrFromEdges(3, Uint32Array.of(0, 1, 1, 2), Uint32Array.of(1, 0, 2, 1));
  return {
    view: buildNetworkView(graph, Float32Array.of(0, 0, 1, 0, 2, 0), Uint8Array.of(2, 2, 0)),
    nodes: Uint32Array.of(0, 1, 2),
    labels: ['A', 'B', 'C'],
    entrezIds: ['1', '2', '3'],
    degrees: Uint32Array.of(1, 2, 1),
    seedLinks: Uint32Array.of(1, 1, 1),
    stats: {
      geneSetId: name,
      geneSetName: name,
      networkName: 'Menche',
      genesGiven: 2,
      genesInNetwork: 2,
      lccSize: 2,
      componentCount: 1,
      neighboursShown: 1,
      neighboursEligible: 1,
      neighboursTotal: 1,
      minLinks: 1,
      genesMissing: [],
      addedCount: 0,
    },
  };
}

/** A module result whose view is the path A – B – C – D, with D added. */
function moduleOf(name: string): ModuleResult {
  const graph = csrFromEdges(4, Uint32Array.of(0, 1, 1, 2, 2, 3), Uint32Array.of(1, 0, 2, 1, 3, 2));
  const base = viewOf(name);
  return {
    view: {
      ...base,
      view: buildNetworkView(graph, new Float32Array(8), Uint8Array.of(2, 2, 0, 3)),
      nodes: Uint32Array.of(0, 1, 2, 3),
      labels: ['A', 'B', 'C', 'D'],
      entrezIds: ['1', '2', '3', '4'],
    },
  } as unknown as ModuleResult;
}

type FakeApi = Record<keyof SessionClient['api'], ReturnType<typeof vi.fn>>;

function fakeClient(overrides: Partial<FakeApi> = {}) {
  const api: FakeApi = {
    init: vi.fn(async () => ({
      engine: 'cpu' as const,
      tfjsBackend: 'cpu' as const,
      adapter: null,
      threads: 1,
      reason: 'no WebGPU adapter',
    })),
    loadDemo: vi.fn(async () => WORKSPACE),
    importFile: vi.fn(),
    cancel: vi.fn(async () => undefined),
    computeDiseaseView: vi.fn(async (_job: string, id: string) => viewOf(id)),
    setActiveNetwork: vi.fn(async () => WORKSPACE),
    workspace: vi.fn(async () => WORKSPACE),
    runModule: vi.fn(async (_job: string, id: string) => moduleOf(id)),
    watchBackend: vi.fn(),
    ...overrides,
  };
  const client = { api, callback: <T>(fn: T) => fn } as unknown as SessionClient;
  return { client, api };
}

describe('Session', () => {
  it('opens on the demo disease with no click: backend, data, then rheumatoid arthritis', async () => {
    const { client, api } = fakeClient();
    const session = new Session(client);
    await session.start();
    expect(api.init).toHaveBeenCalledWith('auto');
    expect(session.backendState).toBe('ready');
    expect(session.loadState).toBe('ready');
    expect(api.computeDiseaseView).toHaveBeenCalledTimes(1);
    expect(api.computeDiseaseView.mock.calls[0][1]).toBe('s2');
    expect(session.geneSetId).toBe('s2');
    expect(session.viewState).toBe('ready');
    expect(session.diseaseView?.stats.geneSetName).toBe('s2');
  });

  it('keeps only the newest view when choices overlap, and cancels the older job', async () => {
    const slow = deferred<DiseaseViewResult>();
    const { client, api } = fakeClient({
      computeDiseaseView: vi.fn((_job: string, id: string) =>
        id === 's1' ? slow.promise : Promise.resolve(viewOf(id)),
      ),
    });
    const session = new Session(client);
    const first = session.showGeneSet('s1');
    await session.showGeneSet('s2');
    slow.resolve(viewOf('s1'));
    await first;
    expect(session.diseaseView?.stats.geneSetId).toBe('s2');
    expect(session.geneSetId).toBe('s2');
    expect(api.cancel).toHaveBeenCalledTimes(1);
  });

  it('logs a failed import with its file and line and leaves the loaded data alone', async () => {
    const failure: ImportOutcome = {
      ok: false,
      error: {
        fileName: 'bad.tsv',
        line: 3,
        message: 'bad.tsv, line 3: weight "x"; expected a number',
        problem: 'weight "x"',
        expected: 'a number',
      },
    };
    const { client } = fakeClient({
      importFile: vi.fn(async () => failure),
    });
    const session = new Session(client);
    await session.start();
    const before = session.workspace;
    await session.importFiles([new File(['a\tb\tx'], 'bad.tsv')]);
    expect(session.workspace).toBe(before);
    expect(session.diseaseView?.stats.geneSetId).toBe('s2');
    expect(session.imports).toHaveLength(1);
    expect(session.imports[0]).toMatchObject({
      fileName: 'bad.tsv',
      status: 'error',
      error: { fileName: 'bad.tsv', line: 3 },
    });
  });

  it('shows a gene set as soon as it is imported', async () => {
    const imported: WorkspaceSummary = {
      ...WORKSPACE,
      geneSets: [
        ...WORKSPACE.geneSets,
        { id: 's3', name: 'my genes', fileName: 'mine.txt', origin: 'imported', geneCount: 3 },
      ],
    };
    const { client, api } = fakeClient({
      importFile: vi.fn(async () => ({ ok: true, report: {}, workspace: imported })),
    });
    const session = new Session(client);
    await session.start();
    await session.importFiles([new File(['IL6\nTNF\nJAK1\n'], 'mine.txt')]);
    expect(session.imports[0].status).toBe('ok');
    expect(session.geneSets.map((set) => set.id)).toEqual(['s1', 's2', 's3']);
    expect(api.computeDiseaseView.mock.calls.at(-1)?.[1]).toBe('s3');
    expect(session.geneSetId).toBe('s3');
  });

  it('describes the selected gene from the view: degree, role and neighbours', async () => {
    const { client } = fakeClient();
    const session = new Session(client);
    await session.start();
    session.select(1);
    expect(session.selectedGene).toMatchObject({
      symbol: 'B',
      entrezId: '2',
      degree: 2,
      role: 2,
      diseaseNeighbours: ['A'],
      otherNeighbours: ['C'],
    });
    session.select(1); // a second click clears the selection
    expect(session.selectedGene).toBeNull();
  });

  it('reports a backend that fails to start, without blocking the demo', async () => {
    const { client } = fakeClient({
      init: vi.fn(async () => {
        throw new Error('WebGPU device lost');
      }),
    });
    const session = new Session(client);
    await session.start();
    expect(session.backendState).toBe('error');
    expect(session.backendError).toBe('WebGPU device lost');
    expect(session.viewState).toBe('ready');
  });

  it('gives up waiting for a backend that never starts, and says so', async () => {
    vi.useFakeTimers();
    try {
      const { client } = fakeClient({ init: vi.fn(() => new Promise(() => undefined)) });
      const session = new Session(client);
      const started = session.setBackendPreference('wasm');
      expect(session.backendState).toBe('starting');
      await vi.advanceTimersByTimeAsync(BACKEND_START_TIMEOUT_MS);
      await started;
      expect(session.backendState).toBe('error');
      expect(session.backendError).toMatch(/wasm compute backend did not start within 30 s/);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('Session: module panel', () => {
  it('runs the module with plain options and draws the module view', async () => {
    const { client, api } = fakeClient();
    const session = new Session(client);
    await session.start();
    session.moduleOptions.method = 'diamond';
    session.moduleOptions.diamondIterations = 10;
    await session.runModule();
    expect(api.runModule).toHaveBeenCalledTimes(1);
    const [jobId, geneSetId, options] = api.runModule.mock.calls[0];
    expect(jobId).toMatch(/^module-/);
    expect(geneSetId).toBe('s2');
    expect(options).toMatchObject({ method: 'diamond', diamondIterations: 10, randomSets: 1000 });
    expect(structuredClone(options)).toEqual(options); // crosses the worker boundary
    expect(session.moduleState).toBe('done');
    expect(session.shownView?.labels).toEqual(['A', 'B', 'C', 'D']);
    session.selectNode(3);
    expect(session.selectedGene).toMatchObject({ symbol: 'D', role: 3 });
    session.clearModule();
    expect(session.shownView).toBe(session.diseaseView);
    expect(session.selectedNode).toBe(-1);
  });

  it('cancels a running module job and then says "cancelled"', async () => {
    let reject!: (error: Error) => void;
    const { client, api } = fakeClient({
      runModule: vi.fn(() => new Promise((_, r) => (reject = r))),
    });
    const session = new Session(client);
    await session.start();
    const running = session.runModule();
    expect(session.moduleState).toBe('running');
    expect(session.isModuleRunning).toBe(true);
    session.cancelModule();
    expect(session.moduleState).toBe('cancelling');
    const jobId = api.runModule.mock.calls[0][0];
    expect(api.cancel).toHaveBeenCalledWith(jobId);
    const abort = new Error('Cancelled by the user');
    abort.name = 'AbortError';
    reject(abort);
    await running;
    expect(session.moduleState).toBe('cancelled');
    expect(session.moduleError).toBeNull();
    expect(session.shownView).toBe(session.diseaseView);
  });

  it('shows a failed run’s message and keeps the disease view', async () => {
    const { client } = fakeClient({
      runModule: vi.fn(async () => {
        throw new Error('Module analysis: none of the 2 genes is in the network');
      }),
    });
    const session = new Session(client);
    await session.start();
    await session.runModule();
    expect(session.moduleState).toBe('error');
    expect(session.moduleError).toMatch(/none of the 2 genes/);
    expect(session.shownView).toBe(session.diseaseView);
  });

  it('refuses bad options without calling the worker', async () => {
    const { client, api } = fakeClient();
    const session = new Session(client);
    await session.start();
    session.moduleOptions.randomSets = 0;
    expect(session.moduleErrors.randomSets).toMatch(/R must be/);
    await session.runModule();
    expect(api.runModule).not.toHaveBeenCalled();
    expect(session.moduleState).toBe('error');
    expect(session.moduleError).toMatch(/Check the options: R must be/);
  });

  it('drops the module (and cancels its job) when another disease is chosen', async () => {
    const { client, api } = fakeClient({
      runModule: vi.fn(() => new Promise<ModuleResult>(() => undefined)),
    });
    const session = new Session(client);
    await session.start();
    void session.runModule();
    const jobId = api.runModule.mock.calls[0][0];
    await session.showGeneSet('s1');
    expect(api.cancel).toHaveBeenCalledWith(jobId);
    expect(session.moduleState).toBe('idle');
    expect(session.moduleResult).toBeNull();
    expect(session.shownView?.stats.geneSetId).toBe('s1');
  });
});

const LOST = 'WebGPU device lost (destroyed): continuing on the CPU engine (4 threads)';

/** A client whose worker reports backend changes through the listener the Session registers. */
function gpuClient(overrides: Partial<FakeApi> = {}) {
  let listener: ((change: BackendChange) => void) | null = null;
  const fake = fakeClient({
    init: vi.fn(async () => GPU),
    watchBackend: vi.fn((fn: (change: BackendChange) => void) => {
      listener = fn;
    }),
    ...overrides,
  });
  const report = (change: BackendChange) => {
    if (!listener) throw new Error('the Session did not watch the backend');
    listener(change);
  };
  return { ...fake, report };
}

describe('Session: compute backend of the engine runs', () => {
  it('sends the backend the header shows with a module run, and none while one starts', async () => {
    const { client, api } = gpuClient();
    const session = new Session(client);
    await session.start();
    await session.runModule();
    const sent = api.runModule.mock.calls[0][3];
    expect(sent).toEqual(GPU);
    expect(structuredClone(sent)).toEqual(GPU); // plain data: crosses the worker boundary

    api.init.mockImplementationOnce(() => new Promise(() => undefined)); // 'cpu' never starts
    void session.setBackendPreference('cpu');
    expect(session.backendForRuns).toBeNull();
    await session.runModule();
    expect(api.runModule.mock.calls[1][3]).toBeNull(); // the worker chooses from 'cpu'
  });

  it('shows a GPU lost mid-run as the CPU, lets the run finish and keeps what is shown', async () => {
    let finish!: (result: ModuleResult) => void;
    const { client, api, report } = gpuClient({
      runModule: vi.fn(() => new Promise<ModuleResult>((resolve) => (finish = resolve))),
    });
    const session = new Session(client);
    await session.start();
    expect(api.watchBackend).toHaveBeenCalledTimes(1);
    expect(backendLabel(session.backend!).name).toBe('WebGPU');
    const view = session.diseaseView;
    const running = session.runModule();

    report({ engine: 'cpu', reason: LOST });
    expect(session.backendState).toBe('ready');
    expect(session.backend).toEqual({
      ...GPU,
      engine: 'cpu',
      reason: `GPU device lost: continued on CPU · ${LOST}`,
    });
    expect(backendLabel(session.backend!).name).toBe('CPU');
    expect(session.diseaseView).toBe(view);
    expect(session.moduleState).toBe('running');

    const result = moduleOf('s2');
    finish(result);
    await running;
    expect(session.moduleState).toBe('done');
    expect(session.moduleResult).toBe(result);

    // The next run goes to the CPU, not to the lost GPU.
    api.runModule.mockImplementationOnce(async (_job: string, id: string) => moduleOf(id));
    await session.runModule();
    expect(api.runModule.mock.calls[1][3]).toMatchObject({ engine: 'cpu', threads: 4 });
    report({ engine: 'cpu', reason: LOST }); // a second engine's report changes nothing
    expect(session.backend?.reason).toBe(`GPU device lost: continued on CPU · ${LOST}`);
  });

  it('ignores a loss reported while a new choice starts: that choice decides', async () => {
    const { client, api, report } = gpuClient();
    const session = new Session(client);
    await session.start();
    let started!: (info: BackendInfo) => void;
    api.init.mockImplementationOnce(() => new Promise((resolve) => (started = resolve)));
    const choosing = session.setBackendPreference('webgpu');
    report({ engine: 'cpu', reason: LOST });
    started(GPU);
    await choosing;
    expect(session.backend).toEqual(GPU);
  });
});
