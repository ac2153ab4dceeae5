/**
 * Spawning a pool worker in Node (worker_threads)
 * ===============================================
 * The worker runs TypeScript straight from src/ (there is no build step for the CLI): its
 * bootstrap registers tsx's ESM loader inside the new thread, then imports the entry module
 * (by default cpu-pool-node-entry.ts; betweenness-node-entry.ts for the betweenness pool).
 * Loader hooks registered on the main thread are not inherited by worker threads, so this
 * works the same under the CLI (tsx API), `tsx` and vitest.
 * Node only: the engine imports this module dynamically, never in the browser.
 */
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { PoolWorker } from './cpu-pool';

/** The CPU pool's entry, relative to this file. */
export const CPU_POOL_NODE_ENTRY = './cpu-pool-node-entry.ts';

/** Bootstrap source per entry (resolving tsx once per entry). */
const sources = new Map<string, string>();

function bootstrapSource(entry: string): string {
  const require = createRequire(import.meta.url);
  const tsxPackage = require.resolve('tsx/package.json');
  const tsxApi = new URL('dist/esm/api/index.mjs', pathToFileURL(tsxPackage)).href;
  const entryUrl = new URL(entry, import.meta.url).href;
  return `import(${JSON.stringify(tsxApi)})
  .then(({ register }) => { register(); return import(${JSON.stringify(entryUrl)}); })
  .catch((error) => { console.error(error); process.exit(1); });`;
}

/**
 * A worker thread running `entry` (a module path relative to src/engine/, or an absolute URL),
 * wrapped as the pool's PoolWorker. With no argument it fits `SpawnPoolWorker` for the CPU pool.
 */
export function spawnNodeWorker(entry: string = CPU_POOL_NODE_ENTRY): PoolWorker {
  let source = sources.get(entry);
  if (source === undefined) {
    source = bootstrapSource(entry);
    sources.set(entry, source);
  }
  const worker = new Worker(source, { eval: true });
  const name = entry.replace(/^.*\//, '').replace(/\.ts$/, '');
  return {
    postMessage: (message) => worker.postMessage(message),
    onMessage: (handler) => void worker.on('message', handler),
    onError: (handler) => {
      worker.on('error', handler);
      worker.on('exit', (code) => {
        if (code !== 0) handler(new Error(`${name}: worker exited with code ${code}`));
      });
    },
    terminate: () => void worker.terminate(),
    ref: () => worker.ref(),
    unref: () => worker.unref(),
  };
}
