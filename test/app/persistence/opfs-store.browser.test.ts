/**
 * The session store on the browser's real IndexedDB and Origin Private File System (Chromium):
 * a large input goes to the OPFS under its SHA-256 (no ".tmp" left), reads back byte for byte,
 * and is removed with its record.
 */
import { describe, expect, it } from 'vitest';
import { openOpfsBlobStore } from '@/app/persistence/blob-store';
import { inputId, SessionStore } from '@/app/persistence/session-store';
import { sha256Hex } from '@/io/session-file';

describe('SessionStore in Chromium (IndexedDB + OPFS)', () => {
  it('keeps a large input in the OPFS and the rest in IndexedDB, transactionally', async () => {
    const blobs = await openOpfsBlobStore();
    expect(blobs).not.toBeNull();
    const store = await SessionStore.open({
      name: `browser-${Date.now()}`,
      blobs,
      blobThreshold: 1024,
    });
    const bytes = new Uint8Array(300_000).map((_, k) => (k * 31) & 0xff);
    const sha256 = await sha256Hex(bytes);
    const big = {
      id: inputId({ sha256, kind: 'auto', fileName: 'big.tsv' }),
      fileName: 'big.tsv',
      kind: 'auto' as const,
      sha256,
      bytes,
    };
    const state = { results: { positions: new Float32Array([1.5, NaN]) } };
    await store.save({ appVersion: 'test', inputs: [big], state });
    expect(await blobs!.list()).toContain(sha256);
    expect((await blobs!.list()).some((name) => name.endsWith('.tmp'))).toBe(false);
    const { session, problems } = await store.load();
    expect(problems).toEqual([]);
    expect(session!.inputs[0].bytes).toEqual(bytes);
    expect(session!.state).toEqual(state);
    expect((await store.items())[0]).toMatchObject({
      label: 'big.tsv',
      bytes: 300_000,
      where: 'OPFS',
    });
    await store.clear();
    expect(await blobs!.list()).not.toContain(sha256);
    store.close();
  });
});
