/**
 * Session store: the session kept in the browser's own storage
 * ============================================================
 * IndexedDB (through `idb`) database "twinscreen", two object stores:
 * - `inputs`: one record per imported file, `{ id, fileName, kind, sha256, size, where, data }`
 *   with its original bytes in `data`, or, above OPFS_THRESHOLD_BYTES where the browser has an
 *   Origin Private File System, in the OPFS file named by its SHA-256 (blob-store.ts);
 * - `session`: one record, key "current": `{ savedAt, appVersion, inputIds, state, stateBytes }`,
 *   the choices and results as structured-clone data (typed arrays kept as they are).
 *
 * Transactional: `save` writes any new OPFS file first (temp name, then moved), then changes
 * both object stores in ONE readwrite transaction, the session record last; IndexedDB commits
 * all of it or none, so a crash, a closed tab or a failed write leaves the previous session
 * as it was. Files the records no longer name are swept after the commit.
 * A full quota (QuotaExceededError from IndexedDB or the OPFS) becomes a StorageFullError with
 * a message for the user; the transaction is aborted, so what was stored stays.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import type { InputKind } from '@/io/session-file';
import { sha256Hex } from '@/io/session-file';
import { OPFS_THRESHOLD_BYTES, type BlobStore } from './blob-store';

export const DATABASE_NAME = 'twinscreen';
const DATABASE_VERSION = 1;
const CURRENT = 'current';

/** An imported file as the store keeps it: its original bytes. */
export interface StoredInput {
  /** Stable id: `sha256:kind:fileName`. */
  id: string;
  fileName: string;
  kind: InputKind;
  sha256: string;
  bytes: Uint8Array;
}

export interface StoredSession {
  savedAt: string;
  appVersion: string;
  inputs: StoredInput[];
  /** Choices and results (snapshot.ts). */
  state: unknown;
}

/** One line of the storage panel. */
export interface StorageItem {
  /** `input:<id>` or `state`. */
  key: string;
  label: string;
  bytes: number;
  where: 'IndexedDB' | 'OPFS';
}

interface InputRecord {
  id: string;
  fileName: string;
  kind: InputKind;
  sha256: string;
  size: number;
  where: 'idb' | 'opfs';
  data: Uint8Array | null;
}

interface SessionRecord {
  savedAt: string;
  appVersion: string;
  inputIds: string[];
  state: unknown;
  stateBytes: number;
}

interface TwinscreenDb extends DBSchema {
  inputs: { key: string; value: InputRecord };
  session: { key: string; value: SessionRecord };
}

type SaveTransaction = IDBPTransaction<TwinscreenDb, ('inputs' | 'session')[], 'readwrite'>;

export interface SessionStoreOptions {
  name?: string;
  /** Where large inputs go (null: everything in IndexedDB). */
  blobs?: BlobStore | null;
  /** Inputs at least this large go to `blobs`. */
  blobThreshold?: number;
  /** Tests: called inside the save transaction after the inputs are written, before the session. */
  duringSave?: (transaction: SaveTransaction) => void;
}

export class StorageFullError extends Error {
  override name = 'StorageFullError';
  constructor(cause?: unknown) {
    super(
      "The browser's storage for this site is full, so the latest change was not saved; " +
        'everything saved before is kept. Delete stored items (Storage panel) or export the ' +
        'session to a file.',
      { cause },
    );
  }
}

export function isQuotaError(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

export const inputId = (input: { sha256: string; kind: string; fileName: string }): string =>
  `${input.sha256}:${input.kind}:${input.fileName}`;

/** Bytes a structured-clone value takes, roughly: typed arrays exactly, text 2 per character. */
export function estimateBytes(value: unknown): number {
  const seen = new Set<object>();
  const walk = (item: unknown): number => {
    if (item === null || item === undefined || typeof item === 'boolean') return 1;
    if (typeof item === 'number') return 8;
    if (typeof item === 'string') return 2 * item.length;
    if (typeof item !== 'object' || seen.has(item)) return 0;
    seen.add(item);
    if (ArrayBuffer.isView(item)) return item.byteLength;
    if (item instanceof Map) return [...item].reduce((sum, [k, v]) => sum + walk(k) + walk(v), 0);
    if (item instanceof Set || Array.isArray(item))
      return [...item].reduce((s, v) => s + walk(v), 0);
    return Object.entries(item).reduce(
      (sum, [key, entry]) => sum + 2 * key.length + walk(entry),
      0,
    );
  };
  return walk(value);
}

export class SessionStore {
  readonly #db: IDBPDatabase<TwinscreenDb>;
  readonly #blobs: BlobStore | null;
  readonly #threshold: number;
  readonly #duringSave: SessionStoreOptions['duringSave'];
  /** Changes run one after another: a sweep never sees another save's half-recorded file. */
  #queue: Promise<unknown> = Promise.resolve();

  private constructor(db: IDBPDatabase<TwinscreenDb>, options: SessionStoreOptions) {
    this.#db = db;
    this.#blobs = options.blobs ?? null;
    this.#threshold = options.blobThreshold ?? OPFS_THRESHOLD_BYTES;
    this.#duringSave = options.duringSave;
  }

  static async open(options: SessionStoreOptions = {}): Promise<SessionStore> {
    const db = await openDB<TwinscreenDb>(options.name ?? DATABASE_NAME, DATABASE_VERSION, {
      upgrade(database) {
        database.createObjectStore('inputs', { keyPath: 'id' });
        database.createObjectStore('session');
      },
    });
    return new SessionStore(db, options);
  }

  close(): void {
    this.#db.close();
  }

  #serial<T>(change: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(change, change);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  /** Replaces the stored session with `session`, all or nothing. */
  save(session: Omit<StoredSession, 'savedAt'> & { savedAt?: string }): Promise<void> {
    return this.#serial(() => this.#save(session));
  }

  async #save(session: Omit<StoredSession, 'savedAt'> & { savedAt?: string }): Promise<void> {
    const known = new Set(await this.#db.getAllKeys('inputs'));
    const fresh = session.inputs.filter((input) => !known.has(input.id));
    const records: InputRecord[] = [];
    try {
      for (const input of fresh) {
        const large = this.#blobs !== null && input.bytes.length >= this.#threshold;
        if (large) await this.#blobs!.write(input.sha256, input.bytes);
        records.push({
          id: input.id,
          fileName: input.fileName,
          kind: input.kind,
          sha256: input.sha256,
          size: input.bytes.length,
          where: large ? 'opfs' : 'idb',
          data: large ? null : input.bytes,
        });
      }
    } catch (error) {
      throw isQuotaError(error) ? new StorageFullError(error) : error;
    }

    const keep = new Set(session.inputs.map((input) => input.id));
    const transaction = this.#db.transaction(['inputs', 'session'], 'readwrite');
    try {
      const inputs = transaction.objectStore('inputs');
      for (const record of records) await inputs.put(record);
      for (const id of known) if (!keep.has(id)) await inputs.delete(id);
      this.#duringSave?.(transaction);
      await transaction.objectStore('session').put(
        {
          savedAt: session.savedAt ?? new Date().toISOString(),
          appVersion: session.appVersion,
          inputIds: session.inputs.map((input) => input.id),
          state: session.state,
          stateBytes: estimateBytes(session.state),
        },
        CURRENT,
      );
      await transaction.done;
    } catch (error) {
      try {
        transaction.abort();
      } catch {
        // already aborted or finished
      }
      await transaction.done.catch(() => undefined);
      const cause = isQuotaError(error) ? error : (transaction.error ?? error);
      throw isQuotaError(cause) ? new StorageFullError(cause) : error;
    }
    await this.#sweep();
  }

  /**
   * The stored session (null when none), with what could not be read back, one sentence each
   * (an input whose OPFS file is gone or whose bytes no longer match their SHA-256 is left out).
   */
  async load(): Promise<{ session: StoredSession | null; problems: string[] }> {
    const transaction = this.#db.transaction(['inputs', 'session'], 'readonly');
    const record = await transaction.objectStore('session').get(CURRENT);
    if (!record) return { session: null, problems: [] };
    const rows = await Promise.all(
      record.inputIds.map((id) => transaction.objectStore('inputs').get(id)),
    );
    await transaction.done;
    const problems: string[] = [];
    const inputs: StoredInput[] = [];
    for (const [k, row] of rows.entries()) {
      if (!row) {
        problems.push(`stored input ${record.inputIds[k]} is missing`);
        continue;
      }
      const bytes = row.where === 'idb' ? row.data : await this.#blobs?.read(row.sha256);
      if (!bytes) {
        problems.push(`${row.fileName}: its stored copy is gone`);
        continue;
      }
      if (bytes.length !== row.size || (await sha256Hex(bytes)) !== row.sha256) {
        problems.push(`${row.fileName}: its stored copy is damaged (SHA-256 differs)`);
        continue;
      }
      inputs.push({
        id: row.id,
        fileName: row.fileName,
        kind: row.kind,
        sha256: row.sha256,
        bytes,
      });
    }
    return {
      session: {
        savedAt: record.savedAt,
        appVersion: record.appVersion,
        inputs,
        state: record.state,
      },
      problems,
    };
  }

  /** What is stored, item by item, with its size in bytes. */
  async items(): Promise<StorageItem[]> {
    const transaction = this.#db.transaction(['inputs', 'session'], 'readonly');
    const [inputs, record] = await Promise.all([
      transaction.objectStore('inputs').getAll(),
      transaction.objectStore('session').get(CURRENT),
    ]);
    const items: StorageItem[] = inputs.map((input) => ({
      key: `input:${input.id}`,
      label: input.fileName,
      bytes: input.size,
      where: input.where === 'opfs' ? 'OPFS' : 'IndexedDB',
    }));
    if (record) {
      items.push({
        key: 'state',
        label: 'Choices and results',
        bytes: record.stateBytes,
        where: 'IndexedDB',
      });
    }
    return items;
  }

  /** Forgets one stored input (and its place in the stored session), in one transaction. */
  deleteInput(id: string): Promise<void> {
    return this.#serial(() => this.#deleteInput(id));
  }

  async #deleteInput(id: string): Promise<void> {
    const transaction = this.#db.transaction(['inputs', 'session'], 'readwrite');
    await transaction.objectStore('inputs').delete(id);
    const record = await transaction.objectStore('session').get(CURRENT);
    if (record) {
      record.inputIds = record.inputIds.filter((other) => other !== id);
      await transaction.objectStore('session').put(record, CURRENT);
    }
    await transaction.done;
    await this.#sweep();
  }

  /** Forgets the stored choices and results, keeping the inputs. */
  deleteState(): Promise<void> {
    return this.#serial(() => this.#db.delete('session', CURRENT));
  }

  /** Forgets everything stored. */
  clear(): Promise<void> {
    return this.#serial(() => this.#clear());
  }

  async #clear(): Promise<void> {
    const transaction = this.#db.transaction(['inputs', 'session'], 'readwrite');
    await Promise.all([
      transaction.objectStore('inputs').clear(),
      transaction.objectStore('session').clear(),
      transaction.done,
    ]);
    await this.#sweep();
  }

  /** Removes OPFS files no record names (left by a deletion or an interrupted save). */
  async #sweep(): Promise<void> {
    if (!this.#blobs) return;
    const named = new Set(
      (await this.#db.getAll('inputs'))
        .filter((row) => row.where === 'opfs')
        .map((row) => row.sha256),
    );
    for (const name of await this.#blobs.list()) {
      if (!named.has(name)) await this.#blobs.remove(name);
    }
  }
}
