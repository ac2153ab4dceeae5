import { describe, expect, it } from 'vitest';
import { screenDrugs } from '@/core/screen/drug-screen';
import { TOY_INPUT, TOY_OPTIONS } from './toy-screen';

const input = TOY_INPUT;
const options = TOY_OPTIONS;

describe('screenDrugs end to end (toy)', () => {
  const result = screenDrugs(input, options);
  const row = (name: string) => {
    const found = result.drugs.find((d) => d.names.includes(name));
    if (!found) throw new Error(`no row for ${name}`);
    return found;
  };

  it('groups drugs, reports exclusions and keeps the provenance', () => {
    expect(result.drugs).toHaveLength(4);
    expect(row('twin').names).toEqual(['near', 'twin']);
    expect(result.excluded.map((d) => [d.name, d.reason])).toEqual([
      ['ghost', 'no-target-in-network'],
    ]);
    const { provenance } = result;
    expect(provenance.methods).toEqual(['proximity', 'rwr', 'cure']);
    expect(provenance.null).toMatchObject({
      sampling: 'shared',
      nullModel: 'degree-scdrugprio',
      iterations: 400,
      seed: 9,
      minBinSize: 100,
      binCount: 1,
      ddof: 0,
    });
    expect(provenance.data.module).toMatchObject({
      genesGiven: 3,
      inLcc: 2,
      notInNetwork: ['NOPE'],
    });
    expect(provenance.data.drugs).toMatchObject({ drugsRead: 6, drugsScreened: 5, entries: 4 });
    expect(provenance.data.degs?.group).toBe('g');
    expect(provenance.cure).toMatchObject({ group: 'g', signatureSize: 2, perturbableDrugs: 4 });
    expect(result.notes[0]).toMatch(/2 groups/);
  });

  it('computes d_c, counteraction and the candidate flag as worked out by hand', () => {
    expect(row('inside').proximity?.dC).toBe(0);
    expect(row('near').proximity?.dC).toBe(1);
    expect(row('mixed').proximity?.dC).toBe(4.5);
    expect(row('far').proximity?.dC).toBe(10);
    expect(row('inside').counteraction).toMatchObject({ counteracting: 1, mimicking: 0 });
    expect(row('near').counteraction).toMatchObject({ counteracting: 0, mimicking: 1 });
    expect(row('near').counteractionByGroup.map((c) => c.counteracting)).toEqual([0, 1]);
    expect(row('far').counteraction).toMatchObject({ counteracting: 0, mimicking: 1 });
    expect(row('inside').isCandidate).toBe(true); // d_c < 1, Φ(z) < 0.5, counteracting ≥ 1
    expect(row('near').isCandidate).toBe(false); // d_c = 1 is not < 1
    expect(row('inside').explanation.targets[0]).toMatchObject({ gene: 'G0', distance: 0 });
    expect(row('far').explanation.targets[0].path).toEqual([
      'G11',
      'G10',
      'G9',
      'G8',
      'G7',
      'G6',
      'G5',
      'G4',
      'G3',
      'G2',
      'G1',
    ]);
  });

  it('scores the cure on the signed network', () => {
    // Inhibiting G2 (down in disease): G1 = −α (down gene pushed down: aggravated),
    // G0 = −α² (up gene pushed down: reversed).
    expect(row('near').cure).toMatchObject({ reversed: 1, aggravated: 1, cureScore: 0 });
    // Inhibiting G0 (up): reversed; G1 untouched.
    expect(row('inside').cure).toMatchObject({ reversed: 1, aggravated: 0, cureScore: 0.5 });
    // far acts on G10 only, outside the signature; mixed holds G5, which has no edges.
    expect(row('far').cure).toMatchObject({ moved: 0, cureScore: 0 });
    expect(row('far').cure?.spearman).toBeNaN();
    expect(row('mixed').cure).toMatchObject({ perturbedTargets: 1, moved: 0 });
    expect(row('inside').cureByActivation.tanh).toMatchObject({ reversed: 1 });
  });

  it('ranks per method, combines by mean rank and orders the rows by it', () => {
    const rows = result.drugs;
    for (let i = 1; i < rows.length; i++)
      expect(rows[i].rank).toBeGreaterThanOrEqual(rows[i - 1].rank);
    for (const r of rows) {
      const ranks = Object.values(r.ranks);
      expect(ranks).toHaveLength(3);
      expect(r.combinedScore).toBeCloseTo(ranks.reduce((a, b) => a + b, 0) / 3, 14);
    }
    // Proximity ranks follow z; the closest drug has the lowest z.
    const byZ = [...rows].sort((a, b) => (a.proximity?.z ?? 0) - (b.proximity?.z ?? 0));
    expect(byZ[0].drug).toBe('inside');
    expect(row('inside').ranks.proximity).toBe(1);
    expect(row('far').ranks.proximity).toBe(4);
    // Cure scores 0.5, 0, 0, 0: the three zeros tie at (2 + 3 + 4)/3.
    expect(row('inside').ranks.cure).toBe(1);
    expect([row('near').ranks.cure, row('far').ranks.cure, row('mixed').ranks.cure]).toEqual([
      3, 3, 3,
    ]);
    for (const r of rows) {
      expect(r.proximity?.q).toBeGreaterThanOrEqual(r.proximity?.p as number);
      expect(r.rwr?.q).toBeGreaterThanOrEqual(r.rwr?.p as number);
    }
    expect(row('inside').rwr?.influence).toBeGreaterThan(row('far').rwr?.influence as number);
  });

  it('validates against indications and pairs the top entries', () => {
    expect(result.validation?.proximity).toMatchObject({ positives: 2, negatives: 2 });
    expect(result.validation?.proximity?.auc).toBe(1); // inside and near are the two closest
    expect(result.validation?.combined?.fisher).toBeNull();
    expect(result.combinations).toHaveLength(3);
    for (const pair of result.combinations) {
      expect(result.drugs.slice(0, 3).map((d) => d.entry)).toContain(pair.entryA);
    }
  });

  it('is identical for a fixed seed and differs between seeds', () => {
    expect(screenDrugs(input, options)).toEqual(result);
    const other = screenDrugs(input, { ...options, seed: 10 });
    expect(other.drugs.find((d) => d.drug === 'far')?.proximity?.nullMean).not.toBe(
      row('far').proximity?.nullMean,
    );
  });

  it('skips the cure without DEGs or a signed network, and says so', () => {
    const bare = screenDrugs({ ...input, degs: null, signedNetwork: null }, options);
    expect(bare.provenance.methods).toEqual(['proximity', 'rwr']);
    expect(bare.notes).toEqual(['cure skipped: no signed network given']);
    expect(bare.drugs[0].counteraction).toBeNull();
    expect(bare.drugs[0].isCandidate).toBeNull();
    const only = screenDrugs(input, { ...options, methods: ['rwr'] });
    expect(only.drugs[0].proximity).toBeNull();
    expect(Object.keys(only.drugs[0].ranks)).toEqual(['rwr']);
  });

  it('rejects impossible inputs with a message naming the problem', () => {
    expect(() =>
      screenDrugs({ ...input, module: { name: 'empty', genes: [{ gene: 'NOPE' }] } }),
    ).toThrow(/none of the 1 genes of module "empty"/);
    expect(() => screenDrugs(input, { methods: ['docking' as 'rwr'] })).toThrow(/unknown method/);
    expect(() => screenDrugs(input, { degGroup: 'x' })).toThrow(/DEG group "x" not found/);
  });
});
