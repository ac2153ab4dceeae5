import { describe, expect, it } from 'vitest';
import { largestConnectedComponent } from '@/core/graph/connected-components';
import { degreeBins, degreeBinsFromDegrees } from '@/core/random/degree-bins';
import { loadMencheInteractome, readCoreFixture } from '../../helpers/load-public-data';

interface Preprocessing {
  bins100: [number, number, number][];
  bins50: [number, number, number][];
  bins500: [number, number, number][];
}

const binTriples = (bins: ReturnType<typeof degreeBins>): [number, number, number][] =>
  Array.from({ length: bins.binCount }, (_, b) => [
    bins.lowDegree[b],
    bins.highDegree[b],
    bins.binStart[b + 1] - bins.binStart[b],
  ]);

describe('degreeBins', () => {
  it('groups whole degree classes and merges a short last bin (hand example)', () => {
    // degrees: 1×3, 2×2, 3×1, 5×2, 9×1; B = 3
    const degree = Uint32Array.of(1, 1, 1, 2, 2, 3, 5, 5, 9);
    const bins = degreeBinsFromDegrees(degree, { minBinSize: 3 });
    // [1]: 3 nodes → closed; [2, 3]: 3 nodes → closed; [5, 9]: 3 nodes → closed.
    expect(binTriples(bins)).toEqual([
      [1, 1, 3],
      [2, 3, 3],
      [5, 9, 3],
    ]);
    // With B = 4: [1, 2] (5), then [3, 9] holds 4 → closed.
    expect(binTriples(degreeBinsFromDegrees(degree, { minBinSize: 4 }))).toEqual([
      [1, 2, 5],
      [3, 9, 4],
    ]);
    // With B = 5: [1, 2] (5); the rest (4 nodes) is short and joins it.
    expect(binTriples(degreeBinsFromDegrees(degree, { minBinSize: 5 }))).toEqual([[1, 9, 9]]);
    // Fewer nodes than B: one bin.
    expect(binTriples(degreeBinsFromDegrees(degree, { minBinSize: 100 }))).toEqual([[1, 9, 9]]);
  });

  it('indexes members and positions consistently', () => {
    const degree = Uint32Array.of(4, 1, 2, 1, 4, 2, 3);
    const bins = degreeBinsFromDegrees(degree, { minBinSize: 2 });
    for (let v = 0; v < degree.length; v++) {
      expect(bins.members[bins.positionOf[v]]).toBe(v);
      const b = bins.binOf[v];
      expect(degree[v]).toBeGreaterThanOrEqual(bins.lowDegree[b]);
      expect(degree[v]).toBeLessThanOrEqual(bins.highDegree[b]);
    }
  });

  it('gives the 46 bins of the Menche LCC with B = 100, and matches Guney at B = 50, 500', () => {
    const fixture = readCoreFixture<Preprocessing>('menche-preprocessing.json');
    const lcc = largestConnectedComponent(loadMencheInteractome().graph);
    const bins = degreeBins(lcc.graph);
    expect(bins.binCount).toBe(46);
    expect(binTriples(bins)).toEqual(fixture.bins100);
    expect(binTriples(degreeBins(lcc.graph, { minBinSize: 50 }))).toEqual(fixture.bins50);
    expect(binTriples(degreeBins(lcc.graph, { minBinSize: 500 }))).toEqual(fixture.bins500);
  });

  it('rejects a bad bin size', () => {
    expect(() => degreeBinsFromDegrees(Uint32Array.of(1, 2), { minBinSize: 0 })).toThrow(
      /minBinSize/,
    );
  });
});
