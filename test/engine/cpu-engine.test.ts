import { afterAll, describe, expect, it } from 'vitest';
import { CpuEngine, terminateSharedPools } from '@/engine/cpu-engine';
import { createEngine } from '@/engine/engine';
import { rwrPlan } from '@/engine/plans';
import { fixtureGraph } from './fixture-graphs';
import { cpuInfo } from './backend-info';
import { lazyMencheBall, loadEngineFixture } from './interactome-node';
import { defineParitySuite } from './parity-suite';

const fixture = loadEngineFixture();
const bigGraph = lazyMencheBall(2500);

afterAll(() => terminateSharedPools());

defineParitySuite('CPU, single thread', fixture, (graph) => createEngine(cpuInfo(1), graph), {
  bigGraph,
  momentsTolerance: 1e-5,
});

defineParitySuite(
  'CPU, 2-thread pool, small chunks',
  fixture,
  (graph) =>
    createEngine(cpuInfo(2), graph, {
      cpu: { minParallelWork: 0, maxColumnsPerChunk: 16, maxSetsPerChunk: 64 },
    }),
  { bigGraph, momentsTolerance: 1e-5 },
);

describe('CpuEngine', () => {
  it('gives bit-identical propagations on one thread and on the pool', async () => {
    const graph = bigGraph();
    const columns = 19;
    const seeds = new Float32Array(graph.nodeCount * columns);
    for (let c = 0; c < columns; c++) seeds[((c * 977) % graph.nodeCount) * columns + c] = 1;
    const plan = { ...rwrPlan(graph, seeds, columns, {}), convergence: null, steps: 12 };
    const single = new CpuEngine(graph, { threads: 1 });
    const pool = new CpuEngine(graph, { threads: 2, minParallelWork: 0 });
    const a = await single.propagate(plan, {});
    const b = await pool.propagate(plan, {});
    expect(b.values).toEqual(a.values);
    single.dispose();
    pool.dispose();
  });

  it('says why it runs on one thread', () => {
    const graph = bigGraph();
    expect(new CpuEngine(graph, { threads: 1 }).threadsReason).toMatch(/single thread/);
    expect(new CpuEngine(graph, { threads: 2 }).threads).toBe(2); // Node shares memory
    expect(() => new CpuEngine(graph, { threads: 0 })).toThrow(/threads/);
  });

  it('falls back to one thread, and says why, without SharedArrayBuffer', async () => {
    const g = globalThis as { SharedArrayBuffer?: unknown };
    const saved = g.SharedArrayBuffer;
    g.SharedArrayBuffer = undefined;
    try {
      const engine = new CpuEngine(fixtureGraph(fixture), { threads: 4, minParallelWork: 0 });
      expect(engine.threads).toBe(1);
      expect(engine.threadsReason).toMatch(/SharedArrayBuffer unavailable/);
      const sets = Uint32Array.of(0, 5);
      const result = await engine.multiSourceBfs(sets, Uint32Array.of(0, 1, 2), {});
      expect(result).toHaveLength(2 * fixture.nodes.length);
      engine.dispose();
    } finally {
      g.SharedArrayBuffer = saved;
    }
  });

  it('runs on the calling thread when the worker pool cannot start', async () => {
    const graph = fixtureGraph(fixture);
    const engine = new CpuEngine(graph, {
      threads: 2,
      minParallelWork: 0,
      spawnWorker: () => {
        throw new Error('no workers here');
      },
    });
    const sets = Uint32Array.from(fixture.bfs.sets[2]);
    const dist = await engine.multiSourceBfs(sets, Uint32Array.of(0, sets.length), {});
    expect([...dist]).toEqual(fixture.bfs.expected.map((row) => row[2]));
    expect(engine.threadsReason).toMatch(/pool failed to start \(no workers here\)/);
    engine.dispose();
  });

  it('rejects a random walk on negative weights, naming the edge', async () => {
    const engine = await createEngine(cpuInfo(1), {
      nodeCount: 2,
      offsets: Uint32Array.of(0, 1, 2),
      targets: Uint32Array.of(1, 0),
      weights: Float32Array.of(1, -1),
    });
    await expect(async () => engine.propagateRwr([1, 0], 1)).rejects.toThrow(/edge 1 has -1/);
    engine.dispose();
  });
});
