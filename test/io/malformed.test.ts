// The malformed-file corpus (scripts/fixtures/make-malformed-fixtures.py): each fatal file must
// fail with an ImportError that names the file, the line (or none, for whole-file problems)
// and what was expected; each non-fatal file must import with the exact counts and lists below.
import { describe, expect, it } from 'vitest';
import { importAuto } from '@/io/import-auto';
import { importDegTable } from '@/io/import-deg-table';
import { importDrugTargets } from '@/io/import-drug-targets';
import { ImportError } from '@/io/import-error';
import { importGeneSets } from '@/io/import-gene-sets';
import { importNetwork, type ImportedNetwork } from '@/io/import-network';
import type { GeneIndex } from '@/io/gene-index';
import { bundledGeneIndex, fixtureJson, malformed } from './io-fixtures';

type Importer = 'network' | 'geneSets' | 'drugTargets' | 'degTable';

function importWith(importer: Importer, name: string, index: GeneIndex | null = null) {
  const bytes = malformed(name);
  if (importer === 'network') return importNetwork(bytes, name, index);
  if (importer === 'geneSets') return importGeneSets(bytes, name, index);
  if (importer === 'drugTargets') return importDrugTargets(bytes, name, index);
  return importDegTable(bytes, name, index);
}

const NETWORK_TABLE = 'a tab- or comma-separated table of interactions';

// [file, importer, line, problem (start of), expected phrase]
const FATAL: [string, Importer, number | null, string, string][] = [
  ['truncated.tsv.gz', 'network', null, 'truncated or corrupt gzip', 'a complete gzip file'],
  ['corrupt-crc.tsv.gz', 'network', null, 'truncated or corrupt gzip', 'a complete gzip file'],
  ['binary.tsv', 'network', null, 'binary file (NUL byte at offset 0)', 'a text table'],
  [
    'utf16-no-bom.tsv',
    'network',
    null,
    'binary file (NUL byte at offset 1)',
    'UTF-8 (or UTF-16 with a byte-order mark)',
  ],
  [
    'workbook.xlsx',
    'network',
    null,
    'looks like a zip archive or Excel workbook',
    'save the sheet as CSV or tab-separated text',
  ],
  ['saved-page.tsv', 'network', null, 'looks like an HTML page', 'save the "raw" file instead'],
  ['network.json', 'network', null, 'looks like a JSON document', NETWORK_TABLE],
  ['one-line.json.gz', 'network', null, 'looks like a JSON document', NETWORK_TABLE],
  [
    'pathway.xml',
    'geneSets',
    null,
    'looks like an XML document',
    'SBML, GraphML, BioPAX and XGMML are not read',
  ],
  [
    'figure.pdf',
    'drugTargets',
    null,
    'looks like a PDF document',
    'a tab- or comma-separated table of drug targets',
  ],
  ['plot.png', 'network', null, 'looks like a PNG image', NETWORK_TABLE],
  [
    'photo.jpg',
    'geneSets',
    null,
    'looks like a JPEG image',
    'a tab- or comma-separated table of genes',
  ],
  ['anim.gif', 'network', null, 'looks like a GIF image', NETWORK_TABLE],
  ['image.webp', 'network', null, 'looks like a WebP image', NETWORK_TABLE],
  ['scan.tiff', 'network', null, 'looks like a TIFF image', NETWORK_TABLE],
  ['chart.bmp', 'network', null, 'looks like a BMP image', NETWORK_TABLE],
  ['chart.svg', 'network', null, 'looks like an SVG image', NETWORK_TABLE],
  [
    'pbmc.h5ad',
    'degTable',
    null,
    'looks like an HDF5 file (AnnData .h5ad',
    'single-cell data belongs in the single-cell import',
  ],
  [
    'matrix.mtx',
    'network',
    null,
    'looks like a MatrixMarket matrix (10x matrix.mtx)',
    'with the matrix.mtx, its features.tsv (or genes.tsv) and barcodes.tsv',
  ],
  [
    'matrix.mtx.gz',
    'geneSets',
    null,
    'looks like a MatrixMarket matrix (10x matrix.mtx)',
    'single-cell data belongs in the single-cell import',
  ],
  ['empty.tsv', 'network', null, 'no data rows', 'at least one data row'],
  ['header-only.tsv', 'network', null, 'no data rows', 'at least one interaction'],
  [
    'wrong-column-count.tsv',
    'network',
    4,
    '2 columns',
    '3 tab-separated columns, as in the header',
  ],
  [
    'non-numeric-weight.tsv',
    'network',
    5,
    'non-numeric weight "high"',
    'a number in column 3 ("weight")',
  ],
  ['negative-weight.tsv', 'network', 3, 'negative weight -0.8', 'a non-negative weight'],
  [
    'long-line.tsv',
    'network',
    3,
    'line is longer than 1048576 bytes',
    'lines of at most 1048576 bytes',
  ],
  [
    'mixed-separators.tsv',
    'network',
    3,
    'mixed separators: this line is comma-separated but the file is tab-separated',
    'tab-separated fields on every line',
  ],
  [
    'unterminated-quote.csv',
    'geneSets',
    3,
    'unterminated quoted field',
    'a closing double quote on the same line',
  ],
  [
    'two-field-line.sif',
    'network',
    3,
    'SIF line with 2 fields',
    'a SIF line "node <interaction> node [node …]" or a single node',
  ],
  [
    'deg-bad-pvalue.tsv',
    'degTable',
    3,
    '"1.7" in column 3 ("pvalue") is not a probability',
    'a number between 0 and 1 (or NA) in column 3',
  ],
  [
    'drug-no-target-column.tsv',
    'drugTargets',
    1,
    'no target column among the columns found: "drug_name", "moa", "phase"',
    'a target column named one of symbol, genesymbol',
  ],
  [
    'deg-no-fold-change.tsv',
    'degTable',
    1,
    'the header "gene\tpvalue"',
    'a log fold-change column',
  ],
];

describe('malformed files that must fail', () => {
  it.each(FATAL)('%s (%s) → line %s: %s', async (name, importer, line, problem, phrase) => {
    const error = await importWith(importer, name).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImportError);
    const importError = error as ImportError;
    expect(importError.fileName).toBe(name);
    expect(importError.line).toBe(line);
    expect(importError.problem.startsWith(problem)).toBe(true);
    expect(importError.expected).toContain(phrase);
    const where = line === null ? `${name}: ` : `${name}, line ${line}: `;
    expect(importError.message.startsWith(where + problem)).toBe(true);
    expect(importError.message).toContain(`; expected ${importError.expected}`);
  });

  // Issue 13: a 10x matrix.mtx used to fail with "line 3: 3 columns" in every importer.
  it.each(['network', 'geneSets', 'drugTargets', 'degTable', 'auto'] as const)(
    'matrix.mtx given to the %s importer says it belongs in the single-cell import',
    async (importer) => {
      const error =
        importer === 'auto'
          ? await importAuto(malformed('matrix.mtx'), 'matrix.mtx', null).catch((e: unknown) => e)
          : await importWith(importer, 'matrix.mtx').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportError);
      const { message } = error as ImportError;
      expect(message).toMatch(
        /^matrix\.mtx: looks like a MatrixMarket matrix \(10x matrix\.mtx\); expected a tab- or comma-separated table of /,
      );
      expect(message).toContain('single-cell import');
      expect(message).not.toContain('\n');
    },
  );

  it('covers exactly the fatal files the generator wrote, with its line numbers and phrases', () => {
    const expected = fixtureJson<{
      fatal: Record<string, { importer: Importer; line: number | null; phrase: string }>;
    }>('malformed/expected.json');
    expect(Object.keys(expected.fatal).sort()).toEqual(FATAL.map(([name]) => name).sort());
    for (const [name, importer, line, , phrase] of FATAL) {
      expect(expected.fatal[name], name).toEqual({ importer, line, phrase });
    }
  });
});

describe('malformed files that import with a report', () => {
  it('duplicates-and-self-loops.tsv: 3 repeats and 2 self-loops dropped, E kept isolated', async () => {
    const { nodeIds, graph, report } = (await importWith(
      'network',
      'duplicates-and-self-loops.tsv',
    )) as ImportedNetwork;
    expect(nodeIds).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(report).toMatchObject({
      rowsRead: 8,
      recordsKept: 3,
      duplicatesDropped: 3,
      selfLoopsDropped: 2,
    });
    expect(Array.from(graph.offsets)).toEqual([0, 2, 3, 5, 6, 6]);
  });

  it('unknown-ids.tsv: unknown and ambiguous identifiers listed in order, once each', async () => {
    const index = await bundledGeneIndex();
    const { nodeIds, entrezIds, report } = (await importWith(
      'network',
      'unknown-ids.tsv',
      index,
    )) as ImportedNetwork;
    // Canonical node order: genes by Entrez ID, then identifiers kept verbatim, by name.
    expect(nodeIds).toEqual([
      'CDKN1A',
      'EGFR',
      'ERBB2',
      'MDM2',
      'TP53',
      '9606.ENSP00000269305',
      'AIS',
      'FOO1',
      'NOTAGENE',
    ]);
    expect(entrezIds).toEqual(['1026', '1956', '2064', '4193', '7157', null, null, null, null]);
    expect(report.unmapped).toEqual(['FOO1', 'NOTAGENE', '9606.ENSP00000269305']);
    expect(report.ambiguous).toEqual(['AIS']);
    expect(report.genesMapped).toBe(5);
    expect(report.warnings).toHaveLength(2); // the ENSP hint and the ambiguity note
  });

  it.each(['utf16-bom.tsv', 'mac-cr-only.csv'])(
    '%s imports like its UTF-8/LF twin',
    async (name) => {
      const { nodeIds, report } = (await importWith('network', name)) as ImportedNetwork;
      expect(nodeIds).toEqual(['CDKN1A', 'MDM2', 'TP53']);
      expect(report.recordsKept).toBe(2);
    },
  );

  it('excel-export.csv: BOM, CRLF, quoted commas and doubled quotes', async () => {
    const { sets, report } = await importGeneSets(
      malformed('excel-export.csv'),
      'excel-export.csv',
      null,
    );
    expect(sets.map((set) => [set.name, set.genes])).toEqual([
      ['arthritis, rheumatoid', ['PTPN22', 'HLA-DRB1']],
      ['asthma', ['IL13']],
      ['asthma "allergic"', ['IL4']],
    ]);
    expect(report.duplicatesDropped).toBe(1);
    expect(report.columns).toEqual(['disease → set name', 'symbol → gene']);
  });

  it('r-row-names.tsv: a header one field short reads genes from the row names', async () => {
    const { rows, report } = await importDegTable(
      malformed('r-row-names.tsv'),
      'r-row-names.tsv',
      null,
    );
    expect(rows).toEqual([
      { gene: 'IFIT1', entrez: null, group: 'all', logFC: 2.5, p: 1e-30, q: 2e-26 },
      { gene: 'ISG15', entrez: null, group: 'all', logFC: 1.8, p: 1e-20, q: 3e-16 },
      { gene: 'CD74', entrez: null, group: 'all', logFC: -0.2, p: 0.5, q: 1 },
    ]);
    expect(report.warnings[0]).toMatch(/^the header is one field short \(R row names\)/);
  });

  it('deg-infinite.tsv: ±Inf kept, NA fold change skipped, repeated row dropped', async () => {
    const { rows, groups, report } = await importDegTable(
      malformed('deg-infinite.tsv'),
      'deg-infinite.tsv',
      null,
    );
    expect(groups).toEqual(['B', 'T']);
    expect(rows.map((row) => row.logFC)).toEqual([Infinity, -Infinity, 0.5]);
    expect(rows.map((row) => row.q)).toEqual([0.01, 0.02, null]);
    expect(report.duplicatesDropped).toBe(1);
    expect(report.warnings).toEqual([
      '2 rows have an infinite log fold change (kept as ±Infinity)',
      '1 rows with an NA fold change skipped',
    ]);
  });

  it('excel-mangled-genes.txt: dates Excel made of symbols stay unmapped, named with their likely gene', async () => {
    const index = await bundledGeneIndex();
    const { sets, report } = await importGeneSets(
      malformed('excel-mangled-genes.txt'),
      'excel-mangled-genes.txt',
      index,
    );
    const { nonFatal } = fixtureJson<{
      nonFatal: Record<string, { excelDates: unknown[]; unmapped: string[] }>;
    }>('malformed/expected.json');
    const expected = nonFatal['excel-mangled-genes.txt'];
    expect(report.excelDates).toEqual(expected.excelDates);
    expect(report.unmapped).toEqual(expected.unmapped);
    // TP53, MARCHF2 and SEPT2 (SEPTIN2's previous symbol) map; no date maps to any gene.
    expect(report.genesMapped).toBe(3);
    const mapped = sets[0].genes.filter((_, k) => sets[0].entrez[k] !== null);
    expect(mapped).toEqual(['TP53', 'MARCHF2', 'SEPTIN2']);
    const warning = report.warnings.find((line) => line.includes('Excel'));
    expect(warning).toMatch(/^12 identifiers look like dates that Excel made of gene symbols/);
    expect(warning).toContain('1-Mar (likely MARCHF1), 2-Sep (likely SEPTIN2)');
    expect(warning).toContain('13-Sep (no known gene)');
  });

  it('drug-target-lists.csv: one target per listed gene, with the action carried over or paired', async () => {
    const { drugs, report } = await importDrugTargets(
      malformed('drug-target-lists.csv'),
      'drug-target-lists.csv',
      null,
    );
    const { nonFatal } = fixtureJson<{
      nonFatal: Record<
        string,
        {
          drugs: { name: string; targets: { gene: string; action: string }[] }[];
          cellsSplit: number;
          targetsFromSplitCells: number;
          actionCellsPaired: number;
          duplicatesDropped: number;
        }
      >;
    }>('malformed/expected.json');
    const expected = nonFatal['drug-target-lists.csv'];
    expect(
      drugs.map(({ name, targets }) => ({
        name,
        targets: targets.map(({ gene, action }) => ({ gene, action })),
      })),
    ).toEqual(expected.drugs);
    expect(report.duplicatesDropped).toBe(expected.duplicatesDropped);
    expect(report.warnings[0]).toBe(
      `${expected.cellsSplit} target cells listed several targets (separated by ";", "|" or ","): split into ${expected.targetsFromSplitCells} targets, each with the row's action (${expected.actionCellsPaired} action cells listing one action per target were paired with them in order)`,
    );
  });

  it('agrees with the counts the generator computed in Python', () => {
    const { nonFatal } = fixtureJson<{ nonFatal: Record<string, Record<string, unknown>> }>(
      'malformed/expected.json',
    );
    expect(nonFatal['duplicates-and-self-loops.tsv']).toMatchObject({
      nodeIds: ['A', 'B', 'C', 'D', 'E'],
      recordsKept: 3,
      selfLoopsDropped: 2,
      duplicatesDropped: 3,
    });
    expect(nonFatal['unknown-ids.tsv']).toMatchObject({
      unmapped: ['FOO1', 'NOTAGENE', '9606.ENSP00000269305'],
      ambiguous: ['AIS'],
      genesMapped: 5,
    });
  });
});

describe('a failed import leaves earlier results alone', () => {
  // The importers are pure: they build new objects and never write to their inputs (the gene
  // index is only read). A state holder that assigns only on success therefore keeps the last
  // good network when the next file fails, as the app's Session does.
  it('keeps the previous network and the shared gene index unchanged', async () => {
    const index = await bundledGeneIndex();
    const state: { network: ImportedNetwork | null; error: string | null } = {
      network: null,
      error: null,
    };
    const load = async (name: string): Promise<void> => {
      try {
        state.network = (await importWith('network', name, index)) as ImportedNetwork;
        state.error = null;
      } catch (error) {
        state.error = (error as Error).message;
      }
    };
    await load('unknown-ids.tsv');
    const before = state.network as ImportedNetwork;
    const snapshot = structuredClone(before);
    const indexSizes = [index.bySymbol.size, index.byAlias.size, index.byProtein.size];

    for (const name of ['mixed-separators.tsv', 'truncated.tsv.gz', 'long-line.tsv']) {
      await load(name);
      expect(state.error).toMatch(new RegExp(`^${name.replace(/\./g, '\\.')}`));
      expect(state.network).toBe(before);
    }
    expect(state.network).toEqual(snapshot);
    expect([index.bySymbol.size, index.byAlias.size, index.byProtein.size]).toEqual(indexSizes);
  });
});
