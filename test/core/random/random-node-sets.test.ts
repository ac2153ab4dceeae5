import { describe, expect, it } from 'vitest';
import { degreeBins, degreeBinsFromDegrees } from '@/core/random/degree-bins';
import { NO_NODE, randomNodeSets } from '@/core/random/random-node-sets';
import { randomGraph } from '../../fixtures/core/graphs';

const graph = randomGraph(400, 1600, 3);
const bins = degreeBins(graph, { minBinSize: 20 });
const set = [5, 17, 40, 41, 99, 150, 151, 152, 300, 399];

function rows(sets: ReturnType<typeof randomNodeSets>): number[][] {
  return Array.from({ length: sets.count }, (_, r) =>
    Array.from(sets.nodes.subarray(r * sets.setSize, r * sets.setSize + sets.sizes[r])),
  );
}

describe('randomNodeSets', () => {
  it('scDrugPrio null: exact size, distinct nodes, slot i in the bin of S[i]', () => {
    const sets = randomNodeSets(bins, set, { count: 200, seed: 1 });
    expect(sets.nodes.length).toBe(200 * set.length);
    for (const row of rows(sets)) {
      expect(row.length).toBe(set.length);
      expect(new Set(row).size).toBe(set.length);
      row.forEach((v, i) => expect(bins.binOf[v]).toBe(bins.binOf[set[i]]));
    }
  });

  it('Guney null: never draws a node for itself, stays in its bin, pads shrunken sets', () => {
    const sets = randomNodeSets(bins, set, { count: 200, seed: 2, nullModel: 'degree-guney' });
    for (let r = 0; r < sets.count; r++) {
      const row = Array.from(sets.nodes.subarray(r * set.length, (r + 1) * set.length));
      const valid = row.slice(0, sets.sizes[r]);
      expect(new Set(valid).size).toBe(valid.length);
      expect(row.slice(sets.sizes[r]).every((v) => v === NO_NODE)).toBe(true);
      if (sets.sizes[r] === set.length) {
        valid.forEach((v, i) => {
          expect(v).not.toBe(set[i]);
          expect(bins.binOf[v]).toBe(bins.binOf[set[i]]);
        });
      }
    }
  });

  it('Guney null lets persistent collisions shrink a set', () => {
    // One bin {0, 1, 2} and S = all three: if 0 → 1 and 1 → 0, node 2 can only draw 0 or 1,
    // both taken, so after 20 redraws the set keeps two nodes.
    const small = degreeBinsFromDegrees(Uint32Array.of(2, 2, 2), { minBinSize: 3 });
    const sets = randomNodeSets(small, [0, 1, 2], {
      count: 400,
      seed: 3,
      nullModel: 'degree-guney',
    });
    const sizes = new Set(sets.sizes);
    expect(sizes).toEqual(new Set([2, 3]));
    const r = sets.sizes.indexOf(2);
    expect(sets.nodes[r * 3 + 2]).toBe(NO_NODE);
  });

  it('uniform null: distinct nodes anywhere', () => {
    const sets = randomNodeSets(bins, set, { count: 100, seed: 4, nullModel: 'uniform' });
    const seenBins = new Set<number>();
    for (const row of rows(sets)) {
      expect(new Set(row).size).toBe(set.length);
      row.forEach((v) => seenBins.add(bins.binOf[v]));
    }
    expect(seenBins.size).toBe(bins.binCount);
  });

  it('is reproducible per seed and differs between seeds', () => {
    const a = randomNodeSets(bins, set, { count: 20, seed: 9 });
    const b = randomNodeSets(bins, set, { count: 20, seed: 9 });
    const c = randomNodeSets(bins, set, { count: 20, seed: 10 });
    expect(Array.from(a.nodes)).toEqual(Array.from(b.nodes));
    expect(Array.from(a.nodes)).not.toEqual(Array.from(c.nodes));
  });

  it('rejects repeated or out-of-range nodes', () => {
    expect(() => randomNodeSets(bins, [1, 1])).toThrow(/listed twice/);
    expect(() => randomNodeSets(bins, [400])).toThrow(/not an index below 400/);
    expect(() =>
      randomNodeSets(degreeBinsFromDegrees(Uint32Array.of(3), { minBinSize: 1 }), [0], {
        nullModel: 'degree-guney',
      }),
    ).toThrow(/needs ≥ 2 nodes per bin/);
  });
});
