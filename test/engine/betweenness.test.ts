// Betweenness split across worker threads against the single-thread core reference (itself
// checked against networkx in test/core/centrality). The pooled sum adds the same per-source
// dependencies in another order, so it may differ in the last bits only: 1e−12 relative.
import { describe, expect, it } from 'vitest';
import { betweennessCentrality } from '@/core/centrality/betweenness-centrality';
import type { CsrGraph } from '@/core/graph/csr';
import { betweennessOnPool } from '@/engine/betweenness';
import { randomGraph, star } from '../fixtures/core/graphs';
import { fixtureGraph } from './fixture-graphs';
import { lazyMencheBall, loadEngineFixture } from './interactome-node';

function expectRelativelyClose(actual: Float64Array, expected: Float64Array, tolerance: number) {
  expect(actual).toHaveLength(expected.length);
  for (let v = 0; v < expected.length; v++) {
    const scale = Math.max(Math.abs(expected[v]), Number.MIN_VALUE);
    expect(Math.abs(actual[v] - expected[v]) / scale, `node ${v}`).toBeLessThanOrEqual(tolerance);
  }
}

/** 2,500 nodes of the Menche interactome around IL6 (3569): a real degree distribution. */
const mencheBall = lazyMencheBall(2500);

describe('betweennessOnPool', () => {
  it('equals the single-thread core on a Menche subgraph, on 2 workers and on 1 thread', async () => {
    const graph = mencheBall();
    const reference = betweennessCentrality(graph);
    const progress: number[] = [];
    const pooled = await betweennessOnPool(
      graph,
      {},
      { threads: 2, progressEveryMs: 1 },
      { onProgress: (done, total) => progress.push(done / total) },
    );
    expect(pooled.threads).toBe(2);
    expect(pooled.threadsReason).toMatch(/2 worker threads/);
    expectRelativelyClose(pooled.values, reference, 1e-12);
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(1);

    // The rows are fixed by the source ranges, not by the threads: bit-identical.
    const single = await betweennessOnPool(graph, {}, { threads: 1 });
    expect(single.threads).toBe(1);
    expect(single.values).toEqual(pooled.values);
  }, 60_000);

  it('equals the core for weighted, directed and raw scaling (engine fixture, random graphs)', async () => {
    const weighted = fixtureGraph(loadEngineFixture(), true);
    const sparse = randomGraph(120, 150, 8, false); // leaves and several components
    const cases: [CsrGraph, { weighted?: boolean; directed?: boolean; normalized?: boolean }][] = [
      [weighted, { weighted: true }],
      [weighted, { normalized: false }],
      [sparse, {}],
      [sparse, { directed: true, normalized: false }],
    ];
    for (const [graph, options] of cases) {
      const pooled = await betweennessOnPool(graph, options, { threads: 2, ranges: 7 });
      expectRelativelyClose(pooled.values, betweennessCentrality(graph, options), 1e-12);
    }
  }, 60_000);

  it('handles more ranges than nodes, and the star by hand', async () => {
    const { values } = await betweennessOnPool(star(5), {}, { threads: 1, ranges: 64 });
    // Hub: all C(4, 2) = 6 leaf pairs pass through it; normalised by (n − 1)(n − 2)/2 = 6.
    expect(Array.from(values)).toEqual([1, 0, 0, 0, 0]);
  });

  it('falls back to the calling thread when the workers cannot start', async () => {
    const graph = randomGraph(60, 150, 3);
    const result = await betweennessOnPool(
      graph,
      {},
      {
        threads: 2,
        spawnWorker: () => {
          throw new Error('no workers here');
        },
      },
    );
    expect(result.threads).toBe(1);
    expect(result.threadsReason).toBe(
      'worker pool failed to start (no workers here): single thread',
    );
    expectRelativelyClose(result.values, betweennessCentrality(graph), 1e-12);
  });

  it('stops when aborted, and validates its options', async () => {
    const graph = mencheBall();
    const controller = new AbortController();
    controller.abort(new DOMException('Cancelled', 'AbortError'));
    await expect(
      betweennessOnPool(graph, {}, { threads: 2 }, { signal: controller.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });

    const later = new AbortController();
    const run = betweennessOnPool(
      graph,
      {},
      { threads: 2, ranges: 200, progressEveryMs: 1 },
      {
        signal: later.signal,
        onProgress: (done) => {
          if (done > 0) later.abort(new DOMException('Cancelled', 'AbortError'));
        },
      },
    );
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });

    await expect(betweennessOnPool(graph, {}, { threads: 0 })).rejects.toThrow(/threads must be/);
    await expect(betweennessOnPool(graph, {}, { ranges: 1.5 })).rejects.toThrow(/ranges must be/);
  }, 60_000);
});
