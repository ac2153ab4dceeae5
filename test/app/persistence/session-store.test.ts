import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { memoryBlobStore, type BlobStore } from '@/app/persistence/blob-store';
import {
  inputId,
  SessionStore,
  StorageFullError,
  type SessionStoreOptions,
  type StoredInput,
} from '@/app/persistence/session-store';
import { sha256Hex } from '@/io/session-file';

let databases = 0;
const open = (options: SessionStoreOptions = {}) =>
  SessionStore.open({ name: `test-${++databases}`, ...options });

async function input(fileName: string, text: string): Promise<StoredInput> {
  const bytes = new TextEncoder().encode(text);
  const sha256 = await sha256Hex(bytes);
  return { id: inputId({ sha256, kind: 'auto', fileName }), fileName, kind: 'auto', sha256, bytes };
}

const state = (seed: number) => ({
  choices: { seed },
  results: { positions: new Float32Array([seed, 0.5]), z: NaN },
});

describe('SessionStore', () => {
  it('saves and loads inputs as their bytes and results as typed arrays', async () => {
    const store = await open();
    expect(await store.load()).toEqual({ session: null, problems: [] });
    const genes = await input('genes.tsv', 'disease\tgene\nra\tTNF\n');
    await store.save({ appVersion: '0.1.0', inputs: [genes], state: state(1), savedAt: 'then' });
    const { session, problems } = await store.load();
    expect(problems).toEqual([]);
    expect(session!.inputs).toEqual([genes]);
    expect(session!.state).toEqual(state(1));
    expect((session!.state as ReturnType<typeof state>).results.positions).toBeInstanceOf(
      Float32Array,
    );
    expect(await store.items()).toEqual([
      { key: `input:${genes.id}`, label: 'genes.tsv', bytes: 20, where: 'IndexedDB' },
      // 2 bytes per key character, 8 per number, the arrays' bytes:
      // choices 14 + seed 8 + 8, results 14 + positions 18 + 2 × 4, z 2 + 8 = 80
      { key: 'state', label: 'Choices and results', bytes: 80, where: 'IndexedDB' },
    ]);
  });

  it('keeps the previous session when a save is aborted mid-write', async () => {
    let abort = false;
    const store = await open({
      duringSave: (transaction) => {
        if (abort) transaction.abort();
      },
    });
    const first = await input('a.tsv', 'gene\nTNF\n');
    await store.save({ appVersion: '0.1.0', inputs: [first], state: state(1), savedAt: 'first' });
    abort = true;
    const second = await input('b.tsv', 'gene\nIL6\n');
    // The new input is put and the old one deleted inside the transaction before the abort.
    await expect(
      store.save({ appVersion: '0.1.0', inputs: [second], state: state(2) }),
    ).rejects.toThrow();
    const { session } = await store.load();
    expect(session!.savedAt).toBe('first');
    expect(session!.inputs).toEqual([first]);
    expect(session!.state).toEqual(state(1));
    expect((await store.items()).map((item) => item.label)).toEqual([
      'a.tsv',
      'Choices and results',
    ]);
  });

  it('keeps the previous session when a value cannot be stored', async () => {
    const store = await open();
    await store.save({ appVersion: '0.1.0', inputs: [], state: state(1), savedAt: 'first' });
    await expect(
      store.save({ appVersion: '0.1.0', inputs: [], state: { bad: () => 1 } }),
    ).rejects.toThrow(/could not be cloned|DataCloneError/);
    expect((await store.load()).session!.state).toEqual(state(1));
  });

  it('turns a full quota into a clear message and loses nothing stored', async () => {
    let full = false;
    const store = await open({
      duringSave: () => {
        if (full) throw new DOMException('quota', 'QuotaExceededError');
      },
    });
    const first = await input('a.tsv', 'gene\nTNF\n');
    await store.save({ appVersion: '0.1.0', inputs: [first], state: state(1), savedAt: 'first' });
    full = true;
    const error = await store
      .save({ appVersion: '0.1.0', inputs: [await input('b.tsv', 'x')], state: state(2) })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StorageFullError);
    expect((error as Error).message).toMatch(
      /storage for this site is full.*everything saved before is kept/,
    );
    const { session } = await store.load();
    expect(session!.savedAt).toBe('first');
    expect(session!.inputs).toEqual([first]);
  });

  it('puts large inputs in the blob store (OPFS) and sweeps what no record names', async () => {
    const blobs = memoryBlobStore();
    const store = await open({ blobs, blobThreshold: 10 });
    const big = await input('big.tsv', 'gene\nTNF\nIL6\nIL1B\n');
    const small = await input('s.tsv', 'gene\n');
    await store.save({ appVersion: '0.1.0', inputs: [big, small], state: state(1) });
    expect([...blobs.files.keys()]).toEqual([big.sha256]);
    expect((await store.items()).map((item) => item.where)).toEqual([
      'OPFS',
      'IndexedDB',
      'IndexedDB',
    ]);
    expect((await store.load()).session!.inputs).toEqual([big, small]);
    await store.save({ appVersion: '0.1.0', inputs: [small], state: state(2) });
    expect([...blobs.files.keys()]).toEqual([]);
  });

  it('reports a full OPFS clearly and keeps the previous session', async () => {
    const blobs: BlobStore = {
      ...memoryBlobStore(),
      write: () => Promise.reject(new DOMException('quota', 'QuotaExceededError')),
    };
    const store = await open({ blobs, blobThreshold: 1 });
    await store.save({ appVersion: '0.1.0', inputs: [], state: state(1), savedAt: 'first' });
    await expect(
      store.save({ appVersion: '0.1.0', inputs: [await input('a', 'abc')], state: state(2) }),
    ).rejects.toBeInstanceOf(StorageFullError);
    expect((await store.load()).session!.savedAt).toBe('first');
  });

  it('says which stored input is gone or damaged and loads the rest', async () => {
    const blobs = memoryBlobStore();
    const store = await open({ blobs, blobThreshold: 10 });
    const big = await input('big.tsv', 'gene\nTNF\nIL6\nIL1B\n');
    const small = await input('s.tsv', 'gene\n');
    await store.save({ appVersion: '0.1.0', inputs: [big, small], state: state(1) });
    blobs.files.set(big.sha256, new TextEncoder().encode('gene\nTNF\nIL6\nIL1X\n'));
    const { session, problems } = await store.load();
    expect(problems).toEqual(['big.tsv: its stored copy is damaged (SHA-256 differs)']);
    expect(session!.inputs).toEqual([small]);
  });

  it('deletes one input, the results, or everything', async () => {
    const store = await open();
    const a = await input('a.tsv', 'gene\nTNF\n');
    const b = await input('b.tsv', 'gene\nIL6\n');
    await store.save({ appVersion: '0.1.0', inputs: [a, b], state: state(1) });
    await store.deleteInput(a.id);
    expect((await store.load()).session!.inputs).toEqual([b]);
    await store.deleteState();
    expect((await store.load()).session).toBeNull();
    expect((await store.items()).map((item) => item.label)).toEqual(['b.tsv']);
    await store.clear();
    expect(await store.items()).toEqual([]);
  });
});
