import { describe, expect, it } from 'vitest';
import { ImportError } from '@/io/import-error';
import { importAuto } from '@/io/import-auto';
import { importDrugTargets, splitList } from '@/io/import-drug-targets';
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

  it('rejects a header-only table', async () => {
    const error = await importDrugTargets('drug\ttarget\n', 'x.tsv', null).catch((e) => e);
    expect(error.message).toBe(
      'x.tsv: no data rows (only a header); expected at least one drug–target row',
    );
  });
});

describe('cells listing several targets', () => {
  it('splits on ";", "|" and "," with spaces around, carrying the action to each target', async () => {
    const text = [
      'drug_name\tgene_symbol\taction_type',
      'etanercept\tTNF; LTA\tINHIBITOR',
      'tocilizumab\tIL6R\tANTAGONIST',
      'cocktail\tIL1B|IL6 | TNF|\tINHIBITOR',
      'etanercept\tLTA,FCGR1A\tINHIBITOR',
    ].join('\n');
    const { drugs, report } = await importDrugTargets(text, 'lists.tsv', null);
    const inhibitor = (gene: string) => ({ gene, entrez: null, action: 'INHIBITOR' });
    expect(drugs).toEqual([
      { name: 'etanercept', id: null, targets: ['TNF', 'LTA', 'FCGR1A'].map(inhibitor) },
      {
        name: 'tocilizumab',
        id: null,
        targets: [{ gene: 'IL6R', entrez: null, action: 'ANTAGONIST' }],
      },
      { name: 'cocktail', id: null, targets: ['IL1B', 'IL6', 'TNF'].map(inhibitor) },
    ]);
    // 2 + 3 + 2 targets from 3 split cells; LTA repeated for etanercept.
    expect(report).toMatchObject({ rowsRead: 4, recordsKept: 7, duplicatesDropped: 1 });
    expect(report.warnings).toEqual([
      '3 target cells listed several targets (separated by ";", "|" or ","): split into 7 targets, each with the row\'s action',
    ]);
  });

  it('splits a quoted CSV cell "TNF, IL6" and maps each target through the gene index', async () => {
    const index = await bundledGeneIndex();
    const text = 'drug,target,action\nsiltuximab,"IL6, TNF",antibody\n';
    const { drugs } = await importDrugTargets(text, 'quoted.csv', index);
    expect(drugs[0].targets).toEqual([
      { gene: 'IL6', entrez: '3569', action: 'antibody' },
      { gene: 'TNF', entrez: '7124', action: 'antibody' },
    ]);
  });

  it('pairs an action list of the same length element-wise, and keeps another one whole', async () => {
    const text = [
      'drug\ttarget\taction',
      'multi\tDRD2;HTR2A\tantagonist;agonist',
      'odd\tDRD2;HTR2A;HTR1A\tantagonist;agonist',
      'single\tDRD2\tantagonist;agonist',
    ].join('\n');
    const { drugs, report } = await importDrugTargets(text, 'actions.tsv', null);
    expect(drugs.map((drug) => drug.targets.map((t) => `${t.gene}:${t.action}`))).toEqual([
      ['DRD2:antagonist', 'HTR2A:agonist'],
      ['DRD2:antagonist;agonist', 'HTR2A:antagonist;agonist', 'HTR1A:antagonist;agonist'],
      ['DRD2:antagonist;agonist'],
    ]);
    expect(report.warnings).toEqual([
      '2 target cells listed several targets (separated by ";", "|" or ","): split into 5 targets, each with the row\'s action (1 action cells listing one action per target were paired with them in order)',
      '2 action cells list a different number of actions than their row has targets; the whole cell was kept as the action of each target',
    ]);
  });

  it('pairs Entrez and symbol lists; a symbol list of another length gives way to the gene table', async () => {
    const index = await bundledGeneIndex();
    const text = [
      'drug_name\tentrez_id\tgene_symbol',
      'a\t7124|3569\tTNF|IL6',
      'b\t7124|3569\tTNF',
    ].join('\n');
    const { drugs, report } = await importDrugTargets(text, 'entrez.tsv', index);
    const targets = [
      { gene: 'TNF', entrez: '7124', action: null },
      { gene: 'IL6', entrez: '3569', action: null },
    ];
    expect(drugs).toEqual([
      { name: 'a', id: null, targets },
      { name: 'b', id: null, targets },
    ]);
    expect(report.warnings).toContain(
      '1 rows list a different number of symbols than Entrez IDs; the targets were named from the gene table',
    );
  });

  it('reads DrugBank target tables, whose "Drug IDs" cells list the drugs of each target', async () => {
    const text = [
      'ID,Name,Gene Name,UniProt ID,Species,Drug IDs',
      '2,Prothrombin,F2,P00734,Humans,DB00001; DB00006; DB00278',
      '3,Epidermal growth factor receptor,EGFR,P00533,Humans,DB00002; DB00006',
      '4,Gag-Pol polyprotein,gag-pol,P04585,HIV-1,DB00220',
      '5,Epidermal growth factor receptor,EGFR,P00533,Humans,DB00530',
    ].join('\n');
    const { drugs, report } = await importDrugTargets(text, 'drugbank_targets.csv', null);
    expect(drugs.map((drug) => [drug.id, drug.name, drug.targets.map((t) => t.gene)])).toEqual([
      ['DB00001', 'DB00001', ['F2']],
      ['DB00006', 'DB00006', ['F2', 'EGFR']],
      ['DB00278', 'DB00278', ['F2']],
      ['DB00002', 'DB00002', ['EGFR']],
      ['DB00530', 'DB00530', ['EGFR']],
    ]);
    expect(report.columns.filter((column) => !column.endsWith('ignored'))).toEqual([
      'Gene Name → target gene',
      'Species → organism (non-human rows skipped)',
      'Drug IDs → drug ID',
    ]);
    expect(report.warnings).toContain(
      "2 drug ID cells listed several drugs: each drug got the row's targets and is named by its ID",
    );
  });

  it('splitList trims, drops empty items and leaves a plain cell whole', () => {
    expect(splitList('')).toEqual([]);
    expect(splitList('TNF')).toEqual(['TNF']);
    expect(splitList(' TNF ; IL6;;|IL1B, ')).toEqual(['TNF', 'IL6', 'IL1B']);
    expect(splitList('Oct3/4')).toEqual(['Oct3/4']); // "/" is not a separator
  });
});

describe('tables without a target or drug column', () => {
  it('names the file, the columns found and the target names accepted', async () => {
    const text = 'drug_name\tmoa\tphase\naspirin\tCOX inhibitor\t4\n';
    for (const result of [
      importDrugTargets(text, 'drugs.tsv', null),
      importAuto(text, 'drugs.tsv', null),
    ]) {
      const error = await result.catch((e) => e);
      expect(error).toBeInstanceOf(ImportError);
      expect(error.line).toBe(1);
      expect(error.message).toMatch(
        /^drugs\.tsv, line 1: no target column among the columns found: "drug_name", "moa", "phase"; expected a target column named one of symbol, genesymbol, gene, .*targets, .* or for Entrez IDs one of entrezid, entrez, .*\(case, spaces and punctuation ignored\)$/,
      );
    }
  });

  it('names the drug names accepted when the drug column is missing', async () => {
    const error = await importDrugTargets('molecule\tgene_symbol\nx\tTP53\n', 'm.tsv', null).catch(
      (e) => e,
    );
    expect(error.message).toMatch(
      /^m\.tsv, line 1: no drug column among the columns found: "molecule", "gene_symbol"; expected a drug column named one of drugname, drug, compoundname, compound, name, drugcentralid/,
    );
  });

  it('fails when no row names a human target gene', async () => {
    const text = 'drug\ttarget\torganism\nx\t\tHumans\ny\trpsL\tEscherichia coli\n';
    const error = await importDrugTargets(text, 'empty.tsv', null).catch((e) => e);
    expect(error.message).toBe(
      'empty.tsv: no row names a human target gene (1 rows have an empty target cell, 1 rows have a non-human organism); expected a target gene in column 2 of at least one row',
    );
  });
});
