/**
 * Spawning a betweenness-pool worker in Node (worker_threads)
 * ===========================================================
 * spawn-node-worker.ts with the entry betweenness-node-entry.ts. Node only: betweenness.ts
 * imports this module dynamically, never in the browser.
 */
import type { PoolWorker } from './cpu-pool';
import { spawnNodeWorker } from './spawn-node-worker';

export function spawnBetweennessNodeWorker(): PoolWorker {
  return spawnNodeWorker('./betweenness-node-entry.ts');
}
