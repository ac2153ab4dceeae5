import { afterEach, describe, expect, it, vi } from 'vitest';
import { dataUrl, fetchDataFile } from '@/app/fetch-data';

afterEach(() => vi.unstubAllGlobals());

describe('dataUrl', () => {
  it('builds a same-origin path under BASE_URL', () => {
    expect(dataUrl('genes.tsv.gz')).toBe('/data/genes.tsv.gz');
    expect(dataUrl('scrna_kang2018_ifnb1k/cells.tsv.gz')).toBe(
      '/data/scrna_kang2018_ifnb1k/cells.tsv.gz',
    );
  });

  it.each(['https://example.org/x.tsv', '//example.org/x.tsv', '../secrets.tsv', 'data:,x'])(
    'refuses anything that could leave public/data: %s',
    (name) => {
      expect(() => dataUrl(name)).toThrow(/expected a file name inside public\/data\//);
    },
  );
});

describe('fetchDataFile', () => {
  it('fetches the relative URL, joins the chunks and reports progress', async () => {
    const chunks = [Uint8Array.of(1, 2, 3), Uint8Array.of(4, 5)];
    const fetchMock = vi.fn(
      async () =>
        new Response(
          new ReadableStream({
            start(controller) {
              chunks.forEach((chunk) => controller.enqueue(chunk));
              controller.close();
            },
          }),
          { headers: { 'content-length': '5' } },
        ),
    );
    vi.stubGlobal('fetch', fetchMock);
    const progress: [number, number | null][] = [];
    const bytes = await fetchDataFile('genes.tsv.gz', {
      onProgress: ({ loaded, total }) => progress.push([loaded, total]),
    });
    expect(fetchMock).toHaveBeenCalledWith('/data/genes.tsv.gz', expect.anything());
    expect(Array.from(bytes)).toEqual([1, 2, 3, 4, 5]);
    expect(progress).toEqual([
      [3, 5],
      [5, 5],
    ]);
  });

  it('names the URL and status when the server says no', async () => {
    vi.stubGlobal(
      'fetch',
      async () => new Response('missing', { status: 404, statusText: 'Not Found' }),
    );
    await expect(fetchDataFile('nope.tsv.gz')).rejects.toThrow(
      /\/data\/nope\.tsv\.gz answered 404 Not Found/,
    );
  });
});
