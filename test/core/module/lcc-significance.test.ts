import { describe, expect, it } from 'vitest';
import { largestConnectedComponent } from '@/core/graph/connected-components';
import { resolveNodeSet } from '@/core/graph/resolve-node-set';
import {
  createLccSignificanceRun,
  largestComponentOfSet,
  lccSignificance,
} from '@/core/module/lcc-significance';
import { degreeBins } from '@/core/random/degree-bins';
import { createNodeSetSampler } from '@/core/random/random-node-sets';
import {
  loadMencheDiseaseGenes,
  loadMencheInteractome,
  readCoreFixture,
} from '../../helpers/load-public-data';
import { BARBELL_WITH_ISOLATE, path, randomGraph } from '../../fixtures/core/graphs';

describe('largestComponentOfSet', () => {
  it('finds the largest component of the induced subgraph', () => {
    expect(Array.from(largestComponentOfSet(path(8), [0, 1, 2, 4, 5, 7]))).toEqual([0, 1, 2]);
    expect(Array.from(largestComponentOfSet(BARBELL_WITH_ISOLATE, [6, 4, 3, 0]))).toEqual([3, 4]);
    expect(Array.from(largestComponentOfSet(path(3), []))).toEqual([]);
  });

  it('matches networkx for all 299 Menche diseases', () => {
    const fixture = readCoreFixture<{ rows: [string, number, number, number, number][] }>(
      'menche-disease-lcc.json',
    );
    const network = loadMencheInteractome();
    const lcc = largestConnectedComponent(network.graph);
    const diseases = loadMencheDiseaseGenes();
    expect(fixture.rows.length).toBe(299);
    for (const [name, , , inLcc, lccSize] of fixture.rows) {
      const set = resolveNodeSet(diseases.get(name) as string[], network.indexOf, lcc);
      expect(set.nodes.length).toBe(inLcc);
      expect(largestComponentOfSet(lcc.graph, set.nodes).length, name).toBe(lccSize);
    }
  });
});

describe('lccSignificance', () => {
  const graph = randomGraph(300, 900, 5);
  const bins = degreeBins(graph, { minBinSize: 20 });
  // A connected set: node 0 and its neighbours (so S_obs = |set|).
  const set = [0, ...graph.targets.subarray(graph.offsets[0], graph.offsets[1])];

  it('reports size, null summary and an empirical p consistent with the null array', () => {
    const result = lccSignificance(graph, set, { iterations: 300, seed: 3, bins });
    expect(result.size).toBe(set.length);
    expect(Array.from(result.members)).toEqual([...set].sort((a, b) => a - b));
    expect(result.nullSizes.length).toBe(300);
    const atLeast = Array.from(result.nullSizes).filter((s) => s >= result.size).length;
    expect(result.pValue).toBe(atLeast / 300);
    const mean = Array.from(result.nullSizes).reduce((a, b) => a + b, 0) / 300;
    expect(result.nullMean).toBeCloseTo(mean, 10);
    expect(result.z).toBeCloseTo((result.size - result.nullMean) / result.nullSd, 10);
    expect(result.z).toBeGreaterThan(2);
    expect(result.nullModel).toBe('degree-scdrugprio');
    expect(result.nullDescription).toMatch(/scDrugPrio/);
  });

  it('is deterministic per seed; different seeds give different nulls', () => {
    const a = lccSignificance(graph, set, { iterations: 100, seed: 8, bins });
    const b = lccSignificance(graph, set, { iterations: 100, seed: 8, bins });
    const c = lccSignificance(graph, set, { iterations: 100, seed: 9, bins });
    expect(Array.from(a.nullSizes)).toEqual(Array.from(b.nullSizes));
    expect(Array.from(a.nullSizes)).not.toEqual(Array.from(c.nullSizes));
  });

  it('returns z = NaN when the null has no spread (single node)', () => {
    const result = lccSignificance(graph, [7], { iterations: 50, seed: 1, bins });
    expect(result.size).toBe(1);
    expect(result.nullSd).toBe(0);
    expect(result.z).toBeNaN();
    expect(result.pValue).toBe(1);
  });

  it.each(['degree-guney', 'uniform'] as const)('runs with the %s null', (nullModel) => {
    const result = lccSignificance(graph, set, { iterations: 50, seed: 2, bins, nullModel });
    expect(result.nullModel).toBe(nullModel);
    expect(Math.max(...result.nullSizes)).toBeLessThanOrEqual(set.length);
  });

  it('runs in slices: same draws, same result, however it is cut', () => {
    const options = { iterations: 120, seed: 5, bins };
    const run = createLccSignificanceRun(graph, set, options);
    expect(run.total).toBe(120);
    expect(() => run.result()).toThrow(/after 0 of 120 random sets/);
    expect(run.advance(1)).toBe(1);
    expect(run.advance(0)).toBe(1);
    expect(run.advance(50)).toBe(51);
    expect(() => run.result()).toThrow(/after 51 of 120/);
    expect(run.advance(1000)).toBe(120);
    expect(run.done).toBe(120);
    const whole = lccSignificance(graph, set, options);
    expect(run.result()).toEqual(whole);
    // The null sizes are the LCC sizes of the sampler's sets, in order (recomputed here).
    const sample = createNodeSetSampler(bins, Uint32Array.from(set), 'degree-scdrugprio', 5);
    const draw = new Uint32Array(set.length);
    for (let r = 0; r < 3; r++) {
      const valid = sample(draw);
      expect(whole.nullSizes[r]).toBe(largestComponentOfSet(graph, draw.slice(0, valid)).length);
    }
  });

  it('gives rheumatoid arthritis a significant module on the Menche LCC', () => {
    const network = loadMencheInteractome();
    const lcc = largestConnectedComponent(network.graph);
    const genes = loadMencheDiseaseGenes().get('arthritis, rheumatoid') as string[];
    const ra = resolveNodeSet(genes, network.indexOf, lcc);
    const result = lccSignificance(lcc.graph, ra.nodes, { iterations: 200, seed: 1 });
    const fixture = readCoreFixture<{ rows: [string, number, number, number, number][] }>(
      'menche-disease-lcc.json',
    );
    const row = fixture.rows.find((r) => r[0] === 'arthritis, rheumatoid') as number[];
    expect(result.size).toBe(row[4]);
    expect(result.nullMean).toBeLessThan(result.size);
    expect(result.iterations).toBe(200);
  });

  it('rejects bad input', () => {
    expect(() => lccSignificance(graph, [1, 1])).toThrow(/listed twice/);
    expect(() => lccSignificance(graph, [1], { iterations: 0 })).toThrow(/iterations/);
  });
});
