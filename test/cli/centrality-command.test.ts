import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GeneCentrality } from '@/cli/commands/centrality-command';
import { loadGeneIndex, loadNetwork, resolveInputFile } from '@/cli/load-inputs';
import { closenessCentrality } from '@/core/centrality/closeness-centrality';
import { degreeCentrality } from '@/core/centrality/degree-centrality';
import { betweennessOnPool } from '@/engine/betweenness';
import { readCoreFixture, readWholeNetworkFixture } from '../helpers/load-public-data';
import {
  expectFailure,
  MENCHE_NETWORK,
  mencheArgs,
  RA,
  REPO_ROOT,
  readCliExpected,
  readLines,
  runCli,
  runJson,
  scratchDir,
  TINY_NETWORK,
} from './run-cli';

interface CentralityJson {
  module: { subgraph: string; nodes: number; edges: number; seeds: { inLcc: number } } | null;
  graph: { scope: string; nodes: number; edges: number; weighted: boolean };
  betweenness: { threads: number; reason: string };
  genes: GeneCentrality[];
  notes: string[];
}

const expected = readCliExpected();
const scratch = scratchDir('twinscreen-centrality-');

describe('twinscreen centrality', () => {
  it('matches networkx on the whole small network (N = 7, isolated pair included), sorted by betweenness', async () => {
    const out = await runJson<CentralityJson>(['centrality', '--network', TINY_NETWORK]);
    const nx = expected.tiny.centralityWhole;
    expect(out.module).toBeNull();
    expect(out.graph).toMatchObject({ scope: 'network', nodes: 7, edges: 6, weighted: false });
    // Betweenness: CDKN1A 4/15, MDM2 1/5, the rest 0 (then degree: ATM, CHEK2 2; the rest 1).
    expect(out.genes.map((row) => row.gene)).toEqual([
      'CDKN1A',
      'MDM2',
      'ATM',
      'CHEK2',
      'BARD1',
      'BRCA1',
      'TP53',
    ]);
    for (const row of out.genes) {
      expect(row.degree).toBe(nx.degree[row.gene]);
      expect(row.degreeCentrality).toBeCloseTo(nx.degreeCentrality[row.gene], 12);
      expect(row.betweenness).toBeCloseTo(nx.betweenness[row.gene], 12);
      expect(row.closeness).toBeCloseTo(nx.closeness[row.gene], 12);
      expect(row.eigenvector).toBeCloseTo(nx.eigenvector[row.gene], 9);
      expect(row.pagerank).toBeCloseTo(nx.pagerank[row.gene], 9);
    }
  });

  it('--graph lcc matches networkx on the LCC of the small network (N = 5)', async () => {
    const out = await runJson<CentralityJson>([
      'centrality',
      '--network',
      TINY_NETWORK,
      '--graph',
      'lcc',
    ]);
    const nx = expected.tiny.centrality;
    expect(out.graph).toMatchObject({ scope: 'lcc', nodes: 5, edges: 5, weighted: false });
    // Betweenness: CDKN1A 0.667, MDM2 0.5, the rest 0 (then degree: ATM, CHEK2 2; TP53 1).
    expect(out.genes.map((row) => row.gene)).toEqual(['CDKN1A', 'MDM2', 'ATM', 'CHEK2', 'TP53']);
    for (const row of out.genes) {
      expect(row.degree).toBe(nx.degree[row.gene]);
      expect(row.degreeCentrality).toBeCloseTo(nx.degree[row.gene] / 4, 12);
      expect(row.betweenness).toBeCloseTo(nx.betweenness[row.gene], 12);
      expect(row.closeness).toBeCloseTo(nx.closeness[row.gene], 12);
      expect(row.eigenvector).toBeCloseTo(nx.eigenvector[row.gene], 9);
      expect(row.pagerank).toBeCloseTo(nx.pagerank[row.gene], 9);
    }
  });

  it('runs the whole-network betweenness on --threads workers, with the same values', async () => {
    const run = (threads: string) =>
      runJson<CentralityJson>(['centrality', '--network', TINY_NETWORK, '--threads', threads]);
    const [two, one] = [await run('2'), await run('1')];
    expect(two.betweenness).toEqual({
      threads: 2,
      reason: '2 worker threads over SharedArrayBuffer',
    });
    expect(one.betweenness).toEqual({ threads: 1, reason: 'single thread requested' });
    expect(two.genes).toEqual(one.genes);
    const bad = await runCli(['centrality', '--network', TINY_NETWORK, '--threads', '0']);
    expectFailure(bad, 2, /--threads/);
  });

  it('--weighted without a weight column says so and gives the unweighted values', async () => {
    const plain = await runJson<CentralityJson>(['centrality', '--network', TINY_NETWORK]);
    const weighted = await runJson<CentralityJson>([
      'centrality',
      '--network',
      TINY_NETWORK,
      '--weighted',
    ]);
    expect(weighted.notes).toEqual([
      '--weighted: the network has no weight column, so every edge weighs 1',
    ]);
    expect(weighted.genes).toEqual(plain.genes);
  });

  it('on the RA module (induced subgraph of its genes in the LCC) matches networkx', async () => {
    const core = readCoreFixture<{
      nodes: string[];
      edges: [number, number][];
      degree: Record<string, number>;
      betweenness: Record<string, number>;
      closeness: Record<string, number>;
      pagerank: Record<string, number>;
    }>('centrality-ra-module.json');
    const out = await runJson<CentralityJson>(mencheArgs('centrality', RA));
    expect(out.module).toMatchObject({
      subgraph: 'induced',
      nodes: core.nodes.length,
      edges: core.edges.length,
    });
    expect(out.betweenness).toEqual({ threads: 1, reason: 'module subgraph: single thread' });
    expect(out.genes).toHaveLength(core.nodes.length);
    const byGene = new Map(out.genes.map((row) => [row.gene, row]));
    for (const entrez of core.nodes) {
      const row = byGene.get(expected.symbolOf[entrez]);
      expect(row, entrez).toBeDefined();
      expect(row?.degreeCentrality).toBeCloseTo(core.degree[entrez], 12);
      expect(row?.betweenness).toBeCloseTo(core.betweenness[entrez], 12);
      expect(row?.closeness).toBeCloseTo(core.closeness[entrez], 12);
      expect(row?.pagerank).toBeCloseTo(core.pagerank[entrez], 9);
    }
    for (let i = 1; i < out.genes.length; i++) {
      expect(out.genes[i - 1].betweenness).toBeGreaterThanOrEqual(out.genes[i].betweenness);
    }
  });

  it('--module lcc keeps the largest component of the module; eigenvector as networkx', async () => {
    const core = readCoreFixture<{
      lccNodes: string[];
      eigenvectorMaxOnLcc: Record<string, number>;
    }>('centrality-ra-module.json');
    const args = mencheArgs('centrality', RA, '--module', 'lcc');
    const out = await runJson<CentralityJson>(args);
    expect(out.module).toMatchObject({ subgraph: 'lcc', nodes: core.lccNodes.length });
    for (const entrez of core.lccNodes) {
      const row = out.genes.find((g) => g.gene === expected.symbolOf[entrez]);
      expect(row?.eigenvector, entrez).toBeCloseTo(core.eigenvectorMaxOnLcc[entrez], 9);
    }
    const tsv = join(scratch, 'centrality.tsv');
    const run = await runCli([...args, '--top', '3', '--out', tsv]);
    expect(run.code).toBe(0);
    const lines = readLines(tsv);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(
      'gene\tdegree\tdegreeCentrality\tbetweenness\tcloseness\teigenvector\tpagerank',
    );
    expect(lines.slice(1).map((line) => line.split('\t')[0])).toEqual(
      out.genes.slice(0, 3).map((row) => row.gene),
    );
  });

  it('on the whole Menche network (N = 13,460): degree, closeness and betweenness as networkx', async () => {
    const reference = readWholeNetworkFixture<{
      nodes: number;
      selected: string[];
      degree: Record<string, number>;
      degreeCentrality: Record<string, number>;
      closeness: Record<string, number>;
      betweenness: Record<string, number>;
    }>('centrality-whole.json');
    const geneIndex = await loadGeneIndex(undefined, REPO_ROOT);
    const network = await loadNetwork(
      resolveInputFile('network', MENCHE_NETWORK, REPO_ROOT),
      geneIndex,
    );
    const { graph, entrez } = network.whole;
    expect(graph.nodeCount).toBe(reference.nodes);
    const nodeOf = new Map(entrez.map((id, v) => [id, v]));
    const selected = reference.selected.map((id) => nodeOf.get(id) as number);
    // The sample spans the LCC, the small components and isolated nodes.
    expect(selected.every((v) => v !== undefined)).toBe(true);
    const degree = degreeCentrality(graph);
    const closeness = closenessCentrality(graph, { nodes: selected });
    // What `twinscreen centrality` runs on the whole network: the betweenness pool.
    const { values: betweenness } = await betweennessOnPool(graph, {}, { threads: 2 });
    const relative = (got: number, want: number, id: string) =>
      expect(Math.abs(got - want), id).toBeLessThanOrEqual(1e-9 * Math.max(Math.abs(want), 1e-300));
    reference.selected.forEach((id, k) => {
      const v = selected[k];
      expect(graph.offsets[v + 1] - graph.offsets[v], id).toBe(reference.degree[id]);
      relative(degree[v], reference.degreeCentrality[id], id);
      relative(closeness[v], reference.closeness[id], id);
      relative(betweenness[v], reference.betweenness[id], id);
    });
  }, 120_000);
});
