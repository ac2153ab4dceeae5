/**
 * Parity with the Python reference on real data (scripts/fixtures/gen_screen_fixtures.py):
 * Menche 2015 interactome (LCC), rheumatoid-arthritis genes, DrugCentral targets, SAR DEGs and
 * the OmniPath signed network.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDegSignature, counteraction } from '@/core/screen/counteraction';
import { buildCureProblem, prepareCureNetwork, screenCure } from '@/core/screen/digital-cure';
import { screenCombinations } from '@/core/screen/drug-combinations';
import { buildDrugLibrary, targetSetNodes, type DrugLibrary } from '@/core/screen/drug-library';
import { screenDrugs } from '@/core/screen/drug-screen';
import {
  moduleDistanceField,
  observedDistanceSums,
  type ModuleDistanceField,
} from '@/core/screen/proximity-screen';
import { mapGeneSet, prepareScreenNetwork, type ScreenNetwork } from '@/core/screen/screen-network';
import { validateScreen } from '@/core/screen/screen-validation';
import { degreeBins } from '@/core/random/degree-bins';
import {
  loadDrugCentralDrugs,
  loadMencheScreenInputs,
  loadSarDegs,
  loadScreenFixture,
  loadSignedNetwork,
  type FixtureDrug,
  type ScreenFixture,
} from './screen-data';

let fixture: ScreenFixture;
let network: ScreenNetwork;
let moduleNodes: Uint32Array;
let field: ModuleDistanceField;
let drugs: FixtureDrug[];
let library: DrugLibrary;
let nodeOfEntrez: Map<string, number>;

beforeAll(() => {
  fixture = loadScreenFixture();
  const inputs = loadMencheScreenInputs();
  network = prepareScreenNetwork(
    inputs.network.graph,
    inputs.network.nodeIds,
    inputs.network.entrezIds,
  );
  moduleNodes = mapGeneSet(network, inputs.module.genes).nodes;
  field = moduleDistanceField(network.graph, moduleNodes);
  drugs = loadDrugCentralDrugs();
  library = buildDrugLibrary(network, drugs);
  nodeOfEntrez = new Map(network.entrez.map((entrez, node) => [entrez as string, node]));
});

const byId = (id: string) => drugs.find((drug) => drug.id === id) as FixtureDrug;
const entryOf = (name: string) => {
  const index = library.entries.findIndex((entry) => entry.names.includes(name));
  expect(index).toBeGreaterThanOrEqual(0);
  return library.entries[index];
};

describe('drug screen on real data vs networkx', () => {
  it('uses the same LCC, bins, module and drug universe', () => {
    expect(network.lccNodeCount).toBe(fixture.lcc.nodes);
    expect(network.graph.targets.length / 2).toBe(fixture.lcc.edges);
    expect(degreeBins(network.graph).binCount).toBe(fixture.lcc.bins);
    expect(Array.from(moduleNodes, (node) => network.entrez[node]).sort()).toEqual(
      [...fixture.module].sort(),
    );
    expect(library.screenedDrugCount).toBe(fixture.screenedDrugs);
  });

  it('gives exact d_c, per-target distances and a nearest module gene for 58 drugs', () => {
    expect(fixture.exact.length).toBeGreaterThanOrEqual(50);
    const sums = observedDistanceSums(field, library.targetSets.offsets, library.targetSets.nodes);
    for (const expected of fixture.exact) {
      const entry = entryOf(expected.name);
      expect(entry.targets.map((t) => network.entrez[t.node]).sort()).toEqual(
        expected.targets.map((t) => t.entrez).sort(),
      );
      expect(sums[entry.targetSet] / entry.targets.length).toBe(expected.dC);
      for (const target of expected.targets) {
        const node = nodeOfEntrez.get(target.entrez) as number;
        expect(field.distance[node]).toBe(target.distance);
        expect(target.nearest).toContain(network.entrez[field.nearest[node]]);
      }
    }
  });

  it('counts counteracting and mimicking targets per cell type as the Python rule', () => {
    const signature = buildDegSignature(loadSarDegs(), { maxQ: 0.05 });
    expect(signature.groups.map((g) => g.name)).toEqual(['B cells', 'CD8+ T cells', 'Monocytes']);
    let nonZero = 0;
    for (const expected of fixture.counteraction) {
      const entry = entryOf(expected.name);
      const targets = entry.targets.map((t) => ({
        gene: t.gene,
        entrez: network.entrez[t.node],
        actionClass: t.actionClass,
      }));
      for (const group of signature.groups) {
        const got = counteraction(group, targets);
        const want = expected.groups[group.name];
        expect({
          counteracting: got.counteracting,
          mimicking: got.mimicking,
          unknownAction: got.unknownAction,
          targetedDegs: got.targetedDegs,
        }).toEqual(want);
        nonZero += want.targetedDegs > 0 ? 1 : 0;
      }
    }
    expect(nonZero).toBeGreaterThan(10); // the comparison is not all zeros
  });

  it('validates −d_c against known RA drugs as scipy (AUROC, precision@k, Fisher)', () => {
    const expected = fixture.validation;
    const names = expected.drugIds.map((id) => [byId(id).name]);
    const values = expected.drugIds.map((id) => {
      const nodes = byId(id)
        .targets.map((t) => nodeOfEntrez.get(t.entrez as string))
        .filter((node): node is number => node !== undefined);
      return nodes.reduce((sum, node) => sum + field.distance[node], 0) / nodes.length;
    });
    expect(values).toEqual(expected.dC);
    const result = validateScreen(names, values, expected.indications, {
      ks: [10, 20, 50, 100],
      cutoff: expected.fisher.cutoff,
    });
    expect(result.positives).toBe(expected.positives);
    expect(result.negatives).toBe(expected.negatives);
    expect(result.auc).toBeCloseTo(expected.auc, 12);
    for (const top of result.precisionAtK) {
      expect(top.precision).toBeCloseTo(expected.precisionAtK[String(top.k)], 12);
    }
    expect(result.fisher?.table).toEqual(expected.fisher.table);
    expect(result.fisher?.oddsRatio).toBeCloseTo(expected.fisher.oddsRatio, 10);
    expect(result.fisher?.pValue).toBeCloseTo(expected.fisher.pValue, 12);
  });

  it('gives the separation s_AB of target sets as networkx', () => {
    const ids = [...new Set(fixture.separation.flatMap((pair) => [pair.a, pair.b]))];
    const sets = ids.map((id) =>
      Uint32Array.from(
        byId(id)
          .targets.map((t) => nodeOfEntrez.get(t.entrez as string))
          .filter((node): node is number => node !== undefined),
      ),
    );
    const pairs = screenCombinations(network.graph, sets, new Float64Array(ids.length).fill(-1));
    expect(pairs).toHaveLength(fixture.separation.length);
    for (const expected of fixture.separation) {
      const pair = pairs.find(
        (p) => p.a === ids.indexOf(expected.a) && p.b === ids.indexOf(expected.b),
      );
      expect(pair?.dAA).toBeCloseTo(expected.dAA, 12);
      expect(pair?.dBB).toBeCloseTo(expected.dBB, 12);
      expect(pair?.dAB).toBeCloseTo(expected.dAB, 12);
      expect(pair?.sAB).toBeCloseTo(expected.sAB, 12);
    }
  });

  it.each(['shared', 'guney'] as const)(
    'agrees with a numpy null within Monte-Carlo error (%s sampling, R = 1000)',
    (sampling) => {
      const expected = fixture.z[sampling];
      const result = screenDrugs(
        {
          ...loadMencheScreenInputs(),
          drugs: { drugs: expected.map((e) => byId(e.id)) },
        },
        { methods: ['proximity'], sampling, iterations: 1000, seed: 7, combinationsTopK: 0 },
      );
      for (const want of expected) {
        const row = result.drugs.find((d) => d.names.includes(want.name));
        expect(row?.proximity?.dC).toBe(want.dC);
        // Both z carry Monte-Carlo error (≈ 0.03 + 0.02·|z| each at R = 1000).
        expect(Math.abs((row?.proximity?.z as number) - want.z)).toBeLessThan(0.3);
      }
    },
  );

  it('reproduces the digital cure of 6 drugs (linear solve and tanh fixed point by scipy)', () => {
    const signed = loadSignedNetwork();
    const cureNetwork = prepareCureNetwork(signed.graph, signed.nodeIds, signed.entrezIds);
    const signature = buildDegSignature(loadSarDegs());
    const monocytes = signature.groups.find((g) => g.name === 'Monocytes');
    if (!monocytes) throw new Error('no Monocytes group');
    const expected = fixture.cure.drugs;
    const entries = expected.map((e) => entryOf(e.name));
    const problem = buildCureProblem(
      cureNetwork,
      monocytes,
      [],
      entries.map((entry) => ({
        targets: entry.targets.map((t) => ({
          gene: t.gene,
          entrez: network.entrez[t.node],
          actionClass: t.actionClass,
        })),
      })),
      {
        signatureScope: 'all-degs',
        coupling: fixture.cure.alpha,
        moveThreshold: fixture.cure.moveThreshold,
        tolerance: 1e-11,
        maxIterations: 2000,
        keepMoved: 10_000,
      },
    );
    expect(problem.signatureNodes.length).toBe(fixture.cure.signatureSize);
    const cure = screenCure(problem);
    expected.forEach((want, j) => {
      expect(
        Array.from(problem.perturbations[j]?.nodes ?? [], (n) => cureNetwork.names[n]).sort(),
      ).toEqual([...want.clamped].sort());
      for (const activation of ['linear', 'tanh'] as const) {
        const got = cure.byActivation.get(activation)?.[j];
        if (!got) throw new Error(`no ${activation} score for ${want.name}`);
        expect(got.converged).toBe(true);
        const w = want[activation];
        if (w.borderline === 0) {
          expect([got.moved, got.reversed, got.aggravated]).toEqual([
            w.moved,
            w.reversed,
            w.aggravated,
          ]);
        } else {
          expect(Math.abs(got.moved - w.moved)).toBeLessThanOrEqual(w.borderline);
        }
        if (w.spearman === null) expect(got.spearman).toBeNaN();
        else expect(got.spearman).toBeCloseTo(w.spearman, 4);
        const change = new Map(got.topMoves.map((m) => [m.gene, m.change]));
        for (const [gene, value] of Object.entries(w.changes)) {
          if (Math.abs(value) < fixture.cure.moveThreshold) continue;
          expect(change.get(gene)).toBeCloseTo(value, 8);
        }
      }
    });
  });

  it('screens a drug to the same z alone as in the whole library (shared sampling)', () => {
    const inputs = loadMencheScreenInputs();
    const options = { methods: ['proximity' as const], iterations: 300, combinationsTopK: 0 };
    const whole = screenDrugs({ ...inputs, drugs: { drugs } }, options);
    const name = fixture.z.shared[0].name;
    const alone = screenDrugs(
      { ...inputs, drugs: { drugs: drugs.filter((d) => d.name === name) } },
      options,
    );
    const inWhole = whole.drugs.find((d) => d.names.includes(name));
    expect(alone.drugs[0].proximity).toEqual({
      ...(inWhole?.proximity as object),
      q: alone.drugs[0].proximity?.q,
    });
    expect(targetSetNodes(library, 0).length).toBeGreaterThan(0);
  });
});
