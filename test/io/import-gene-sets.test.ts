import { describe, expect, it } from 'vitest';
import { ImportError } from '@/io/import-error';
import { importGeneSets } from '@/io/import-gene-sets';
import { bundledGeneIndex } from './io-fixtures';

describe('importGeneSets', () => {
  it('reads one gene per line as one set named after the file', async () => {
    const { sets, report } = await importGeneSets('TP53\nMDM2\n\nTP53\n', 'my-seeds.txt', null);
    expect(sets).toEqual([{ name: 'my-seeds', genes: ['TP53', 'MDM2'], entrez: [null, null] }]);
    expect(report).toMatchObject({
      rowsRead: 3,
      recordsKept: 2,
      duplicatesDropped: 1,
      headerDetected: false,
    });
  });

  it('skips a gene-list header and maps through the gene index', async () => {
    const index = await bundledGeneIndex();
    const { sets, report } = await importGeneSets(
      'symbol\nHER2\nil8\nNOTAGENE\n',
      'list.txt.gz',
      index,
    );
    expect(sets).toEqual([
      { name: 'list', genes: ['ERBB2', 'CXCL8', 'NOTAGENE'], entrez: ['2064', '3576', null] },
    ]);
    expect(report).toMatchObject({ headerDetected: true, genesMapped: 2, unmapped: ['NOTAGENE'] });
  });

  it('reads GMT, skipping the description and empty trailing fields', async () => {
    const text = [
      'HALLMARK_P53\thttp://www.gsea-msigdb.org/x\tTP53\tMDM2\tCDKN1A\t',
      'EMPTY_SET\tna',
      'EGFR_UP\tna\tEGFR\tERBB2\tEGFR',
    ].join('\n');
    const { sets, report } = await importGeneSets(text, 'h.all.gmt', null);
    expect(sets.map((set) => [set.name, set.genes])).toEqual([
      ['HALLMARK_P53', ['TP53', 'MDM2', 'CDKN1A']],
      ['EMPTY_SET', []],
      ['EGFR_UP', ['EGFR', 'ERBB2']],
    ]);
    expect(report).toMatchObject({ rowsRead: 3, recordsKept: 5, duplicatesDropped: 1 });
    expect(report.warnings).toEqual(['1 GMT lines list no genes']);
  });

  it('recognises GMT from rows of unequal length without the extension', async () => {
    const { sets } = await importGeneSets('S1\tdesc\tA\tB\nS2\tdesc\tC\n', 'sets.txt', null);
    expect(sets.map((set) => set.name)).toEqual(['S1', 'S2']);
  });

  it('reads the Menche layout: disease, Entrez identity, symbol for display', async () => {
    const index = await bundledGeneIndex();
    const text = [
      'disease\tentrez_id\tsymbol\tevidence',
      'asthma\t3596\tIL13\tGWAS',
      'asthma\t3565\t\tOMIM', // empty symbol: the index supplies IL4
      'psoriasis\t3596\tIL13\tGWAS',
    ].join('\n');
    const { sets, report } = await importGeneSets(text, 'disease_genes.tsv', index);
    expect(sets).toEqual([
      { name: 'asthma', genes: ['IL13', 'IL4'], entrez: ['3596', '3565'] },
      { name: 'psoriasis', genes: ['IL13'], entrez: ['3596'] },
    ]);
    expect(report.columns).toEqual([
      'disease → set name',
      'entrez_id → gene (Entrez ID)',
      'symbol → gene symbol (display)',
      'evidence → ignored',
    ]);
    expect(report.genesMapped).toBe(2);
  });

  it('tells set from gene in two unnamed columns by their number of distinct values', async () => {
    const setFirst = 'asthma\tIL13\nasthma\tIL4\nasthma\tIL5\npsoriasis\tIL17A\n';
    const geneFirst = 'IL13\tasthma\nIL4\tasthma\nIL5\tasthma\nIL17A\tpsoriasis\n';
    for (const text of [setFirst, geneFirst]) {
      const { sets } = await importGeneSets(text, 'pairs.tsv', null);
      expect(sets.map((set) => [set.name, set.genes])).toEqual([
        ['asthma', ['IL13', 'IL4', 'IL5']],
        ['psoriasis', ['IL17A']],
      ]);
    }
  });

  it('rejects a header-only gene list and a long table with a missing gene', async () => {
    await expect(importGeneSets('gene\n', 'g.txt', null)).rejects.toThrow(
      'g.txt: no data rows (only a header); expected at least one gene',
    );
    const error = await importGeneSets('pathway\tgene\nP1\tA\nP1\t\n', 'p.tsv', null).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(ImportError);
    expect(error.message).toBe(
      'p.tsv, line 3: empty gene identifier in column 2; expected a gene identifier on every row',
    );
  });
});
