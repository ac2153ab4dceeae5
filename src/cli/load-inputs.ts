/**
 * Loading the command line's input files (Node only)
 * ==================================================
 * Paths are checked before anything is read (a missing file is a usage error, exit 2), then
 * streamed from disk into src/io's importers (`Readable.toWeb(createReadStream(path))`; gzip is
 * recognised by its magic bytes). Each importer gets the path as the user wrote it, so its
 * `ImportError` says "<path>, line <n>: …; expected …".
 *
 * Identifiers are unified through the gene table (public/data/genes.tsv.gz, or `--gene-table`):
 * the network, gene sets, drug targets and DEG tables all map their identifiers to Entrez IDs,
 * and genes are matched to network nodes by Entrez ID first, then by symbol
 * (core/screen/screen-network.ts). Display names stay as in the network's symbol column.
 * Module, centrality and separation commands run on the whole network as given (`--graph
 * network`, the published definitions) or on its largest connected component (`--graph lcc`);
 * the drug screen always runs on the LCC (Guney 2016; ALGORITHMS.md §3.1). Every gene set is
 * reported with what was dropped on the way (`SeedReport`), every output names its graph
 * (`GraphSummary`).
 */
import {
  matchIndications,
  parseIndicationConcepts,
  termWords,
  type IndicationConcept,
  type IndicationConcepts,
  type IndicationMatch,
} from '@/core/screen/indication-match';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { degrees } from '@/core/graph/csr';
import {
  GRAPH_SCOPE_DESCRIPTIONS,
  prepareScreenNetwork,
  type GraphScope,
  type ScreenNetwork,
} from '@/core/screen/screen-network';
import {
  importDegTable,
  importDrugTargets,
  importGeneSets,
  importNetwork,
  ImportError,
  openTable,
  parseGeneTable,
  readLineBatches,
  type GeneIndex,
  type GeneSet,
  type ImportedDegTable,
  type ImportedDrugTargets,
  type ImportedGeneSets,
  type ImportedNetwork,
  type ImportSource,
  findIndicationColumns,
  readIndicationRows,
  INDICATION_DRUG_COLUMNS,
} from '@/io';
import { DataError, UsageError } from './cli-error';
import { recordInput } from './provenance';
import { requiredString } from './command';
import type { ParsedFlags } from './parse-flags';

/** The gene table shipped with the app. */
export const BUNDLED_GENE_TABLE = fileURLToPath(
  new URL('../../public/data/genes.tsv.gz', import.meta.url),
);

/** Disease name → indication concepts (scripts/data/build_indication_concepts.py). */
export const BUNDLED_INDICATION_CONCEPTS = fileURLToPath(
  new URL('../../public/data/disease_indication_concepts.tsv', import.meta.url),
);

let bundledConcepts: IndicationConcepts | null = null;

/** The bundled concept table, read once. */
export function bundledIndicationConcepts(): IndicationConcepts {
  recordInput('bundled', BUNDLED_INDICATION_CONCEPTS, 'disease_indication_concepts.tsv');
  bundledConcepts ??= parseIndicationConcepts(
    readFileSync(BUNDLED_INDICATION_CONCEPTS, 'utf8'),
    'disease_indication_concepts.tsv',
  );
  return bundledConcepts;
}

/** An input file named on the command line. */
export interface InputFile {
  /** Absolute path. */
  readonly path: string;
  /** As the user wrote it (used in messages and in the output). */
  readonly shownAs: string;
  /** The flag that named it ("bundled" for a table read without one): the provenance's role. */
  readonly role: string;
}

/** Checks that `--flag path` names a readable file. */
export function resolveInputFile(flag: string, path: string, cwd: string): InputFile {
  const absolute = resolve(cwd, path);
  if (!existsSync(absolute)) throw new UsageError(`--${flag}: no such file: ${path}`);
  if (!statSync(absolute).isFile()) throw new UsageError(`--${flag}: not a file: ${path}`);
  return { path: absolute, shownAs: path, role: flag };
}

/** The file named by a required `--flag FILE`, checked as `resolveInputFile` does. */
export function inputFileOf(flags: ParsedFlags, flag: string, cwd: string): InputFile {
  return resolveInputFile(flag, requiredString(flags, flag), cwd);
}

/** The file named by an optional `--flag FILE`, or null when the flag is not given. */
export function optionalInputFileOf(
  flags: ParsedFlags,
  flag: string,
  cwd: string,
): InputFile | null {
  const path = flags.string(flag);
  return path === undefined ? null : resolveInputFile(flag, path, cwd);
}

/** The file as a byte stream for the importers (recorded in the output's provenance). */
export function openInput(file: InputFile): ImportSource {
  recordInput(file.role, file.path, file.shownAs);
  return Readable.toWeb(createReadStream(file.path)) as unknown as ReadableStream<Uint8Array>;
}

// The gene table takes ~0.4 s to index; keep it per (path, size, mtime) for repeated in-process
// calls of `main` (tests). A changed file has a new key.
const geneIndexCache = new Map<string, Promise<GeneIndex>>();

export async function loadGeneIndex(path: string | undefined, cwd: string): Promise<GeneIndex> {
  const file =
    path === undefined
      ? { path: BUNDLED_GENE_TABLE, shownAs: 'genes.tsv.gz', role: 'bundled' }
      : resolveInputFile('gene-table', path, cwd);
  recordInput(file.role, file.path, file.shownAs); // also when the index comes from the cache
  const stat = statSync(file.path);
  const key = `${file.path}\u0000${stat.size}\u0000${stat.mtimeMs}`;
  let index = geneIndexCache.get(key);
  if (index === undefined) {
    index = parseGeneTable(openInput(file), file.shownAs);
    geneIndexCache.set(key, index);
    index.catch(() => geneIndexCache.delete(key));
  }
  return index;
}

/** What the CLI reports about the network it ran on. */
export interface NetworkSummary {
  readonly file: string;
  /** Nodes of the network: distinct identifiers in the file, isolated ones included. */
  readonly nodes: number;
  /** The same count (kept for scripts written against earlier versions). */
  readonly nodesInFile: number;
  /** Nodes without any edge once self-loops are dropped (they stay in the network). */
  readonly isolatedNodes: number;
  /** Undirected edges kept. */
  readonly edges: number;
  readonly selfLoopsDropped: number;
  readonly duplicatesDropped: number;
  readonly lccNodes: number;
  readonly lccEdges: number;
  /** The file has a weight column. */
  readonly weighted: boolean;
  /** Node identifiers the gene table does not know (kept as they are). */
  readonly identifiersUnmapped: number;
  readonly warnings: readonly string[];
}

/** The graph a command ran on, as every output states it. */
export interface GraphSummary {
  readonly scope: GraphScope;
  readonly description: string;
  readonly nodes: number;
  readonly edges: number;
}

export interface LoadedNetwork {
  readonly imported: ImportedNetwork;
  /** The whole network with gene lookup (node k of `whole.graph` is named `whole.names[k]`). */
  readonly whole: ScreenNetwork;
  /** The LCC with gene lookup (node k of `lcc.graph` is named `lcc.names[k]`). */
  readonly lcc: ScreenNetwork;
  readonly summary: NetworkSummary;
}

/** The graph of `scope`. */
export function networkOfScope(network: LoadedNetwork, scope: GraphScope): ScreenNetwork {
  return scope === 'network' ? network.whole : network.lcc;
}

/** What an output says about the graph of `scope`. */
export function graphSummaryOf(network: LoadedNetwork, scope: GraphScope): GraphSummary {
  const { graph } = networkOfScope(network, scope);
  return {
    scope,
    description: GRAPH_SCOPE_DESCRIPTIONS[scope],
    nodes: graph.nodeCount,
    edges: graph.targets.length / 2,
  };
}

/** Reads an interactome as an undirected graph, whole and cut to its LCC. */
export async function loadNetwork(file: InputFile, geneIndex: GeneIndex): Promise<LoadedNetwork> {
  const imported = await importNetwork(openInput(file), file.shownAs, geneIndex, {
    directed: false,
  });
  const warnings = [...imported.report.warnings];
  if (imported.signed) {
    warnings.push('the sign column was read as a weight of ±1; the network is used undirected');
  }
  const lcc = prepareScreenNetwork(imported.graph, imported.nodeIds, imported.entrezIds, 'lcc');
  const whole = prepareScreenNetwork(
    imported.graph,
    imported.nodeIds,
    imported.entrezIds,
    'network',
  );
  let isolatedNodes = 0;
  for (const degree of degrees(imported.graph)) if (degree === 0) isolatedNodes++;
  return {
    imported,
    whole,
    lcc,
    summary: {
      file: file.shownAs,
      nodes: imported.graph.nodeCount,
      nodesInFile: imported.graph.nodeCount,
      isolatedNodes,
      edges: imported.graph.targets.length / 2,
      selfLoopsDropped: imported.report.selfLoopsDropped,
      duplicatesDropped: imported.report.duplicatesDropped,
      lccNodes: lcc.lccNodeCount,
      lccEdges: lcc.graph.targets.length / 2,
      weighted: !imported.signed && imported.report.columns.some((c) => c.endsWith('→ weight')),
      identifiersUnmapped: imported.report.unmapped.length,
      warnings,
    },
  };
}

export interface LoadedGeneSets extends ImportedGeneSets {
  readonly file: string;
}

export async function loadGeneSets(file: InputFile, geneIndex: GeneIndex): Promise<LoadedGeneSets> {
  const imported = await importGeneSets(openInput(file), file.shownAs, geneIndex);
  return { ...imported, file: file.shownAs };
}

/**
 * The sets named by `--disease`: one set by name (case-insensitive), every set for "all", or
 * the file's only set when no name is given.
 */
export function selectGeneSets(
  loaded: LoadedGeneSets,
  disease: string | undefined,
  allowAll: boolean,
): GeneSet[] {
  const { sets, file } = loaded;
  if (disease === undefined) {
    if (sets.length === 1) return [sets[0]];
    throw new UsageError(
      `--genes ${file} holds ${sets.length} gene sets; choose one with --disease NAME` +
        (allowAll ? ' (or --disease all)' : '') +
        `, e.g. --disease "${sets[0].name}"`,
    );
  }
  if (allowAll && disease.trim().toLowerCase() === 'all') return [...sets];
  return [findGeneSet(loaded, disease)];
}

/** One set by name (case-insensitive, surrounding spaces ignored). */
export function findGeneSet(loaded: LoadedGeneSets, name: string): GeneSet {
  const key = name.trim().toLowerCase();
  const found = loaded.sets.find((set) => set.name.trim().toLowerCase() === key);
  if (found) return found;
  const words = key.split(/[^a-z0-9]+/).filter((word) => word.length > 2);
  const similar = loaded.sets
    .filter((set) => words.some((word) => set.name.toLowerCase().includes(word)))
    .slice(0, 5)
    .map((set) => `"${set.name}"`);
  throw new UsageError(
    `--disease: no gene set named "${name}" in ${loaded.file} (${loaded.sets.length} sets)` +
      (similar.length > 0 ? `; similar: ${similar.join(', ')}` : ''),
  );
}

/** How a gene set maps onto the network (ALGORITHMS.md §3.1: always report what was dropped). */
export interface SeedReport {
  /** Set name. */
  readonly name: string;
  /** Distinct genes in the set. */
  readonly given: number;
  /** Genes whose identifier the gene table knows. */
  readonly mapped: number;
  /** Genes that are network nodes (isolated ones included). */
  readonly inNetwork: number;
  /** Distinct nodes of the network's LCC the set maps to. */
  readonly inLcc: number;
  /** Which graph the methods ran on (`--graph`); `inGraph` counts the set's genes there. */
  readonly graph: GraphScope;
  /** Distinct nodes of that graph the set maps to: the genes every method runs on. */
  readonly inGraph: number;
  /** Genes the gene table does not know, as written in the file. */
  readonly unmapped: readonly string[];
  /** Genes that are not network nodes. */
  readonly outsideNetwork: readonly string[];
  /** Genes that are network nodes outside the LCC (dropped when the graph is the LCC). */
  readonly outsideLcc: readonly string[];
}

export interface MappedSeeds {
  /** Node indices of the scope's graph, distinct, in set order. */
  readonly nodes: Uint32Array;
  readonly report: SeedReport;
}

/** Maps a gene set onto the graph of `scope` (the screen uses the LCC). */
export function mapSeeds(
  set: GeneSet,
  network: LoadedNetwork,
  geneIndex: GeneIndex,
  scope: GraphScope,
): MappedSeeds {
  const nodes: number[] = [];
  const seen = new Set<number>();
  const unmapped: string[] = [];
  const outsideNetwork: string[] = [];
  const outsideLcc: string[] = [];
  const inLcc = new Set<number>();
  set.genes.forEach((gene, i) => {
    const entrez = set.entrez[i];
    if (entrez === null || !geneIndex.byEntrez.has(entrez)) unmapped.push(gene);
    const location = network.lcc.locate({ gene, entrez });
    if (location.status === 'in-graph') inLcc.add(location.node);
    else if (location.status === 'outside-lcc') outsideLcc.push(gene);
    else outsideNetwork.push(gene);
    const found = scope === 'lcc' ? location : network.whole.locate({ gene, entrez });
    if (found.status === 'in-graph' && !seen.has(found.node)) {
      seen.add(found.node);
      nodes.push(found.node);
    }
  });
  const given = set.genes.length;
  return {
    nodes: Uint32Array.from(nodes),
    report: {
      name: set.name,
      given,
      mapped: given - unmapped.length,
      inNetwork: given - outsideNetwork.length,
      inLcc: inLcc.size,
      graph: scope,
      inGraph: nodes.length,
      unmapped,
      outsideNetwork,
      outsideLcc,
    },
  };
}

/** A data error for a set with no gene in the graph the command runs on. */
export function noSeedsInGraph(report: SeedReport, file: string): DataError {
  return new DataError(
    report.graph === 'lcc'
      ? `none of the ${report.given} genes of "${report.name}" (${file}) is in the network's largest ` +
          `connected component (${report.outsideNetwork.length} not in the network, ` +
          `${report.outsideLcc.length} outside its LCC)`
      : `none of the ${report.given} genes of "${report.name}" (${file}) is a node of the network ` +
          `(${report.unmapped.length} unknown to the gene table)`,
  );
}

export async function loadDrugTargets(
  file: InputFile,
  geneIndex: GeneIndex,
): Promise<ImportedDrugTargets> {
  return importDrugTargets(openInput(file), file.shownAs, geneIndex);
}

export async function loadDegTable(
  file: InputFile,
  geneIndex: GeneIndex,
): Promise<ImportedDegTable> {
  return importDegTable(openInput(file), file.shownAs, geneIndex);
}

/** A signed, directed network (sign column) for the digital cure. */
export async function loadSignedNetwork(
  file: InputFile,
  geneIndex: GeneIndex,
): Promise<ImportedNetwork> {
  const imported = await importNetwork(openInput(file), file.shownAs, geneIndex);
  if (!imported.signed) {
    throw new DataError(
      `--signed ${file.shownAs}: no sign column found; expected a signed network such as ` +
        'OmniPath "source target sign" (sign 1 = activation, -1 = inhibition)',
    );
  }
  return imported;
}

/** Drugs known to treat the disease, for validating a screen. */
export interface Indications {
  readonly file: string;
  /** The term indications were matched with (null for a plain list of drug names). */
  readonly term: string | null;
  /**
   * How the table's rows were matched (core/screen/indication-match.ts): "concept" (the
   * disease's UMLS CUIs from the bundled concept table), "words" (every word of the term),
   * or "list" (a plain list of drug names, all known).
   */
  readonly indicationMatch: IndicationMatch['method'] | 'list';
  /** The concept entry used ("concept"), else null. */
  readonly concept: Pick<IndicationConcept, 'disease' | 'umlsCuis' | 'review'> | null;
  /** Why words were used ("words"), else null. */
  readonly fallback: string | null;
  /** Distinct indication texts that matched the term. */
  readonly matched: readonly string[];
  /** Distinct drug names, in file order. */
  readonly drugNames: readonly string[];
}

/**
 * Reads known indications. Two layouts:
 * - a table with a drug-name column and an indication column (DrugCentral's
 *   `drug_name … indication umls_cui … doid`): the drugs whose indication matches `term` by
 *   the rule of core/screen/indication-match.ts — by the disease's concepts (UMLS CUIs) from
 *   the bundled concept table when it has an entry for the term and the table a umls_cui
 *   column ("arthritis, rheumatoid": C0003873 only, so not "Rheumatoid Arthritis in Patient at
 *   High Ulcer Risk"), else by words (every word of the term, in any order and case);
 * - one drug name per line (an optional header "drug"/"drug_name"): all of them.
 */
export async function loadIndications(
  file: InputFile,
  term: string | null,
  concepts: IndicationConcepts = bundledIndicationConcepts(),
): Promise<Indications> {
  const table = await openTable(readLineBatches(openInput(file), file.shownAs), file.shownAs);
  const header = table.sample[0];
  const columns = findIndicationColumns(header);
  const drugNames = new Set<string>();

  if (columns !== null) {
    if (term === null || termWords(term).length === 0) {
      throw new UsageError(
        `--indications ${file.shownAs} lists indications for many diseases; name the disease with --disease or --indication TEXT`,
      );
    }
    const rows = await readIndicationRows(table, columns);
    const match = matchIndications(rows, term, concepts);
    return {
      file: file.shownAs,
      term,
      indicationMatch: match.method,
      concept:
        match.concept === null
          ? null
          : {
              disease: match.concept.disease,
              umlsCuis: match.concept.umlsCuis,
              review: match.concept.review,
            },
      fallback: match.fallback,
      matched: match.indications,
      drugNames: match.drugNames,
    };
  }
  if (header.fields.length !== 1) {
    throw new ImportError(
      file.shownAs,
      header.lineNumber,
      `header "${header.text}" names no drug and indication columns`,
      'a table with drug_name and indication columns, or one drug name per line',
    );
  }
  const hasHeader = INDICATION_DRUG_COLUMNS.includes(header.fields[0].trim().toLowerCase());
  await table.forEachRow(hasHeader ? 1 : 0, { exact: 1, describe: 'one drug name per line' }, (f) =>
    drugNames.add(f[0]),
  );
  return {
    file: file.shownAs,
    term: null,
    indicationMatch: 'list',
    concept: null,
    fallback: null,
    matched: [],
    drugNames: [...drugNames],
  };
}
