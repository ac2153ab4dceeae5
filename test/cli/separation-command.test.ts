import { describe, expect, it } from 'vitest';
import {
  findGeneSet,
  loadGeneIndex,
  loadGeneSets,
  loadNetwork,
  mapSeeds,
  resolveInputFile,
} from '@/cli/load-inputs';
import { separation } from '@/core/metrics/separation';
import { readCoreFixture, readWholeNetworkFixture } from '../helpers/load-public-data';
import {
  MENCHE_GENES,
  MENCHE_NETWORK,
  mencheArgs,
  RA,
  readCliExpected,
  REPO_ROOT,
  runJson,
  tinyArgs,
} from './run-cli';

interface SeparationJson {
  graph: { scope: string; nodes: number };
  a: { name: string; inLcc: number; inGraph: number };
  b: { name: string; inLcc: number; inGraph: number };
  dAA: number;
  dBB: number;
  dAB: number;
  sAB: number;
  z: number;
  p: number;
  mean: number;
  sd: number;
  null: string;
  random: number;
  seed: number;
  overlapping: boolean;
}

describe('twinscreen separation', () => {
  it('gives d_AA, d_BB, d_AB and s_AB of RA and asthma as networkx computes them', async () => {
    const core = readCoreFixture<{
      pairs: { a: string; b: string; dAA: number; dBB: number; dAB: number; sAB: number }[];
    }>('separation-menche.json');
    const pair = core.pairs.find((p) => p.a === RA && p.b === 'asthma');
    if (!pair) throw new Error('no RA–asthma pair in the core fixture');
    const out = await runJson<SeparationJson>(
      mencheArgs('separation', RA, '--disease', 'asthma', '--random', '30', '--seed', '7'),
    );
    expect(out.a.name).toBe(RA);
    expect(out.b.name).toBe('asthma');
    expect(out.dAA).toBeCloseTo(pair.dAA, 12);
    expect(out.dBB).toBeCloseTo(pair.dBB, 12);
    expect(out.dAB).toBeCloseTo(pair.dAB, 12);
    expect(out.sAB).toBeCloseTo(pair.sAB, 12);
    expect(out.overlapping).toBe(pair.sAB < 0);
    expect(out).toMatchObject({ null: 'degree', random: 30, seed: 7 });
    expect(out.sd).toBeGreaterThan(0);
    expect(out.z).toBeCloseTo((out.sAB - out.mean) / out.sd, 12);
    expect(out.p).toBeGreaterThanOrEqual(0);
    expect(out.p).toBeLessThanOrEqual(1);
  });

  it('on the small network: s_AB = 1.25 for {TP53, MDM2} vs {ATM, CHEK2}', async () => {
    const out = await runJson<SeparationJson>(
      tinyArgs('separation', 'alpha', '--disease', 'BETA', '--random', '20', '--null', 'uniform'),
    );
    const { separation } = readCliExpected().tiny;
    // By hand, on the whole network: alpha = {TP53, MDM2, BRCA1}, beta = {ATM, CHEK2}. BRCA1
    // reaches no other gene of either set, so it is skipped (Menche 2015): d_AA = d_BB = 1;
    // d_AB = (TP53 3 + MDM2 2 + ATM 2 + CHEK2 2)/4 = 2.25.
    expect([out.dAA, out.dBB, out.dAB, out.sAB]).toEqual([
      separation.dAA,
      separation.dBB,
      separation.dAB,
      separation.sAB,
    ]);
    expect(out.b.name).toBe('beta');
    expect(out.null).toBe('uniform');
    expect(out.graph).toMatchObject({ scope: 'network', nodes: 7 });
    expect([out.a.inGraph, out.a.inLcc]).toEqual([3, 2]);
  });

  it('on the whole Menche network: d_AA, d_BB, d_AB, s_AB of 45 disease pairs as Menche 2015 defines them', async () => {
    const reference = readWholeNetworkFixture<{
      nodes: number;
      pairs: {
        a: string;
        b: string;
        dAA: number | null;
        dBB: number | null;
        dAB: number | null;
        sAB: number | null;
      }[];
    }>('separation-whole.json');
    const geneIndex = await loadGeneIndex(undefined, REPO_ROOT);
    const network = await loadNetwork(
      resolveInputFile('network', MENCHE_NETWORK, REPO_ROOT),
      geneIndex,
    );
    const sets = await loadGeneSets(resolveInputFile('genes', MENCHE_GENES, REPO_ROOT), geneIndex);
    expect(network.whole.graph.nodeCount).toBe(reference.nodes);
    const nodesOf = (name: string) =>
      mapSeeds(findGeneSet(sets, name), network, geneIndex, 'network').nodes;
    expect(reference.pairs).toHaveLength(45);
    let differsFromLcc = 0;
    for (const pair of reference.pairs) {
      const got = separation(network.whole.graph, nodesOf(pair.a), nodesOf(pair.b));
      const label = `${pair.a} / ${pair.b}`;
      expect(got.dAA, label).toBeCloseTo(pair.dAA as number, 12);
      expect(got.dBB, label).toBeCloseTo(pair.dBB as number, 12);
      expect(got.dAB, label).toBeCloseTo(pair.dAB as number, 12);
      expect(got.sAB, label).toBeCloseTo(pair.sAB as number, 12);
      const lccNodes = (name: string) =>
        mapSeeds(findGeneSet(sets, name), network, geneIndex, 'lcc').nodes;
      const onLcc = separation(network.lcc.graph, lccNodes(pair.a), lccNodes(pair.b));
      if (Math.abs(onLcc.sAB - got.sAB) > 1e-12) differsFromLcc++;
    }
    // The chosen diseases have genes in small components: the LCC cut changes some s_AB.
    expect(differsFromLcc).toBeGreaterThan(0);
  }, 60_000);
});
