// The bundled demo tables, imported end to end from their gzip bytes. Expected numbers come
// from plain Python over the same files (scripts/fixtures/make-malformed-fixtures.py writes
// them to test/fixtures/io/bundled-expected.json) and agree with public/data's SOURCES notes.
import { describe, expect, it } from 'vitest';
import { edgeCount } from '@/core/graph/csr';
import { importDegTable } from '@/io/import-deg-table';
import { importDrugTargets } from '@/io/import-drug-targets';
import { importGeneSets } from '@/io/import-gene-sets';
import { importNetwork } from '@/io/import-network';
import { bundled, bundledGeneIndex, fixtureJson } from './io-fixtures';

const expected = fixtureJson<Record<string, Record<string, unknown>>>('bundled-expected.json');

describe('bundled data', () => {
  it('agrees with the Python counts recorded by the fixture generator', () => {
    expect(expected['interactome_menche2015.tsv.gz']).toMatchObject({
      nodes: 13_460,
      edges: 138_427,
      selfLoops: 2_869,
      unmappedEntrez: 102,
    });
    expect(expected['interactome_dovalle2021.tsv.gz']).toMatchObject({
      nodes: 17_706,
      edges: 346_330,
      selfLoops: 5_114,
    });
  });

  it('Menche 2015 interactome: 13,460 nodes, 138,427 edges after 2,869 self-loops', async () => {
    const index = await bundledGeneIndex();
    const name = 'interactome_menche2015.tsv.gz';
    const { nodeIds, entrezIds, graph, directed, report } = await importNetwork(
      bundled(name),
      name,
      index,
    );
    expect(nodeIds).toHaveLength(13_460);
    expect(graph.nodeCount).toBe(13_460);
    expect(edgeCount(graph)).toBe(2 * 138_427);
    expect(directed).toBe(false);
    expect(report).toMatchObject({
      rowsRead: 141_296,
      recordsKept: 138_427,
      selfLoopsDropped: 2_869,
      duplicatesDropped: 0,
      genesMapped: 13_460 - 102,
      headerDetected: true,
    });
    // 102 retired Entrez IDs have no symbol anywhere (SOURCES.md): they keep the ID as name.
    expect(report.unmapped).toHaveLength(102);
    const retired = entrezIds.indexOf(report.unmapped[0]);
    expect(nodeIds[retired]).toBe(report.unmapped[0]);
    // Canonical node order: ascending Entrez ID (1, 2, 9), whatever the order of the rows.
    expect(nodeIds.slice(0, 3)).toEqual(['A1BG', 'A2M', 'NAT1']);
    expect(entrezIds.slice(0, 3)).toEqual(['1', '2', '9']);
    // 63 nodes have only self-loops (13,460 − 13,397), so they end up isolated.
    let isolated = 0;
    for (let i = 0; i < graph.nodeCount; i++) {
      if (graph.offsets[i + 1] === graph.offsets[i]) isolated++;
    }
    expect(isolated).toBe(13_460 - 13_397);
  });

  it('do Valle 2021 interactome: 17,706 nodes, 346,330 edges after 5,114 self-loops', async () => {
    const name = 'interactome_dovalle2021.tsv.gz';
    const { nodeIds, graph, report } = await importNetwork(bundled(name), name, null);
    expect(nodeIds).toHaveLength(17_706);
    expect(edgeCount(graph)).toBe(2 * 346_330);
    expect(report).toMatchObject({ rowsRead: 351_444, selfLoopsDropped: 5_114 });
  });

  it('Menche 2015 disease genes: 299 sets, rheumatoid arthritis 51 genes, asthma 50', async () => {
    const name = 'disease_genes_menche2015.tsv.gz';
    const { sets, report } = await importGeneSets(bundled(name), name, null);
    expect(sets).toHaveLength(299);
    expect(sets[0].name).toBe('abnormalities, multiple');
    const arthritis = sets.find((set) => set.name === 'arthritis, rheumatoid');
    expect(arthritis?.genes).toHaveLength(51);
    expect(arthritis?.genes.slice(0, 5)).toEqual(['AIRE', 'BLK', 'CD40', 'CCR6', 'CTLA4']);
    expect(arthritis?.entrez.slice(0, 5)).toEqual(['326', '640', '958', '1235', '1493']);
    expect(sets.find((set) => set.name === 'asthma')?.genes).toHaveLength(50);
    expect(report).toMatchObject({ rowsRead: 29_775, recordsKept: 29_775, duplicatesDropped: 0 });
  });

  it('DrugCentral targets: 1,361 drugs with a human target, 2,929 drug–gene pairs', async () => {
    const name = 'drug_targets_drugcentral.tsv.gz';
    const { drugs, report } = await importDrugTargets(bundled(name), name, null);
    expect(drugs).toHaveLength(1_361);
    expect(report).toMatchObject({ rowsRead: 3_629, recordsKept: 2_929, duplicatesDropped: 87 });
    expect(report.warnings[0]).toMatch(/^613 rows with a non-human organism skipped \(ECOLI, /);
    expect(report.warnings[1]).toBe('216 drugs have no human target gene and are not listed');
    expect(drugs.find((drug) => drug.name === 'imatinib')).toEqual({
      name: 'imatinib',
      id: '1423',
      targets: [
        { gene: 'ABL1', entrez: '25', action: 'INHIBITOR' },
        { gene: 'PDGFRB', entrez: '5159', action: 'INHIBITOR' },
        { gene: 'KIT', entrez: '3815', action: 'INHIBITOR' },
      ],
    });
  });

  it('SAR DEG table (Li 2022): 3 cell types with 9,889 / 9,988 / 11,056 rows', async () => {
    const index = await bundledGeneIndex();
    const name = 'sar_degs_li2022_day3.tsv.gz';
    const { rows, groups, logBase, report } = await importDegTable(bundled(name), name, index);
    expect(groups).toEqual(['B cells', 'CD8+ T cells', 'Monocytes']);
    const perGroup = Object.fromEntries(groups.map((g) => [g, 0]));
    for (const row of rows) perGroup[row.group]++;
    expect(perGroup).toEqual({ 'B cells': 9_889, 'CD8+ T cells': 9_988, Monocytes: 11_056 });
    expect(logBase).toBe(10);
    expect(rows.filter((row) => !Number.isFinite(row.logFC))).toHaveLength(21_004);
    expect(rows.every((row) => row.p === null && row.q !== null)).toBe(true);
    expect(rows[0]).toEqual({
      gene: 'A2M',
      entrez: '2',
      group: 'B cells',
      logFC: 0.203433178963279,
      p: null,
      q: 0.0401463349609338,
    });
    expect(report.warnings[0]).toBe(
      '21004 rows have an infinite log fold change (kept as ±Infinity)',
    );
  });

  it('OmniPath signed network: directed, 6,124 nodes, 19,805 edges', async () => {
    const name = 'signed_network_omnipath.tsv.gz';
    const { nodeIds, graph, directed, signed, report } = await importNetwork(
      bundled(name),
      name,
      null,
    );
    expect([directed, signed]).toEqual([true, true]);
    expect(nodeIds).toHaveLength(6_124);
    expect(edgeCount(graph)).toBe(19_805);
    expect(report).toMatchObject({ selfLoopsDropped: 1, duplicatesDropped: 1 });
    // SOURCES.md: 14,350 activations and 5,457 inhibitions before the repeat and self-loop go.
    const negative = graph.weights.filter((w) => w === -1).length;
    expect([edgeCount(graph) - negative, negative]).toEqual([14_348, 5_457]);
  });
});
