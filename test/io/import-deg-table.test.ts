import { describe, expect, it } from 'vitest';
import { ImportError } from '@/io/import-error';
import { importDegTable } from '@/io/import-deg-table';

describe('importDegTable', () => {
  it('reads Seurat FindAllMarkers CSV (write.csv: quoted, unnamed row-name column)', async () => {
    const text = [
      '"","p_val","avg_log2FC","pct.1","pct.2","p_val_adj","cluster","gene"',
      '"IFIT1",1e-30,2.5,0.9,0.1,2e-26,"CD14 Mono","IFIT1"',
      '"ISG15",1e-20,1.75,0.95,0.3,3e-16,"CD14 Mono","ISG15"',
      '"ISG151",1e-05,-0.5,0.5,0.6,1,"B","ISG15"',
    ].join('\n');
    const { rows, groups, logBase, report } = await importDegTable(text, 'markers.csv', null);
    expect(groups).toEqual(['CD14 Mono', 'B']);
    expect(logBase).toBe(2);
    expect(rows).toEqual([
      { gene: 'IFIT1', entrez: null, group: 'CD14 Mono', logFC: 2.5, p: 1e-30, q: 2e-26 },
      { gene: 'ISG15', entrez: null, group: 'CD14 Mono', logFC: 1.75, p: 1e-20, q: 3e-16 },
      { gene: 'ISG15', entrez: null, group: 'B', logFC: -0.5, p: 1e-5, q: 1 },
    ]);
    expect(report.columns).toEqual([
      '(row names) → ignored',
      'p_val → p',
      'avg_log2FC → log fold change (log2)',
      'pct.1 → ignored',
      'pct.2 → ignored',
      'p_val_adj → q (adjusted p)',
      'cluster → group',
      'gene → gene',
    ]);
  });

  it('reads DESeq2 output with NA p-values and puts every row in group "all"', async () => {
    const text =
      'gene\tbaseMean\tlog2FoldChange\tlfcSE\tstat\tpvalue\tpadj\nA\t10\t1\t0.1\t10\t0.001\tNA\nB\t5\t-2\t0.2\t-10\tNA\tNA\n';
    const { rows, groups } = await importDegTable(text, 'deseq2.tsv', null);
    expect(groups).toEqual(['all']);
    expect(rows).toEqual([
      { gene: 'A', entrez: null, group: 'all', logFC: 1, p: 0.001, q: null },
      { gene: 'B', entrez: null, group: 'all', logFC: -2, p: null, q: null },
    ]);
  });

  it('reads limma topTable and scanpy rank_genes_groups column names', async () => {
    const limma = await importDegTable(
      'ID\tlogFC\tAveExpr\tt\tP.Value\tadj.P.Val\tB\nTP53\t0.5\t7\t3\t0.01\t0.05\t1\n',
      'limma.tsv',
      null,
    );
    expect(limma.rows).toEqual([
      { gene: 'TP53', entrez: null, group: 'all', logFC: 0.5, p: 0.01, q: 0.05 },
    ]);
    expect(limma.logBase).toBeNull();
    const scanpy = await importDegTable(
      'group,names,scores,logfoldchanges,pvals,pvals_adj\n0,CD74,30.1,3.2,1e-50,1e-46\n',
      'rank_genes_groups.csv',
      null,
    );
    expect(scanpy.rows).toEqual([
      { gene: 'CD74', entrez: null, group: '0', logFC: 3.2, p: 1e-50, q: 1e-46 },
    ]);
  });

  it('names the line of a non-numeric fold change', async () => {
    const error = await importDegTable('gene\tlogFC\nA\t1\nB\tup\n', 'd.tsv', null).catch((e) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error.message).toBe(
      'd.tsv, line 3: non-numeric log fold change "up" in column 2 ("logFC"); expected a number (or Inf, -Inf, NA) in column 2',
    );
  });
});
