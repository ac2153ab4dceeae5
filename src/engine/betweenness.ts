/**
 * Exact betweenness centrality split across worker threads
 * ========================================================
 * Brandes' algorithm (core/centrality/betweenness-centrality.ts, the single-thread reference)
 * is one independent search per source s, c_B(v) = Σ_s δ_s(v), so the sources parallelise
 * perfectly. Here the graph is relabelled in breadth-first order (as the core does, for cache
 * locality) and copied once into SharedArrayBuffers; the sources 0 … N − 1 are cut into K
 * fixed ranges (default 64) which the workers claim one at a time from a shared counter
 * (dynamic scheduling: a descheduled worker does not stall the others), each range adding
 * its raw sums into its own row of a shared K × N array (betweenness-worker.ts). The rows are
 * summed in range order, mapped back and scaled by the core's `rescaleBetweenness`.
 *
 * Why ALL sources, in ranges: with the leaf shortcut a degree-1 source is skipped and counted
 * with its neighbour, so only a partition of the whole 0 … N − 1 sums to the exact total (a
 * subset of sources would not be a sample of per-source dependencies).
 * Determinism: the rows and their summation order depend only on K, never on the thread count
 * or on which worker took which range, so 1, 2 or 8 threads give bit-identical results; they
 * differ from the one-array core loop only by the order of the float64 additions (≈1e−15
 * relative). threads = 1, or no worker factory (a browser without one), runs the same ranges
 * on the calling thread, yielding between ranges for progress and cancellation.
 * Measured on the Menche LCC (13,329 nodes): see README / the helper report.
 */
import {
  BETWEENNESS_DEFAULTS,
  betweennessFromSources,
  rescaleBetweenness,
  type BetweennessOptions,
} from '@/core/centrality/betweenness-centrality';
import type { CsrGraph } from '@/core/graph/csr';
import { breadthFirstOrder, mapToOriginalOrder } from '@/core/graph/reorder';
import { canShareMemory } from './cpu-engine';
import { CpuPool, type SpawnPoolWorker } from './cpu-pool';
import type { PoolRequest } from './cpu-pool-worker';
import {
  BETWEENNESS_FINISHED,
  BETWEENNESS_NEXT,
  type BetweennessRequest,
} from './betweenness-worker';
import type { RunControl } from './engine-types';
import { progressReporter, throwIfAborted, yieldToEventLoop } from './run-control';

export interface BetweennessPoolOptions {
  /** Worker threads (1: the calling thread). */
  threads: number;
  /** Source ranges K (fixed: the result depends on K, not on the threads). */
  ranges: number;
  /** Worker factory; null picks Node worker_threads (the calling thread elsewhere). */
  spawnWorker: SpawnPoolWorker | null;
  /** How often progress is read while the workers run, in milliseconds. */
  progressEveryMs: number;
}

export const BETWEENNESS_POOL_DEFAULTS: Readonly<BetweennessPoolOptions> = {
  threads: 2,
  ranges: 64,
  spawnWorker: null,
  progressEveryMs: 250,
};

export interface PooledBetweenness {
  /** Betweenness per node, scaled as core `betweennessCentrality`. */
  values: Float64Array;
  /** Threads that did the work (1 = calling thread). */
  threads: number;
  /** Why that many. */
  threadsReason: string;
}

/** Same result as core `betweennessCentrality(graph, options)`, on `threads` workers. */
export async function betweennessOnPool(
  graph: CsrGraph,
  options: Partial<BetweennessOptions> = {},
  pool: Partial<BetweennessPoolOptions> = {},
  control: RunControl = {},
): Promise<PooledBetweenness> {
  const { normalized, weighted, directed } = { ...BETWEENNESS_DEFAULTS, ...options };
  const { threads, ranges, spawnWorker, progressEveryMs } = {
    ...BETWEENNESS_POOL_DEFAULTS,
    ...pool,
  };
  if (!Number.isInteger(threads) || threads < 1) {
    throw new RangeError(`betweennessOnPool: threads must be a positive integer, got ${threads}`);
  }
  if (!Number.isInteger(ranges) || ranges < 1) {
    throw new RangeError(`betweennessOnPool: ranges must be a positive integer, got ${ranges}`);
  }
  throwIfAborted(control);
  const n = graph.nodeCount;
  const reordered = breadthFirstOrder(graph);
  const parts = Math.max(1, Math.min(ranges, n));
  const bounds = new Uint32Array(parts + 1);
  for (let k = 0; k <= parts; k++) bounds[k] = Math.round((n * k) / parts);

  let threadsReason = `${threads} worker threads over SharedArrayBuffer`;
  if (threads === 1) threadsReason = 'single thread requested';
  else if (!canShareMemory()) threadsReason = 'SharedArrayBuffer unavailable: single thread';
  else if (!spawnWorker && !isNode()) threadsReason = 'no worker factory given: single thread';
  let useWorkers = threads > 1 && canShareMemory() && (spawnWorker !== null || isNode());

  // The arrays live in shared memory when workers will read them (or write them: rows).
  const share = <T extends Uint32Array | Float32Array>(
    array: T,
    make: (b: ArrayBufferLike) => T,
  ) => (useWorkers ? make(sharedCopy(array)) : array);
  const buffer = (bytes: number) =>
    useWorkers ? new SharedArrayBuffer(Math.max(bytes, 8)) : new ArrayBuffer(bytes);
  const { offsets, targets, weights } = reordered.graph;
  const request: BetweennessRequest = {
    type: 'betweenness',
    nodeCount: n,
    offsets: share(offsets, (b) => new Uint32Array(b, 0, offsets.length)),
    targets: share(targets, (b) => new Uint32Array(b, 0, targets.length)),
    weights: share(weights, (b) => new Float32Array(b, 0, weights.length)),
    weighted,
    directed,
    bounds: share(bounds, (b) => new Uint32Array(b, 0, bounds.length)),
    counters: new Int32Array(buffer(8), 0, 2),
    rows: new Float64Array(buffer(parts * n * 8), 0, parts * n),
  };
  const report = progressReporter(control, parts);
  report(0);

  let workers: CpuPool | null = null;
  if (useWorkers) {
    try {
      workers = await CpuPool.create(threads, spawnWorker ?? (await nodeSpawner()));
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      threadsReason = `worker pool failed to start (${why}): single thread`;
      useWorkers = false;
    }
  }
  if (workers) {
    const stop = () => Atomics.store(request.counters, BETWEENNESS_NEXT, parts);
    const timer = setInterval(
      () => report(Atomics.load(request.counters, BETWEENNESS_FINISHED)),
      progressEveryMs,
    );
    control.signal?.addEventListener('abort', stop);
    try {
      // CpuPool forwards any request object; its PoolRequest type only lists the engine's kinds.
      await workers.run(Array.from({ length: threads }, () => request as unknown as PoolRequest));
    } finally {
      clearInterval(timer);
      control.signal?.removeEventListener('abort', stop);
      workers.terminate();
    }
    throwIfAborted(control);
  } else {
    // Same ranges on this thread, one at a time, yielding in between.
    const rangeOptions = { weighted, directed };
    for (let k = 0; k < parts; k++) {
      throwIfAborted(control);
      const row = request.rows.subarray(k * n, (k + 1) * n);
      betweennessFromSources(reordered.graph, bounds[k], bounds[k + 1], row, rangeOptions);
      report(k + 1);
      await yieldToEventLoop();
    }
  }
  report(parts);

  const raw = new Float64Array(n);
  for (let k = 0; k < parts; k++) {
    const row = request.rows.subarray(k * n, (k + 1) * n);
    for (let v = 0; v < n; v++) raw[v] += row[v];
  }
  return {
    values: rescaleBetweenness(mapToOriginalOrder(raw, reordered.order), normalized, directed),
    threads: useWorkers ? threads : 1,
    threadsReason,
  };
}

/** A SharedArrayBuffer holding a copy of the array's bytes. */
function sharedCopy(array: Uint32Array | Float32Array): SharedArrayBuffer {
  const buffer = new SharedArrayBuffer(Math.max(array.byteLength, 8));
  new Uint8Array(buffer).set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  return buffer;
}

function isNode(): boolean {
  const g = globalThis as { process?: { versions?: { node?: string } }; window?: unknown };
  return g.process?.versions?.node !== undefined && g.window === undefined;
}

/** Node worker_threads running betweenness-node-entry.ts through tsx (Node only, loaded lazily). */
async function nodeSpawner(): Promise<SpawnPoolWorker> {
  const specifier = './spawn-betweenness-node-worker.ts';
  const module = (await import(/* @vite-ignore */ specifier)) as {
    spawnBetweennessNodeWorker: SpawnPoolWorker;
  };
  return module.spawnBetweennessNodeWorker;
}
