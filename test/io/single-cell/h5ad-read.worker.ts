// Test worker for h5ad.browser.test.ts: reads the File it is sent with readH5adBlob (the
// WORKERFS path a real worker uses) and posts back the report and the matrix as dense rows.
import { readH5adBlob } from '@/io/single-cell/h5ad-browser';

self.onmessage = async (event: MessageEvent<{ file: File; options?: object }>) => {
  try {
    const data = await readH5adBlob(event.data.file, event.data.options ?? {});
    const { matrix } = data;
    const dense: number[][] = [];
    for (let i = 0; i < matrix.cellCount; i++) {
      const row = new Array<number>(matrix.geneCount).fill(0);
      for (let k = matrix.rowOffsets[i]; k < matrix.rowOffsets[i + 1]; k++) {
        row[matrix.columnIndices[k]] = matrix.values[k];
      }
      dense.push(row);
    }
    self.postMessage({ report: data.report, dense, cellIds: data.cellIds });
  } catch (error) {
    self.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
};
