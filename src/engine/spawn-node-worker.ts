/**
 * Spawning a CPU-pool worker in Node (worker_threads)
 * ===================================================
 * The worker runs TypeScript straight from src/ (there is no build step for the CLI): its
 * bootstrap registers tsx's ESM loader inside the new thread, then imports
 * cpu-pool-node-entry.ts. Loader hooks registered on the main thread are not inherited by
 * worker threads, so this works the same under the CLI (tsx API), `tsx` and vitest.
 * Node only: the engine imports this module dynamically, never in the browser.
 */
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { PoolWorker } from './cpu-pool';

const ENTRY = './cpu-pool-node-entry.ts';

function bootstrapSource(): string {
  const require = createRequire(import.meta.url);
  const tsxPackage = require.resolve('tsx/package.json');
  const tsxApi = new URL('dist/esm/api/index.mjs', pathToFileURL(tsxPackage)).href;
  const entry = new URL(ENTRY, import.meta.url).href;
  return `import(${JSON.stringify(tsxApi)})
  .then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })
  .catch((error) => { console.error(error); process.exit(1); });`;
}

let source: string | null = null;

export function spawnNodeWorker(): PoolWorker {
  source ??= bootstrapSource();
  const worker = new Worker(source, { eval: true });
  return {
    postMessage: (message) => worker.postMessage(message),
    onMessage: (handler) => void worker.on('message', handler),
    onError: (handler) => {
      worker.on('error', handler);
      worker.on('exit', (code) => {
        if (code !== 0) handler(new Error(`CpuPool: worker exited with code ${code}`));
      });
    },
    terminate: () => void worker.terminate(),
    ref: () => worker.ref(),
    unref: () => worker.unref(),
  };
}
