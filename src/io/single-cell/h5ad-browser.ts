/**
 * h5ad in the browser (a module worker)
 * =====================================
 * Loads h5wasm's ESM build (the wasm is inlined in it, so nothing is fetched from another
 * origin) and mounts the user's File read-only with Emscripten's WORKERFS: HDF5 then reads only
 * the byte ranges it needs through FileReaderSync, and the file is never copied into the wasm
 * heap (which is limited to about 2 GB; h5wasm issues #40, #102). FileReaderSync exists only
 * in workers, so `readH5adBlob` must run in one; `readH5adBytes` is for bytes already in memory
 * (small files, tests) and copies them into the in-memory file system.
 * The reader is the same `readH5adFile` the Node CLI uses.
 */
import h5wasm from 'h5wasm';
import {
  checkHdf5Signature,
  inspectH5adFile,
  readH5adFile,
  type H5adInspection,
  type H5adOptions,
} from './h5ad';
import type { SingleCellData } from './single-cell-data';

interface EmscriptenFs {
  mkdir(path: string): void;
  rmdir(path: string): void;
  mount(type: unknown, options: object, mountpoint: string): void;
  unmount(mountpoint: string): void;
  writeFile(path: string, data: Uint8Array): void;
  unlink(path: string): void;
  filesystems: { WORKERFS: unknown };
}

let ready: Promise<EmscriptenFs> | null = null;
let mounts = 0;

function loadH5wasm(): Promise<EmscriptenFs> {
  ready ??= h5wasm.ready.then((module) => {
    module.activate_throwing_error_handler();
    return module.FS as unknown as EmscriptenFs;
  });
  return ready;
}

/** Whether this context can mount a File (a worker: FileReaderSync is there). */
export function canMountFiles(): boolean {
  return typeof (globalThis as { FileReaderSync?: unknown }).FileReaderSync === 'function';
}

async function withMountedBlob<T>(
  blob: Blob,
  fileName: string,
  use: (path: string) => T,
): Promise<T> {
  checkHdf5Signature(new Uint8Array(await blob.slice(0, 8).arrayBuffer()), fileName);
  if (!canMountFiles()) {
    throw new Error(
      'readH5adBlob: an h5ad File can only be mounted in a web worker (WORKERFS needs FileReaderSync)',
    );
  }
  const fs = await loadH5wasm();
  const directory = `/h5ad-${++mounts}`;
  fs.mkdir(directory);
  // A fixed name inside the mount: the user's file name may hold any character.
  fs.mount(fs.filesystems.WORKERFS, { blobs: [{ name: 'file.h5ad', data: blob }] }, directory);
  try {
    return use(`${directory}/file.h5ad`);
  } finally {
    fs.unmount(directory);
    fs.rmdir(directory);
  }
}

/** Reads a user's File (or any Blob) in a worker. `fileName` defaults to File.name. */
export async function readH5adBlob(
  blob: Blob,
  options: H5adOptions & { fileName?: string } = {},
): Promise<SingleCellData> {
  const fileName = options.fileName ?? (blob as File).name ?? 'file.h5ad';
  return withMountedBlob(blob, fileName, (path) => readH5adFile(h5wasm, path, fileName, options));
}

export async function inspectH5adBlob(blob: Blob, fileName?: string): Promise<H5adInspection> {
  const name = fileName ?? (blob as File).name ?? 'file.h5ad';
  return withMountedBlob(blob, name, (path) => inspectH5adFile(h5wasm, path, name));
}

/** Reads h5ad bytes already in memory (copied into the in-memory file system for the read). */
export async function readH5adBytes(
  bytes: Uint8Array,
  fileName: string,
  options: H5adOptions = {},
): Promise<SingleCellData> {
  checkHdf5Signature(bytes.subarray(0, 8), fileName);
  const fs = await loadH5wasm();
  const path = `/h5ad-bytes-${++mounts}.h5ad`;
  fs.writeFile(path, bytes);
  try {
    return readH5adFile(h5wasm, path, fileName, options);
  } finally {
    fs.unlink(path);
  }
}
