// h5ad import in Chromium: the fixture written by Debian's anndata is fetched from this origin,
// wrapped in a File as an <input type=file> gives it, and read in a module worker through
// h5wasm's ESM build with the File mounted by WORKERFS (src/io/single-cell/h5ad-browser.ts).
// The main thread cannot mount a File (no FileReaderSync), which is checked too.
import { describe, expect, it } from 'vitest';
import { readH5adBlob, readH5adBytes } from '@/io/single-cell/h5ad-browser';
import type { SingleCellReport } from '@/io/single-cell/single-cell-data';
import expectedJson from '../../fixtures/single-cell/expected.json';
import csrUrl from '../../fixtures/single-cell/csr_counts.h5ad?url';
import cscUrl from '../../fixtures/single-cell/csc_int64.h5ad?url';
import notHdf5Url from '../../fixtures/single-cell/malformed/not_hdf5.h5ad?url';

type Reply = { report: SingleCellReport; dense: number[][]; cellIds: string[] } | { error: string };
const expected = expectedJson.h5ad as unknown as Record<
  string,
  { dense: number[][]; cellIds: string[] }
>;

async function fetchFile(url: string, name: string): Promise<File> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new File([await response.arrayBuffer()], name);
}

function readInWorker(file: File): Promise<Reply> {
  const worker = new Worker(new URL('./h5ad-read.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<Reply>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<Reply>) => resolve(event.data);
    worker.onerror = (event) => reject(new Error(event.message));
    worker.postMessage({ file });
  }).finally(() => worker.terminate());
}

describe('h5ad in Chromium', () => {
  it.each([
    [csrUrl, 'csr_counts.h5ad'],
    [cscUrl, 'csc_int64.h5ad'],
  ])('imports %s in a worker through WORKERFS', async (url, name) => {
    const reply = await readInWorker(await fetchFile(url, name));
    if ('error' in reply) throw new Error(reply.error);
    expect(reply.report.fileName).toBe(name);
    expect(reply.report.cells).toBe(24);
    expect(reply.dense).toEqual(expected[name].dense);
    expect(reply.cellIds).toEqual(expected[name].cellIds);
    expect(reply.report.groups.find((g) => g.column === 'cell_type')?.groups).toBe(3);
  });

  it('reports a file that is not HDF5 from the worker', async () => {
    const reply = await readInWorker(await fetchFile(notHdf5Url, 'not_hdf5.h5ad'));
    expect('error' in reply && reply.error).toMatch(/^not_hdf5\.h5ad: not an HDF5 file/);
  });

  it('refuses to mount a File on the main thread, and reads bytes there instead', async () => {
    const file = await fetchFile(csrUrl, 'csr_counts.h5ad');
    await expect(readH5adBlob(file)).rejects.toThrow(/only be mounted in a web worker/);
    const data = await readH5adBytes(new Uint8Array(await file.arrayBuffer()), file.name);
    expect(data.report.nonZeros).toBe(expectedJson.h5ad['csr_counts.h5ad'].nonZeros);
  });
});
