/**
 * Spawning a CPU-pool worker in the browser (a module Web Worker; Vite bundles the file).
 */
import type { PoolWorker } from './cpu-pool';

export function spawnBrowserWorker(): PoolWorker {
  const worker = new Worker(new URL('../../workers/engine-cpu.worker.ts', import.meta.url), {
    type: 'module',
    name: 'twinscreen-engine-cpu',
  });
  return {
    postMessage: (message) => worker.postMessage(message),
    onMessage: (handler) => worker.addEventListener('message', (event) => handler(event.data)),
    onError: (handler) =>
      worker.addEventListener('error', (event) =>
        handler(new Error(`CpuPool worker: ${event.message || 'failed to load'}`)),
      ),
    terminate: () => worker.terminate(),
  };
}
