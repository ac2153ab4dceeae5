/**
 * Node worker_threads entry of the betweenness pool (loaded through tsx by betweenness.ts).
 */
import { parentPort } from 'node:worker_threads';
import { handleBetweennessMessage, type BetweennessRequest } from './betweenness-worker';
import { POOL_READY } from './cpu-pool-worker';

const port = parentPort;
if (!port) throw new Error('betweenness-node-entry: must run inside a worker thread');
port.on('message', (message: { id: number; request: BetweennessRequest }) =>
  port.postMessage(handleBetweennessMessage(message)),
);
port.postMessage(POOL_READY);
