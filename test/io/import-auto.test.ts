import { describe, expect, it } from 'vitest';
import { detectFileKind, importAuto } from '@/io/import-auto';
import { ImportError } from '@/io/import-error';
import { importNetwork } from '@/io/import-network';
import { bundled } from './io-fixtures';

describe('detectFileKind', () => {
  it.each([
    // Headers of the bundled tables and of common tools' outputs.
    ['entrez_a\tentrez_b\tsymbol_a\tsymbol_b', 'network'],
    ['protein1 protein2 combined_score', 'network'],
    ['source\ttarget\tsign\tsource_entrez\ttarget_entrez', 'network'],
    ['ligand\treceptor\tligand_uniprot\treceptor_uniprot\tresource', 'network'],
    ['disease\tentrez_id\tsymbol\tevidence', 'geneSets'],
    ['entrez_id\tsymbol\thpo_id\thpo_name', 'geneSets'],
    ['drugcentral_id\tdrug_name\tchembl_id\tdrugbank_ids\tgene_symbol\tentrez_id', 'drugTargets'],
    ['drugbank_id\tdrug_name\tgroups\tgene_symbol\tentrez_id\torganism\taction', 'drugTargets'],
    ['cell_type\tsymbol\tentrez_id\tlog10_fc\tqval', 'degTable'],
    ['"","p_val","avg_log2FC","pct.1","pct.2","p_val_adj","cluster","gene"', 'degTable'],
    ['gene,baseMean,log2FoldChange,lfcSE,stat,pvalue,padj', 'degTable'],
  ])('reads the header %j as %s', (header, kind) => {
    expect(detectFileKind([header])).toBe(kind);
  });

  it.each([
    [['TP53', 'MDM2', 'EGFR'], 'geneSets'],
    [['TP53 pp MDM2', 'EGFR pp ERBB2 KIT'], 'network'],
    [['S1\tna\tA\tB', 'S2\tna\tC'], 'geneSets'],
    [['TP53\tMDM2\t0.9', 'EGFR\tERBB2\t0.5'], 'network'],
    [['TP53\tMDM2', 'EGFR\tERBB2'], 'network'],
    [['arthritis, rheumatoid\tPTPN22', 'asthma\tIL13'], 'geneSets'],
    [['# STRING export', '#node1\tnode2\tscore', 'TP53\tMDM2\t0.9'], 'network'],
    [['a\tb\tc\td', 'e\tf\tg\th'], null],
    [['', '# only comments'], null],
  ])('reads headerless lines %j as %s', (lines, kind) => {
    expect(detectFileKind(lines)).toBe(kind);
  });
});

describe('importAuto', () => {
  it.each([
    ['interactome_menche2015.tsv.gz', 'network'],
    ['disease_genes_menche2015.tsv.gz', 'geneSets'],
    ['drug_targets_drugcentral.tsv.gz', 'drugTargets'],
    ['sar_degs_li2022_day3.tsv.gz', 'degTable'],
    ['signed_network_omnipath.tsv.gz', 'network'],
  ])('imports %s as %s', async (name, kind) => {
    const result = await importAuto(bundled(name), name, null);
    expect(result.kind).toBe(kind);
    expect(result.report.kind).toBe(kind);
  });

  it('replays the lines it read to decide, so a stream is read once and nothing is lost', async () => {
    const text =
      'gene_a\tgene_b\n' + Array.from({ length: 120 }, (_, k) => `G${k}\tG${k + 1}\n`).join('');
    const stream = new Blob([text]).stream();
    const auto = await importAuto(stream, 'chain.tsv', null);
    const direct = await importNetwork(text, 'chain.tsv', null);
    expect(auto.kind).toBe('network');
    expect(auto.report.rowsRead).toBe(120);
    if (auto.kind === 'network') expect(auto.nodeIds).toEqual(direct.nodeIds);
  });

  it('follows options.kind and the .gmt extension', async () => {
    const asSets = await importAuto('TP53\tMDM2\n', 'pair.tsv', null, { kind: 'geneSets' });
    expect(asSets.kind).toBe('geneSets');
    const gmt = await importAuto('S\tdesc\tA\tB\n', 'x.gmt', null);
    expect(gmt.kind).toBe('geneSets');
  });

  it('asks for the kind when it cannot tell', async () => {
    const error = await importAuto('a\tb\tc\td\n', 'odd.tsv', null).catch((e) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error.message).toMatch(/^odd\.tsv: could not tell what kind of table this is; expected/);
  });
});
