// The module panel's pipeline on the real bundled data. Expected values are networkx's:
// test/fixtures/app/module_panel_expected.py → module-panel-expected.json, plus the DIAMOnD
// order of test/fixtures/core/diamond-ra.json and the counts of disease-view-counts.json.
import { beforeAll, describe, expect, it } from 'vitest';
import type {
  BackendChange,
  ModuleGeneRow,
  ModuleOptions,
  ModuleResult,
} from '@/app/analysis-types';
import type { LoadedNetwork } from '@/app/disease-view';
import {
  analysisGraph,
  runModuleAnalysis,
  type ModuleGeneSet,
  type ModuleRunControl,
} from '@/app/module-analysis';
import { MODULE_DEFAULTS } from '@/app/module-options';
import type { CsrGraph } from '@/core/graph/csr';
import { lccSignificance } from '@/core/module/lcc-significance';
import { createEngine, type Engine, type EngineOptions } from '@/engine/engine';
import type { BackendInfo } from '@/gpu/backend';
import type { GeneIndex } from '@/io';
import { NODE_ROLE } from '@/render/palette';
import counts from '../fixtures/app/disease-view-counts.json';
import expected from '../fixtures/app/module-panel-expected.json';
import diamondFixture from '../fixtures/core/diamond-ra.json';
import wholeDiamond from '../fixtures/whole-network/diamond-whole.json';
import { CPU_ONE_THREAD, GPU_ONE_THREAD } from './backends';
import { expectCoreRwrNull } from './expect-core-rwr-null';
import { loadMencheDemo, mencheModuleSet } from './menche-demo';

const RA = counts.diseases['arthritis, rheumatoid'];
const FAST = { view: { layout: { iterations: 3 } }, stepper: { budgetMs: 1000 } };

let geneIndex: GeneIndex;
let network: LoadedNetwork;
let ra: ModuleGeneSet;

beforeAll(async () => {
  const demo = await loadMencheDemo();
  ({ geneIndex, network } = demo);
  ra = mencheModuleSet(demo, 'arthritis, rheumatoid', 'ra');
});

const run = (change: Partial<ModuleOptions>, control: ModuleRunControl = {}) =>
  runModuleAnalysis(
    network,
    ra,
    geneIndex,
    { ...MODULE_DEFAULTS, ...change },
    { ...FAST, ...control },
  );

type Expected = Record<string, Omit<ModuleGeneRow, 'symbol' | 'entrezId' | 'viewIndex' | 'kind'>>;

function expectCentralities(genes: ModuleGeneRow[], want: Expected) {
  expect(genes.map((row) => row.entrezId).sort()).toEqual(Object.keys(want).sort());
  for (const row of genes) {
    const truth = want[row.entrezId];
    expect(row.degree).toBe(truth.degree);
    expect(row.betweenness).toBeCloseTo(truth.betweenness, 10);
    expect(row.closeness).toBeCloseTo(truth.closeness, 10);
    expect(row.eigenvector).toBeCloseTo(truth.eigenvector, 8);
    expect(row.pagerank).toBeCloseTo(truth.pagerank, 10);
  }
}

function expectDrawn(result: ModuleResult, genes: { viewIndex: number; symbol: string }[]) {
  for (const gene of genes) {
    expect(gene.viewIndex).toBeGreaterThanOrEqual(0);
    expect(result.view.labels[gene.viewIndex]).toBe(gene.symbol);
  }
}

describe('runModuleAnalysis: LCC significance', () => {
  let result: ModuleResult;
  beforeAll(async () => {
    result = await run({ method: 'lcc', randomSets: 100, seed: 1 });
  });

  it('runs on the interactome LCC and says which genes it used', () => {
    expect(result.provenance).toMatchObject({
      method: 'lcc',
      nullModel: 'degree-scdrugprio',
      randomSets: 100,
      seed: 1,
      minBinSize: 100,
      network: { lccNodes: expected.graph.nodes, lccInteractions: expected.graph.interactions },
      geneSet: {
        name: 'arthritis, rheumatoid',
        genesGiven: RA.genesGiven,
        genesUsed: expected.seedsInLcc,
        outsideLcc: [],
      },
    });
    expect(result.provenance.geneSet.outsideNetwork).toHaveLength(
      RA.genesGiven - RA.genesInNetwork,
    );
  });

  it('finds the networkx LCC and reports the core statistics for R = 100, seed 1', () => {
    expect(result.lcc.size).toBe(RA.lccSize);
    expect(result.lcc.setSize).toBe(expected.seedsInLcc);
    expect(result.lcc.nullSizes).toHaveLength(100);
    const analysis = analysisGraph(network, 'network');
    const core = lccSignificance(analysis.graph, analysisSeeds(analysis), {
      iterations: 100,
      seed: 1,
      bins: analysis.bins,
    });
    expect(result.lcc).toMatchObject({
      z: core.z,
      pValue: core.pValue,
      nullMean: core.nullMean,
      nullSd: core.nullSd,
    });
    expect(result.lcc.z).toBeGreaterThan(2); // RA's module is far larger than chance
    const members = expected.lcc.members.map(
      (entrez) => network.labels[network.byEntrez.get(entrez)!],
    );
    expect([...result.lcc.members].sort()).toEqual(members.sort());
  });

  it('ranks the module genes by networkx centralities on the module subgraph', () => {
    expect(result.module.size).toBe(RA.lccSize);
    expect(result.genes.every((row) => row.kind === 'disease')).toBe(true);
    expectCentralities(result.genes, expected.lcc.centralities);
  });

  it('draws the module: its genes as module genes, nothing added, neighbours faded', () => {
    const roles = Array.from(result.view.view.nodeRoles);
    expect(roles.filter((role) => role === NODE_ROLE.moduleGene)).toHaveLength(RA.lccSize);
    expect(roles.filter((role) => role === NODE_ROLE.addedGene)).toHaveLength(0);
    expect(result.view.view.nodeCount).toBe(RA.viewNodes);
    expectDrawn(result, result.genes);
  });

  function analysisSeeds(analysis: ReturnType<typeof analysisGraph>): number[] {
    return diamondFixture.seeds.map((entrez) => analysis.localOf[network.byEntrez.get(entrez)!]);
  }
});

describe('runModuleAnalysis: DIAMOnD', () => {
  let result: ModuleResult;
  beforeAll(async () => {
    result = await run({ method: 'diamond', diamondIterations: 10, randomSets: 20 });
  });

  it('adds the genes of the DIAMOnD formula, in order, with k, k_s and p', () => {
    // DIAMOnD.py's order on the whole network (N = 13,460 nodes), the panel's default graph.
    const want = wholeDiamond.diseases['arthritis, rheumatoid'].added.slice(0, 10);
    const rows = result.diamond?.rows ?? [];
    expect(rows.map((row) => row.entrezId)).toEqual(want.map((entry) => entry.entrez));
    rows.forEach((row, k) => {
      expect(row.rank).toBe(k + 1);
      expect(row.k).toBe(want[k].k);
      expect(row.ks).toBe(want[k].ks);
      expect(row.p / want[k].p).toBeCloseTo(1, 9);
    });
    expect(result.diamond?.exhausted).toBe(false);
    expect(result.provenance.diamond).toEqual({ iterations: 10, alpha: 1, mode: 'paper' });
  });

  it('ranks the DIAMOnD module (largest component of seeds + added) by centrality', () => {
    expect(result.module.size).toBe(expected.diamond10.members.length);
    expectCentralities(result.genes, expected.diamond10.centralities);
    const added = new Set(expected.diamond10.added);
    for (const row of result.genes) {
      expect(row.kind).toBe(added.has(row.entrezId) ? 'added' : 'disease');
    }
  });

  it('draws every added gene in its own colour, even outside the disease neighbourhood', () => {
    const rows = result.diamond?.rows ?? [];
    expectDrawn(result, rows);
    const roles = result.view.view.nodeRoles;
    for (const row of rows) expect(roles[row.viewIndex]).toBe(NODE_ROLE.addedGene);
    expect(result.view.stats.addedCount).toBe(10);
    expectDrawn(result, result.genes);
  });
});

describe('runModuleAnalysis: random walk with restart', () => {
  it('lists the networkx personalised-PageRank top genes with their empirical p', async () => {
    const result = await run({ method: 'rwr', randomSets: 2, seed: 1, restart: 0.15 });
    const rows = result.rwr?.rows ?? [];
    expect(rows).toHaveLength(50);
    rows.slice(0, 10).forEach((row, k) => {
      const want = expected.rwr.top[k];
      expect(row.entrezId).toBe(want.entrez);
      expect(row.score).toBeCloseTo(want.score, 9);
      expect(row.degreeCorrected).toBeCloseTo(want.degreeCorrected, 11);
      expect([0, 0.5, 1]).toContain(row.pValue); // R = 2
    });
    expect(result.rwr?.converged).toBe(true);
    // Module genes need p ≤ 0.05, i.e. p = 0 with R = 2; they are drawn as added genes.
    for (const row of rows.filter((r) => r.inModule)) {
      expect(row.pValue).toBe(0);
      expect(result.view.view.nodeRoles[row.viewIndex]).toBe(NODE_ROLE.addedGene);
    }
    expect(result.provenance.rwr).toMatchObject({ restart: 0.15, listed: 50, moduleGenes: 20 });
  });
});

describe('runModuleAnalysis: the RWR null on the compute engine', () => {
  it('gives the core p and z (R = 20), reports progress in draws and stops on cancel', async () => {
    const progress: [number, number | null][] = [];
    let engines = 0;
    const makeEngine = (info: BackendInfo, graph: CsrGraph, options: EngineOptions) => {
      engines++;
      expect(Array.from(new Set(graph.weights))).toEqual([1]); // the walk is unweighted
      return createEngine(info, graph, options);
    };
    const result = await run(
      { method: 'rwr', randomSets: 20, seed: 5, restart: 0.15 },
      {
        backend: CPU_ONE_THREAD,
        createEngine: makeEngine,
        onProgress: (label: string, done: number, total: number | null) => {
          if (label.startsWith('Random walks')) progress.push([done, total]);
        },
      },
    );
    expect(engines).toBe(1);
    expect(progress[0]).toEqual([0, 20]);
    expect(progress.at(-1)).toEqual([20, 20]);
    const rows = result.rwr?.rows ?? [];
    expectCoreRwrNull(network, rows, { iterations: 20, seed: 5, restart: 0.15 });
    // The module takes the first 20 listed genes with p ≤ 0.05.
    const wanted = rows.filter((row) => row.pValue <= 0.05).slice(0, 20);
    expect(wanted.length).toBeGreaterThan(0);
    expect(rows.filter((row) => row.inModule)).toEqual(wanted);

    const controller = new AbortController();
    const cancelled = run(
      { method: 'rwr', randomSets: 100_000 },
      {
        backend: CPU_ONE_THREAD,
        signal: controller.signal,
        createEngine: makeEngine,
        onProgress: (label: string, done: number) => {
          if (label.startsWith('Random walks') && done > 0) {
            controller.abort(new DOMException('Cancelled by the user', 'AbortError'));
          }
        },
      },
    );
    await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' });
  }, 60_000);
});

/**
 * An engine that starts on "WebGPU" and loses its device at its first walk, as engine.ts does:
 * it reports the move through onBackendChange and answers from its CPU path (`cpu`).
 */
function losingEngine(cpu: Engine, options: EngineOptions, lostReason: string): Engine {
  let isLost = false;
  return {
    nodeCount: cpu.nodeCount,
    get backend() {
      return isLost ? 'cpu' : 'webgpu';
    },
    get backendReason() {
      return isLost ? lostReason : 'test: WebGPU adapter';
    },
    device: null,
    propagateRwr(...args) {
      if (!isLost) {
        isLost = true;
        options.onBackendChange?.('cpu', lostReason);
      }
      return cpu.propagateRwr(...args);
    },
    heatDiffusion: (...args) => cpu.heatDiffusion(...args),
    signedDynamics: (...args) => cpu.signedDynamics(...args),
    multiSourceBfs: (...args) => cpu.multiSourceBfs(...args),
    proximityScores: (...args) => cpu.proximityScores(...args),
    rwrInfluence: (...args) => cpu.rwrInfluence(...args),
    dispose: () => cpu.dispose(),
  };
}

describe('runModuleAnalysis: where the RWR null runs', () => {
  const RWR = { method: 'rwr', randomSets: 8, seed: 3, restart: 0.3 } as const;
  const SESSION_CPU: BackendInfo = { ...CPU_ONE_THREAD, reason: 'cpu requested: CPU engine' };

  it('builds the engine on the backend the session sent, with the worker’s engine options', async () => {
    const received: [BackendInfo, EngineOptions][] = [];
    const engineOptions: EngineOptions = { onBackendChange: () => undefined };
    const result = await run(RWR, {
      backend: SESSION_CPU,
      preference: 'webgpu', // not used: the session's backend wins
      engine: engineOptions,
      createEngine: (info, graph, options) => {
        received.push([info, options]);
        return createEngine(info, graph, options);
      },
    });
    expect(received).toHaveLength(1);
    expect(received[0][0]).toBe(SESSION_CPU);
    expect(received[0][1]).toBe(engineOptions);
    // r = 0.3: the L1 step change shrinks by 0.7 a step, below 5e−8 by step 50 of 100.
    expect(result.provenance.rwr?.nullEngine).toEqual({
      backend: 'cpu',
      reason: 'cpu requested: CPU engine',
      precision: 'float32',
      tolerance: 5e-8,
      maxIterations: 100,
      unconvergedDraws: 0,
    });
  }, 60_000);

  it('chooses from the user’s preference, not auto, when the session sent none', async () => {
    const received: BackendInfo[] = [];
    const result = await run(RWR, {
      preference: 'cpu',
      createEngine: (info, graph) => {
        received.push(info);
        return createEngine({ ...info, threads: 1 }, graph);
      },
    });
    expect(received.map((info) => [info.engine, info.tfjsBackend])).toEqual([['cpu', 'cpu']]);
    expect(received[0].reason).toMatch(/^cpu requested: /);
    expect(result.provenance.rwr?.nullEngine.reason).toBe(received[0].reason);
  }, 60_000);

  it('on a device lost mid-run, tells the worker, keeps the CPU’s answer and says where it ran', async () => {
    const lost = 'WebGPU device lost (destroyed): continuing on the CPU engine (1 thread)';
    const changes: BackendChange[] = [];
    const engine: EngineOptions = {
      onBackendChange: (backend, reason) => changes.push({ engine: backend, reason }),
    };
    const result = await run(RWR, {
      backend: GPU_ONE_THREAD,
      engine,
      createEngine: async (info, graph, options) => {
        expect(info).toBe(GPU_ONE_THREAD);
        return losingEngine(await createEngine(CPU_ONE_THREAD, graph), options, lost);
      },
    });
    expect(changes).toEqual([{ engine: 'cpu', reason: lost }]);
    expect(result.provenance.rwr?.nullEngine).toMatchObject({ backend: 'cpu', reason: lost });
    // Nothing is lost: p and z are those of the same run on the CPU from the start.
    expectCoreRwrNull(network, result.rwr?.rows ?? [], {
      iterations: RWR.randomSets,
      seed: RWR.seed,
      restart: RWR.restart,
    });
  }, 60_000);
});

describe('runModuleAnalysis: progress, cancel and errors', () => {
  it('reports progress and stops when cancelled', async () => {
    const controller = new AbortController();
    const labels = new Set<string>();
    const promise = run(
      { method: 'lcc', randomSets: 1_000_000 },
      {
        signal: controller.signal,
        stepper: { budgetMs: 5 },
        onProgress: (label: string, done: number, total: number | null) => {
          labels.add(label);
          if (total === 1_000_000 && done > 0) {
            controller.abort(new DOMException('Cancelled by the user', 'AbortError'));
          }
        },
      },
    );
    await expect(promise).rejects.toMatchObject({ name: 'AbortError' });
    expect([...labels]).toContain('Random gene sets for the LCC null (R = 1,000,000)');
  });

  it('says so when no gene of the set is in the network', async () => {
    const none = { ...ra, name: 'made up', genes: ['NOTAGENE1', 'NOTAGENE2'], entrez: undefined };
    await expect(
      runModuleAnalysis(network, none, geneIndex, MODULE_DEFAULTS, FAST),
    ).rejects.toThrow(/none of the 2 genes of "made up" is a node of/);
    await expect(
      runModuleAnalysis(network, none, geneIndex, { ...MODULE_DEFAULTS, graph: 'lcc' }, FAST),
    ).rejects.toThrow(/none of the 2 genes of "made up" is in the largest connected component/);
  });

  it('refuses bad options before any work', async () => {
    await expect(run({ randomSets: 0 })).rejects.toThrow(/Module options: randomSets/);
  });
});
