/**
 * Test-only loader for the bundled Menche 2015 data in public/data
 * ================================================================
 * Node only (fs + zlib). A minimal split-on-tab parser, independent of src/io, that builds:
 * - the Menche interactome as a simple undirected CSR graph: self-loops dropped, nodes that only
 *   had self-loops removed (13,460 → 13,397 nodes), nodes numbered by ascending Entrez ID;
 * - the Menche disease → Entrez gene table.
 * Node names are the symbol when the file has one, else the Entrez ID. Results are cached per
 * test file (module scope).
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { simpleUndirectedGraph, type CsrGraph, type SimpleGraphReport } from '@/core/graph/csr';

const DATA_DIR = fileURLToPath(new URL('../../public/data/', import.meta.url));

/** Rows of a gzip TSV with a header row (header returned separately). */
export function readGzipTsv(name: string): { header: string[]; rows: string[][] } {
  const text = gunzipSync(readFileSync(DATA_DIR + name)).toString('utf8');
  const lines = text.split('\n');
  const header = lines[0].split('\t');
  const rows: string[][] = [];
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].length > 0) rows.push(lines[i].split('\t'));
  }
  return { header, rows };
}

export interface LoadedInteractome {
  graph: CsrGraph;
  /** Entrez ID of each node, ascending numerically. */
  entrez: string[];
  /** Symbol of each node, or the Entrez ID where the file has no symbol. */
  names: string[];
  /** Entrez ID → node index. */
  indexOf: Map<string, number>;
  report: SimpleGraphReport & { rows: number };
}

let interactome: LoadedInteractome | undefined;

export function loadMencheInteractome(): LoadedInteractome {
  if (interactome) return interactome;
  const { rows } = readGzipTsv('interactome_menche2015.tsv.gz');
  const symbolOf = new Map<string, string>();
  const linked = new Set<string>();
  for (const [a, b, symbolA, symbolB] of rows) {
    if (symbolA) symbolOf.set(a, symbolA);
    if (symbolB) symbolOf.set(b, symbolB);
    if (a !== b) {
      linked.add(a);
      linked.add(b);
    }
  }
  const entrez = [...linked].sort((x, y) => Number(x) - Number(y));
  const indexOf = new Map(entrez.map((id, i) => [id, i]));
  const sources: number[] = [];
  const targets: number[] = [];
  let selfLoops = 0;
  for (const [a, b] of rows) {
    if (a === b) {
      selfLoops++;
      continue;
    }
    sources.push(indexOf.get(a) as number);
    targets.push(indexOf.get(b) as number);
  }
  const { graph, report } = simpleUndirectedGraph(entrez.length, sources, targets);
  interactome = {
    graph,
    entrez,
    names: entrez.map((id) => symbolOf.get(id) ?? id),
    indexOf,
    report: { ...report, selfLoopsDropped: selfLoops, rows: rows.length },
  };
  return interactome;
}

let diseases: Map<string, string[]> | undefined;

/** Disease name → Entrez IDs (file order, without repeats). */
export function loadMencheDiseaseGenes(): Map<string, string[]> {
  if (diseases) return diseases;
  const { rows } = readGzipTsv('disease_genes_menche2015.tsv.gz');
  diseases = new Map();
  for (const [disease, entrezId] of rows) {
    let genes = diseases.get(disease);
    if (!genes) {
      genes = [];
      diseases.set(disease, genes);
    }
    if (!genes.includes(entrezId)) genes.push(entrezId);
  }
  return diseases;
}

/** Parsed JSON fixture from test/fixtures/core. */
export function readCoreFixture<T>(name: string): T {
  const path = fileURLToPath(new URL(`../fixtures/core/${name}`, import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** A fixture of scripts/fixtures/gen_whole_network_fixtures.py (test/fixtures/whole-network). */
export function readWholeNetworkFixture<T>(name: string): T {
  const path = fileURLToPath(new URL(`../fixtures/whole-network/${name}`, import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}
