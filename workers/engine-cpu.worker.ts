/**
 * Engine CPU-pool worker (browser)
 * ================================
 * Thin adapter: every message is one kernel call on shared memory, handled by
 * src/engine/cpu-pool-worker.ts. Spawned by src/engine/spawn-browser-worker.ts.
 */
import { handlePoolMessage, POOL_READY, type PoolMessage } from '@/engine/cpu-pool-worker';

const scope = self as unknown as {
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent<PoolMessage>) => void) | null;
};
scope.onmessage = (event) => scope.postMessage(handlePoolMessage(event.data));
scope.postMessage(POOL_READY);
