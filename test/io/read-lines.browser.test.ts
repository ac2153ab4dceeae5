// The same import path in Chromium as in Node: File/Blob input, the browser's own
// DecompressionStream (whose error for a cut-off gzip is not Node's zlib error) and abort.
// Blob, streams and TextDecoder are the only platform APIs io/ uses, and workers have them too.
import { describe, expect, it } from 'vitest';
import { ImportError } from '@/io/import-error';
import { importNetwork } from '@/io/import-network';
import { readLines } from '@/io/read-lines';

async function gzip(text: string): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const network =
  'gene_a\tgene_b\tweight\n' +
  Array.from({ length: 300 }, (_, k) => `G${k}\tG${k + 1}\t1\n`).join('');

describe('io in the browser', () => {
  it('imports a gzipped File', async () => {
    const file = new File([await gzip(network)], 'chain.tsv.gz');
    const { nodeIds, report } = await importNetwork(file, file.name, null);
    expect(nodeIds).toHaveLength(301);
    expect(report.recordsKept).toBe(300);
  });

  it('reports a cut-off gzip as an ImportError without a line', async () => {
    const bytes = await gzip(network);
    const error = await importNetwork(bytes.slice(0, bytes.length - 20), 'cut.tsv.gz', null).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(ImportError);
    expect(error.line).toBeNull();
    expect(error.message).toMatch(/^cut\.tsv\.gz: truncated or corrupt gzip/);
  });

  it('stops on abort', async () => {
    const controller = new AbortController();
    const read = async (): Promise<void> => {
      for await (const line of readLines(new Blob(['x\n'.repeat(100_000)]), 'x.txt', {
        signal: controller.signal,
      })) {
        if (line.lineNumber === 5) controller.abort();
      }
    };
    await expect(read()).rejects.toMatchObject({ name: 'AbortError' });
  });
});
