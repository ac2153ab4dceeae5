// Node worker factories: the entry parameter of spawnNodeWorker (the CPU pool's entry by
// default, the betweenness entry through spawnBetweennessNodeWorker, any other module by URL),
// each running TypeScript through tsx inside the thread.
import { describe, expect, it } from 'vitest';
import type { PoolWorker } from '@/engine/cpu-pool';
import { POOL_READY } from '@/engine/cpu-pool-worker';
import { spawnBetweennessNodeWorker } from '@/engine/spawn-betweenness-node-worker';
import { spawnNodeWorker } from '@/engine/spawn-node-worker';

/** The first message of the worker, or its first error. */
function firstEvent(worker: PoolWorker): Promise<{ message?: unknown; error?: Error }> {
  return new Promise((resolve) => {
    worker.onMessage((message) => resolve({ message }));
    worker.onError((error) => resolve({ error }));
  });
}

/** Every message and the first error, until the error. */
function untilError(worker: PoolWorker): Promise<{ messages: unknown[]; error: Error }> {
  const messages: unknown[] = [];
  return new Promise((resolve) => {
    worker.onMessage((message) => messages.push(message));
    worker.onError((error) => resolve({ messages, error }));
  });
}

describe('spawnNodeWorker', () => {
  it('starts the CPU pool entry by default and the betweenness entry through its wrapper', async () => {
    // Spawn one at a time: a worker's first message is dropped if it arrives before a
    // listener is attached, so each worker must get its listener as soon as it exists.
    for (const spawn of [() => spawnNodeWorker(), spawnBetweennessNodeWorker]) {
      const worker = spawn();
      try {
        expect(await firstEvent(worker)).toEqual({ message: POOL_READY });
      } finally {
        worker.terminate();
      }
    }
  }, 60_000);

  it('runs any TypeScript entry given by URL and reports a non-zero exit', async () => {
    const entry = new URL('./exit-worker-entry.ts', import.meta.url).href;
    const worker = spawnNodeWorker(entry);
    const { messages, error } = await untilError(worker);
    expect(messages).toEqual(['exit-worker-entry loaded 42']);
    expect(error.message).toBe('exit-worker-entry: worker exited with code 3');
  }, 60_000);
});
