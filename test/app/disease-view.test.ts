// The first screen's numbers on the real bundled data, checked against networkx:
// expected values come from test/fixtures/app/disease_view_counts.py (its JSON output).
import { beforeAll, describe, expect, it } from 'vitest';
import { computeDiseaseView, type LoadedNetwork } from '@/app/disease-view';
import { Workspace } from '@/app/workspace';
import { importGeneSets, importNetwork, type GeneIndex, type GeneSet } from '@/io';
import { NODE_ROLE } from '@/render/palette';
import expected from '../fixtures/app/disease-view-counts.json';
import { loadMencheDemo, mencheSet, type MencheDemo } from './menche-demo';

let demo: MencheDemo;
let geneIndex: GeneIndex;
let network: LoadedNetwork;
let sets: GeneSet[];

beforeAll(async () => {
  demo = await loadMencheDemo();
  ({ geneIndex, network, sets } = demo);
});

const geneSet = (name: string) => ({ id: name, ...mencheSet(demo, name) });

describe('computeDiseaseView on the Menche 2015 interactome', () => {
  it('has the 299 Menche diseases', () => {
    expect(sets).toHaveLength(expected.diseaseCount);
  });

  it.each(['arthritis, rheumatoid', 'asthma', 'psoriasis'] as const)(
    'matches networkx for %s: genes, LCC, neighbours, view size',
    (disease) => {
      const want = expected.diseases[disease];
      const { stats, view, labels } = computeDiseaseView(network, geneSet(disease), geneIndex, {
        layout: { iterations: 5 }, // the layout is not under test here
      });
      expect(stats.genesGiven).toBe(want.genesGiven);
      expect(stats.genesInNetwork).toBe(want.genesInNetwork);
      expect(stats.lccSize).toBe(want.lccSize);
      expect(stats.componentCount).toBe(want.componentCount);
      expect(stats.neighboursTotal).toBe(want.neighboursTotal);
      expect(stats.neighboursEligible).toBe(want.neighboursEligible);
      expect(stats.neighboursShown).toBe(want.neighboursShown);
      expect(stats.genesMissing).toHaveLength(want.genesGiven - want.genesInNetwork);
      expect(view.nodeCount).toBe(want.viewNodes);
      expect(view.edgeCount).toBe(want.viewEdges);
      expect(labels).toHaveLength(view.nodeCount);

      const roles = Array.from(view.nodeRoles);
      expect(roles.filter((role) => role === NODE_ROLE.moduleGene)).toHaveLength(want.lccSize);
      expect(roles.filter((role) => role !== NODE_ROLE.neighbour)).toHaveLength(
        want.genesInNetwork,
      );
    },
  );

  it('caps a large disease at 1,500 nodes, keeping every disease gene (neoplasms)', () => {
    const want = expected.diseases.neoplasms;
    const { stats, view } = computeDiseaseView(network, geneSet('neoplasms'), geneIndex, {
      layout: { iterations: 1 },
    });
    expect(stats.genesInNetwork).toBe(want.genesInNetwork);
    expect(stats.lccSize).toBe(want.lccSize);
    expect(stats.neighboursEligible).toBe(want.neighboursEligible);
    expect(stats.neighboursShown).toBe(want.neighboursShown);
    expect(view.nodeCount).toBe(1500);
  });

  it('finds genes by symbol when a set has no Entrez IDs, and lists the unknown ones', () => {
    const { stats } = computeDiseaseView(
      network,
      { id: 'mine', name: 'mine', genes: ['IL6', 'il6r', 'JAK1', 'STAT3', 'NOT_A_GENE'] },
      geneIndex,
      { layout: { iterations: 1 } },
    );
    expect(stats.genesGiven).toBe(5);
    expect(stats.genesInNetwork).toBe(4);
    expect(stats.genesMissing).toEqual(['NOT_A_GENE']);
  });
});

describe('Workspace', () => {
  it('summarises what is loaded and makes the first network active', async () => {
    const workspace = new Workspace();
    const imported = await importNetwork('gene_a\tgene_b\nA\tB\nB\tC\n', 'tiny.tsv', null);
    const id = workspace.addNetwork(imported, {
      name: 'tiny',
      fileName: 'tiny.tsv',
      origin: 'imported',
    });
    workspace.addGeneSets(
      await importGeneSets('set\tgene\ns1\tA\ns1\tC\n', 'sets.tsv', null),
      'sets.tsv',
      'imported',
    );
    const summary = workspace.summary();
    expect(summary.activeNetworkId).toBe(id);
    expect(summary.networks[0]).toMatchObject({ nodeCount: 3, interactionCount: 2 });
    expect(summary.geneSets).toEqual([
      expect.objectContaining({ name: 's1', geneCount: 2, origin: 'imported' }),
    ]);
    expect(() => workspace.setActiveNetwork('nope')).toThrow(/no network with id "nope"/);
  });
});
