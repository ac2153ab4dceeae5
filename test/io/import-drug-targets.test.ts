import { describe, expect, it } from 'vitest';
import { ImportError } from '@/io/import-error';
import { importDrugTargets } from '@/io/import-drug-targets';
import { bundledGeneIndex } from './io-fixtures';

describe('importDrugTargets', () => {
  it('reads a DrugBank-style table and skips non-human targets', async () => {
    const text = [
      'drugbank_id\tdrug_name\tgroups\tgene_symbol\tentrez_id\tuniprot\ttarget_name\torganism\taction',
      'DB00619\tImatinib\tapproved\tABL1\t25\tP00519\tTyrosine-protein kinase ABL1\tHumans\tinhibitor',
      'DB00619\tImatinib\tapproved\tKIT\t3815\tP10721\tMast/stem cell growth factor receptor\tHumans\tinhibitor',
      'DB00619\tImatinib\tapproved\tKIT\t3815\tP10721\tduplicate row\tHumans\t',
      'DB01082\tStreptomycin\tapproved\trpsL\t\tP0A7S3\t30S ribosomal protein S12\tEscherichia coli (strain K12)\tinhibitor',
      'DB00945\tAspirin\tapproved\tPTGS1\t5742\tP23219\tProstaglandin G/H synthase 1\tHumans\t',
    ].join('\n');
    const { drugs, report } = await importDrugTargets(text, 'drugbank.tsv', null);
    expect(drugs).toEqual([
      {
        name: 'Imatinib',
        id: 'DB00619',
        targets: [
          { gene: 'ABL1', entrez: '25', action: 'inhibitor' },
          { gene: 'KIT', entrez: '3815', action: 'inhibitor' },
        ],
      },
      {
        name: 'Aspirin',
        id: 'DB00945',
        targets: [{ gene: 'PTGS1', entrez: '5742', action: null }],
      },
    ]);
    expect(report).toMatchObject({
      rowsRead: 5,
      recordsKept: 3,
      duplicatesDropped: 1,
      headerDetected: true,
      warnings: [
        '1 rows with a non-human organism skipped (Escherichia coli (strain K12))',
        '1 drugs have no human target gene and are not listed',
      ],
    });
    expect(report.columns.filter((column) => !column.endsWith('ignored'))).toEqual([
      'drugbank_id → drug ID',
      'drug_name → drug name',
      'gene_symbol → target symbol (display)',
      'entrez_id → target (Entrez ID)',
      'organism → organism (non-human rows skipped)',
      'action → action',
    ]);
  });

  it('reads plain drug,target[,action] rows and maps targets through the index', async () => {
    const index = await bundledGeneIndex();
    const text =
      'trastuzumab,HER2,antibody\nTrastuzumab,ERBB2,antibody\nanakinra,IL1R1,antagonist\n';
    const { drugs, report } = await importDrugTargets(text, 'mine.csv', index);
    expect(drugs).toEqual([
      {
        name: 'trastuzumab',
        id: null,
        targets: [{ gene: 'ERBB2', entrez: '2064', action: 'antibody' }],
      },
      {
        name: 'anakinra',
        id: null,
        targets: [{ gene: 'IL1R1', entrez: '3554', action: 'antagonist' }],
      },
    ]);
    expect(report).toMatchObject({ headerDetected: false, duplicatesDropped: 1, genesMapped: 2 });
  });

  it('rejects a headerless table of more than three columns', async () => {
    const error = await importDrugTargets('a\tb\tc\td\n', 'x.tsv', null).catch((e) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error.line).toBe(1);
    expect(error.expected).toMatch(/^a header naming the drug and target columns/);
  });
});
