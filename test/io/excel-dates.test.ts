// Gene symbols that a spreadsheet turned into dates (src/io/excel-dates.ts, gene-index.ts,
// gene-registry.ts). Expected genes read off public/data/genes.tsv.gz:
//   zcat public/data/genes.tsv.gz | awk -F'\t' '$4 ~ /MARCH1|SEPT2|DEC1/'
// 55016 MARCHF1 (previous MARCH1); 4735 SEPTIN2 (previous SEPT2; SEPT2 is also an alias of
// SEPTIN6, but the previous level comes first); 50514 DELEC1 (previous DEC1; DEC1 is also an
// alias of BHLHE40); 54708 MARCHF5 (previous MARCH5; MAR5 is an alias of RTL5); SELENOF (alias
// SEP15, no SEPT15 exists); MAGEH1 (aliases APR-1 and APR1); OCT4 is an alias of POU5F1 and of
// POU5F1P3, so 4-Oct has no single likely gene.
import { describe, expect, it } from 'vitest';
import { parseExcelDate, preExcelSpellings } from '@/io/excel-dates';
import { lookupGene, resolveGene } from '@/io/gene-index';
import { importDegTable } from '@/io/import-deg-table';
import { importDrugTargets } from '@/io/import-drug-targets';
import { importGeneSets } from '@/io/import-gene-sets';
import { importNetwork } from '@/io/import-network';
import { bundledGeneIndex } from './io-fixtures';

describe('parseExcelDate', () => {
  it.each([
    ['1-Mar', 3, 1],
    ['01-Mar', 3, 1],
    ['Mar-1', 3, 1],
    ['Mar-01', 3, 1],
    ['2-Sep', 9, 2],
    ['Sep-02', 9, 2],
    ['1-Sept', 9, 1],
    ['1-DEC', 12, 1],
    ['1-dec', 12, 1],
    ['11-Mar-23', 3, 11],
    ['1 March 2023', 3, 1],
    ['2023-03-01', 3, 1],
    ['2023-09-02 00:00:00', 9, 2],
    ['2023-12-01T00:00:00Z', 12, 1],
    ['29-Feb', 2, 29],
  ])('reads %j as month %i, day %i', (text, month, day) => {
    expect(parseExcelDate(text)).toEqual({ month, day });
  });

  it.each([
    'MARCH1',
    'MARCHF1',
    'SEPTIN2',
    'SEPT2',
    'DEC1',
    'TP53',
    '31-Sep', // Excel leaves SEPT31 as text
    '30-Feb',
    '0-Mar',
    '1-Mark',
    'Mar-2023',
    '2023-13-01',
    '3/1/2023', // slash dates: locale-dependent order, not recognised
    'HLA-A',
    'NKX2-1',
    '7157',
  ])('leaves %j alone', (text) => {
    expect(parseExcelDate(text)).toBeNull();
  });

  it('spells the symbol a date most likely was', () => {
    expect(preExcelSpellings({ month: 3, day: 5 })).toEqual(['MARCH5', 'MAR5']);
    expect(preExcelSpellings({ month: 9, day: 15 })).toEqual(['SEPT15', 'SEP15']);
    expect(preExcelSpellings({ month: 12, day: 1 })).toEqual(['DEC1']);
    expect(preExcelSpellings({ month: 10, day: 4 })).toEqual(['OCT4']);
  });
});

describe('lookupGene on spreadsheet dates (bundled gene table)', () => {
  it.each([
    ['1-Mar', 'MARCHF1'],
    ['Mar-01', 'MARCHF1'],
    ['2023-03-01', 'MARCHF1'],
    ['5-Mar', 'MARCHF5'],
    ['2-Sep', 'SEPTIN2'],
    ['15-Sep', 'SELENOF'],
    ['1-Dec', 'DELEC1'],
    ['APR-1', 'MAGEH1'], // also an alias of MAGEH1 as written: still not mapped
    ['4-Oct', null],
    ['Oct-4', null], // an alias of POU5F1 and POU5F1P3 in the table: ambiguous anyway
  ])('never maps %j; its likely gene is %s', async (text, likely) => {
    const index = await bundledGeneIndex();
    expect(lookupGene(index, text)).toEqual({ status: 'excelDate', likely });
    expect(resolveGene(index, text)).toBeNull();
  });

  it('still maps the symbols the dates came from', async () => {
    const index = await bundledGeneIndex();
    expect(resolveGene(index, 'MARCH1')).toEqual({ entrez: '55016', symbol: 'MARCHF1' });
    expect(resolveGene(index, 'SEPT2')).toEqual({ entrez: '4735', symbol: 'SEPTIN2' });
    expect(resolveGene(index, 'DEC1')).toEqual({ entrez: '50514', symbol: 'DELEC1' });
  });

  it('takes no current symbol, previous symbol or alias of the table for a date but the ones it documents', async () => {
    const index = await bundledGeneIndex();
    const dateLike = [index.bySymbol, index.byPrevious, index.byAlias]
      .flatMap((map) => [...map.keys()])
      .filter((key) => parseExcelDate(key) !== null)
      .sort();
    // zcat public/data/genes.tsv.gz | grep -iP '[\t|](jan|feb|…|dec)-\d{1,2}([\t|]|$)': aliases
    // of POU2F2, POU3F2-4, POU5F1(P3), POU2F3, MAGEH1, ATRAID, DDX54 (keys are upper case).
    expect(dateLike).toEqual([
      'APR-1',
      'APR-3',
      'APR-5',
      'OCT-11',
      'OCT-2',
      'OCT-3',
      'OCT-4',
      'OCT-7',
      'OCT-8',
      'OCT-9',
    ]);
  });
});

describe('every importer warns about spreadsheet dates and maps none of them', () => {
  const excelWarning = (warnings: string[]): string | undefined =>
    warnings.find((warning) => warning.includes('Excel'));

  it('network', async () => {
    const index = await bundledGeneIndex();
    const text = 'gene_a\tgene_b\nTP53\t1-Mar\n2-Sep\tTP53\n';
    const { nodeIds, entrezIds, report } = await importNetwork(text, 'net.tsv', index);
    expect(nodeIds).toEqual(['TP53', '1-Mar', '2-Sep']);
    expect(entrezIds).toEqual(['7157', null, null]);
    expect(report.unmapped).toEqual(['1-Mar', '2-Sep']);
    expect(excelWarning(report.warnings)).toContain(
      '1-Mar (likely MARCHF1), 2-Sep (likely SEPTIN2)',
    );
  });

  it('gene sets, also without a gene index (then the pre-Excel spelling is named)', async () => {
    const { sets, report } = await importGeneSets('gene\nTP53\n1-Dec\n', 'list.txt', null);
    expect(sets[0].genes).toEqual(['TP53', '1-Dec']);
    expect(report.unmapped).toEqual([]); // nothing is looked up without an index
    expect(report.excelDates).toEqual([{ identifier: '1-Dec', likely: 'DEC1' }]);
    expect(excelWarning(report.warnings)).toContain('1-Dec (likely DEC1)');
  });

  it('drug targets', async () => {
    const index = await bundledGeneIndex();
    const text = 'drug\ttarget\nx\t1-Mar\nx\tTP53\n';
    const { drugs, report } = await importDrugTargets(text, 'drugs.tsv', index);
    expect(drugs[0].targets).toEqual([
      { gene: '1-Mar', entrez: null, action: null },
      { gene: 'TP53', entrez: '7157', action: null },
    ]);
    expect(excelWarning(report.warnings)).toContain('1-Mar (likely MARCHF1)');
  });

  it('DE tables; beside a filled Entrez cell the row keeps its gene and the table names it', async () => {
    const index = await bundledGeneIndex();
    const text = 'symbol\tentrez_id\tlogFC\n1-Mar\t55016\t1.5\n2-Sep\t\t-0.5\n';
    const { rows, report } = await importDegTable(text, 'de.tsv', index);
    expect(rows.map((row) => [row.gene, row.entrez])).toEqual([
      ['MARCHF1', '55016'],
      ['2-Sep', null],
    ]);
    expect(report.unmapped).toEqual(['2-Sep']);
    expect(report.excelDates).toEqual([
      { identifier: '2-Sep', likely: 'SEPTIN2' },
      { identifier: '1-Mar', likely: 'MARCHF1' },
    ]);
    const warnings = report.warnings.filter((warning) => warning.includes('Excel'));
    expect(warnings).toEqual([
      expect.stringContaining('2-Sep (likely SEPTIN2)'),
      expect.stringContaining(
        'identified by the Entrez column and named from the gene table: 1-Mar (now MARCHF1)',
      ),
    ]);
  });
});
