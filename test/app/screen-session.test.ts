import { describe, expect, it, vi } from 'vitest';
import type { WorkspaceSummary } from '@/app/analysis-types';
import { ScreenSession, type ScreenClient } from '@/app/screen-session.svelte';
import type { DrugPaths, ScreenProgress, ScreenRequest, ScreenRun } from '@/app/screen-types';
import { Session, type SessionClient } from '@/app/session.svelte';
import { screenDrugs } from '@/core/screen/drug-screen';
import { TOY_INPUT, TOY_OPTIONS } from '../core/screen/toy-screen';
import { GPU_BACKEND } from './backends';
import { deferred } from './deferred';

const WORKSPACE: WorkspaceSummary = {
  networks: [
    {
      id: 'n1',
      name: 'path12',
      fileName: 'p.tsv',
      origin: 'demo',
      nodeCount: 12,
      interactionCount: 11,
    },
    {
      id: 'n2',
      name: 'other',
      fileName: 'o.tsv',
      origin: 'imported',
      nodeCount: 3,
      interactionCount: 2,
    },
  ],
  activeNetworkId: 'n1',
  geneSets: [
    { id: 's1', name: 'arthritis, rheumatoid', fileName: 'd.tsv.gz', origin: 'demo', geneCount: 3 },
    { id: 's2', name: 'my genes', fileName: 'g.txt', origin: 'imported', geneCount: 2 },
  ],
  drugCount: 6,
  drugTables: [{ fileName: 'drugs.tsv.gz', drugCount: 6, origin: 'demo' }],
  degTables: [],
};

function runOf(request: ScreenRequest, id: string): ScreenRun {
  const { backend: _backend, ...asked } = request;
  return {
    id,
    result: screenDrugs(TOY_INPUT, TOY_OPTIONS),
    request: asked,
    network: { id: 'n1', name: 'path12', fileName: 'p.tsv', origin: 'demo' },
    module: { geneSetId: request.geneSetId, name: 'toy', fileName: 't', origin: 'demo' },
    drugLibrary: { fileName: 'drugs.tsv.gz', origin: 'demo', drugs: 6 },
    degs: null,
    signedNetwork: null,
    indications: {
      fileName: 'i.tsv',
      term: request.indicationTerm,
      method: 'words',
      concept: null,
      fallback: 'no concept table',
      words: [],
      drugNames: ['TWIN'],
      indications: [],
    },
    startedAt: '',
    durationMs: 1,
  };
}

function setup() {
  const screen =
    vi.fn<
      (
        jobId: string,
        request: ScreenRequest,
        onProgress?: (progress: ScreenProgress) => void,
      ) => Promise<ScreenRun>
    >();
  const screenPaths =
    vi.fn<
      (
        runId: string,
        entry: number,
        targets: { gene: string; node: number }[],
        maxGenes: number,
      ) => Promise<DrugPaths>
    >();
  const cancel = vi.fn(async (_jobId: string) => undefined);
  const screenData = vi.fn(async (_jobId: string) => ({
    indicationRows: 3,
    signedNetwork: { fileName: 's', nodes: 12, edges: 3 },
    bundledDegs: {
      fileName: 'd',
      name: 'SAR',
      disease: 'seasonal allergic rhinitis',
      rows: 5,
      groups: ['B cells', 'Monocytes'],
    },
  }));
  const client: ScreenClient = {
    api: { screen, screenPaths, cancel, screenData } as unknown as ScreenClient['api'],
    callback: (fn) => fn,
  };
  const session = new Session({ api: {}, callback: <T>(fn: T) => fn } as unknown as SessionClient);
  session.workspace = WORKSPACE;
  session.loadState = 'ready';
  session.geneSetId = 's1';
  return {
    session,
    screens: new ScreenSession(session, client),
    screen,
    screenPaths,
    cancel,
    screenData,
  };
}

describe('ScreenSession', () => {
  it('screens the disease shown with the form’s choices and shows the drugs', async () => {
    const { screens, screen } = setup();
    const pending = deferred<ScreenRun>();
    let report: ((progress: ScreenProgress) => void) | undefined;
    screen.mockImplementation((_id, _request, onProgress) => {
      report = onProgress;
      return pending.promise;
    });
    screens.form.iterations = 100;
    expect(screens.canRun).toBe(true);
    const started = screens.start();
    expect(screens.state).toBe('running');
    const [jobId, request] = screen.mock.calls[0];
    expect(request).toEqual({
      geneSetId: 's1',
      drugTable: 0,
      methods: ['proximity', 'rwr'],
      degSource: 'none',
      degGroup: null,
      degDisease: null,
      indicationTerm: 'rheumatoid arthritis',
      iterations: 100,
      seed: 1,
      sampling: 'shared',
      backend: null,
    });
    report?.({ jobId, stage: 'proximity', label: 'Proximity', done: 40, total: 100 });
    expect(screens.runProgress?.done).toBe(40);
    report?.({ jobId: 'someone-else', stage: 'rwr', label: 'x', done: 1, total: 1 });
    expect(screens.runProgress?.stage).toBe('proximity');

    pending.resolve(runOf(request, jobId));
    await started;
    expect(screens.state).toBe('done');
    expect(screens.tab).toBe('drugs');
    expect(screens.rows).toHaveLength(screens.run?.result.drugs.length ?? -1);
    expect(screens.rows.find((row) => row.names.includes('twin'))?.known).toBe(true);
    expect(screens.pageRows.length).toBeLessThanOrEqual(25);
    // The toy run used DEG group "g": the header names it and counts the verdicts.
    expect(screens.directionBanner?.lines[0]).toMatch(/^Direction from DEG group "g"/);
  });

  it('refuses the cure without a DEG table, and offers the bundled cell types', async () => {
    const { screens, screen, screenData } = setup();
    screens.form.methods.cure = true;
    expect(screens.formErrors.cure).toMatch(/needs a DEG table/);
    expect(screens.canRun).toBe(false);
    await screens.start();
    expect(screen).not.toHaveBeenCalled();
    expect(screens.state).toBe('error');

    screens.toggle(true);
    await vi.waitFor(() => expect(screens.dataState).toBe('ready'));
    expect(screenData).toHaveBeenCalledTimes(1);
    expect(screens.degDiseaseWarning).toBeNull();
    screens.setDegSource('bundled');
    expect(screens.degGroups).toEqual(['B cells', 'Monocytes']);
    expect(screens.form.degGroup).toBe('B cells');
    expect(screens.formErrors).toEqual({});
    // SAR DEGs for the RA module: the form warns before the run, naming both.
    expect(screens.degDisease).toBe('seasonal allergic rhinitis');
    expect(screens.degDiseaseWarning).toBe(
      'DEGs from "seasonal allergic rhinitis" used to screen "arthritis, rheumatoid": ' +
        "counteraction, the direction labels and the candidate flag judge drugs by another disease's expression",
    );
  });

  it('takes an imported DEG table’s disease from the form and sends it with the request', async () => {
    const { session, screens, screen } = setup();
    session.workspace = {
      ...WORKSPACE,
      degTables: [{ fileName: 'ra-degs.tsv', rowCount: 10, groups: ['T cells'] }],
    };
    screens.setDegSource(0);
    expect(screens.degDisease).toBeNull();
    expect(screens.degDiseaseWarning).toBeNull();
    screens.form.degDisease = 'psoriasis';
    expect(screens.degDiseaseWarning).toMatch(
      /^DEGs from "psoriasis" used to screen "arthritis, rheumatoid"/,
    );
    screens.form.degDisease = ' Rheumatoid arthritis ';
    expect(screens.degDiseaseWarning).toBeNull();
    screen.mockImplementationOnce(async (id, request) => runOf(request, id));
    await screens.start();
    expect(screen.mock.calls[0][1]).toMatchObject({
      degSource: 0,
      degGroup: 'T cells',
      degDisease: 'Rheumatoid arthritis',
    });
  });

  it('cancels a run and keeps the previous result', async () => {
    const { screens, screen, cancel } = setup();
    screen.mockImplementationOnce(async (id, request) => runOf(request, id));
    await screens.start();
    const first = screens.run;
    const pending = deferred<ScreenRun>();
    screen.mockImplementationOnce(() => pending.promise);
    const second = screens.start();
    screens.cancel();
    expect(screens.state).toBe('cancelling');
    expect(cancel).toHaveBeenCalledWith(screen.mock.calls[1][0]);
    pending.reject(new DOMException('Cancelled by the user', 'AbortError'));
    await second;
    expect(screens.state).toBe('cancelled');
    expect(screens.run).toBe(first);
  });

  it('asks for a drug’s paths by its targets’ nodes and shows them only on the same network', async () => {
    const { session, screens, screen, screenPaths } = setup();
    screen.mockImplementationOnce(async (id, request) => runOf(request, id));
    await screens.start();
    const far = screens.run?.result.drugs.find((drug) => drug.drug === 'far');
    if (!far) throw new Error('toy drug missing');
    const paths: DrugPaths = {
      runId: screens.run?.id ?? '',
      entry: far.entry,
      targets: [
        {
          gene: 'G11',
          node: 11,
          distance: 10,
          nearest: [{ gene: 'G1', path: [11, 1] }],
          nearestCount: 1,
        },
      ],
      labels: { 11: 'G11', 1: 'G1' },
    };
    screenPaths.mockResolvedValueOnce(paths);
    await screens.selectDrug(far.entry);
    expect(screenPaths).toHaveBeenCalledWith(
      screens.run?.id,
      far.entry,
      [{ gene: 'G11', node: far.explanation.targets[0].node }],
      4,
    );
    expect(screens.selectedDrug?.drug).toBe('far');
    expect(screens.shownPaths).toBe(paths);

    session.workspace = { ...WORKSPACE, activeNetworkId: 'n2' };
    expect(screens.isStale).toBe(true);
    expect(screens.shownPaths).toBeNull();
    screens.clearDrug();
    expect(screens.selectedEntry).toBe(-1);
  });

  it('screens on the backend the header shows, and on the CPU after a lost GPU device', async () => {
    const { session, screens, screen } = setup();
    const gpu = GPU_BACKEND;
    session.backend = gpu;
    session.backendState = 'ready';
    screen.mockImplementation(async (id, request) => runOf(request, id));
    await screens.start();
    expect(screen.mock.calls[0][1].backend).toEqual(gpu);
    expect(screen.mock.calls[0][1].backend).not.toBe(gpu); // a plain copy for the worker

    const first = screens.run;
    session.backendChanged({ engine: 'cpu', reason: 'WebGPU device lost (unknown)' });
    expect(screens.run).toBe(first); // the result on screen stays
    await screens.start();
    expect(screen.mock.calls[1][1].backend).toMatchObject({
      engine: 'cpu',
      reason: 'GPU device lost: continued on CPU · WebGPU device lost (unknown)',
    });
  });

  it('sorts on a header click, better first, and flips on a second click', async () => {
    const { screens, screen } = setup();
    screen.mockImplementationOnce(async (id, request) => runOf(request, id));
    await screens.start();
    screens.setPage(1);
    screens.sortBy('rwrScore');
    expect([screens.sortKey, screens.sortDirection, screens.page]).toEqual(['rwrScore', 'desc', 0]);
    screens.sortBy('rwrScore');
    expect(screens.sortDirection).toBe('asc');
    screens.setFilter({ query: 'far' });
    expect(screens.shownRows.map((row) => row.drug)).toEqual(['far']);
  });
});
