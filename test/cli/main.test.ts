import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '@/cli/main';
import {
  expectFailure,
  readLines,
  REPO_ROOT,
  runCli,
  runJson,
  scratchDir,
  TINY_NETWORK,
  TINY_SETS,
  tinyArgs,
} from './run-cli';

const scratch = scratchDir('twinscreen-cli-');

/** Runs bin/twinscreen.mjs as a child process. */
function runBinary(args: string[]) {
  return spawnSync(process.execPath, ['bin/twinscreen.mjs', ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('twinscreen main: help, usage errors and data errors', () => {
  it('lists every command in the top-level help', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    for (const name of ['module', 'centrality', 'separation', 'screen']) {
      expect(run.stdout).toContain(`  ${name} `);
    }
  });

  it('prints a command\'s help through "help <command>", and the version', async () => {
    const viaHelp = await runCli(['help', 'separation']);
    const viaFlag = await runCli(['separation', '-h']);
    expect(viaHelp.code).toBe(0);
    expect(viaHelp.stdout).toBe(viaFlag.stdout);
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    expect((await runCli(['--version'])).stdout).toBe(`twinscreen ${pkg.version}\n`);
    const none = await runCli([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Usage: twinscreen <command> [flags]');
  });

  it.each(COMMANDS.map((command) => [command.spec.name, command] as const))(
    'prints the help of %s with every flag and its default',
    async (name, command) => {
      const run = await runCli([name, '--help']);
      expect(run.code).toBe(0);
      expect(run.stderr).toBe('');
      // Commands with a network name it first; de and merge read other inputs.
      const needsNetwork = command.spec.flags.some((f) => f.name === 'network' && f.required);
      expect(run.stdout).toContain(
        `Usage: twinscreen ${name} ${needsNetwork ? '--network FILE' : ''}`,
      );
      for (const flag of command.spec.flags) {
        expect(run.stdout).toContain(`--${flag.name}`);
        if (flag.kind !== 'boolean' && flag.default !== undefined) {
          const shown = Array.isArray(flag.default) ? flag.default.join(',') : String(flag.default);
          expect(run.stdout).toContain(`default: ${shown}`);
        }
      }
    },
  );

  it.each([
    [['module', '--netwrk', 'x'], /unknown flag --netwrk \(did you mean --network\?\)/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [['module', '--genes', TINY_SETS], /--network is required/],
    [
      ['module', '--network', TINY_NETWORK, '--genes', TINY_SETS, '--random', '0'],
      /--random: expected an integer ≥ 1, got "0"/,
    ],
    [
      ['module', '--network', TINY_NETWORK, '--genes', TINY_SETS, '--method', 'louvain'],
      /--method: expected one of lcc, diamond, rwr/,
    ],
    [
      ['module', '--network', TINY_NETWORK, '--genes', TINY_SETS, '--seed', '-1'],
      /--seed: expected an integer ≥ 0 and < 2\^32/,
    ],
    [
      ['module', '--network', 'no/such/file.tsv', '--genes', TINY_SETS],
      /--network: no such file: no\/such\/file.tsv/,
    ],
    [
      ['module', '--network', TINY_NETWORK, '--genes', TINY_SETS],
      /holds 3 gene sets; choose one with --disease/,
    ],
    [tinyArgs('module', 'delta'), /no gene set named "delta"/],
    [
      tinyArgs('module', 'alpha', '--out', 'x.csv'),
      /--out: expected a file name ending in .json or .tsv/,
    ],
    [['module', '--network', TINY_NETWORK, '--network', TINY_NETWORK], /--network is given twice/],
    [['module', 'stray'], /unexpected argument "stray"/],
    [tinyArgs('separation', 'alpha'), /--disease must be given twice/],
  ])('exits with 2 on a usage error: %j', async (args, message) => {
    expectFailure(await runCli(args), 2, message);
  });

  it('exits with 1 and names file, line and expectation for a malformed network', async () => {
    const run = await runCli([
      'module',
      '--network',
      'test/fixtures/cli/malformed-network.tsv',
      '--genes',
      TINY_SETS,
      '--disease',
      'alpha',
    ]);
    expectFailure(
      run,
      1,
      'test/fixtures/cli/malformed-network.tsv, line 3:',
      'non-numeric weight "abc"',
      'expected a number in column 3 ("weight")',
    );
  });

  it('exits with 1 when no gene of the set is in the LCC (--graph lcc)', async () => {
    const run = await runCli(tinyArgs('module', 'gamma', '--graph', 'lcc'));
    expectFailure(
      run,
      1,
      'none of the 2 genes of "gamma" (test/fixtures/cli/tiny-sets.tsv) is in the network\'s largest connected component (0 not in the network, 2 outside its LCC)',
    );
  });

  it('writes JSON and TSV files with --out and nothing to stdout', async () => {
    const args = tinyArgs('module', 'all');
    const json = join(scratch, 'modules.json');
    const tsv = join(scratch, 'modules.tsv');
    const toJson = await runCli([...args, '--random', '10', '--out', json]);
    const toTsv = await runCli([...args, '--random', '10', '--out', tsv]);
    expect(toJson.code).toBe(0);
    expect(toTsv.code).toBe(0);
    expect(toJson.stdout + toTsv.stdout).toBe('');
    const parsed = JSON.parse(readFileSync(json, 'utf8')) as { diseases: unknown[] };
    expect(parsed.diseases).toHaveLength(3);
    const lines = readLines(tsv);
    expect(lines[0]).toBe(
      'disease\tgiven\tmapped\tinNetwork\tinLcc\tgraph\tinGraph\tlccSize\tz\tp\tmean\tsd\tlccGenes',
    );
    // On the whole network gamma's BRCA1–BARD1 pair (outside the LCC) is a module of 2.
    expect(lines.slice(1).map((line) => line.split('\t').slice(0, 8))).toEqual([
      ['alpha', '4', '3', '3', '2', 'network', '3', '2'],
      ['beta', '2', '2', '2', '2', 'network', '2', '2'],
      ['gamma', '2', '2', '2', '0', 'network', '2', '2'],
    ]);
    expect(lines[1].split('\t')[12]).toBe('MDM2|TP53');
  });

  it('records the app version and every input file with its SHA-256 in the JSON', async () => {
    const out = await runJson<{
      provenance: {
        app: string;
        version: string;
        inputs: {
          role: string;
          file: string;
          bytes: number;
          sha256: string;
          bundled: string | null;
        }[];
      };
    }>(tinyArgs('module', 'alpha', '--random', '3'));
    const sha = (path: string) =>
      createHash('sha256')
        .update(readFileSync(join(REPO_ROOT, path)))
        .digest('hex');
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(out.provenance.app).toBe('twinscreen');
    expect(out.provenance.version).toBe(pkg.version);
    const byRole = new Map(out.provenance.inputs.map((input) => [input.role, input]));
    expect(byRole.get('network')).toEqual({
      role: 'network',
      file: TINY_NETWORK,
      bytes: statSync(join(REPO_ROOT, TINY_NETWORK)).size,
      sha256: sha(TINY_NETWORK),
      bundled: null,
    });
    expect(byRole.get('genes')?.sha256).toBe(sha(TINY_SETS));
    // The gene table is read without a flag: a bundled data file.
    expect(byRole.get('bundled')).toMatchObject({
      file: 'genes.tsv.gz',
      bundled: 'public/data/genes.tsv.gz',
      sha256: sha('public/data/genes.tsv.gz'),
    });
  });

  it('writes the module as GraphML, Cytoscape.js JSON and SIF with --out', async () => {
    // beta = {ATM, CHEK2} on the tiny network; DIAMOnD adds CDKN1A, MDM2, TP53 in that order.
    const args = tinyArgs('module', 'beta', '--method', 'diamond', '--n', '3', '--random', '3');
    const paths = ['graphml', 'cyjs', 'sif'].map((ext) => join(scratch, `beta.${ext}`));
    for (const path of paths) expect((await runCli([...args, '--out', path])).code).toBe(0);
    const graphml = readFileSync(paths[0], 'utf8');
    expect(graphml.match(/<node /g)).toHaveLength(5);
    // Induced edges among the 5: ATM–CHEK2, ATM–CDKN1A, CHEK2–CDKN1A, CDKN1A–MDM2, MDM2–TP53.
    expect(graphml.match(/<edge /g)).toHaveLength(5);
    const cy = JSON.parse(readFileSync(paths[1], 'utf8')) as {
      elements: { nodes: { data: { name: string; role: string; addedRank: number | null } }[] };
    };
    const byName = new Map(cy.elements.nodes.map((node) => [node.data.name, node.data]));
    expect(byName.get('ATM')).toMatchObject({ role: 'module gene', addedRank: null });
    expect(byName.get('TP53')).toMatchObject({ role: 'added gene', addedRank: 3 });
    const pair = (line: string) => line.split('\tpp\t').sort().join('\tpp\t');
    expect(readLines(paths[2]).map(pair).sort()).toEqual(
      [
        'ATM\tpp\tCHEK2',
        'ATM\tpp\tCDKN1A',
        'CHEK2\tpp\tCDKN1A',
        'CDKN1A\tpp\tMDM2',
        'MDM2\tpp\tTP53',
      ]
        .map(pair)
        .sort(),
    );
    const bad = await runCli([
      ...tinyArgs('separation', 'alpha', '--disease', 'beta', '--random', '3'),
      '--out',
      join(scratch, 'x.graphml'),
    ]);
    expectFailure(bad, 2, /has no network to write as \.graphml/);
  });

  it('runs the real binary (bin/twinscreen.mjs)', () => {
    const result = runBinary(['module', '--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: twinscreen module --network FILE --genes FILE');
    const bad = runBinary(['module', '--bogus']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('unknown flag --bogus');
  });
});
