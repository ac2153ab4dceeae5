import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GeneCentrality } from '@/cli/commands/centrality-command';
import { readCoreFixture } from '../helpers/load-public-data';
import {
  expectFailure,
  mencheArgs,
  RA,
  readCliExpected,
  readLines,
  runCli,
  runJson,
  scratchDir,
  TINY_NETWORK,
} from './run-cli';

interface CentralityJson {
  module: { subgraph: string; nodes: number; edges: number; seeds: { inLcc: number } } | null;
  graph: { nodes: number; edges: number; weighted: boolean };
  betweenness: { threads: number; reason: string };
  genes: GeneCentrality[];
  notes: string[];
}

const expected = readCliExpected();
const scratch = scratchDir('twinscreen-centrality-');

describe('twinscreen centrality', () => {
  it('matches networkx on the whole LCC of a small network, sorted by betweenness', async () => {
    const out = await runJson<CentralityJson>(['centrality', '--network', TINY_NETWORK]);
    const nx = expected.tiny.centrality;
    expect(out.module).toBeNull();
    expect(out.graph).toEqual({ nodes: 5, edges: 5, weighted: false });
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
});
