import { describe, expect, it } from 'vitest';
import {
  lookupGene,
  parseGeneTable,
  PROTEIN_HINT,
  proteinKey,
  resolveGene,
  withProteinMap,
} from '@/io/gene-index';
import { ImportError } from '@/io/import-error';
import { bundledGeneIndex } from './io-fixtures';

// Expected genes read off public/data/genes.tsv.gz (zcat … | awk '$2 == "TP53"' etc.):
// 7157 TP53 ENSG00000141510; 2064 ERBB2 (alias HER2); 355 FAS (alias CD95); 3576 CXCL8
// (previous IL8); 56652 TWNK (previous C10orf2, which is also an alias of CHMP1B); 50808 AK3
// (also a previous symbol of AK4); 25912 C1orf43; 51072/7795 both MEMO1 (51072 has Ensembl).
describe('resolveGene on the bundled gene table', () => {
  it.each([
    ['TP53', '7157', 'TP53', 'symbol'],
    ['tp53', '7157', 'TP53', 'symbol'],
    [' TP53 ', '7157', 'TP53', 'symbol'],
    ['c1ORF43', '25912', 'C1orf43', 'symbol'],
    ['AK3', '50808', 'AK3', 'symbol'], // current symbol beats AK4's previous symbol
    ['MEMO1', '51072', 'MEMO1', 'symbol'], // duplicated symbol: the row with an Ensembl ID
    ['7157', '7157', 'TP53', 'entrez'],
    ['NCBIGene:7157', '7157', 'TP53', 'entrez'],
    ['ENSG00000141510', '7157', 'TP53', 'ensembl'],
    ['ENSG00000141510.17', '7157', 'TP53', 'ensembl'],
    ['ensg00000141510', '7157', 'TP53', 'ensembl'],
    ['IL8', '3576', 'CXCL8', 'previous'],
    ['C10orf2', '56652', 'TWNK', 'previous'], // unique previous beats an ambiguous alias
    ['HER2', '2064', 'ERBB2', 'alias'],
    ['cd95', '355', 'FAS', 'alias'],
  ])('maps %j to %s (%s) via %s', async (id, entrez, symbol, via) => {
    const index = await bundledGeneIndex();
    expect(resolveGene(index, id)).toEqual({ entrez, symbol });
    expect(lookupGene(index, id)).toEqual({ status: 'mapped', entrez, symbol, via });
  });

  it.each([
    ['AIS', 'alias'], // alias of AR and TP63
    ['CAP', 'alias'], // alias of six genes
    ['AK3L1', 'previous'], // previous symbol of AK3 and AK4
    ['ENSG00000099977', 'ensembl'], // listed for DDT and DDTL
  ])('treats %j as ambiguous (%s) and resolves it to null', async (id, via) => {
    const index = await bundledGeneIndex();
    expect(resolveGene(index, id)).toBeNull();
    expect(lookupGene(index, id)).toEqual({ status: 'ambiguous', via });
  });

  it.each(['NOTAGENE', '', '999999999', 'ENSG00000000000'])(
    'leaves %j unmapped without a hint',
    async (id) => {
      const index = await bundledGeneIndex();
      expect(lookupGene(index, id)).toEqual({ status: 'unmapped', hint: null });
    },
  );

  it('leaves STRING protein IDs unmapped with a hint, and maps them through withProteinMap', async () => {
    const index = await bundledGeneIndex();
    expect(lookupGene(index, '9606.ENSP00000269305')).toEqual({
      status: 'unmapped',
      hint: PROTEIN_HINT,
    });
    const { index: withProteins, unresolved } = withProteinMap(index, [
      ['9606.ENSP00000269305', 'TP53'],
      ['ENSP00000258149.5', '4193'],
      ['ENSP00000000001', 'NOTAGENE'],
      ['ENSP00000000002', 'TP53'],
      ['ENSP00000000002', 'MDM2'],
    ]);
    expect(unresolved).toEqual(['ENSP00000000001']);
    expect(resolveGene(withProteins, '9606.ENSP00000269305')).toEqual({
      entrez: '7157',
      symbol: 'TP53',
    });
    expect(resolveGene(withProteins, 'ensp00000269305')).toEqual({
      entrez: '7157',
      symbol: 'TP53',
    });
    expect(resolveGene(withProteins, '9606.ENSP00000258149')).toEqual({
      entrez: '4193',
      symbol: 'MDM2',
    });
    expect(lookupGene(withProteins, 'ENSP00000000002')).toEqual({
      status: 'ambiguous',
      via: 'protein',
    });
    expect(index.byProtein.size).toBe(0); // the original index is untouched
  });

  it('reports the table size and the four duplicated current symbols', async () => {
    const index = await bundledGeneIndex();
    expect(index.report.rows).toBe(25_452); // zcat genes.tsv.gz | tail -n +2 | wc -l
    expect(index.entrez).toHaveLength(25_452);
    expect([...index.report.duplicateSymbols].sort()).toEqual(['HBD', 'HTD2', 'MEMO1', 'TEC']);
  });
});

describe('parseGeneTable', () => {
  const table = [
    'entrez_id\tsymbol\tensembl_ids\tprevious_symbols\talias_symbols',
    '1\tAAA\tENSG01|ENSG02\tOLD1\tX|Y',
    '2\tBBB\tENSG02\tOLD2\tY',
    '3\tCCC\t\tOLD1|OLD3\t',
  ].join('\n');

  it('builds case-insensitive maps and marks keys shared by two genes as ambiguous', async () => {
    const index = await parseGeneTable(table, 'tiny-genes.tsv');
    expect(resolveGene(index, 'bbb')).toEqual({ entrez: '2', symbol: 'BBB' });
    expect(resolveGene(index, 'ENSG01')).toEqual({ entrez: '1', symbol: 'AAA' });
    expect(resolveGene(index, 'old3')).toEqual({ entrez: '3', symbol: 'CCC' });
    expect(resolveGene(index, 'x')).toEqual({ entrez: '1', symbol: 'AAA' });
    expect(lookupGene(index, 'ENSG02')).toEqual({ status: 'ambiguous', via: 'ensembl' });
    expect(lookupGene(index, 'OLD1')).toEqual({ status: 'ambiguous', via: 'previous' });
    expect(lookupGene(index, 'Y')).toEqual({ status: 'ambiguous', via: 'alias' });
  });

  it('names the file and line of a bad row', async () => {
    const error = await parseGeneTable(table + '\nabc\tDDD\t\t\t', 'tiny-genes.tsv').catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(ImportError);
    expect(error.message).toBe(
      'tiny-genes.tsv, line 5: gene row with Entrez ID "abc" and symbol "DDD"; expected a numeric Entrez ID and a non-empty symbol',
    );
  });

  it('rejects a table without entrez_id and symbol columns', async () => {
    await expect(parseGeneTable('gene\tname\nA\tB\n', 'other.tsv')).rejects.toThrow(
      /^other\.tsv, line 1: .*; expected a header with entrez_id, symbol/,
    );
  });

  it('normalises protein IDs', () => {
    expect(proteinKey('9606.ENSP00000000233')).toBe('ENSP00000000233');
    expect(proteinKey('ENSP00000000233.4')).toBe('ENSP00000000233');
    expect(proteinKey('ENSG00000000233')).toBeNull();
  });
});
