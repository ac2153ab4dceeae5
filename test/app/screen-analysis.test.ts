/**
 * The screen service on a toy workspace: it must hand the core exactly the inputs a direct
 * call gets (so its result equals core's screenDrugs on the toy screen), match indications,
 * report every stage, stop when cancelled, and answer shortest paths in network indices.
 * Toy screen (test/core/screen/toy-screen.ts): path G0 – G1 – … – G11, module {G0, G1}.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createReport } from '@/io/import-report';
import type { ImportedDegTable, ImportedDrugTargets, ImportedNetwork } from '@/io';
import { screenDrugs } from '@/core/screen/drug-screen';
import { DIRECTION_UNKNOWN } from '@/core/screen/screen-direction';
import { terminateSharedPools } from '@/engine/cpu-engine';
import { createScreenService } from '@/app/screen-analysis';
import type { ScreenDataLoader } from '@/app/screen-data';
import type { ScreenProgress, ScreenRequest } from '@/app/screen-types';
import { Workspace } from '@/app/workspace';
import { CPU_ONE_THREAD } from './backends';
import { TOY_INPUT, TOY_OPTIONS } from '../core/screen/toy-screen';

afterAll(() => terminateSharedPools());

const CPU = CPU_ONE_THREAD;
const NAMES = TOY_INPUT.network.nodeIds as string[];

function toyWorkspace(): Workspace {
  const workspace = new Workspace();
  const network: ImportedNetwork = {
    nodeIds: NAMES,
    entrezIds: NAMES.map(() => null),
    graph: TOY_INPUT.network.graph,
    directed: false,
    signed: false,
    report: createReport('path12.tsv', 'network'),
  };
  workspace.addNetwork(network, { name: 'path12', fileName: 'path12.tsv', origin: 'imported' });
  workspace.addGeneSets(
    {
      sets: [{ name: 'toy', genes: ['G0', 'G1', 'NOPE'], entrez: [null, null, null] }],
      report: createReport('toy.txt', 'geneSets'),
    },
    'toy.txt',
    'imported',
  );
  const drugs = {
    drugs: TOY_INPUT.drugs.drugs.map((drug) => ({
      name: drug.name,
      id: null,
      targets: drug.targets.map((t) => ({ gene: t.gene, entrez: null, action: t.action ?? null })),
    })),
    report: createReport('toy-drugs.tsv', 'drugTargets'),
  } as ImportedDrugTargets;
  workspace.addDrugTargets(drugs, 'toy-drugs.tsv', 'demo');
  return workspace;
}

const loader: ScreenDataLoader = {
  indications: async () => [
    { drugName: 'twin', indication: 'Toy disease' },
    { drugName: 'inside', indication: 'Severe toy diseases' },
    { drugName: 'far', indication: 'Another disease' },
  ],
  indicationConcepts: async () => new Map(), // no entry: the toy term is matched by words
  degs: async () =>
    ({
      rows: (TOY_INPUT.degs?.rows ?? []).map((row) => ({ ...row, entrez: null, p: null, q: null })),
      groups: ['g', 'h'],
      logBase: null,
      report: createReport('degs.tsv', 'degTable'),
    }) as ImportedDegTable,
  signedNetwork: async () => ({
    nodeIds: NAMES,
    entrezIds: NAMES.map(() => null),
    graph: (TOY_INPUT.signedNetwork as { graph: ImportedNetwork['graph'] }).graph,
    directed: true,
    signed: true,
    report: createReport('signed.tsv', 'network'),
  }),
};

function request(workspace: Workspace, change: Partial<ScreenRequest> = {}): ScreenRequest {
  return {
    geneSetId: workspace.geneSets[0].id,
    drugTable: 0,
    methods: ['proximity', 'rwr', 'cure'],
    degSource: 'bundled',
    degGroup: 'g',
    degDisease: null,
    indicationTerm: 'toy disease',
    iterations: TOY_OPTIONS.iterations,
    seed: TOY_OPTIONS.seed,
    sampling: 'shared',
    backend: CPU,
    ...change,
  };
}

describe('screen service', () => {
  it('gives core’s result for the same inputs, with matched indications and every stage', async () => {
    const workspace = toyWorkspace();
    const service = createScreenService(workspace, loader);
    const progress: ScreenProgress[] = [];
    const run = await service.run(
      'screen-1',
      request(workspace),
      new AbortController().signal,
      (p) => progress.push(p),
    );
    const expected = screenDrugs(
      { ...TOY_INPUT, indications: { name: 'x', drugNames: ['twin', 'inside'] } },
      { iterations: TOY_OPTIONS.iterations, seed: TOY_OPTIONS.seed, degGroup: 'g' },
    );
    expect(run.result.drugs.map((d) => [d.drug, d.proximity, d.rwr, d.counteraction])).toEqual(
      expected.drugs.map((d) => [d.drug, d.proximity, d.rwr, d.counteraction]),
    );
    expect(run.result.drugs.map((d) => d.cure?.cureScore ?? null)).toEqual(
      expected.drugs.map((d) => d.cure?.cureScore ?? null),
    );
    expect(run.result.validation?.proximity?.auc).toBe(expected.validation?.proximity?.auc);
    expect(run.indications?.drugNames).toEqual(['twin', 'inside']);
    expect(run.indications?.indications).toEqual(['Severe toy diseases', 'Toy disease']);
    expect(run.degs).toEqual({
      fileName: 'sar_degs_li2022_day3.tsv.gz',
      name: 'SAR DEGs, day 3 (Li et al. 2022)',
      disease: 'seasonal allergic rhinitis',
      group: 'g',
    });
    // The bundled DEGs are allergic rhinitis's; the module is "toy": a warning naming both.
    expect(run.result.direction).toMatchObject({
      loaded: true,
      degsDisease: 'seasonal allergic rhinitis',
      moduleDisease: 'toy',
      diseaseCheck: 'different',
    });
    expect(run.result.direction.warnings).toEqual([
      'DEGs from "seasonal allergic rhinitis" (SAR DEGs, day 3 (Li et al. 2022)) used to screen "toy": ' +
        "counteraction, the direction labels and the candidate flag judge drugs by another disease's expression",
    ]);
    expect(run.request).not.toHaveProperty('backend');
    expect([...new Set(progress.map((p) => p.stage))]).toEqual([
      'data',
      'prepare',
      'proximity',
      'rwr',
      'cure',
      'assemble',
    ]);
    expect(progress.every((p) => p.jobId === 'screen-1')).toBe(true);
  });

  it('answers shortest paths to the nearest module genes in network indices', async () => {
    const workspace = toyWorkspace();
    const service = createScreenService(workspace, loader);
    const run = await service.run(
      'screen-2',
      request(workspace, { methods: ['proximity'], degSource: 'none', indicationTerm: '' }),
      new AbortController().signal,
    );
    expect(run.indications).toBeNull();
    expect(run.degs).toBeNull();
    expect(run.result.direction).toMatchObject({ loaded: false, statement: DIRECTION_UNKNOWN });
    expect(run.result.drugs.some((d) => d.isCandidate === true)).toBe(false);
    const far = run.result.drugs.find((d) => d.drug === 'far');
    const inside = run.result.drugs.find((d) => d.drug === 'inside');
    if (!far || !inside) throw new Error('toy drugs missing');
    const paths = service.paths(
      'screen-2',
      far.entry,
      far.explanation.targets.map((t) => ({ gene: t.gene, node: t.node })),
    );
    // G11 is ten hops from G1, the only module gene that near.
    expect(paths.targets).toHaveLength(1);
    const [target] = paths.targets;
    expect(target.gene).toBe('G11');
    expect(target.node).toBe(11);
    expect(target.distance).toBe(10);
    expect(target.nearestCount).toBe(1);
    expect(target.nearest[0].gene).toBe('G1');
    expect(target.nearest[0].path).toEqual([11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(paths.labels[11]).toBe('G11');
    expect(paths.labels[1]).toBe('G1');

    const own = service.paths('screen-2', inside.entry, [
      { gene: 'G0', node: inside.explanation.targets[0].node },
    ]);
    expect(own.targets[0].distance).toBe(0);
    expect(own.targets[0].nearest[0].path).toEqual([0]);
    expect(() => service.paths('nope', 0, [])).toThrow(/no longer held/);
  });

  it('takes an imported DEG table’s disease from the request, and checks it', async () => {
    const workspace = toyWorkspace();
    workspace.addDegTable(await loader.degs(), 'my-degs.tsv');
    const service = createScreenService(workspace, loader);
    const asked = { methods: ['proximity' as const], degSource: 0, indicationTerm: '' };
    const same = await service.run(
      'screen-5',
      request(workspace, { ...asked, degDisease: 'Toy' }),
      new AbortController().signal,
    );
    expect(same.degs).toMatchObject({ name: 'my-degs.tsv', disease: 'Toy' });
    expect(same.result.direction).toMatchObject({ diseaseCheck: 'same', warnings: [] });
    const unstated = await service.run(
      'screen-6',
      request(workspace, asked),
      new AbortController().signal,
    );
    expect(unstated.degs?.disease).toBeNull();
    expect(unstated.result.direction.diseaseCheck).toBe('unstated');
  });

  it('stops when cancelled, and names a missing drug table', async () => {
    const workspace = toyWorkspace();
    const service = createScreenService(workspace, loader);
    const controller = new AbortController();
    controller.abort(new DOMException('Cancelled by the user', 'AbortError'));
    await expect(service.run('screen-3', request(workspace), controller.signal)).rejects.toThrow(
      /Cancelled/,
    );
    await expect(
      service.run('screen-4', request(workspace, { drugTable: 3 }), new AbortController().signal),
    ).rejects.toThrow(/no drug-target table number 3/);
  });
});
