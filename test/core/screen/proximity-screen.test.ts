import { describe, expect, it } from 'vitest';
import { multiSourceBfs } from '@/core/engine/multi-source-bfs';
import { degreeBins } from '@/core/random/degree-bins';
import { createRandom } from '@/core/random/random';
import { NO_NODE } from '@/core/random/random-node-sets';
import { directionOptimizingBfs } from '@/core/screen/direction-optimizing-bfs';
import {
  accumulateProximityDraws,
  createProximityAccumulator,
  gatherDrawSums,
  moduleDistanceField,
  observedDistanceSums,
  pathToModule,
  proximityStatistics,
  screenProximity,
} from '@/core/screen/proximity-screen';
import { createScreenSampler, targetSetSeed } from '@/core/screen/screen-sampler';
import { loadMencheInteractome } from '../../helpers/load-public-data';
import { pathGraph, undirected } from './screen-graphs';

const sets = (...lists: number[][]) => {
  const offsets = new Uint32Array(lists.length + 1);
  lists.forEach((list, i) => (offsets[i + 1] = offsets[i] + list.length));
  return { offsets, nodes: Uint32Array.from(lists.flat()) };
};

describe('moduleDistanceField', () => {
  it('gives distances, a nearest module node and a shortest path on a path graph', () => {
    const field = moduleDistanceField(pathGraph(5), [0]);
    expect(Array.from(field.distance)).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(field.nearest)).toEqual([0, 0, 0, 0, 0]);
    expect(pathToModule(field, 4)).toEqual([4, 3, 2, 1, 0]);
    expect(pathToModule(field, 0)).toEqual([0]);
  });

  it('splits a path between two module nodes and marks unreachable nodes', () => {
    const graph = undirected(7, [
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 4],
      [5, 6],
    ]);
    const field = moduleDistanceField(graph, [0, 4]);
    expect(Array.from(field.distance)).toEqual([0, 1, 2, 1, 0, -1, -1]);
    expect(Array.from(field.nearest)).toEqual([0, 0, 0, 4, 4, -1, -1]);
    expect(pathToModule(field, 3)).toEqual([3, 4]);
    expect(pathToModule(field, 5)).toEqual([]);
    const { offsets, nodes } = sets([2, 3], [1], [5]);
    expect(Array.from(observedDistanceSums(field, offsets, nodes))).toEqual([3, 1, Infinity]);
  });
});

describe('directionOptimizingBfs', () => {
  it('equals the reference multi-source BFS on random graphs, empty sets included', () => {
    const random = createRandom(11);
    for (const [n, m] of [
      [30, 20],
      [200, 600],
      [500, 4000],
    ]) {
      const edges: [number, number][] = [];
      for (let e = 0; e < m; e++) edges.push([random.nextInt(n), random.nextInt(n)]);
      const graph = undirected(n, edges);
      const lists = [[], [0], [1, 2, 3], Array.from({ length: 40 }, () => random.nextInt(n))];
      const { offsets, nodes } = sets(...lists.map((list) => [...new Set(list)]));
      expect(directionOptimizingBfs(graph, nodes, offsets)).toEqual(
        multiSourceBfs(graph, nodes, offsets),
      );
    }
  });

  it('equals the reference on the Menche interactome (bottom-up levels exercised)', () => {
    const { graph } = loadMencheInteractome();
    const { offsets, nodes } = sets([0], [5, 500, 5000], [12000, 13000, 77, 4242, 9999]);
    expect(directionOptimizingBfs(graph, nodes, offsets)).toEqual(
      multiSourceBfs(graph, nodes, offsets),
    );
  });
});

describe('screen sampler', () => {
  it("shared: T draws keep each target's degree bin, are distinct, and ignore the module stream", () => {
    const graph = undirected(12, [
      [0, 1],
      [0, 2],
      [0, 3],
      [0, 4],
      [5, 6],
      [5, 7],
      [5, 8],
      [9, 10],
      [10, 11],
      [4, 9],
      [8, 11],
    ]);
    const bins = degreeBins(graph, { minBinSize: 3 });
    const { offsets, nodes } = sets([1, 5], [2, 3, 10]);
    const a = createScreenSampler(bins, Uint32Array.of(0, 6), offsets, nodes, 3, 'shared');
    const b = createScreenSampler(bins, Uint32Array.of(0, 6), offsets, nodes, 3, 'shared');
    const withModule = a.nextBatch(50);
    const withoutModule = b.nextBatch(50, false);
    expect(withoutModule.targetNodes).toEqual(withModule.targetNodes);
    expect(withoutModule.moduleNodes.length).toBe(0);
    for (let c = 0; c < 50; c++) {
      for (let j = 0; j < 2; j++) {
        const drawn: number[] = [];
        for (let k = offsets[j]; k < offsets[j + 1]; k++) {
          const node = withModule.targetNodes[k * 50 + c];
          expect(bins.binOf[node]).toBe(bins.binOf[nodes[k]]);
          drawn.push(node);
        }
        expect(new Set(drawn).size).toBe(drawn.length);
      }
      const module = withModule.moduleNodes.subarray(
        withModule.moduleOffsets[c],
        withModule.moduleOffsets[c + 1],
      );
      expect(Array.from(module, (v) => bins.binOf[v])).toEqual([bins.binOf[0], bins.binOf[6]]);
    }
  });

  it('gives each target set its own stream, seeded by the seed and the nodes', () => {
    expect(targetSetSeed(1, [1, 2])).not.toBe(targetSetSeed(1, [1, 3]));
    expect(targetSetSeed(1, [1, 2])).not.toBe(targetSetSeed(2, [1, 2]));
    expect(targetSetSeed(5, [7])).toBe(targetSetSeed(5, Uint32Array.of(7)));
  });

  it('guney: draws exclude the node itself and may shrink on collisions', () => {
    // One bin {0, 1, 2}: once 0 and 1 are taken, node 2 (choices 0, 1) must collide.
    const graph = pathGraph(3);
    const bins = degreeBins(graph, { minBinSize: 100 });
    const { offsets, nodes } = sets([0, 1, 2]);
    const sampler = createScreenSampler(bins, Uint32Array.of(0), offsets, nodes, 9, 'guney');
    const batch = sampler.nextBatch(200);
    let shrunk = 0;
    for (let c = 0; c < 200; c++) {
      const size = batch.targetSizes[c];
      if (size < 3) shrunk++;
      for (let k = size; k < 3; k++) expect(batch.targetNodes[k * 200 + c]).toBe(NO_NODE);
      if (size === 3) {
        // Node k of the set never draws itself: slot k is some other node (order kept).
        for (let k = 0; k < 3; k++) expect(batch.targetNodes[k * 200 + c]).not.toBe(k);
      }
      expect(batch.moduleNodes[batch.moduleOffsets[c]]).not.toBe(0);
    }
    expect(shrunk).toBeGreaterThan(0);
  });
});

describe('gatherDrawSums and the accumulator', () => {
  it('sums distances per draw and counts d_r ≤ d_c exactly', () => {
    // 3 nodes, 2 columns: node-major distances.
    const distances = Uint8Array.of(0, 1, 1, 2, 2, 0);
    const batch = {
      columns: 2,
      moduleNodes: new Uint32Array(0),
      moduleOffsets: new Uint32Array(3),
      targetNodes: Uint32Array.of(1, 0, 2, 2, 0, NO_NODE),
      targetSizes: Uint32Array.of(3, 2),
    };
    const offsets = Uint32Array.of(0, 3);
    const sums = gatherDrawSums(distances, 3, batch, offsets);
    // column 0: nodes 1, 2, 0 → 1 + 2 + 0; column 1: nodes 0, 2 → 1 + 0
    expect(Array.from(sums)).toEqual([3, 1]);
    // Observed d_c = 2/3: draw 0 has 3/3 = 1 > 2/3, draw 1 has 1/2 ≤ 2/3.
    const accumulator = createProximityAccumulator(Float64Array.of(2), offsets);
    accumulateProximityDraws(accumulator, sums, batch.targetSizes, 2);
    const [stats] = proximityStatistics(accumulator, 0);
    expect(stats.distance).toBeCloseTo(2 / 3, 15);
    expect(stats.pValue).toBe(0.5);
    expect(stats.nullMean).toBeCloseTo(0.75, 15);
    expect(stats.nullSd).toBeCloseTo(0.25, 15); // population SD of {1, 0.5}
    expect(stats.z).toBeCloseTo((2 / 3 - 0.75) / 0.25, 12);
    // A draw equal to d_c (2/3 again, as 4/6) counts as ≤.
    const equal = createProximityAccumulator(Float64Array.of(2), offsets);
    accumulateProximityDraws(equal, Float64Array.of(4), Uint32Array.of(6), 1);
    expect(proximityStatistics(equal, 0)[0].pValue).toBe(1);
  });
});

describe('screenProximity on hand-checkable nulls', () => {
  // Path 0–1–2–3–4 has fewer nodes than one bin, so the null draws nodes uniformly:
  // shared: S_r, T_r uniform on {0…4}: E|i − j| = 40/25 = 1.6, E|i − j|² = 100/25 = 4,
  // sd = 1.2. Target 4 vs module 0: d_c = 4, z = 2, p = 1; target 0: d_c = 0, p = P(i = j) = 1/5.
  const graph = pathGraph(5);
  const module = Uint32Array.of(0);
  const { offsets, nodes } = sets([4], [0], [2, 3]);

  it('shared sampling matches the uniform-null moments', () => {
    const result = screenProximity(graph, module, offsets, nodes, {
      iterations: 20000,
      seed: 3,
    });
    const [far, inside, pair] = result.sets;
    expect(far.distance).toBe(4);
    expect(far.nullMean).toBeCloseTo(1.6, 1);
    expect(far.nullSd).toBeCloseTo(1.2, 1);
    expect(far.z).toBeCloseTo(2, 1);
    expect(far.pValue).toBe(1);
    expect(inside.distance).toBe(0);
    expect(Math.abs(inside.pValue - 0.2)).toBeLessThan(0.012); // 4 SD of a binomial proportion
    expect(inside.gaussianP).toBeCloseTo(0.5 * (1 + erf(inside.z / Math.SQRT2)), 12);
    expect(pair.distance).toBe(2.5);
  });

  it('guney sampling: S_r uniform on {1…4}, T_r uniform on {0…3} (bin minus the node)', () => {
    let sum = 0;
    let squares = 0;
    for (let i = 1; i <= 4; i++) {
      for (let j = 0; j <= 3; j++) {
        sum += Math.abs(i - j) / 16;
        squares += (i - j) ** 2 / 16;
      }
    }
    const sd = Math.sqrt(squares - sum * sum);
    const result = screenProximity(graph, module, offsets, nodes, {
      iterations: 20000,
      seed: 4,
      sampling: 'guney',
    });
    expect(result.sets[0].nullMean).toBeCloseTo(sum, 1);
    expect(result.sets[0].nullSd).toBeCloseTo(sd, 1);
    expect(result.sets[0].z).toBeCloseTo((4 - sum) / sd, 1);
  });

  it('is identical for a fixed seed and any batch size, and differs between seeds', () => {
    const run = (seed: number, batchColumns: number) =>
      screenProximity(graph, module, offsets, nodes, { iterations: 300, seed, batchColumns }).sets;
    const reference = run(21, 64);
    expect(run(21, 64)).toEqual(reference);
    expect(run(21, 1)).toEqual(reference);
    expect(run(21, 7)).toEqual(reference);
    expect(run(22, 64)).not.toEqual(reference);
    expect(run(22, 64)[0].nullMean).not.toBe(reference[0].nullMean);
  });

  it('uses ddof 1 when asked (scDrugPrio)', () => {
    const population = screenProximity(graph, module, offsets, nodes, { iterations: 50, seed: 1 });
    const sample = screenProximity(graph, module, offsets, nodes, {
      iterations: 50,
      seed: 1,
      ddof: 1,
    });
    expect(sample.sets[0].nullSd).toBeCloseTo(population.sets[0].nullSd * Math.sqrt(50 / 49), 12);
  });

  it('rejects bad options', () => {
    expect(() => screenProximity(graph, module, offsets, nodes, { iterations: 0 })).toThrow(
      /iterations must be an integer ≥ 1/,
    );
    expect(() =>
      screenProximity(graph, module, offsets, nodes, { sampling: 'nope' as 'shared' }),
    ).toThrow(/sampling must be 'shared' or 'guney'/);
    expect(() => screenProximity(graph, new Uint32Array(0), offsets, nodes)).toThrow(
      /module is empty/,
    );
  });
});

// erf by its Maclaurin series (|x| < 3 here), independent of src/core/stats.
function erf(x: number): number {
  let term = x;
  let sum = x;
  for (let k = 1; k < 200; k++) {
    term *= (-x * x) / k;
    sum += term / (2 * k + 1);
  }
  return (2 / Math.sqrt(Math.PI)) * sum;
}
