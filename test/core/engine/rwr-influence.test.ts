import { describe, expect, it } from 'vitest';
import { csrFromEdges } from '@/core/graph/csr';
import { randomWalkWithRestart } from '@/core/engine/random-walk-with-restart';
import { rwrInfluence } from '@/core/engine/rwr-influence';
import { fixtureGraph, maxAbsDiff, toCsrLists } from '../../engine/fixture-graphs';
import { loadEngineFixture } from '../../engine/interactome-node';

describe('rwrInfluence (adjoint identity)', () => {
  const fixture = loadEngineFixture();
  const graph = fixtureGraph(fixture);
  const module = Uint32Array.from(fixture.drugs.module);
  const drugs = toCsrLists(fixture.drugs.targets);
  const lists = { offsets: drugs.offsets, targets: drugs.members };
  const options = { restart: 0.15, tolerance: 1e-14, maxIterations: 2000 };

  it('matches the per-drug dense solve (scipy) on the Menche subgraph', () => {
    const result = rwrInfluence(graph, module, lists, options);
    expect(result.converged).toBe(true);
    expect(maxAbsDiff(result.perDrug, fixture.drugs.influence)).toBeLessThan(1e-12);
    expect(maxAbsDiff(result.perNode, fixture.drugs.influencePerNode)).toBeLessThan(1e-12);
  });

  it('matches one direct RWR per drug (seeded on its targets, mass summed over the module)', () => {
    const n = graph.nodeCount;
    const count = fixture.drugs.targets.length;
    const seeds = new Float64Array(n * count);
    fixture.drugs.targets.forEach((targets, j) => {
      for (const t of targets) seeds[t * count + j] += 1 / targets.length;
    });
    const direct = randomWalkWithRestart(graph, seeds, count, { ...options, normalize: false });
    const expected = fixture.drugs.targets.map((_, j) =>
      fixture.drugs.module.reduce((sum, m) => sum + direct.values[m * count + j], 0),
    );
    const adjoint = rwrInfluence(graph, module, lists, options);
    expect(maxAbsDiff(adjoint.perDrug, expected)).toBeLessThan(1e-12);
  });

  it('gives r to an isolated module node and refuses directed graphs', () => {
    // nodes 0–1 linked, node 2 isolated and in the module: g[2] = r, g[0] = g[1] = 0
    const g = csrFromEdges(3, Uint32Array.of(0, 1), Uint32Array.of(1, 0));
    const result = rwrInfluence(
      g,
      Uint32Array.of(2),
      { offsets: Uint32Array.of(0, 1), targets: Uint32Array.of(2) },
      {
        restart: 0.3,
      },
    );
    expect([...result.perNode]).toEqual([0, 0, 0.3]);
    const directed = csrFromEdges(2, Uint32Array.of(0), Uint32Array.of(1));
    expect(() => rwrInfluence(directed, Uint32Array.of(0), lists)).toThrow(/symmetric/);
  });
});
