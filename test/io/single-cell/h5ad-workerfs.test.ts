// The browser code path (h5ad-browser.ts: h5wasm's ESM build, the File mounted with WORKERFS)
// run in Node. WORKERFS needs a worker: Emscripten checks for `WorkerGlobalScope` and reads
// through `FileReaderSync`, so both are stood in for here, with a Blob whose slices keep their
// bytes so the stand-in can read them synchronously. The same path runs for real in Chromium
// in h5ad.browser.test.ts.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ImportError } from '@/io/import-error';
import { expected, fixturePath, toDense } from './single-cell-fixtures';

class BytesBlob extends Blob {
  constructor(readonly content: Uint8Array<ArrayBuffer>) {
    super([content]);
  }
  override slice(start = 0, end = this.content.length): Blob {
    return new BytesBlob(this.content.subarray(start, end));
  }
}

const slicesRead: number[] = [];
let browser: typeof import('@/io/single-cell/h5ad-browser');

beforeAll(async () => {
  const scope = globalThis as { WorkerGlobalScope?: unknown; FileReaderSync?: unknown };
  scope.WorkerGlobalScope ??= class {};
  scope.FileReaderSync = class {
    readAsArrayBuffer(blob: BytesBlob): ArrayBuffer {
      slicesRead.push(blob.content.length);
      return blob.content.slice().buffer;
    }
  };
  browser = await import('@/io/single-cell/h5ad-browser'); // h5wasm's ESM build starts here
});

const blobOf = (name: string) => new BytesBlob(new Uint8Array(readFileSync(fixturePath(name))));

describe('readH5adBlob (WORKERFS mount)', () => {
  it('reads a mounted File by slices, never the whole file at once', async () => {
    slicesRead.length = 0;
    const blob = blobOf('csr_counts.h5ad');
    const data = await browser.readH5adBlob(blob, { fileName: 'csr_counts.h5ad' });
    expect(toDense(data.matrix)).toEqual(expected.h5ad['csr_counts.h5ad'].dense);
    expect(data.cellIds).toEqual(expected.h5ad['csr_counts.h5ad'].cellIds);
    expect(slicesRead.length).toBeGreaterThan(1);
    expect(Math.max(...slicesRead)).toBeLessThan(blob.size);
  });

  it('reads dense and Int64 CSC files the same way, and unmounts after each', async () => {
    for (const name of ['dense_counts.h5ad', 'csc_int64.h5ad', 'csr_counts.h5ad']) {
      const data = await browser.readH5adBlob(blobOf(name), { fileName: name });
      expect(toDense(data.matrix)).toEqual(expected.h5ad[name].dense);
    }
  });

  it('inspects a mounted File', async () => {
    const inspection = await browser.inspectH5adBlob(blobOf('raw_layers.h5ad'), 'raw_layers.h5ad');
    expect(inspection.matrices.map((m) => m.path)).toEqual(['X', 'raw/X', 'layers/counts']);
  });

  it('rejects a file that is not HDF5 before mounting it', async () => {
    const error = await browser
      .readH5adBlob(blobOf('malformed/not_hdf5.h5ad'), { fileName: 'not_hdf5.h5ad' })
      .catch((e) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error.message).toMatch(/^not_hdf5\.h5ad: not an HDF5 file/);
  });

  it('reads bytes already in memory', async () => {
    const bytes = new Uint8Array(readFileSync(fixturePath('dense_counts.h5ad')));
    const data = await browser.readH5adBytes(bytes, 'dense_counts.h5ad');
    expect(toDense(data.matrix)).toEqual(expected.h5ad['dense_counts.h5ad'].dense);
  });
});
