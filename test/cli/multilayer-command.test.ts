import { describe, expect, it } from 'vitest';
import { expectFailure, MENCHE_GENES, MENCHE_NETWORK, runCli, runJson } from './run-cli';

interface MultilayerJson {
  graph: { scope: string; nodes: number };
  layers: { name: string; kind: string; given: number; inNetwork: number; moduleSize: number }[];
  links: { a: string; b: string; jaccard: number; sAB: number }[];
  supraGraph: { nodes: number; molecularNodes: number; phenotypeNodes: number; converged: boolean };
  genes: { gene: string; score: number; layers: string[] }[];
  symptoms: { id: string; name: string; enrichmentP: number; moduleGenes: string[] }[] | null;
  hypotheses: {
    gene: string;
    inModulesOf: string[];
    drugs: { drug: string; actionClass: string }[] | null;
  }[];
  notes: string[];
}

const ASTHMA = [
  'multilayer',
  '--network',
  MENCHE_NETWORK,
  '--genes',
  MENCHE_GENES,
  '--disease',
  'asthma',
  '--degs',
  'public/data/sar_degs_li2022_day3.tsv.gz',
  '--deg-group',
  'CD8+ T cells',
];

describe('twinscreen multilayer', () => {
  it('builds the asthma twin: mRNA and variant layers, symptoms, hypotheses with drugs', async () => {
    const out = await runJson<MultilayerJson>([
      ...ASTHMA,
      '--max-degs',
      '300',
      '--drugs',
      'public/data/drug_targets_drugcentral.tsv.gz',
      '--top',
      '400',
    ]);
    expect(out.graph).toMatchObject({ scope: 'network', nodes: 13_460 });
    expect(out.layers.map((layer) => [layer.kind, layer.given])).toEqual([
      ['mrna', 300], // capped at --max-degs
      ['variant', 50],
    ]);
    expect(out.layers[1].inNetwork).toBe(37);
    expect(out.links).toHaveLength(1);
    expect(out.supraGraph.converged).toBe(true);
    expect(out.supraGraph.nodes).toBe(
      out.supraGraph.molecularNodes + out.supraGraph.phenotypeNodes,
    );
    // Genes are ranked by their supra-walk score.
    for (let i = 1; i < out.genes.length; i++) {
      expect(out.genes[i - 1].score).toBeGreaterThanOrEqual(out.genes[i].score);
    }
    // Only phenotypic abnormalities: no mode of inheritance among the symptoms.
    const names = (out.symptoms ?? []).map((symptom) => symptom.name);
    expect(names.length).toBeGreaterThan(0);
    expect(names.some((name) => /inheritance/i.test(name))).toBe(false);
    for (let i = 1; i < (out.symptoms ?? []).length; i++) {
      expect(out.symptoms![i - 1].enrichmentP).toBeLessThanOrEqual(out.symptoms![i].enrichmentP);
    }
    expect(out.notes.join(' ')).toMatch(/Phenotypic abnormality \(HP:0000118\)/);
    for (const hypothesis of out.hypotheses) {
      expect(hypothesis.inModulesOf).toEqual(['mRNA: CD8+ T cells']);
    }
  });

  it('--no-phenotypes leaves the symptom layer out', async () => {
    const out = await runJson<MultilayerJson>([...ASTHMA, '--max-degs', '100', '--no-phenotypes']);
    expect(out.symptoms).toBeNull();
    expect(out.supraGraph.phenotypeNodes).toBe(0);
  });

  it('needs at least one layer, and a group for a DE table with several', async () => {
    expectFailure(
      await runCli(['multilayer', '--network', MENCHE_NETWORK]),
      2,
      /at least one layer/,
    );
    expectFailure(
      await runCli([
        'multilayer',
        '--network',
        MENCHE_NETWORK,
        '--degs',
        'public/data/sar_degs_li2022_day3.tsv.gz',
      ]),
      2,
      /choose one with --deg-group/,
    );
  });
});
