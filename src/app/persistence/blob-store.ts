/**
 * Blob stores: where large inputs live outside IndexedDB
 * ======================================================
 * Inputs above `OPFS_THRESHOLD_BYTES` go to the Origin Private File System (OPFS), named by
 * their SHA-256 (content-addressed: writing the same content twice is harmless). A write goes
 * to `NAME.tmp` first and is moved onto `NAME` only once complete, so a crash or a closed tab
 * mid-write leaves no half file under the real name (Chromium's writable stream is itself
 * atomic on close; the move keeps it so elsewhere). IndexedDB, updated last (session-store.ts),
 * is the only list of what is stored: a file it does not name is swept on the next save.
 */
export const OPFS_THRESHOLD_BYTES = 4 * 1024 ** 2;

export interface BlobStore {
  write(name: string, bytes: Uint8Array): Promise<void>;
  read(name: string): Promise<Uint8Array | null>;
  remove(name: string): Promise<void>;
  list(): Promise<string[]>;
}

const DIRECTORY = 'twinscreen-inputs';

/** The OPFS, or null where the browser has none (Node, old browsers, some private modes). */
export async function openOpfsBlobStore(): Promise<BlobStore | null> {
  try {
    if (typeof navigator === 'undefined' || !navigator.storage?.getDirectory) return null;
    const root = await navigator.storage.getDirectory();
    const directory = await root.getDirectoryHandle(DIRECTORY, { create: true });
    return opfsBlobStore(directory);
  } catch {
    return null;
  }
}

type MovableHandle = FileSystemFileHandle & {
  move?: (name: string) => Promise<void>;
};

function opfsBlobStore(directory: FileSystemDirectoryHandle): BlobStore {
  return {
    async write(name, bytes) {
      const temp = (await directory.getFileHandle(`${name}.tmp`, {
        create: true,
      })) as MovableHandle;
      const writable = await temp.createWritable();
      try {
        await writable.write(bytes as Uint8Array<ArrayBuffer>);
        await writable.close();
      } catch (error) {
        await writable.abort().catch(() => undefined);
        await directory.removeEntry(`${name}.tmp`).catch(() => undefined);
        throw error;
      }
      if (temp.move) {
        await temp.move(name);
      } else {
        // No move(): copy the complete temp file under its name (again atomic on close).
        const target = await directory.getFileHandle(name, { create: true });
        const out = await target.createWritable();
        await out.write(await (await temp.getFile()).arrayBuffer());
        await out.close();
        await directory.removeEntry(`${name}.tmp`);
      }
    },
    async read(name) {
      try {
        const handle = await directory.getFileHandle(name);
        return new Uint8Array(await (await handle.getFile()).arrayBuffer());
      } catch {
        return null;
      }
    },
    async remove(name) {
      await directory.removeEntry(name).catch(() => undefined);
    },
    async list() {
      const names: string[] = [];
      for await (const name of (directory as unknown as { keys(): AsyncIterable<string> }).keys()) {
        names.push(name);
      }
      return names;
    },
  };
}

/** A blob store in memory (tests, and where no OPFS exists the store keeps bytes in IndexedDB). */
export function memoryBlobStore(): BlobStore & { files: Map<string, Uint8Array> } {
  const files = new Map<string, Uint8Array>();
  return {
    files,
    async write(name, bytes) {
      files.set(`${name}.tmp`, bytes.slice());
      files.set(name, files.get(`${name}.tmp`)!);
      files.delete(`${name}.tmp`);
    },
    async read(name) {
      return files.get(name)?.slice() ?? null;
    },
    async remove(name) {
      files.delete(name);
    },
    async list() {
      return [...files.keys()];
    },
  };
}
