/**
 * Network importer
 * ================
 * Reads an interaction list into a CSR graph whose node k is `nodeIds[k]`, nodes numbered in
 * the canonical order of core/graph/canonical-order.ts (by Entrez ID, then identifier), so the
 * same network gives the same graph whatever the order of its lines. Accepted layouts:
 *
 * - **edge lists** (tab, comma, semicolon or space separated), `a b [weight]`, with or without a
 *   header. Named columns are recognised (column-names.ts): `entrez_a entrez_b symbol_a symbol_b`
 *   (the bundled Menche/do Valle files: Entrez IDs are the identity, symbols the display name),
 *   STRING's `protein1 protein2 combined_score`, OmniPath's `source target sign source_entrez
 *   target_entrez`, and generic pairs such as gene_a/gene_b, node1/node2, from/to. Without
 *   names, a first row whose third column is not a number while the second row's is, is a
 *   header. Extra columns are ignored and listed as such in `report.columns`.
 * - **SIF** (Cytoscape simple interaction format): `a <interaction> b [c …]` per line, or a lone
 *   node. Chosen for `.sif` files, or when column 2 holds interaction types (pp, pd, …).
 *
 * A `sign` column makes the network signed (weight = ±1) and directed; otherwise it is
 * undirected unless `options.directed` says so. Undirected: `simpleUndirectedGraph` drops
 * self-loops and repeated pairs (first weight kept). Directed: self-loops and repeated ordered
 * pairs are dropped here, then `csrFromEdges`. Both are counted in the report. Weights must be
 * non-negative numbers (signs go in a sign column); STRING scores are kept as given (0–1000).
 */
import { canonicalNodeRank, permuteByRank } from '@/core/graph/canonical-order';
import {
  csrFromEdges,
  simpleUndirectedGraph,
  type CsrGraph,
  type SimpleGraphReport,
} from '@/core/graph/csr';
import {
  ENTREZ_PAIR_NAMES,
  findColumn,
  findColumnPair,
  NODE_PAIR_NAMES,
  normalizeColumnName,
  SIGN_NAMES,
  WEIGHT_NAMES,
} from './column-names';
import type { GeneIndex } from './gene-index';
import { createGeneRegistry } from './gene-registry';
import { ImportError } from './import-error';
import {
  createReport,
  examples,
  type ImportOptions,
  type ImportReport,
  TABLE_CONTENTS,
} from './import-report';
import { parseNumber } from './parse-number';
import { readLineBatches, type ImportSource } from './read-lines';
import { describeColumns, openTable, type Table, type TableRow } from './read-table';

export interface ImportedNetwork {
  /** Display symbol of node k (the file's symbol, else the index's, else the identifier). */
  nodeIds: string[];
  /** Entrez ID of node k, or null when unknown. */
  entrezIds: (string | null)[];
  graph: CsrGraph;
  directed: boolean;
  /** Weights are signs (+1 activation, −1 inhibition). */
  signed: boolean;
  report: ImportReport;
}

/** SIF interaction types (Cytoscape manual) and common spellings. */
const SIF_TYPES = new Set([
  'pp',
  'pd',
  'pr',
  'rc',
  'cr',
  'gl',
  'ppi',
  'interacts',
  'interactswith',
  'interaction',
  'binds',
  'activates',
  'inhibits',
  'activation',
  'inhibition',
  'regulates',
  'controlsstatechangeof',
  'controlsexpressionof',
  'incomplexwith',
]);

interface EdgeListLayout {
  format: 'edgeList';
  skip: number;
  headerDetected: boolean;
  names: string[];
  fieldCount: number;
  nodeA: number;
  nodeB: number;
  entrezA: number;
  entrezB: number;
  weight: number;
  isSigned: boolean;
}

interface SifLayout {
  format: 'sif';
}

export async function importNetwork(
  source: ImportSource,
  fileName: string,
  geneIndex: GeneIndex | null,
  options: ImportOptions = {},
): Promise<ImportedNetwork> {
  const tableContents = TABLE_CONTENTS.network;
  const batches = readLineBatches(source, fileName, { ...options, tableContents });
  const table = await openTable(batches, fileName, tableContents);
  return importNetworkTable(table, geneIndex, options);
}

/** `importNetwork` on a table already opened (used by `importAuto`). */
export async function importNetworkTable(
  table: Table,
  geneIndex: GeneIndex | null,
  options: ImportOptions = {},
): Promise<ImportedNetwork> {
  const layout = detectNetworkLayout(table);
  const report = createReport(table.fileName, 'network');
  const registry = createGeneRegistry(geneIndex);
  const sources: number[] = [];
  const targets: number[] = [];
  let weights: number[] | null = null;
  let signed = false;

  if (layout.format === 'sif') {
    report.columns = ['column 1 → node A', 'column 2 → interaction type', 'columns 3… → node B'];
    const types = new Set<string>();
    report.rowsRead = await table.forEachRow(
      0,
      { min: 1, describe: 'a SIF line "node <interaction> node [node …]" or a single node' },
      (fields, lineNumber) => {
        if (fields.length === 2) {
          throw new ImportError(
            table.fileName,
            lineNumber,
            `SIF line with 2 fields ("${fields.join(' ')}")`,
            'a SIF line "node <interaction> node [node …]" or a single node',
          );
        }
        const a = registry.byId(fields[0]);
        if (fields.length > 1) types.add(fields[1]);
        for (let k = 2; k < fields.length; k++) {
          sources.push(a);
          targets.push(registry.byId(fields[k]));
        }
      },
    );
    report.warnings.push(`SIF interaction types (not used as weights): ${examples([...types])}`);
  } else {
    const { nodeA, nodeB, entrezA, entrezB, weight, names } = layout;
    signed = layout.isSigned;
    report.headerDetected = layout.headerDetected;
    report.columns = describeNetworkColumns(layout);
    if (weight !== -1) weights = [];
    const weightName = names[weight];
    const fileName = table.fileName;
    const node = (fields: string[], entrez: number, symbol: number, lineNumber: number): number => {
      const id = symbol === -1 ? '' : fields[symbol];
      if (entrez !== -1 && (fields[entrez] !== '' || id !== '')) {
        return registry.byEntrez(fields[entrez], id);
      }
      if (id === '') {
        const column = symbol === -1 ? entrez : symbol;
        throw new ImportError(
          fileName,
          lineNumber,
          `empty node identifier in column ${column + 1} ("${names[column]}")`,
          'a gene or protein identifier in both node columns',
        );
      }
      return registry.byId(id);
    };
    report.rowsRead = await table.forEachRow(
      layout.skip,
      {
        exact: layout.fieldCount,
        describe: describeColumns(
          layout.fieldCount,
          table.separator,
          layout.headerDetected ? 'as in the header' : 'as in the first row',
        ),
      },
      (fields, lineNumber) => {
        sources.push(node(fields, entrezA, nodeA, lineNumber));
        targets.push(node(fields, entrezB, nodeB, lineNumber));
        if (weights === null) return;
        const text = fields[weight];
        const value = signed ? parseSign(text) : parseNumber(text);
        if (Number.isNaN(value)) {
          throw new ImportError(
            fileName,
            lineNumber,
            `non-numeric ${signed ? 'sign' : 'weight'} "${text}" in column ${weight + 1} ("${weightName}")`,
            signed
              ? `a sign of 1 or -1 (or activation/inhibition) in column ${weight + 1}`
              : `a number in column ${weight + 1} ("${weightName}")`,
          );
        }
        if (!signed && value < 0) {
          throw new ImportError(
            fileName,
            lineNumber,
            `negative weight ${text} in column ${weight + 1} ("${weightName}")`,
            'a non-negative weight (put activation/inhibition in a "sign" column)',
          );
        }
        weights.push(value);
      },
    );
  }
  if (report.rowsRead === 0) {
    throw new ImportError(
      table.fileName,
      null,
      'no data rows (only a header)',
      'at least one interaction after the header',
    );
  }

  const nodeCount = registry.display.length;
  // Node k is the same gene whatever the order of the file's lines (seeded nulls walk nodes by
  // index): renumber the nodes canonically before the graph is built.
  const rank = canonicalNodeRank(registry.display, registry.entrez);
  for (let e = 0; e < sources.length; e++) {
    sources[e] = rank[sources[e]];
    targets[e] = rank[targets[e]];
  }
  const directed = options.directed ?? signed;
  let graph: CsrGraph;
  let dropped: SimpleGraphReport;
  if (directed) {
    ({ graph, report: dropped } = directedSimpleGraph(nodeCount, sources, targets, weights));
    const conflicts = signed ? countSignConflicts(sources, targets, weights as number[]) : 0;
    if (conflicts > 0) {
      report.warnings.push(
        `${conflicts} repeated edges carry the opposite sign of their first occurrence; the first sign was kept`,
      );
    }
  } else {
    ({ graph, report: dropped } = simpleUndirectedGraph(
      nodeCount,
      sources,
      targets,
      weights ?? undefined,
    ));
  }
  report.selfLoopsDropped = dropped.selfLoopsDropped;
  report.duplicatesDropped = dropped.duplicatesDropped;
  report.recordsKept = directed ? graph.targets.length : graph.targets.length / 2;
  registry.finish(report);
  return {
    nodeIds: permuteByRank(registry.display, rank),
    entrezIds: permuteByRank(registry.entrez, rank),
    graph,
    directed,
    signed,
    report,
  };
}

function detectNetworkLayout(table: Table): EdgeListLayout | SifLayout {
  const { sample, commentHeader, fileName } = table;
  const first = sample[0];
  const isSifName = /\.sif(\.gz)?$/i.test(fileName);

  // 1. A header with known names, in the first row or in the comment just above it.
  for (const [row, skip] of [
    [first, 1],
    [commentHeader, 0],
  ] as [TableRow | null, number][]) {
    if (row === null || (skip === 0 && row.fields.length !== first.fields.length)) continue;
    const layout = namedLayout(row, skip);
    if (layout !== null) return layout;
  }
  if (isSifName) return { format: 'sif' };

  // 2. No names: decide between a headed/unheaded edge list and SIF.
  const count = first.fields.length;
  if (count < 2) {
    throw new ImportError(
      fileName,
      first.lineNumber,
      '1 column',
      'an interaction per line: two node columns and an optional weight (tab, comma or space separated)',
    );
  }
  const generic = (skip: number, weight: number): EdgeListLayout => ({
    format: 'edgeList',
    skip,
    headerDetected: skip === 1,
    names: skip === 1 ? first.fields.slice() : first.fields.map((_, k) => `column ${k + 1}`),
    fieldCount: count,
    nodeA: 0,
    nodeB: 1,
    entrezA: -1,
    entrezB: -1,
    weight,
    isSigned: false,
  });
  if (count === 2) return generic(0, -1);
  const third = (row: TableRow | undefined): boolean =>
    row !== undefined && row.fields.length > 2 && !Number.isNaN(parseNumber(row.fields[2]));
  if (third(first)) return generic(0, 2);
  if (sample.length > 1 && third(sample[1])) return generic(1, 2);
  if (looksLikeSif(sample)) return { format: 'sif' };
  return generic(0, -1);
}

function namedLayout(row: TableRow, skip: number): EdgeListLayout | null {
  const names = row.fields.map(normalizeColumnName);
  const entrez = findColumnPair(names, ENTREZ_PAIR_NAMES);
  const nodes = findColumnPair(names, NODE_PAIR_NAMES);
  if (entrez === null && nodes === null) return null;
  const sign = findColumn(names, SIGN_NAMES);
  return {
    format: 'edgeList',
    skip,
    headerDetected: true,
    names: row.fields.slice(),
    fieldCount: row.fields.length,
    nodeA: nodes ? nodes[0] : -1,
    nodeB: nodes ? nodes[1] : -1,
    entrezA: entrez ? entrez[0] : -1,
    entrezB: entrez ? entrez[1] : -1,
    weight: sign !== -1 ? sign : findColumn(names, WEIGHT_NAMES),
    isSigned: sign !== -1,
  };
}

/** Column 2 holds interaction types rather than nodes. */
function looksLikeSif(sample: readonly TableRow[]): boolean {
  const types = new Set<string>();
  for (const row of sample) {
    if (row.fields.length < 3) return false;
    types.add(normalizeColumnName(row.fields[1]));
  }
  if ([...types].every((type) => SIF_TYPES.has(type))) return true;
  return sample.length >= 20 && types.size <= 5;
}

function describeNetworkColumns(layout: EdgeListLayout): string[] {
  return layout.names.map((name, k) => {
    let role = 'ignored';
    if (k === layout.entrezA) role = 'node A (Entrez ID)';
    else if (k === layout.entrezB) role = 'node B (Entrez ID)';
    else if (k === layout.nodeA)
      role = layout.entrezA === -1 ? 'node A' : 'node A symbol (display)';
    else if (k === layout.nodeB)
      role = layout.entrezB === -1 ? 'node B' : 'node B symbol (display)';
    else if (k === layout.weight) role = layout.isSigned ? 'sign (±1)' : 'weight';
    return `${name} → ${role}`;
  });
}

/** 1 / −1 for the usual spellings of a sign; NaN otherwise. */
function parseSign(text: string): number {
  const value = parseNumber(text);
  if (!Number.isNaN(value)) return value > 0 ? 1 : value < 0 ? -1 : NaN;
  const word = text.toLowerCase();
  if (word === '+' || word === 'activation' || word === 'stimulation' || word === 'positive') {
    return 1;
  }
  if (word === '-' || word === 'inhibition' || word === 'negative') return -1;
  return NaN;
}

/** Directed counterpart of `simpleUndirectedGraph`: drops self-loops and repeated (a, b). */
function directedSimpleGraph(
  nodeCount: number,
  sources: readonly number[],
  targets: readonly number[],
  weights: readonly number[] | null,
): { graph: CsrGraph; report: SimpleGraphReport } {
  const seen = new Set<number>();
  const from: number[] = [];
  const to: number[] = [];
  const kept: number[] = [];
  let selfLoopsDropped = 0;
  let duplicatesDropped = 0;
  for (let e = 0; e < sources.length; e++) {
    const a = sources[e];
    const b = targets[e];
    if (a === b) {
      selfLoopsDropped++;
      continue;
    }
    const key = a * nodeCount + b;
    if (seen.has(key)) {
      duplicatesDropped++;
      continue;
    }
    seen.add(key);
    from.push(a);
    to.push(b);
    kept.push(weights ? weights[e] : 1);
  }
  const graph = csrFromEdges(
    nodeCount,
    Uint32Array.from(from),
    Uint32Array.from(to),
    Float32Array.from(kept),
  );
  return { graph, report: { selfLoopsDropped, duplicatesDropped } };
}

function countSignConflicts(
  sources: readonly number[],
  targets: readonly number[],
  signs: readonly number[],
): number {
  const first = new Map<string, number>();
  let conflicts = 0;
  for (let e = 0; e < sources.length; e++) {
    const key = `${sources[e]} ${targets[e]}`;
    const seen = first.get(key);
    if (seen === undefined) first.set(key, signs[e]);
    else if (seen !== signs[e]) conflicts++;
  }
  return conflicts;
}
