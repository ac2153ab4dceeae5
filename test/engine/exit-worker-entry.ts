// A worker entry for spawn-node-worker.test.ts: reports that tsx loaded it, then exits with 3.
import { parentPort } from 'node:worker_threads';

const answer: number = 6 * 7; // TypeScript syntax: proves the entry went through tsx
parentPort?.postMessage(`exit-worker-entry loaded ${answer}`);
setTimeout(() => process.exit(3), 50);
