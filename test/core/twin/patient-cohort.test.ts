import { describe, expect, it } from 'vitest';
import {
  comparePatients,
  mergeCohortShards,
  parseShard,
  shardDonors,
  type CohortOutput,
  type PatientRecord,
} from '@/core/twin/patient-cohort';

const patient = (donor: string, ranks: [string, number, string[]][]): PatientRecord => ({
  donor,
  ranking: ranks.map(([drug, rank, cells]) => ({
    rank,
    drug,
    score: 0,
    candidate_cell_types: cells,
    counteracted_targets: Object.fromEntries(cells.map((c) => [c, [`${drug}-${c}`]])),
  })),
});

describe('shards', () => {
  it('parses I/N and rejects anything else', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    for (const bad of ['0/2', '3/2', '1/0', 'a/b', '1', '1/2/3']) {
      expect(() => parseShard(bad)).toThrow(/I\/N/);
    }
  });

  it('deals donors round-robin into disjoint shards that cover them, empty ones allowed', () => {
    expect(shardDonors(5, 1, 2)).toEqual([0, 2, 4]);
    expect(shardDonors(5, 2, 2)).toEqual([1, 3]);
    expect(shardDonors(2, 3, 3)).toEqual([]);
    const all = [1, 2, 3].flatMap((i) => shardDonors(7, i, 3)).sort((a, b) => a - b);
    expect(all).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});

describe('comparePatients', () => {
  it('lists rank changes by |Δ| with the cell types and targets that explain them', () => {
    const a = patient('p1', [
      ['x', 1, ['T', 'B']],
      ['y', 2, ['T']],
      ['z', 3, []],
    ]);
    const b = patient('p2', [
      ['z', 1, ['B']],
      ['x', 2.5, ['T']],
      ['y', 2.5, ['T']],
    ]);
    const [pair] = comparePatients([a, b]);
    expect(pair.a).toBe('p1');
    expect(pair.changed).toBe(3);
    // |Δ|: z 2, x 1.5, y 0.5.
    expect(pair.changes.map((c) => [c.drug, c.delta])).toEqual([
      ['z', -2],
      ['x', 1.5],
      ['y', 0.5],
    ]);
    expect(pair.changes[0].candidateOnlyInB).toEqual(['B']);
    expect(pair.changes[0].whyB).toEqual({ B: ['z-B'] });
    expect(pair.changes[1].candidateOnlyInA).toEqual(['B']);
    expect(pair.changes[1].whyA).toEqual({ B: ['x-B'] });
    expect(comparePatients([a, b], 1)[0].changes).toHaveLength(1);
  });
});

describe('mergeCohortShards', () => {
  const shardOf = (index: number, count: number, patients: PatientRecord[]): CohortOutput => ({
    settings: { seed: 1 },
    cohort: { donors: ['p1', 'p2', 'p3'] },
    shard: { index, count },
    patients,
    pairs: comparePatients(patients),
    provenance: { app: 'twinscreen' },
  });
  const p = ['p1', 'p2', 'p3'].map((d, i) => patient(d, [['x', i + 1, []]]));

  it('joins shards in donor order, recomputes pairs and keeps provenance last', () => {
    const merged = mergeCohortShards(
      [shardOf(2, 2, [p[1]]), shardOf(1, 2, [p[0], p[2]])],
      ['b', 'a'],
    );
    expect(merged.patients.map((x) => x.donor)).toEqual(['p1', 'p2', 'p3']);
    expect(merged.shard).toBeNull();
    expect(merged.pairs).toEqual(comparePatients(p));
    expect(Object.keys(merged)).toEqual([
      'settings',
      'cohort',
      'shard',
      'patients',
      'pairs',
      'provenance',
    ]);
  });

  it('refuses a missing, repeated or foreign shard', () => {
    expect(() => mergeCohortShards([shardOf(1, 2, [p[0], p[2]])], ['a'])).toThrow(
      'shard 2/2 missing',
    );
    expect(() =>
      mergeCohortShards([shardOf(1, 2, [p[0]]), shardOf(1, 2, [p[0]])], ['a', 'b']),
    ).toThrow('both shard 1/2');
    const other = { ...shardOf(2, 2, [p[1]]), settings: { seed: 2 } };
    expect(() => mergeCohortShards([shardOf(1, 2, [p[0], p[2]]), other], ['a', 'b'])).toThrow(
      'differs from a',
    );
    expect(() => mergeCohortShards([shardOf(1, 2, [p[0]]), shardOf(2, 3, [])], ['a', 'b'])).toThrow(
      'expected one of N = 2',
    );
  });
});
