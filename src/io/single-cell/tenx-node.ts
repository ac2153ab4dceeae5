/**
 * 10x folders in Node (CLI, tests)
 * ================================
 * Finds a folder's matrix, features/genes, barcodes and cell table by name (`matchTenxNames`)
 * and hands them to `readTenx` as Blobs backed by the files (`fs.openAsBlob`), so they are
 * streamed from disk exactly as a worker streams the user's Files.
 */
import { openAsBlob, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { matchTenxNames, readTenx, type TenxFiles, type TenxOptions } from './mtx';
import type { SingleCellData } from './single-cell-data';

/** The 10x files of `folder`; `cells` (a file name in the folder, or null) overrides the match. */
export async function findTenxFiles(folder: string, cells?: string | null): Promise<TenxFiles> {
  const names = matchTenxNames(readdirSync(folder), folder);
  const open = async (name: string) => ({
    source: await openAsBlob(join(folder, name)),
    fileName: name,
  });
  const cellsName = cells === undefined ? names.cells : cells;
  return {
    matrix: await open(names.matrix),
    features: await open(names.features),
    barcodes: await open(names.barcodes),
    cells: cellsName === null ? null : await open(cellsName),
  };
}

export async function readTenxFolder(
  folder: string,
  options: TenxOptions = {},
): Promise<SingleCellData> {
  return readTenx(await findTenxFiles(folder), options);
}
