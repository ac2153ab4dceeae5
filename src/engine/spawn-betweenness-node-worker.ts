/**
 * Spawning a betweenness-pool worker in Node (worker_threads)
 * ===========================================================
 * As spawn-node-worker.ts, for the entry betweenness-node-entry.ts: the bootstrap registers
 * tsx's ESM loader inside the new thread (loader hooks are not inherited by worker threads),
 * then imports the TypeScript entry straight from src/. Node only: betweenness.ts imports this
 * module dynamically, never in the browser.
 */
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { PoolWorker } from './cpu-pool';

const ENTRY = './betweenness-node-entry.ts';

let source: string | null = null;

function bootstrapSource(): string {
  const require = createRequire(import.meta.url);
  const tsxApi = new URL(
    'dist/esm/api/index.mjs',
    pathToFileURL(require.resolve('tsx/package.json')),
  );
  const entry = new URL(ENTRY, import.meta.url).href;
  return `import(${JSON.stringify(tsxApi.href)})
  .then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })
  .catch((error) => { console.error(error); process.exit(1); });`;
}

export function spawnBetweennessNodeWorker(): PoolWorker {
  source ??= bootstrapSource();
  const worker = new Worker(source, { eval: true });
  return {
    postMessage: (message) => worker.postMessage(message),
    onMessage: (handler) => void worker.on('message', handler),
    onError: (handler) => {
      worker.on('error', handler);
      worker.on('exit', (code) => {
        if (code !== 0) handler(new Error(`betweenness pool: worker exited with code ${code}`));
      });
    },
    terminate: () => void worker.terminate(),
    ref: () => worker.ref(),
    unref: () => worker.unref(),
  };
}
