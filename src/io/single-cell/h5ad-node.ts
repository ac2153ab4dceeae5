/**
 * h5ad in Node (CLI, tests, benchmarks)
 * =====================================
 * Opens a file by path through h5wasm's Node build, whose file system is the real one
 * (Emscripten NODERAWFS): HDF5 reads the slices it needs straight from disk, nothing is copied
 * into the wasm heap first. The reader is the same `readH5adFile` the browser worker uses.
 */
import { open } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import h5wasm from 'h5wasm/node';
import {
  checkHdf5Signature,
  inspectH5adFile,
  readH5adFile,
  type H5adInspection,
  type H5adOptions,
} from './h5ad';
import type { SingleCellData } from './single-cell-data';

let ready: Promise<void> | null = null;

/** Loads the wasm module once; HDF5 errors then arrive as exceptions, not console output. */
function loadH5wasm(): Promise<void> {
  ready ??= h5wasm.ready.then((module) => {
    module.activate_throwing_error_handler();
  });
  return ready;
}

async function prepare(path: string, fileName: string): Promise<string> {
  const absolute = resolve(path);
  const handle = await open(absolute, 'r');
  try {
    const head = new Uint8Array(8);
    const { bytesRead } = await handle.read(head, 0, 8, 0);
    checkHdf5Signature(head.subarray(0, bytesRead), fileName);
  } finally {
    await handle.close();
  }
  await loadH5wasm();
  return absolute;
}

/** Reads an .h5ad file from disk. `fileName` (for messages) defaults to the base name. */
export async function readH5adPath(
  path: string,
  options: H5adOptions & { fileName?: string } = {},
): Promise<SingleCellData> {
  const fileName = options.fileName ?? basename(path);
  const absolute = await prepare(path, fileName);
  return readH5adFile(h5wasm, absolute, fileName, options);
}

export async function inspectH5adPath(
  path: string,
  fileName = basename(path),
): Promise<H5adInspection> {
  const absolute = await prepare(path, fileName);
  return inspectH5adFile(h5wasm, absolute, fileName);
}
