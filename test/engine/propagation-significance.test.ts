// The engine's batched RWR significance against the core's float64 loop. The core's answer is
// computed here from the core's own pieces (the prepared null stream, core
// randomWalkWithRestart, the core accumulator: exactly what propagationSignificance runs,
// test/core/propagation checks that), keeping every draw's scores so that near ties can be
// told apart from real disagreements:
//   p: a draw can only count differently where its score is within EPSILON (relative) of the
//      real score, so |p_engine − p_core|·R ≤ #{such near ties} at every node;
//   z: the scores differ by ≤ EPSILON relative, so z by ≤ EPSILON·(score + 2·mean)/sd + EPSILON·|z|.
// EPSILON = 2e−4 covers the float32 walk stopped at L1 change 5e−8 (measured ≤ 6e−5 relative
// on the Menche LCC, for the real walk and for the draws).
import { afterAll, describe, expect, it } from 'vitest';
import { csrFromEdges, type CsrGraph } from '@/core/graph/csr';
import { largestConnectedComponent } from '@/core/graph/connected-components';
import { resolveNodeSet } from '@/core/graph/resolve-node-set';
import {
  addNullScores,
  createNullScoreAccumulator,
  finishPropagationSignificance,
  preparePropagationSignificance,
  type PropagationSignificance,
  type PropagationSignificanceOptions,
} from '@/core/propagation/propagation-significance';
import {
  randomWalkWithRestart,
  seedDistribution,
} from '@/core/propagation/random-walk-with-restart';
import { cpuInfo } from './backend-info';
import { terminateSharedPools } from '@/engine/cpu-engine';
import { createEngine, type Engine } from '@/engine/engine';
import { propagationSignificanceOnEngine } from '@/engine/propagation-significance';
import type { BackendInfo } from '@/gpu/backend';
import { requestEngineAdapter } from '@/gpu/gpu-device';
import { randomGraph } from '../fixtures/core/graphs';
import { loadMencheDiseaseGenes, loadMencheInteractome } from '../helpers/load-public-data';

const EPSILON = 2e-4;
const hasGpu = (await requestEngineAdapter()) !== null;

afterAll(() => terminateSharedPools());

/** The core computation, keeping every draw's scores (R × N). */
function coreWithDraws(
  graph: CsrGraph,
  seeds: number[],
  options: Partial<PropagationSignificanceOptions>,
) {
  const prepared = preparePropagationSignificance(graph, seeds, options);
  const { restart, weighted, iterations, seedWeights } = prepared.options;
  const walk = (nodes: ArrayLike<number>, count: number) => {
    const weights = seedWeights ? Array.from(seedWeights).slice(0, count) : undefined;
    const used = Array.from(nodes).slice(0, count);
    return randomWalkWithRestart(graph, seedDistribution(graph.nodeCount, used, weights), {
      restart,
      weighted,
    }).scores;
  };
  const accumulator = createNullScoreAccumulator(walk(prepared.set, seeds.length));
  const draws: Float64Array[] = [];
  const draw = new Uint32Array(seeds.length);
  for (let r = 0; r < iterations; r++) {
    const scores = walk(draw, prepared.sample(draw));
    draws.push(scores);
    addNullScores(accumulator, scores);
  }
  const result = finishPropagationSignificance(graph, prepared, accumulator);
  return { result, draws, mean: accumulator.mean, m2: accumulator.m2 };
}

function expectParity(
  engine: PropagationSignificance,
  core: ReturnType<typeof coreWithDraws>,
): { pDiffers: number; nearTies: number } {
  const { result, draws, mean, m2 } = core;
  const n = result.scores.length;
  const R = draws.length;
  let pDiffers = 0;
  let nearTies = 0;
  for (let v = 0; v < n; v++) {
    const s = result.scores[v];
    expect(Math.abs(engine.scores[v] - s)).toBeLessThanOrEqual(EPSILON * s);
    let ties = 0;
    for (const x of draws) if (Math.abs(x[v] - s) <= EPSILON * Math.max(x[v], s)) ties++;
    nearTies += ties;
    const diff = Math.round(Math.abs(engine.pValues[v] - result.pValues[v]) * R);
    if (diff > 0) pDiffers++;
    expect(diff, `p at node ${v}`).toBeLessThanOrEqual(ties);
    const sd = Math.sqrt(m2[v] / R);
    if (Number.isNaN(result.z[v])) continue;
    const allowed = (EPSILON * (s + 2 * mean[v])) / sd + EPSILON * Math.abs(result.z[v]);
    expect(Math.abs(engine.z[v] - result.z[v]), `z at node ${v}`).toBeLessThanOrEqual(allowed);
  }
  return { pDiffers, nearTies };
}

describe('propagationSignificanceOnEngine', () => {
  it('matches the core on the Menche RA set (R = 50, CPU pool, batches of 32)', async () => {
    const network = loadMencheInteractome();
    const lcc = largestConnectedComponent(network.graph);
    const genes = loadMencheDiseaseGenes().get('arthritis, rheumatoid') as string[];
    const seeds = Array.from(resolveNodeSet(genes, network.indexOf, lcc).nodes);
    const graph = lcc.graph;
    const options = { iterations: 50, seed: 1 };
    const engine = await createEngine(cpuInfo(2), graph, { cpu: { minParallelWork: 0 } });
    const progress: number[] = [];
    const result = await propagationSignificanceOnEngine(
      engine,
      graph,
      seeds,
      { ...options, batchColumns: 32 },
      { onProgress: (done, total) => progress.push(done / total) },
    );
    engine.dispose();
    const core = coreWithDraws(graph, seeds, options);
    const { pDiffers, nearTies } = expectParity(result, core);
    // Near ties are rare and few of them flip.
    expect(nearTies).toBeLessThan(graph.nodeCount * 50 * 1e-3);
    expect(pDiffers).toBeLessThanOrEqual(nearTies);
    expect(result).toMatchObject({
      iterations: 50,
      seed: 1,
      nullModel: 'degree-scdrugprio',
      method: 'random-walk',
      converged: true,
      backend: 'cpu',
      unconvergedDraws: 0,
    });
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(1);
    for (let k = 1; k < progress.length; k++) {
      expect(progress[k]).toBeGreaterThanOrEqual(progress[k - 1]);
    }
  }, 60_000);

  it.each(['degree-scdrugprio', 'degree-guney', 'uniform'] as const)(
    'matches the core on a random graph (%s null), whatever the batch size',
    async (nullModel) => {
      const graph = randomGraph(200, 600, 13);
      const seeds = [4, 9, 50, 51, 120];
      const options = { iterations: 30, seed: 6, nullModel, restart: 0.3, minBinSize: 15 };
      const engine = await createEngine(cpuInfo(1), graph);
      const wide = await propagationSignificanceOnEngine(engine, graph, seeds, options);
      const narrow = await propagationSignificanceOnEngine(engine, graph, seeds, {
        ...options,
        batchColumns: 3,
      });
      engine.dispose();
      // Columns are independent: cutting the R + 1 walks into batches changes nothing.
      expect(narrow).toEqual(wide);
      expectParity(wide, coreWithDraws(graph, seeds, options));
    },
  );

  it.skipIf(!hasGpu)('matches the core on WebGPU too (Node Dawn, software adapter)', async () => {
    const graph = randomGraph(300, 1200, 17);
    const seeds = [3, 30, 31, 200, 250, 299];
    const options = { iterations: 40, seed: 8, minBinSize: 20 };
    const gpuInfo: BackendInfo = { ...cpuInfo(1), engine: 'webgpu', tfjsBackend: 'webgpu' };
    const engine = await createEngine(gpuInfo, graph);
    expect(engine.backend).toBe('webgpu');
    const result = await propagationSignificanceOnEngine(engine, graph, seeds, {
      ...options,
      batchColumns: 16,
    });
    engine.dispose();
    expect(result.backend).toBe('webgpu');
    expectParity(result, coreWithDraws(graph, seeds, options));
  });

  it('carries seed weights by slot, as the core does', async () => {
    const graph = randomGraph(150, 500, 21);
    const seeds = [1, 2, 3, 70];
    const options = { iterations: 20, seed: 2, minBinSize: 10, seedWeights: [4, 1, 1, 2] };
    const engine = await createEngine(cpuInfo(1), graph);
    const result = await propagationSignificanceOnEngine(engine, graph, seeds, options);
    engine.dispose();
    expectParity(result, coreWithDraws(graph, seeds, options));
  });

  it('rescales walks that leak at nodes without edges (isolated seeds)', async () => {
    // A 6-cycle plus isolated nodes 6 and 7: the core sends their walkers back to the seeds.
    const graph = csrFromEdges(
      8,
      Uint32Array.of(0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 0),
      Uint32Array.of(1, 0, 2, 1, 3, 2, 4, 3, 5, 4, 0, 5),
    );
    const seeds = [0, 6];
    const options = { iterations: 12, seed: 3, nullModel: 'uniform' as const };
    const engine = await createEngine(cpuInfo(1), graph);
    const result = await propagationSignificanceOnEngine(engine, graph, seeds, options);
    engine.dispose();
    const core = coreWithDraws(graph, seeds, options);
    expect(core.result.scores[6]).toBeGreaterThan(0.1); // mass the engine alone would lose
    expectParity(result, core);
  });

  it('stops when aborted and refuses what it cannot compute like the core', async () => {
    const graph = randomGraph(120, 400, 5);
    const engine: Engine = await createEngine(cpuInfo(1), graph);
    const controller = new AbortController();
    const run = propagationSignificanceOnEngine(
      engine,
      graph,
      [1, 2],
      { iterations: 1000, batchColumns: 8 },
      {
        signal: controller.signal,
        onProgress: (done) => {
          if (done > 20) controller.abort(new DOMException('Cancelled', 'AbortError'));
        },
      },
    );
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });

    const weighted = { ...graph, weights: graph.weights.map((_, e) => 1 + (e % 3)) };
    await expect(propagationSignificanceOnEngine(engine, weighted, [1])).rejects.toThrow(
      /weighted is false but the graph's edge weights differ/,
    );
    await expect(
      propagationSignificanceOnEngine(engine, randomGraph(10, 20, 1), [1]),
    ).rejects.toThrow(/the engine has 120 nodes, the graph 10/);
    await expect(
      propagationSignificanceOnEngine(engine, graph, [1], { batchColumns: 1 }),
    ).rejects.toThrow(/batchColumns must be an integer ≥ 2/);
    await expect(
      propagationSignificanceOnEngine(engine, graph, [1, 2], {
        nullModel: 'degree-guney',
        seedWeights: [1, 2],
      }),
    ).rejects.toThrow(/seed weights need a null that keeps slots/);
    await expect(propagationSignificanceOnEngine(engine, graph, [])).rejects.toThrow(/no seeds/);
    engine.dispose();
  });
});
