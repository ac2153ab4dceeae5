/**
 * Node worker_threads entry of the CPU pool (loaded through tsx by spawn-node-worker.ts).
 */
import { parentPort } from 'node:worker_threads';
import { handlePoolMessage, POOL_READY, type PoolMessage } from './cpu-pool-worker';

const port = parentPort;
if (!port) throw new Error('cpu-pool-node-entry: must run inside a worker thread');
port.on('message', (message: PoolMessage) => port.postMessage(handlePoolMessage(message)));
port.postMessage(POOL_READY);
