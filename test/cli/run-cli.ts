/**
 * Test helper: runs `main` in-process with stdout and stderr captured
 * ===================================================================
 * Paths are relative to the repository root, as when a user runs `npx twinscreen` there.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { main } from '@/cli/main';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const MENCHE_NETWORK = 'public/data/interactome_menche2015.tsv.gz';
export const MENCHE_GENES = 'public/data/disease_genes_menche2015.tsv.gz';
export const RA = 'arthritis, rheumatoid';
export const TINY_NETWORK = 'test/fixtures/cli/tiny-network.tsv';
export const TINY_SETS = 'test/fixtures/cli/tiny-sets.tsv';

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
  };
}

/** test/fixtures/cli/expected.json (scripts/fixtures/gen_cli_fixtures.py). */
export function readCliExpected(): CliExpected {
  const path = fileURLToPath(new URL('../fixtures/cli/expected.json', import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8')) as CliExpected;
}
