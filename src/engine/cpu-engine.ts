/**
 * CPU engine: the kernels of cpu-kernels.ts on a worker pool, or on the calling thread
 * ===================================================================================
 * Runs the facade's plans (engine-types.ts) with float32 blocks. With SharedArrayBuffer
 * (Node, or a cross-origin-isolated page) and threads > 1, every block lives in shared
 * memory and each step is split across the pool:
 *   propagation  rows: 8 ranges per worker, balanced by stored values and claimed through a
 *                shared atomic counter, so a descheduled worker does not stall the step (one
 *                barrier per step: the pool's reply)
 *   BFS          32-set words (searches are independent: no barrier at all)
 *   gather       drugs (each drug's moments stay in column order, as in the reference)
 * Small jobs (stored values × columns below minParallelWork) stay on the calling thread,
 * where a message round trip would cost more than the work. Without SharedArrayBuffer the
 * engine is single-threaded and says so in `threadsReason`.
 * Columns are processed in chunks of at most maxColumnsPerChunk (256 keeps a node's rows of
 * X within the cache; columns are independent, so chunking never changes a result).
 */
import type { CsrGraph } from '@/core/graph/csr';
import { isCheckStep } from '@/core/engine/column-iteration';
import { buildMatrix, type MatrixKind } from '@/core/engine/sparse-matrix';
import {
  balancedRowRanges,
  bfsWordRange,
  gatherRange,
  accumulateMomentsRange,
  propagationStepRows,
  setsToBits,
  type MatrixArrays,
  type StepArrays,
} from './cpu-kernels';
import { CpuPool, type SpawnPoolWorker } from './cpu-pool';
import type { PoolRequest } from './cpu-pool-worker';
import type {
  EngineBackend,
  PropagationPlan,
  PropagationResult,
  ProximityPlan,
  ProximityResult,
  RunControl,
} from './engine-types';
import { progressReporter, throwIfAborted, yieldToEventLoop } from './run-control';

export interface CpuEngineOptions {
  /** Worker threads; 1 (or no SharedArrayBuffer) runs everything on the calling thread. */
  threads: number;
  /** Columns per chunk of a propagation. */
  maxColumnsPerChunk: number;
  /** Sets per chunk of a BFS or proximity batch (a multiple of 32). */
  maxSetsPerChunk: number;
  /** Jobs with fewer stored values × columns than this run on the calling thread. */
  minParallelWork: number;
  /** Worker factory; null picks Node worker_threads or a module Web Worker. */
  spawnWorker: SpawnPoolWorker | null;
}

export const CPU_ENGINE_DEFAULTS: Readonly<CpuEngineOptions> = {
  threads: 1,
  maxColumnsPerChunk: 256,
  maxSetsPerChunk: 1024,
  minParallelWork: 1 << 20,
  spawnWorker: null,
};

/** True when SharedArrayBuffer can actually be shared with workers here. */
export function canShareMemory(): boolean {
  if (typeof SharedArrayBuffer === 'undefined') return false;
  const g = globalThis as {
    crossOriginIsolated?: boolean;
    process?: { versions?: { node?: string } };
  };
  return g.process?.versions?.node !== undefined || g.crossOriginIsolated === true;
}

function isNode(): boolean {
  const g = globalThis as { process?: { versions?: { node?: string } }; window?: unknown };
  return g.process?.versions?.node !== undefined && g.window === undefined;
}

/** The platform's worker factory (loaded lazily: the Node one must never reach a browser bundle). */
async function platformSpawner(): Promise<SpawnPoolWorker> {
  if (isNode()) {
    const specifier = './spawn-node-worker.ts';
    const module = (await import(/* @vite-ignore */ specifier)) as {
      spawnNodeWorker: SpawnPoolWorker;
    };
    return module.spawnNodeWorker;
  }
  const module = await import('./spawn-browser-worker');
  return module.spawnBrowserWorker;
}

/**
 * Pools are shared by every engine with the same thread count and worker factory and live
 * for the session (idle Node workers are unref'd, so they never hold a process open).
 */
const sharedPools = new Map<string, Promise<CpuPool>>();
const factoryKeys = new WeakMap<SpawnPoolWorker, number>();
let factoryCount = 0;

function sharedPool(threads: number, spawn: SpawnPoolWorker | null): Promise<CpuPool> {
  let factory = 0;
  if (spawn) {
    factory = factoryKeys.get(spawn) ?? ++factoryCount;
    factoryKeys.set(spawn, factory);
  }
  const key = `${threads}:${factory}`;
  let pool = sharedPools.get(key);
  if (!pool) {
    pool = (spawn ? Promise.resolve(spawn) : platformSpawner()).then((make) =>
      CpuPool.create(threads, make),
    );
    pool.catch(() => sharedPools.delete(key));
    sharedPools.set(key, pool);
  }
  return pool;
}

/** Stops every shared pool's workers (tests and shutdown; later engines start new ones). */
export function terminateSharedPools(): void {
  for (const pool of sharedPools.values()) pool.then((p) => p.terminate()).catch(() => undefined);
  sharedPools.clear();
}

type Allocator = {
  f32(length: number): Float32Array;
  f64(length: number): Float64Array;
  u32(length: number): Uint32Array;
  u8(length: number): Uint8Array;
};

function allocator(shared: boolean): Allocator {
  const buffer = (bytes: number) =>
    shared ? new SharedArrayBuffer(Math.max(bytes, 8)) : new ArrayBuffer(bytes);
  return {
    f32: (n) => new Float32Array(buffer(n * 4), 0, n),
    f64: (n) => new Float64Array(buffer(n * 8), 0, n),
    u32: (n) => new Uint32Array(buffer(n * 4), 0, n),
    u8: (n) => new Uint8Array(buffer(n), 0, n),
  };
}

/** Copies `count` columns between node-major blocks of different widths. */
function copyColumns(
  source: ArrayLike<number>,
  sourceWidth: number,
  sourceColumn: number,
  target: { [k: number]: number },
  targetWidth: number,
  targetColumn: number,
  count: number,
  rows: number,
): void {
  for (let i = 0; i < rows; i++) {
    const from = i * sourceWidth + sourceColumn;
    const to = i * targetWidth + targetColumn;
    for (let c = 0; c < count; c++) target[to + c] = source[from + c];
  }
}

export class CpuEngine implements EngineBackend {
  readonly kind = 'cpu' as const;
  /** Threads the engine will use for large jobs (1 = calling thread only). */
  readonly threads: number;
  readonly #threadsReason: string;
  readonly #graph: CsrGraph;
  readonly #options: CpuEngineOptions;
  readonly #alloc: Allocator;
  readonly #matrices = new Map<MatrixKind, MatrixArrays>();
  #pool: Promise<CpuPool> | null = null;
  #poolFailure: string | null = null;
  #disposed = false;

  constructor(graph: CsrGraph, options: Partial<CpuEngineOptions> = {}) {
    const resolved = { ...CPU_ENGINE_DEFAULTS, ...options };
    if (!Number.isInteger(resolved.threads) || resolved.threads < 1) {
      throw new RangeError(
        `CpuEngine: threads must be a positive integer, got ${resolved.threads}`,
      );
    }
    if (resolved.maxSetsPerChunk % 32 !== 0 || resolved.maxSetsPerChunk < 32) {
      throw new RangeError(
        `CpuEngine: maxSetsPerChunk must be a positive multiple of 32, got ${resolved.maxSetsPerChunk}`,
      );
    }
    if (!Number.isInteger(resolved.maxColumnsPerChunk) || resolved.maxColumnsPerChunk < 1) {
      throw new RangeError(
        `CpuEngine: maxColumnsPerChunk must be a positive integer, got ${resolved.maxColumnsPerChunk}`,
      );
    }
    this.#graph = graph;
    this.#options = resolved;
    const share = canShareMemory();
    if (resolved.threads <= 1) {
      this.threads = 1;
      this.#threadsReason = 'single thread requested';
    } else if (!share) {
      this.threads = 1;
      this.#threadsReason =
        'SharedArrayBuffer unavailable (the page is not cross-origin isolated): single thread';
    } else {
      this.threads = resolved.threads;
      this.#threadsReason = `${resolved.threads} worker threads over SharedArrayBuffer`;
    }
    this.#alloc = allocator(this.threads > 1);
  }

  /** The float32 operator of the given kind (built once, shared with the workers). */
  #matrix(kind: MatrixKind): MatrixArrays {
    let arrays = this.#matrices.get(kind);
    if (!arrays) {
      const matrix = buildMatrix(this.#graph, kind);
      const offsets = this.#alloc.u32(matrix.offsets.length);
      offsets.set(matrix.offsets);
      const columns = this.#alloc.u32(matrix.columns.length);
      columns.set(matrix.columns);
      const values = this.#alloc.f32(matrix.values.length);
      values.set(matrix.values);
      arrays = { offsets, columns, values };
      this.#matrices.set(kind, arrays);
    }
    return arrays;
  }

  /** Why the engine uses the threads it uses (including a pool that failed to start). */
  get threadsReason(): string {
    return this.#poolFailure
      ? `worker pool failed to start (${this.#poolFailure}): single thread`
      : this.#threadsReason;
  }

  /** The pool, when this job is big enough to be worth it (null: run on this thread). */
  async #poolFor(work: number): Promise<CpuPool | null> {
    if (this.threads <= 1 || this.#poolFailure || work < this.#options.minParallelWork) return null;
    this.#pool ??= sharedPool(this.threads, this.#options.spawnWorker);
    try {
      return await this.#pool;
    } catch (error) {
      this.#poolFailure = error instanceof Error ? error.message : String(error);
      this.#pool = null;
      return null;
    }
  }

  async propagate(plan: PropagationPlan, control: RunControl): Promise<PropagationResult> {
    this.#assertLive();
    const n = this.#graph.nodeCount;
    const columns = plan.columns;
    const matrix = this.#matrix(plan.matrix);
    const nnz = matrix.values.length;
    const chunkWidth = Math.min(columns, this.#options.maxColumnsPerChunk);
    const chunks = Math.ceil(columns / chunkWidth);
    const values = new Float32Array(n * columns);
    const iterations = new Uint32Array(columns);
    const converged = new Uint8Array(columns);
    const report = progressReporter(control, chunks * plan.steps);
    const isHeat = plan.mode === 'heat';
    const bias = plan.bias ? this.#alloc.f32(n) : null;
    if (bias && plan.bias) bias.set(plan.bias);

    for (let chunk = 0; chunk < chunks; chunk++) {
      throwIfAborted(control);
      const c0 = chunk * chunkWidth;
      const width = Math.min(chunkWidth, columns - c0);
      const pool = await this.#poolFor(nnz * width);
      const parts = pool ? pool.size : 1;
      const alloc = this.#alloc;
      // Pool steps: 8 ranges per worker, claimed dynamically through a shared counter.
      const ranges = alloc.u32(parts * 8 + 1);
      ranges.set(balancedRowRanges(matrix.offsets, parts * 8));
      const next = new Int32Array(pool ? new SharedArrayBuffer(4) : new ArrayBuffer(4));
      let x = alloc.f32(n * width);
      let y = alloc.f32(n * width);
      const start = alloc.f32(n * width);
      copyColumns(plan.start, columns, c0, start, width, 0, width, n);
      x.set(start);
      const sum = isHeat ? alloc.f32(n * width) : null;
      if (sum) sum.set(start);
      let clamp: Uint8Array | null = null;
      if (plan.clamp) {
        clamp = alloc.u8(n * width);
        copyColumns(plan.clamp, columns, c0, clamp, width, 0, width, n);
      }
      const active = alloc.u8(width).fill(1);
      const delta = alloc.f64(parts * width);
      const localIterations = new Uint32Array(width).fill(plan.steps);
      const localConverged = new Uint8Array(width).fill(isHeat ? 1 : 0);
      let remaining = width;
      let lastYield = performance.now();

      for (let s = 1; s <= plan.steps && remaining > 0; s++) {
        throwIfAborted(control);
        const check = plan.convergence !== null && isCheckStep(s, plan.convergence);
        const arrays: StepArrays = { matrix, x, y, start, active, clamp, bias, sum };
        const params = {
          mode: plan.mode,
          alpha: isHeat ? plan.heatTime / s : plan.alpha,
          beta: plan.beta,
          width,
        };
        if (check) delta.fill(0);
        if (pool) {
          const requests: PoolRequest[] = [];
          Atomics.store(next, 0, 0);
          for (let k = 0; k < parts; k++) {
            requests.push({
              type: 'step',
              arrays,
              params,
              ranges,
              next,
              delta: check ? delta.subarray(k * width, (k + 1) * width) : null,
            });
          }
          await pool.run(requests);
        } else {
          propagationStepRows(arrays, params, 0, n, check ? delta : null);
          if (performance.now() - lastYield > 30) {
            await yieldToEventLoop();
            lastYield = performance.now();
          }
        }
        if (check && plan.convergence) {
          for (let c = 0; c < width; c++) {
            if (!active[c]) continue;
            let change = 0;
            for (let k = 0; k < parts; k++) change += delta[k * width + c];
            if (change < plan.convergence.tolerance) {
              active[c] = 0;
              localIterations[c] = s;
              localConverged[c] = 1;
              remaining--;
            }
          }
        }
        [x, y] = [y, x];
        report(chunk * plan.steps + s);
      }
      copyColumns(sum ?? x, width, 0, values, columns, c0, width, n);
      iterations.set(localIterations, c0);
      converged.set(localConverged, c0);
      report((chunk + 1) * plan.steps);
    }
    return { values, iterations, converged };
  }

  async multiSourceBfs(
    sets: Uint32Array,
    setOffsets: Uint32Array,
    control: RunControl,
  ): Promise<Uint8Array> {
    this.#assertLive();
    const n = this.#graph.nodeCount;
    const columns = setOffsets.length - 1;
    const result = new Uint8Array(n * columns);
    await this.#forEachSetChunk(sets, setOffsets, control, async (c0, width, dist) => {
      copyColumns(dist, width, 0, result, columns, c0, width, n);
    });
    return result;
  }

  /**
   * Runs the BFS chunk by chunk (≤ maxSetsPerChunk sets), calling `use` with each chunk's
   * N×width distances (shared memory when the pool is on).
   */
  async #forEachSetChunk(
    sets: Uint32Array,
    setOffsets: Uint32Array,
    control: RunControl,
    use: (c0: number, width: number, dist: Uint8Array, pool: CpuPool | null) => Promise<void>,
  ): Promise<void> {
    const n = this.#graph.nodeCount;
    const columns = setOffsets.length - 1;
    const pattern = this.#matrix('pattern');
    const chunkWidth = Math.min(columns, this.#options.maxSetsPerChunk);
    const chunks = Math.ceil(columns / chunkWidth);
    const report = progressReporter(control, columns);
    for (let chunk = 0; chunk < chunks; chunk++) {
      throwIfAborted(control);
      const c0 = chunk * chunkWidth;
      const width = Math.min(chunkWidth, columns - c0);
      const words = Math.ceil(width / 32);
      const pool = await this.#poolFor(pattern.columns.length * words * 8);
      const seedBits = this.#alloc.u32(n * words);
      seedBits.set(setsToBits(sets, setOffsets, n, words, c0));
      const dist = this.#alloc.u8(n * width).fill(255);
      if (pool) {
        const parts = Math.min(pool.size, words);
        const requests: PoolRequest[] = [];
        for (let k = 0; k < parts; k++) {
          requests.push({
            type: 'bfs',
            offsets: pattern.offsets,
            columns: pattern.columns,
            seedBits,
            nodeCount: n,
            words,
            width,
            wordStart: Math.floor((words * k) / parts),
            wordEnd: Math.floor((words * (k + 1)) / parts),
            dist,
          });
        }
        await pool.run(requests);
      } else {
        bfsWordRange(pattern, seedBits, n, words, width, 0, words, dist);
        await yieldToEventLoop();
      }
      await use(c0, width, dist, pool);
      report(c0 + width);
    }
  }

  async proximity(plan: ProximityPlan, control: RunControl): Promise<ProximityResult> {
    this.#assertLive();
    const { columns, drugCount, targets } = plan;
    const scores = plan.keepScores ? new Float32Array(drugCount * columns) : null;
    const moments = plan.moments
      ? {
          count: this.#alloc.f64(drugCount),
          mean: this.#alloc.f64(drugCount),
          m2: this.#alloc.f64(drugCount),
        }
      : null;
    const useMin = plan.reduction === 'min';
    const slots = targets.offsets[drugCount];
    await this.#forEachSetChunk(
      plan.sets,
      plan.setOffsets,
      control,
      async (c0, width, dist, pool) => {
        let chunkTargets = targets.targets;
        if (targets.perColumn) {
          chunkTargets = this.#alloc.u32(slots * width);
          copyColumns(targets.targets, columns, c0, chunkTargets, width, 0, width, slots);
        } else if (pool && !(targets.targets.buffer instanceof SharedArrayBuffer)) {
          chunkTargets = this.#alloc.u32(slots);
          chunkTargets.set(targets.targets);
        }
        let offsets = targets.offsets;
        if (pool && !(offsets.buffer instanceof SharedArrayBuffer)) {
          offsets = this.#alloc.u32(offsets.length);
          offsets.set(targets.offsets);
        }
        const chunkScores = this.#alloc.f32(drugCount * width);
        if (pool && drugCount >= pool.size) {
          const requests: PoolRequest[] = [];
          for (let k = 0; k < pool.size; k++) {
            requests.push({
              type: 'gather',
              dist,
              width,
              offsets,
              targets: chunkTargets,
              perColumn: targets.perColumn,
              useMin,
              scores: chunkScores,
              drugStart: Math.floor((drugCount * k) / pool.size),
              drugEnd: Math.floor((drugCount * (k + 1)) / pool.size),
              moments,
            });
          }
          await pool.run(requests);
        } else {
          gatherRange(
            dist,
            width,
            offsets,
            chunkTargets,
            targets.perColumn,
            useMin,
            chunkScores,
            0,
            drugCount,
          );
          if (moments) {
            accumulateMomentsRange(
              moments.count,
              moments.mean,
              moments.m2,
              chunkScores,
              width,
              0,
              drugCount,
            );
          }
        }
        if (scores) copyColumns(chunkScores, width, 0, scores, columns, c0, width, drugCount);
      },
    );
    return {
      drugCount,
      columns,
      scores,
      moments: moments
        ? { count: moments.count.slice(), mean: moments.mean.slice(), m2: moments.m2.slice() }
        : null,
    };
  }

  #assertLive(): void {
    if (this.#disposed) throw new Error('CpuEngine: used after dispose()');
  }

  dispose(): void {
    this.#disposed = true;
    this.#pool = null; // shared: other engines may still use it
    this.#matrices.clear();
  }
}
