/**
 * CPU worker pool over SharedArrayBuffer
 * ======================================
 * A fixed set of workers (Web Workers in the browser, worker_threads in Node), each running
 * cpu-pool-worker.ts. `run(requests)` posts request k to worker k and resolves when all have
 * replied; the data lives in SharedArrayBuffers, so a step costs one small message per worker
 * (tens of microseconds) however large the blocks are. In Node the workers are unref'd while
 * idle, so a pool never keeps a finished CLI process alive.
 */
import { POOL_READY, type PoolMessage, type PoolReply, type PoolRequest } from './cpu-pool-worker';

/** The little a pool needs from a worker, whatever the platform. */
export interface PoolWorker {
  postMessage(message: PoolMessage): void;
  /** Installs the (single) handler for messages from the worker. */
  onMessage(handler: (data: unknown) => void): void;
  onError(handler: (error: Error) => void): void;
  terminate(): void;
  /** Node only: keep the process alive while a request is in flight. */
  ref?(): void;
  unref?(): void;
}

export type SpawnPoolWorker = () => PoolWorker;

export class CpuPool {
  readonly size: number;
  #workers: PoolWorker[];
  #pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  #nextId = 1;
  #broken: Error | null = null;

  private constructor(workers: PoolWorker[]) {
    this.#workers = workers;
    this.size = workers.length;
  }

  /** Starts `size` workers and waits until each has installed its handler. */
  static async create(size: number, spawn: SpawnPoolWorker, timeoutMs = 60_000): Promise<CpuPool> {
    const workers: PoolWorker[] = [];
    try {
      for (let k = 0; k < size; k++) workers.push(spawn());
      const pool = new CpuPool(workers);
      await Promise.all(workers.map((worker) => pool.#install(worker, timeoutMs)));
      for (const worker of workers) worker.unref?.();
      return pool;
    } catch (error) {
      for (const worker of workers) worker.terminate();
      throw error;
    }
  }

  #install(worker: PoolWorker, timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`CpuPool: a worker did not start within ${timeoutMs} ms`)),
        timeoutMs,
      );
      worker.onError((error) => {
        clearTimeout(timer);
        reject(error);
        this.#fail(error);
      });
      worker.onMessage((data) => {
        if (data === POOL_READY) {
          clearTimeout(timer);
          resolve();
          return;
        }
        const reply = data as PoolReply;
        const pending = this.#pending.get(reply.id);
        if (!pending) return;
        this.#pending.delete(reply.id);
        if (reply.ok) pending.resolve();
        else pending.reject(new Error(`CpuPool worker: ${reply.error}`));
      });
    });
  }

  #fail(error: Error): void {
    this.#broken = error;
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }

  /** Runs requests[k] on worker k (at most `size` requests) and waits for all of them. */
  async run(requests: PoolRequest[]): Promise<void> {
    if (this.#broken) throw this.#broken;
    if (requests.length > this.size) {
      throw new RangeError(`CpuPool.run: ${requests.length} requests for ${this.size} workers`);
    }
    const used = this.#workers.slice(0, requests.length);
    for (const worker of used) worker.ref?.();
    try {
      await Promise.all(
        requests.map(
          (request, k) =>
            new Promise<void>((resolve, reject) => {
              const id = this.#nextId++;
              this.#pending.set(id, { resolve, reject });
              used[k].postMessage({ id, request });
            }),
        ),
      );
    } finally {
      for (const worker of used) worker.unref?.();
    }
  }

  terminate(): void {
    this.#fail(new Error('CpuPool: terminated'));
    for (const worker of this.#workers) worker.terminate();
  }
}
