import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  loadGeneIndex,
  loadGeneSets,
  loadNetwork,
  mapSeeds,
  resolveInputFile,
  selectGeneSets,
} from '@/cli/load-inputs';
import type { ModuleEntry } from '@/cli/commands/module-command';
import { propagationSignificance } from '@/core/propagation/propagation-significance';
import { degreeBins } from '@/core/random/degree-bins';
import {
  loadMencheInteractome,
  readCoreFixture,
  readWholeNetworkFixture,
} from '../helpers/load-public-data';
import {
  MENCHE_GENES,
  MENCHE_NETWORK,
  mencheArgs,
  RA,
  readCliExpected,
  runCli,
  runJson,
  scratchDir,
  TINY_NETWORK,
  TINY_SETS,
  REPO_ROOT,
  tinyArgs,
} from './run-cli';

/** The JSON of a single-set run. */
type ModuleJson = ModuleEntry & {
  network: Record<string, unknown>;
  graph: { scope: string; description: string; nodes: number; edges: number };
};

const expected = readCliExpected();

/** Entrez ID → symbol of the Menche interactome (test-only loader). */
function mencheSymbols(): Map<string, string> {
  const { entrez, names } = loadMencheInteractome();
  return new Map(entrez.map((id, k) => [id, names[k]]));
}
const symbol = (entrez: string): string => {
  const name = expected.symbolOf[entrez];
  if (name === undefined) throw new Error(`symbolOf lacks ${entrez}`);
  return name;
};

describe('twinscreen module on the Menche interactome', () => {
  it('reports the network, the seed mapping and the LCC size networkx computes (RA)', async () => {
    const args = mencheArgs('module', RA, '--method', 'lcc');
    const out = await runJson<ModuleJson>([...args, '--random', '100', '--seed', '1']);
    const pre = readCoreFixture<Record<string, number>>('menche-preprocessing.json');
    // The whole network as given: every identifier of the file is a node, the 63 that only
    // had self-loops stay as isolated nodes.
    expect(out.network).toMatchObject({
      nodes: pre.fileNodes,
      nodesInFile: pre.fileNodes,
      isolatedNodes: pre.fileNodes - pre.nodes,
      edges: pre.edges,
      selfLoopsDropped: pre.selfLoops,
      duplicatesDropped: 0,
      lccNodes: pre.lccNodes,
      lccEdges: pre.lccEdges,
    });
    expect(out.graph).toEqual({
      scope: 'network',
      description: expect.stringMatching(/^the whole network as given/),
      nodes: pre.fileNodes,
      edges: pre.edges,
    });
    const { raSeeds } = expected;
    // No RA gene is an isolated node or outside the LCC, so the whole network and the LCC
    // use the same 42 genes.
    expect(out.seeds).toEqual({
      name: RA,
      given: raSeeds.given,
      mapped: raSeeds.given - raSeeds.unmapped.length,
      inNetwork: raSeeds.given - raSeeds.outsideNetwork.length,
      inLcc: raSeeds.inLcc,
      graph: 'network',
      inGraph: raSeeds.inLcc,
      unmapped: raSeeds.unmapped,
      outsideNetwork: raSeeds.outsideNetwork,
      outsideLcc: raSeeds.outsideLcc,
    });
    const module = readCoreFixture<{ lccNodes: string[] }>('centrality-ra-module.json');
    expect(out.lcc.size).toBe(module.lccNodes.length);
    expect([...out.lcc.genes].sort()).toEqual(module.lccNodes.map(symbol).sort());
    expect(out.lcc).toMatchObject({ null: 'degree', random: 100, seed: 1 });
    // RA genes form a module far larger than degree-matched random sets of 42 genes.
    expect(out.lcc.z).toBeGreaterThan(2);
    expect(out.lcc.p).toBeLessThan(0.05);
    expect(out.lcc.mean).toBeLessThan(out.lcc.size);

    const again = await runCli([...args, '--random', '100', '--seed', '1']);
    const other = await runJson<ModuleJson>([...args, '--random', '100', '--seed', '2']);
    expect(again.stdout).toBe(JSON.stringify(out, null, 2) + '\n');
    expect(other.lcc.size).toBe(out.lcc.size);
    expect(other.lcc.mean).not.toBe(out.lcc.mean);
  });

  it('--disease all gives all 299 sets with the LCC sizes networkx computes on the whole network', async () => {
    const out = await runJson<{
      method: string;
      graph: { scope: string; nodes: number };
      diseases: ModuleJson[];
    }>(mencheArgs('module', 'all', '--random', '20', '--seed', '3'));
    const whole = readWholeNetworkFixture<{ rows: [string, number, number, number][] }>(
      'menche-lcc-sizes.json',
    );
    expect(out.graph).toMatchObject({ scope: 'network', nodes: 13_460 });
    expect(out.diseases).toHaveLength(299);
    expect(whole.rows).toHaveLength(299);
    const byName = new Map(out.diseases.map((entry) => [entry.seeds.name, entry]));
    for (const [name, genes, inNetwork, lccSize] of whole.rows) {
      const entry = byName.get(name);
      expect(entry, name).toBeDefined();
      expect(
        [entry?.seeds.given, entry?.seeds.inNetwork, entry?.seeds.inGraph, entry?.lcc.size],
        name,
      ).toEqual([genes, inNetwork, inNetwork, lccSize]);
    }
    // The two whose connected pair lies outside the interactome's LCC (Menche 2015 Data S3).
    expect(byName.get('celiac disease')?.lcc.size).toBe(2);
    expect(byName.get('malabsorption syndromes')?.lcc.size).toBe(2);
    // Each entry is what a single-set run with the same seed prints.
    const single = await runJson<ModuleJson>(
      mencheArgs('module', 'Asthma', '--random', '20', '--seed', '3'),
    );
    expect(byName.get('asthma')?.lcc).toEqual(single.lcc);
  });

  it('--graph lcc restricts every set to the LCC (networkx on the LCC)', async () => {
    const out = await runJson<{ graph: { scope: string; nodes: number }; diseases: ModuleJson[] }>(
      mencheArgs('module', 'all', '--random', '5', '--seed', '3', '--graph', 'lcc'),
    );
    const core = readCoreFixture<{ rows: [string, number, number, number, number][] }>(
      'menche-disease-lcc.json',
    );
    expect(out.graph).toMatchObject({ scope: 'lcc', nodes: 13_329 });
    const byName = new Map(out.diseases.map((entry) => [entry.seeds.name, entry]));
    for (const [name, genes, , inLcc, lccSize] of core.rows) {
      const entry = byName.get(name);
      expect([entry?.seeds.given, entry?.seeds.inGraph, entry?.lcc.size], name).toEqual([
        genes,
        inLcc,
        lccSize,
      ]);
    }
    expect(byName.get('celiac disease')?.lcc.size).toBe(1);
  });

  it.each(['arthritis, rheumatoid', 'asthma'])(
    '--method diamond adds the genes DIAMOnD.py adds on the whole network (%s), up to the first exact tie',
    async (disease) => {
      const reference = readWholeNetworkFixture<{
        nodes: number;
        diseases: Record<
          string,
          {
            firstTieRank: number | null;
            added: { entrez: string; k: number; ks: number; p: number }[];
          }
        >;
      }>('diamond-whole.json').diseases[disease];
      // Identical up to the first rank where two candidates tie exactly (the reference's pick
      // among exact ties depends on Python's set order); the tied rank itself is not compared.
      const ranks =
        reference.firstTieRank === null ? reference.added.length : reference.firstTieRank - 1;
      expect(ranks).toBeGreaterThanOrEqual(13);
      const out = await runJson<ModuleJson>(
        mencheArgs('module', disease, '--method', 'diamond', '--n', String(ranks), '--random', '5'),
      );
      expect(out.diamond).toMatchObject({ mode: 'paper', alpha: 1, exhausted: false });
      const names = mencheSymbols();
      const want = reference.added.slice(0, ranks);
      const added = out.diamond?.added ?? [];
      expect(added.map((row) => row.gene)).toEqual(want.map((row) => names.get(row.entrez)));
      added.forEach((row, i) => {
        expect([row.k, row.ks]).toEqual([want[i].k, want[i].ks]);
        expect(row.p / want[i].p).toBeCloseTo(1, 9);
      });
    },
  );

  it('--method diamond --graph lcc gives the LCC-based order (N = LCC nodes)', async () => {
    const core = readCoreFixture<{
      paperAlpha1: { entrez: string; k: number; ks: number; p: number }[];
    }>('diamond-ra.json');
    const out = await runJson<ModuleJson>(
      mencheArgs(
        'module',
        RA,
        '--method',
        'diamond',
        '--graph',
        'lcc',
        '--n',
        String(core.paperAlpha1.length),
        '--random',
        '10',
      ),
    );
    const added = out.diamond?.added ?? [];
    expect(added.map((row) => row.gene)).toEqual(core.paperAlpha1.map((row) => symbol(row.entrez)));
    added.forEach((row, i) => {
      expect([row.k, row.ks]).toEqual([core.paperAlpha1[i].k, core.paperAlpha1[i].ks]);
      expect(row.p / core.paperAlpha1[i].p).toBeCloseTo(1, 9);
    });
  });

  it('--method rwr scores genes as networkx personalised PageRank (restart 0.15)', async () => {
    const core = readCoreFixture<{ rwrRaRestart015: Record<string, number> }>(
      'centrality-lcc-sample.json',
    );
    const out = await runJson<ModuleJson>(
      mencheArgs('module', RA, '--method', 'rwr', '--n', '20000', '--random', '2'),
    );
    const rwr = out.rwr;
    if (!rwr) throw new Error('no rwr block');
    expect(rwr).toMatchObject({ restart: 0.15, converged: true, random: 2 });
    // The whole network: the walk never leaves the seeds' component, so the LCC's nodes get
    // networkx's LCC scores and the other 131 nodes 0.
    expect(rwr.top).toHaveLength(13_460);
    expect(rwr.top.slice(13_329).every((row) => row.score === 0)).toBe(true);
    expect(rwr.top.filter((row) => row.isSeed)).toHaveLength(expected.raSeeds.inLcc);
    for (let i = 1; i < rwr.top.length; i++) {
      expect(rwr.top[i - 1].score).toBeGreaterThanOrEqual(rwr.top[i].score);
    }
    const byGene = new Map(rwr.top.map((row) => [row.gene, row]));
    for (const [entrez, score] of Object.entries(core.rwrRaRestart015)) {
      const row = byGene.get(symbol(entrez));
      expect(row, entrez).toBeDefined();
      // The walk stops at an L1 change below 1e-10, so each score is within ~1e-9 of the limit.
      expect(Math.abs((row?.score ?? NaN) - score)).toBeLessThan(1e-9);
    }
    for (const row of rwr.top.slice(0, 50)) {
      expect(row.p).toBeGreaterThanOrEqual(0);
      expect(row.p).toBeLessThanOrEqual(1);
    }
  });
});

describe('twinscreen module: seeded results independent of file order', () => {
  it('gives the same z, p and null on the Menche file with its lines shuffled', async () => {
    const text = gunzipSync(readFileSync(join(REPO_ROOT, MENCHE_NETWORK))).toString('utf8');
    const [header, ...rows] = text.split('\n').filter((line) => line.length > 0);
    let state = 2024; // deterministic Fisher–Yates (LCG)
    for (let i = rows.length - 1; i > 0; i--) {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      const j = state % (i + 1);
      [rows[i], rows[j]] = [rows[j], rows[i]];
    }
    const shuffled = join(scratchDir('twinscreen-shuffled-'), 'menche-shuffled.tsv');
    writeFileSync(shuffled, [header, ...rows].join('\n') + '\n');
    const args = ['--genes', MENCHE_GENES, '--disease', 'asthma', '--random', '200', '--seed', '5'];
    const inOrder = await runJson<ModuleJson>(['module', '--network', MENCHE_NETWORK, ...args]);
    const reordered = await runJson<ModuleJson>(['module', '--network', shuffled, ...args]);
    expect(reordered.lcc).toEqual(inOrder.lcc);
    expect(reordered.seeds).toEqual(inOrder.seeds);
  });
});

describe('twinscreen module --method rwr: the null on the engine', () => {
  it('gives the p of the single-vector core loop on RA (R = 20), on 1 or 2 threads', async () => {
    const args = mencheArgs('module', RA, '--method', 'rwr', '--n', '20000');
    const run = (threads: string) =>
      runJson<ModuleJson>([...args, '--random', '20', '--seed', '4', '--threads', threads]);
    const [two, one] = [await run('2'), await run('1')];
    if (!two.rwr || !one.rwr) throw new Error('no rwr block');
    expect(two.rwr.nullWalks).toMatchObject({ tolerance: 5e-8, unconverged: 0 });
    expect(two.rwr.nullWalks.engine).toMatch(/^cpu: CPU engine on 2 threads/);
    expect(one.rwr.nullWalks.engine).toMatch(/^cpu: CPU engine on 1 thread/);
    expect(one.rwr.top).toEqual(two.rwr.top); // the pool changes nothing

    // The core's answer on the CLI's own graph (same node order, same bins, same draws).
    const geneIndex = await loadGeneIndex(undefined, REPO_ROOT);
    const network = await loadNetwork(
      resolveInputFile('network', MENCHE_NETWORK, REPO_ROOT),
      geneIndex,
    );
    const sets = await loadGeneSets(resolveInputFile('genes', MENCHE_GENES, REPO_ROOT), geneIndex);
    const seeds = mapSeeds(selectGeneSets(sets, RA, false)[0], network, geneIndex, 'network').nodes;
    const { graph, names } = network.whole;
    const core = propagationSignificance(graph, seeds, {
      iterations: 20,
      seed: 4,
      bins: degreeBins(graph, { minBinSize: 100 }),
    });
    // Genes by name; a few symbols name two nodes, and those rows are skipped.
    const nodeOf = new Map<string, number>();
    const repeated = new Set<string>();
    names.forEach((name, v) => (nodeOf.has(name) ? repeated.add(name) : nodeOf.set(name, v)));
    let differs = 0;
    for (const row of two.rwr.top) {
      if (repeated.has(row.gene)) continue;
      const v = nodeOf.get(row.gene) as number;
      expect(Math.abs(row.score - core.scores[v])).toBeLessThan(1e-12);
      if (row.p !== core.pValues[v]) differs++;
      // p differs only at near ties, by a draw or two.
      expect(Math.abs(row.p - core.pValues[v])).toBeLessThanOrEqual(2 / 20);
      // z: the float32 scores are within ~1e−4 relative, so z is too (seeds have z in the hundreds).
      if (Number.isFinite(core.z[v])) {
        expect(Math.abs(row.z - core.z[v])).toBeLessThan(1e-3 * (1 + Math.abs(core.z[v])));
      }
    }
    expect(differs).toBeLessThanOrEqual(13); // ≤ 0.1 % of the 13,460 genes
  }, 60_000);
});

describe('twinscreen module on a hand-checkable network', () => {
  const tiny = expected.tiny;

  it('reads gzip input exactly like the plain file', async () => {
    const args = ['--genes', TINY_SETS, '--disease', 'alpha', '--method', 'rwr', '--random', '5'];
    const plain = await runJson<ModuleJson>(['module', '--network', TINY_NETWORK, ...args]);
    const gzip = await runJson<ModuleJson>(['module', '--network', `${TINY_NETWORK}.gz`, ...args]);
    expect(gzip.network.file).toBe(`${TINY_NETWORK}.gz`);
    // Equal but for the file's name and checksum (provenance).
    expect({ ...gzip, network: { ...gzip.network, file: null }, provenance: null }).toEqual({
      ...plain,
      network: { ...plain.network, file: null },
      provenance: null,
    });
  });

  it('drops the self-loop and the repeated edge, and maps the sets onto the whole network', async () => {
    const out = await runJson<ModuleJson>(tinyArgs('module', 'alpha', '--random', '10'));
    expect(out.network).toMatchObject(tiny.network);
    const alpha = tiny.seeds.alpha;
    expect(out.seeds).toMatchObject({
      given: alpha.given,
      mapped: 3, // NOTAGENE1 is not in the gene table
      unmapped: ['NOTAGENE1'],
      inNetwork: alpha.inNetwork,
      inLcc: alpha.inLcc,
      graph: 'network',
      inGraph: alpha.inNetwork, // BRCA1 (outside the LCC) is used on the whole network
      outsideNetwork: alpha.outsideNetwork,
      outsideLcc: alpha.outsideLcc,
    });
    expect(out.lcc.size).toBe(alpha.lccSize);
    expect(out.lcc.genes).toEqual(['MDM2', 'TP53']);
  });

  it('adds genes in order of their hypergeometric connectivity p-value', async () => {
    const run = await runCli(
      tinyArgs('module', 'beta', '--method', 'diamond', '--n', '3', '--random', '3'),
    );
    const json = JSON.parse(run.stdout) as ModuleJson;
    // From {ATM, CHEK2}: CDKN1A (2 of 3 links to the module), then MDM2, then TP53; 5 nodes.
    expect(json.diamond?.added.map((row) => [row.gene, row.k, row.ks])).toEqual([
      ['CDKN1A', 3, 2],
      ['MDM2', 2, 1],
      ['TP53', 1, 1],
    ]);
    // N is the whole network's 7 nodes (DIAMOnD.py's G.number_of_nodes()):
    // p(CDKN1A) = P(X ≥ 2), X ~ Hypergeometric(N = 7, s = 2, k = 3) = C(2,2)·C(5,1)/C(7,3) = 5/35.
    expect(json.diamond?.added[0].p).toBeCloseTo(1 / 7, 12);
    // On the LCC (5 nodes): C(2,2)·C(3,1)/C(5,3) = 3/10.
    const onLcc = JSON.parse(
      (
        await runCli(
          tinyArgs(
            'module',
            'beta',
            '--method',
            'diamond',
            '--n',
            '1',
            '--random',
            '3',
            '--graph',
            'lcc',
          ),
        )
      ).stdout,
    ) as ModuleJson;
    expect(onLcc.diamond?.added[0].p).toBeCloseTo(0.3, 12);
  });
});
