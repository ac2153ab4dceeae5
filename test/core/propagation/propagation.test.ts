import { describe, expect, it } from 'vitest';
import { csrFromEdges } from '@/core/graph/csr';
import { largestConnectedComponent } from '@/core/graph/connected-components';
import { resolveNodeSet } from '@/core/graph/resolve-node-set';
import { heatDiffusion } from '@/core/propagation/heat-diffusion';
import {
  addNullScores,
  createNullScoreAccumulator,
  createPropagationSignificanceRun,
  finishPropagationSignificance,
  preparePropagationSignificance,
  propagationSignificance,
} from '@/core/propagation/propagation-significance';
import {
  randomWalkWithRestart,
  seedDistribution,
} from '@/core/propagation/random-walk-with-restart';
import {
  loadMencheDiseaseGenes,
  loadMencheInteractome,
  readCoreFixture,
} from '../../helpers/load-public-data';
import { path, randomGraph, star, undirected } from '../../fixtures/core/graphs';

interface SampleFixture {
  rwrRaRestart015: Record<string, number>;
  heatRa: Record<string, Record<string, number>>;
  heatRaTotal: Record<string, number>;
}

const sum = (values: ArrayLike<number>): number => Array.from(values).reduce((a, b) => a + b, 0);

describe('randomWalkWithRestart', () => {
  it.each([0.15, 0.5, 0.9])('matches the closed form on a single edge (r = %s)', (restart) => {
    // p0 = 1 on node 0: p0 = 1/(2 − r), p1 = (1 − r)/(2 − r).
    const { scores, converged } = randomWalkWithRestart(path(2), Float64Array.of(1, 0), {
      restart,
      tolerance: 1e-14,
    });
    expect(converged).toBe(true);
    expect(scores[0]).toBeCloseTo(1 / (2 - restart), 12);
    expect(scores[1]).toBeCloseTo((1 - restart) / (2 - restart), 12);
  });

  it('keeps mass 1 with dangling nodes and isolated seeds; symmetric leaves tie', () => {
    const graph = csrFromEdges(4, Uint32Array.of(0, 1), Uint32Array.of(1, 2)); // 2, 3 dangling
    const result = randomWalkWithRestart(graph, Float64Array.of(1, 0, 0, 1));
    expect(sum(result.scores)).toBeCloseTo(1, 12);
    const starResult = randomWalkWithRestart(star(5), seedDistribution(5, [0]));
    expect(sum(starResult.scores)).toBeCloseTo(1, 12);
    expect(starResult.scores[1]).toBeCloseTo(starResult.scores[4], 14);
    expect(starResult.degreeCorrected[0]).toBeCloseTo(starResult.scores[0] / 4, 15);
    const isolated = undirected(3, [[0, 1]]);
    const withIsolate = randomWalkWithRestart(isolated, seedDistribution(3, [0]));
    expect(withIsolate.scores[2]).toBe(0);
    expect(withIsolate.degreeCorrected[2]).toBeNaN();
  });

  it('weights seeds proportionally', () => {
    const p0 = seedDistribution(5, [1, 3], [1, 3]);
    expect(Array.from(p0)).toEqual([0, 0.25, 0, 0.75, 0]);
    expect(() => seedDistribution(5, [1], [1, 2])).toThrow(/1 seeds but 2 seed weights/);
    expect(() => randomWalkWithRestart(path(3), [1, 0])).toThrow(/expected 3 restart weights/);
  });

  it('matches networkx personalised PageRank for the RA genes on the Menche LCC', () => {
    const fixture = readCoreFixture<SampleFixture>('centrality-lcc-sample.json');
    const network = loadMencheInteractome();
    const lcc = largestConnectedComponent(network.graph);
    const genes = loadMencheDiseaseGenes().get('arthritis, rheumatoid') as string[];
    const ra = resolveNodeSet(genes, network.indexOf, lcc);
    const result = randomWalkWithRestart(
      lcc.graph,
      seedDistribution(lcc.graph.nodeCount, ra.nodes),
      { tolerance: 1e-14 },
    );
    expect(result.converged).toBe(true);
    expect(sum(result.scores)).toBeCloseTo(1, 12);
    for (const [id, expected] of Object.entries(fixture.rwrRaRestart015)) {
      const v = lcc.localOf[network.indexOf.get(id) as number];
      expect(Math.abs(result.scores[v] - expected) / expected).toBeLessThanOrEqual(1e-9);
    }
  });
});

describe('heatDiffusion', () => {
  it('conserves heat and equalises it on a connected graph', () => {
    const graph = randomGraph(30, 60, 2);
    const h0 = new Float64Array(30);
    h0[4] = 3;
    const short = heatDiffusion(graph, h0, { time: 0.2 }).heat;
    expect(sum(short)).toBeCloseTo(3, 12);
    const long = heatDiffusion(graph, h0, { time: 200 }).heat;
    for (const value of long) expect(value).toBeCloseTo(0.1, 8);
    expect(heatDiffusion(graph, h0, { time: 0 }).heat).toEqual(h0);
  });

  it('matches the two-node closed form', () => {
    // L = [[1, −1], [−1, 1]]: h(t) = ½(1 + e^{−2t}), ½(1 − e^{−2t}).
    const { heat } = heatDiffusion(path(2), [1, 0], { time: 0.7 });
    expect(heat[0]).toBeCloseTo(0.5 * (1 + Math.exp(-1.4)), 14);
    expect(heat[1]).toBeCloseTo(0.5 * (1 - Math.exp(-1.4)), 14);
  });

  it.each(['0.1', '1.0'])('matches scipy expm_multiply on the Menche LCC (t = %s)', (time) => {
    const fixture = readCoreFixture<SampleFixture>('centrality-lcc-sample.json');
    const network = loadMencheInteractome();
    const lcc = largestConnectedComponent(network.graph);
    const genes = loadMencheDiseaseGenes().get('arthritis, rheumatoid') as string[];
    const ra = resolveNodeSet(genes, network.indexOf, lcc);
    const h0 = new Float64Array(lcc.graph.nodeCount);
    for (const v of ra.nodes) h0[v] = 1;
    const { heat } = heatDiffusion(lcc.graph, h0, { time: Number(time) });
    expect(Math.abs(sum(heat) - fixture.heatRaTotal[time])).toBeLessThan(1e-9);
    for (const [id, expected] of Object.entries(fixture.heatRa[time])) {
      const v = lcc.localOf[network.indexOf.get(id) as number];
      if (expected < 1e-12) expect(Math.abs(heat[v] - expected)).toBeLessThan(1e-13);
      else expect(Math.abs(heat[v] - expected) / expected).toBeLessThanOrEqual(1e-9);
    }
  });
});

describe('propagationSignificance', () => {
  const graph = randomGraph(120, 360, 7);
  const seeds = [0, ...graph.targets.subarray(graph.offsets[0], graph.offsets[1])];

  it('gives seeds small empirical p and is reproducible', () => {
    const a = propagationSignificance(graph, seeds, { iterations: 60, seed: 4, minBinSize: 10 });
    const b = propagationSignificance(graph, seeds, { iterations: 60, seed: 4, minBinSize: 10 });
    const c = propagationSignificance(graph, seeds, { iterations: 60, seed: 5, minBinSize: 10 });
    expect(Array.from(a.pValues)).toEqual(Array.from(b.pValues));
    expect(Array.from(a.z)).not.toEqual(Array.from(c.z));
    expect(a.pValues[0]).toBeLessThan(0.1);
    for (const p of a.pValues) {
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
      expect(Math.abs(p * 60 - Math.round(p * 60))).toBeLessThan(1e-9);
    }
    expect(a.scores).toEqual(randomWalkWithRestart(graph, seedDistribution(120, seeds)).scores);
  });

  it('supports heat diffusion and seed weights; rejects weights with the Guney null', () => {
    const weights = seeds.map((_, i) => i + 1);
    const heat = propagationSignificance(graph, seeds, {
      method: 'heat',
      iterations: 20,
      minBinSize: 10,
      seedWeights: weights,
    });
    expect(sum(heat.scores)).toBeCloseTo(sum(weights), 9);
    expect(() =>
      propagationSignificance(graph, seeds, {
        nullModel: 'degree-guney',
        seedWeights: weights,
        minBinSize: 10,
      }),
    ).toThrow(/seed weights need a null that keeps slots/);
  });
});

describe('propagationSignificance in pieces', () => {
  it('p, z and degree correction from the accumulator, by hand (node-major columns)', () => {
    const graph = path(3); // degrees 1, 2, 1
    const prepared = preparePropagationSignificance(graph, [0], { iterations: 2, minBinSize: 1 });
    const accumulator = createNullScoreAccumulator(Float64Array.of(3, 2, 1));
    // Two draws as the columns of a node-major 3 × 2 block: (0, 2, 4) and (2, 2, 2).
    addNullScores(accumulator, [0, 2, 2, 2, 4, 2], 0, 2);
    expect(() => finishPropagationSignificance(graph, prepared, accumulator)).toThrow(
      /1 of 2 random sets/,
    );
    addNullScores(accumulator, [0, 2, 2, 2, 4, 2], 1, 2);
    const result = finishPropagationSignificance(graph, prepared, accumulator);
    // node 0: draws 0, 2 → none ≥ 3, mean 1, sd 1, z = 2; node 1: 2, 2 → both ≥ 2, sd 0;
    // node 2: 4, 2 → both ≥ 1, mean 3, sd 1, z = −2.
    expect(Array.from(result.pValues)).toEqual([0, 1, 1]);
    expect(result.z[0]).toBeCloseTo(2, 14);
    expect(result.z[1]).toBeNaN();
    expect(result.z[2]).toBeCloseTo(-2, 14);
    expect(Array.from(result.degreeCorrected)).toEqual([3, 1, 1]);
  });

  it('runs in slices with the same result as one call, and the core draws', () => {
    const graph = randomGraph(150, 450, 3);
    const seeds = [5, 6, 7, 30];
    const options = { iterations: 25, seed: 2, minBinSize: 10 };
    const run = createPropagationSignificanceRun(graph, seeds, options);
    expect(run.total).toBe(25);
    expect(() => run.result()).toThrow(/0 of 25/);
    expect(run.advance(7)).toBe(7);
    expect(run.advance(7)).toBe(14);
    expect(run.advance(100)).toBe(25);
    const whole = propagationSignificance(graph, seeds, options);
    expect(run.result()).toEqual(whole);
    expect(run.scores).toEqual(whole.scores);

    // The same statistics from the prepared stream, walked and accumulated by hand.
    const prepared = preparePropagationSignificance(graph, seeds, options);
    const accumulator = createNullScoreAccumulator(whole.scores);
    const draw = new Uint32Array(seeds.length);
    for (let r = 0; r < 25; r++) {
      const valid = prepared.sample(draw);
      const walk = randomWalkWithRestart(graph, seedDistribution(150, draw.slice(0, valid)));
      addNullScores(accumulator, walk.scores);
    }
    expect(finishPropagationSignificance(graph, prepared, accumulator)).toEqual(whole);
  });

  it('validates once, up front', () => {
    const graph = randomGraph(50, 100, 1);
    expect(() => preparePropagationSignificance(graph, [])).toThrow(/no seeds/);
    expect(() => preparePropagationSignificance(graph, [1], { iterations: 0 })).toThrow(
      /iterations must be ≥ 1/,
    );
  });
});
