/**
 * Test helper: runs `main` in-process with stdout and stderr captured
 * ===================================================================
 * Paths are relative to the repository root, as when a user runs `npx twinscreen` there. Also
 * the argument lists, scratch folders and exit checks the CLI tests share.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect } from 'vitest';
import { main } from '@/cli/main';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const MENCHE_NETWORK = 'public/data/interactome_menche2015.tsv.gz';
export const MENCHE_GENES = 'public/data/disease_genes_menche2015.tsv.gz';
export const RA = 'arthritis, rheumatoid';
export const TINY_NETWORK = 'test/fixtures/cli/tiny-network.tsv';
export const TINY_SETS = 'test/fixtures/cli/tiny-sets.tsv';

/** `command --network MENCHE_NETWORK --genes MENCHE_GENES --disease disease`, then `rest`. */
export function mencheArgs(command: string, disease: string, ...rest: string[]): string[] {
  return [
    command,
    '--network',
    MENCHE_NETWORK,
    '--genes',
    MENCHE_GENES,
    '--disease',
    disease,
    ...rest,
  ];
}

/** `command --network TINY_NETWORK --genes TINY_SETS --disease disease`, then `rest`. */
export function tinyArgs(command: string, disease: string, ...rest: string[]): string[] {
  return [command, '--network', TINY_NETWORK, '--genes', TINY_SETS, '--disease', disease, ...rest];
}

/** A fresh temporary folder, removed after the calling test file has run. */
export function scratchDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The lines of a text file written by `--out`, without the final newline. */
export function readLines(path: string): string[] {
  return readFileSync(path, 'utf8').trimEnd().split('\n');
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    cwd: REPO_ROOT,
  });
  return { code, stdout, stderr };
}

/** Runs and parses stdout as JSON; fails with stderr when the exit code is not 0. */
export async function runJson<T = Record<string, unknown>>(args: string[]): Promise<T> {
  const run = await runCli(args);
  if (run.code !== 0) throw new Error(`exit ${run.code}: ${run.stderr}`);
  return JSON.parse(run.stdout) as T;
}

/**
 * Asserts a failed run: exit `code`, nothing on stdout, and stderr containing each message
 * (a string as it stands, a RegExp as a match).
 */
export function expectFailure(run: CliRun, code: number, ...messages: (string | RegExp)[]): void {
  expect(run.code).toBe(code);
  expect(run.stdout).toBe('');
  for (const message of messages) {
    if (typeof message === 'string') expect(run.stderr).toContain(message);
    else expect(run.stderr).toMatch(message);
  }
}

export interface CliExpected {
  symbolOf: Record<string, string>;
  raSeeds: {
    given: number;
    unmapped: string[];
    outsideNetwork: string[];
    outsideLcc: string[];
    inLcc: number;
  };
  screen: {
    disease: string;
    proximity: Record<string, { targets: string[]; dC: number }>;
    indicationDrugs: number;
  };
  tiny: {
    network: Record<string, number>;
    seeds: Record<
      string,
      {
        given: number;
        inNetwork: number;
        inLcc: number;
        outsideNetwork: string[];
        outsideLcc: string[];
        lccSize: number;
      }
    >;
    separation: { dAA: number; dBB: number; dAB: number; sAB: number };
    centrality: Record<
      'degree' | 'betweenness' | 'closeness' | 'eigenvector' | 'pagerank',
      Record<string, number>
    >;
    /** networkx on the whole 7-node network (the BRCA1–BARD1 pair included). */
    centralityWhole: { nodes: number } & Record<
      'degree' | 'degreeCentrality' | 'betweenness' | 'closeness' | 'eigenvector' | 'pagerank',
      Record<string, number>
    >;
  };
}

/** test/fixtures/cli/expected.json (scripts/fixtures/gen_cli_fixtures.py). */
export function readCliExpected(): CliExpected {
  const path = fileURLToPath(new URL('../fixtures/cli/expected.json', import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8')) as CliExpected;
}
