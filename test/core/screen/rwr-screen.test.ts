import { describe, expect, it } from 'vitest';
import { randomWalkWithRestart } from '@/core/engine/random-walk-with-restart';
import { degreeBins } from '@/core/random/degree-bins';
import { screenRwr } from '@/core/screen/rwr-screen';
import { cycleGraph, undirected } from './screen-graphs';

const sets = (...lists: number[][]) => {
  const offsets = new Uint32Array(lists.length + 1);
  lists.forEach((list, i) => (offsets[i + 1] = offsets[i] + list.length));
  return { offsets, nodes: Uint32Array.from(lists.flat()) };
};

/** Σ_{m∈M} (F·u_T)[m] by one forward walk per drug: the definition, without the adjoint. */
function forwardInfluence(
  graph: ReturnType<typeof cycleGraph>,
  targets: number[],
  module: number[],
): number {
  const seeds = new Float64Array(graph.nodeCount);
  for (const t of targets) seeds[t] = 1 / targets.length;
  const walk = randomWalkWithRestart(graph, seeds, 1, {
    restart: 0.15,
    tolerance: 1e-13,
    maxIterations: 5000,
  });
  return module.reduce((sum, m) => sum + walk.values[m], 0);
}

describe('screenRwr', () => {
  const graph = undirected(7, [
    [0, 1],
    [1, 2],
    [2, 3],
    [3, 0],
    [2, 4],
    [4, 5],
    [5, 6],
    [1, 5],
  ]);
  const module = Uint32Array.of(0, 3);

  it('gives every drug the influence of a forward walk from its targets (one adjoint walk)', () => {
    const lists = [[6], [4, 5], [0], [1, 2, 6]];
    const { offsets, nodes } = sets(...lists);
    const result = screenRwr(graph, module, offsets, nodes, degreeBins(graph), { iterations: 10 });
    expect(result.converged).toBe(true);
    lists.forEach((list, j) => {
      expect(result.sets[j].influence).toBeCloseTo(forwardInfluence(graph, list, [0, 3]), 9);
    });
  });

  it('compares with uniform random targets when every node shares one bin (cycle)', () => {
    // On a cycle every node has degree 2: the null draws single targets uniformly, so its mean
    // is the average influence over all nodes, and the module node (largest influence) has
    // p = P(I_r ≥ I) = 1/8.
    const cycle = cycleGraph(8);
    const { offsets, nodes } = sets([0], [4]);
    const result = screenRwr(cycle, Uint32Array.of(0), offsets, nodes, degreeBins(cycle), {
      iterations: 20000,
      seed: 5,
    });
    let average = 0;
    for (let v = 0; v < 8; v++) average += result.perNode[v] / 8;
    const [atModule, opposite] = result.sets;
    expect(atModule.nullMean).toBeCloseTo(average, 3);
    expect(Math.abs(atModule.pValue - 1 / 8)).toBeLessThan(0.01);
    expect(atModule.z).toBeGreaterThan(0);
    expect(opposite.z).toBeLessThan(0);
    expect(opposite.pValue).toBe(1); // the farthest node: every draw is at least as influential
    expect(opposite.influence).toBeLessThan(atModule.influence);
  });

  it('is identical for a fixed seed and differs between seeds', () => {
    const { offsets, nodes } = sets([6], [4, 5]);
    const bins = degreeBins(graph);
    const a = screenRwr(graph, module, offsets, nodes, bins, { iterations: 200, seed: 1 });
    const b = screenRwr(graph, module, offsets, nodes, bins, { iterations: 200, seed: 1 });
    const c = screenRwr(graph, module, offsets, nodes, bins, { iterations: 200, seed: 2 });
    expect(a.sets).toEqual(b.sets);
    expect(c.sets[0].nullMean).not.toBe(a.sets[0].nullMean);
  });
});
