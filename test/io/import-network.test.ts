import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { CsrGraph } from '@/core/graph/csr';
import { withProteinMap } from '@/io/gene-index';
import { ImportError } from '@/io/import-error';
import { importNetwork } from '@/io/import-network';
import { bundledGeneIndex } from './io-fixtures';

/** Edges as "A-B:w" strings, from each node's row (undirected edges appear twice). */
function edgeList(nodeIds: string[], graph: CsrGraph): string[] {
  const edges: string[] = [];
  for (let i = 0; i < graph.nodeCount; i++) {
    for (let e = graph.offsets[i]; e < graph.offsets[i + 1]; e++) {
      edges.push(`${nodeIds[i]}-${nodeIds[graph.targets[e]]}:${graph.weights[e]}`);
    }
  }
  return edges;
}

describe('importNetwork', () => {
  it('reads a weighted tab-separated edge list with a named header', async () => {
    const text = 'gene_a\tgene_b\tweight\nTP53\tMDM2\t0.5\nMDM2\tCDKN1A\t2\n';
    const { nodeIds, entrezIds, graph, directed, signed, report } = await importNetwork(
      text,
      'ppi.tsv',
      null,
    );
    // Canonical node order: no Entrez IDs without an index, so by identifier.
    expect(nodeIds).toEqual(['CDKN1A', 'MDM2', 'TP53']);
    expect(entrezIds).toEqual([null, null, null]);
    expect(Array.from(graph.offsets)).toEqual([0, 1, 3, 4]);
    expect(edgeList(nodeIds, graph)).toEqual([
      'CDKN1A-MDM2:2',
      'MDM2-CDKN1A:2',
      'MDM2-TP53:0.5',
      'TP53-MDM2:0.5',
    ]);
    expect([directed, signed]).toEqual([false, false]);
    expect(report).toMatchObject({
      kind: 'network',
      rowsRead: 2,
      recordsKept: 2,
      headerDetected: true,
      columns: ['gene_a → node A', 'gene_b → node B', 'weight → weight'],
    });
  });

  it('treats a first row with a non-numeric weight as a header even when its names are unknown', async () => {
    const { nodeIds, report } = await importNetwork('x,y,conf\nA,B,1\nB,C,1\n', 'e.csv', null);
    expect(nodeIds).toEqual(['A', 'B', 'C']);
    expect(report.headerDetected).toBe(true);
    expect(report.columns).toEqual(['x → node A', 'y → node B', 'conf → weight']);
  });

  it('reads headerless two-column and space-separated lists', async () => {
    const plain = await importNetwork('A\tB\nB\tC\nC\tA\n', 'ring.tsv', null);
    expect(plain.report).toMatchObject({ headerDetected: false, recordsKept: 3 });
    const spaced = await importNetwork('A  B 0.2\nB C   0.4\n', 'ring.txt', null);
    expect(edgeList(spaced.nodeIds, spaced.graph)).toEqual([
      'A-B:0.20000000298023224', // float32
      'B-A:0.20000000298023224',
      'B-C:0.4000000059604645',
      'C-B:0.4000000059604645',
    ]);
  });

  it('uses a "#node1 node2 …" comment line as the header (STRING web export)', async () => {
    const text = '#node1\tnode2\tcombined_score\nTP53\tMDM2\t0.999\nTP53\tEP300\t0.99\n';
    const { nodeIds, report } = await importNetwork(text, 'string_interactions.tsv', null);
    expect(nodeIds).toEqual(['EP300', 'MDM2', 'TP53']);
    expect(report.headerDetected).toBe(true);
    expect(report.columns).toEqual(['node1 → node A', 'node2 → node B', 'combined_score → weight']);
  });

  describe('STRING protein.links format', () => {
    // As in 9606.protein.links.v12.0.txt: space-separated, each pair listed both ways.
    const text = [
      'protein1 protein2 combined_score',
      '9606.ENSP00000269305 9606.ENSP00000258149 999',
      '9606.ENSP00000269305 9606.ENSP00000384849 800',
      '9606.ENSP00000258149 9606.ENSP00000269305 999',
      '9606.ENSP00000384849 9606.ENSP00000269305 800',
    ].join('\n');

    it('keeps ENSP IDs verbatim, lists them as unmapped and explains why', async () => {
      const index = await bundledGeneIndex();
      const { nodeIds, entrezIds, graph, report } = await importNetwork(text, 'links.txt', index);
      expect(nodeIds).toEqual([
        '9606.ENSP00000258149',
        '9606.ENSP00000269305',
        '9606.ENSP00000384849',
      ]);
      expect(entrezIds).toEqual([null, null, null]);
      expect(graph.targets.length).toBe(4);
      expect(report).toMatchObject({ rowsRead: 4, recordsKept: 2, duplicatesDropped: 2 });
      // Listed in order of first appearance in the file.
      expect(report.unmapped).toEqual([
        '9606.ENSP00000269305',
        '9606.ENSP00000258149',
        '9606.ENSP00000384849',
      ]);
      expect(report.warnings).toEqual([
        expect.stringMatching(/^3 protein IDs left unmapped: .*withProteinMap/),
      ]);
      expect(report.columns).toEqual([
        'protein1 → node A',
        'protein2 → node B',
        'combined_score → weight',
      ]);
    });

    it('maps them to genes with an ENSP→gene list', async () => {
      const { index } = withProteinMap(await bundledGeneIndex(), [
        ['ENSP00000269305', '7157'],
        ['ENSP00000258149', 'MDM2'],
        ['ENSP00000384849', 'CDKN1A'],
      ]);
      const { nodeIds, entrezIds, graph, report } = await importNetwork(text, 'links.txt', index);
      // Canonical node order: by Entrez ID (1026 < 4193 < 7157).
      expect(nodeIds).toEqual(['CDKN1A', 'MDM2', 'TP53']);
      expect(entrezIds).toEqual(['1026', '4193', '7157']);
      expect(edgeList(nodeIds, graph)).toEqual([
        'CDKN1A-TP53:800',
        'MDM2-TP53:999',
        'TP53-CDKN1A:800',
        'TP53-MDM2:999',
      ]);
      expect(report).toMatchObject({ genesMapped: 3, unmapped: [], warnings: [] });
    });
  });

  it('reads a signed source/target/sign network as directed with ±1 weights', async () => {
    const text = [
      'source\ttarget\tsign',
      'EGF\tEGFR\t1',
      'EGFR\tEGF\t1',
      'PTEN\tAKT1\t-1',
      'PTEN\tAKT1\t1', // repeated edge with the opposite sign: dropped, first sign kept
      'AKT1\tAKT1\t1', // self-loop: dropped
    ].join('\n');
    const { nodeIds, graph, directed, signed, report } = await importNetwork(text, 's.tsv', null);
    expect([directed, signed]).toEqual([true, true]);
    expect(edgeList(nodeIds, graph)).toEqual(['EGF-EGFR:1', 'EGFR-EGF:1', 'PTEN-AKT1:-1']);
    expect(report).toMatchObject({ recordsKept: 3, duplicatesDropped: 1, selfLoopsDropped: 1 });
    expect(report.warnings[0]).toMatch(/^1 repeated edges carry the opposite sign/);
  });

  it('stores an unsigned edge list one way when asked for a directed graph', async () => {
    const { graph, directed } = await importNetwork('A\tB\nB\tA\n', 'd.tsv', null, {
      directed: true,
    });
    expect(directed).toBe(true);
    expect(Array.from(graph.offsets)).toEqual([0, 1, 2]);
  });

  it('reads SIF lines with several targets and lone nodes', async () => {
    const text = 'TP53 pp MDM2 CDKN1A\nEGFR pd ERBB2\nLONELY\n';
    const { nodeIds, graph, report } = await importNetwork(text, 'net.sif', null);
    expect(nodeIds).toEqual(['CDKN1A', 'EGFR', 'ERBB2', 'LONELY', 'MDM2', 'TP53']);
    expect(graph.nodeCount).toBe(6);
    expect(edgeList(nodeIds, graph)).toEqual([
      'CDKN1A-TP53:1',
      'EGFR-ERBB2:1',
      'ERBB2-EGFR:1',
      'MDM2-TP53:1',
      'TP53-CDKN1A:1',
      'TP53-MDM2:1',
    ]);
    expect(report.recordsKept).toBe(3);
    expect(report.warnings).toEqual(['SIF interaction types (not used as weights): pp, pd']);
  });

  it('recognises SIF by its interaction column when the name does not say so', async () => {
    const { nodeIds, report } = await importNetwork('A pp B\nB pp C\n', 'net.txt', null);
    expect(nodeIds).toEqual(['A', 'B', 'C']);
    expect(report.columns[1]).toBe('column 2 → interaction type');
  });

  it('maps symbols, aliases and Entrez IDs to one node each through the gene index', async () => {
    const index = await bundledGeneIndex();
    const text = 'gene_a,gene_b\nTP53,MDM2\np53,HER2\n7157,erbb2\n';
    const { nodeIds, entrezIds, report } = await importNetwork(text, 'mixed.csv', index);
    expect(nodeIds).toEqual(['ERBB2', 'MDM2', 'TP53']);
    expect(entrezIds).toEqual(['2064', '4193', '7157']);
    expect(report).toMatchObject({ genesMapped: 3, duplicatesDropped: 1, recordsKept: 2 });
  });

  it('uses Entrez columns as identity and falls back to the index symbol for empty ones', async () => {
    const index = await bundledGeneIndex();
    const text = [
      'entrez_a\tentrez_b\tsymbol_a\tsymbol_b',
      '7157\t4193\tTP53\t',
      '4193\t999999999\tMDM2\t',
    ].join('\n');
    const { nodeIds, entrezIds, report } = await importNetwork(text, 'menche-like.tsv', index);
    expect(nodeIds).toEqual(['MDM2', 'TP53', '999999999']);
    expect(entrezIds).toEqual(['4193', '7157', '999999999']);
    expect(report.unmapped).toEqual(['999999999']);
    expect(report.genesMapped).toBe(2);
  });

  it('reads gzip input', async () => {
    const gz = new Uint8Array(gzipSync('gene_a\tgene_b\nA\tB\n'));
    const { nodeIds } = await importNetwork(gz, 'tiny.tsv.gz', null);
    expect(nodeIds).toEqual(['A', 'B']);
  });

  it('stops reading the source as soon as a row fails', async () => {
    let pulls = 0;
    let cancelled = false;
    const encoder = new TextEncoder();
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls++;
        controller.enqueue(
          encoder.encode(pulls === 1 ? 'A\tB\t1\nB\tC\tx\n' : 'C\tD\t1\n'.repeat(1000)),
        );
      },
      cancel() {
        cancelled = true;
      },
    });
    await expect(importNetwork(endless, 'endless.tsv', null)).rejects.toThrow(
      'endless.tsv, line 2: non-numeric weight "x"',
    );
    expect(cancelled).toBe(true);
    // 3 pulls fill the 8 KiB sniffing window (which holds the 50-row sample); the stream's
    // queue may ask for one or two more before the failing row cancels it.
    expect(pulls).toBeLessThanOrEqual(5);
  });

  it('rejects with an AbortError when cancelled during the import', async () => {
    const controller = new AbortController();
    const text = 'A\tB\n'.repeat(100_000); // 400 kB: several 64 KiB chunks
    const importing = importNetwork(text, 'big.tsv', null, {
      signal: controller.signal,
      onProgress: (read) => {
        if (read > 100_000) controller.abort();
      },
    });
    await expect(importing).rejects.toMatchObject({ name: 'AbortError' });
  });

  it.each([
    ['A\tB\t0.5\nC\tD\n', 2, '2 columns; expected 3 tab-separated columns, as in the first row'],
    ['A\n', 1, '1 column; expected an interaction per line'],
    ['source\ttarget\tsign\nA\tB\tup\n', 2, 'non-numeric sign "up" in column 3 ("sign")'],
    ['gene_a\tgene_b\nA\t\n', 2, 'empty node identifier in column 2 ("gene_b")'],
  ])('rejects %j at line %i', async (text, line, message) => {
    const error = await importNetwork(text, 'bad.tsv', null).catch((e) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error.line).toBe(line);
    expect(error.message).toContain(`bad.tsv, line ${line}: ${message}`);
  });
});

describe('canonical node order', () => {
  it('gives the same graph and node table whatever the order of the lines (Menche 2015)', async () => {
    const { readFileSync } = await import('node:fs');
    const { gunzipSync } = await import('node:zlib');
    const text = gunzipSync(
      readFileSync(new URL('../../public/data/interactome_menche2015.tsv.gz', import.meta.url)),
    ).toString('utf8');
    const [header, ...rows] = text.split('\n').filter((line) => line.length > 0);
    // Deterministic shuffle (Fisher–Yates with a fixed linear congruential generator).
    let state = 12345;
    const shuffled = rows.slice();
    for (let i = shuffled.length - 1; i > 0; i--) {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      const j = state % (i + 1);
      [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
    }
    const index = await bundledGeneIndex();
    const inFileOrder = await importNetwork(text, 'menche.tsv', index);
    const reordered = await importNetwork(
      [header, ...shuffled].join('\n'),
      'menche-shuffled.tsv',
      index,
    );
    expect(shuffled).not.toEqual(rows);
    expect(reordered.nodeIds).toEqual(inFileOrder.nodeIds);
    expect(reordered.entrezIds).toEqual(inFileOrder.entrezIds);
    expect(Array.from(reordered.graph.offsets)).toEqual(Array.from(inFileOrder.graph.offsets));
    expect(Array.from(reordered.graph.targets)).toEqual(Array.from(inFileOrder.graph.targets));
  });
});
