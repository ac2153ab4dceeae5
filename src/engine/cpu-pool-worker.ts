/**
 * CPU pool: what a worker does with one request
 * =============================================
 * Every request names a kernel of cpu-kernels.ts and a disjoint slice of its output (a word
 * or drug range, or for propagation steps row ranges claimed one at a time from a shared
 * counter). The arrays arrive as views on SharedArrayBuffers, so the worker reads
 * the shared inputs and writes its slice in place; the reply only says "done". Shared by the
 * browser worker (workers/engine-cpu.worker.ts) and the Node one (cpu-pool-node-entry.ts).
 * Relative imports only: the Node worker loads this file through tsx without path aliases.
 */
import {
  accumulateMomentsRange,
  bfsWordRange,
  gatherRange,
  propagationStepRows,
  type StepArrays,
  type StepParams,
} from './cpu-kernels';

export type PoolRequest =
  | {
      type: 'step';
      arrays: StepArrays;
      params: StepParams;
      /** Row ranges (boundaries) shared by all workers of this step. */
      ranges: Uint32Array;
      /** Shared claim counter: each worker takes the next unclaimed range until none is left. */
      next: Int32Array;
      /** This worker's slice of the per-column L1 change, or null on non-check steps. */
      delta: Float64Array | null;
    }
  | {
      type: 'bfs';
      offsets: Uint32Array;
      columns: Uint32Array;
      seedBits: Uint32Array;
      nodeCount: number;
      words: number;
      width: number;
      wordStart: number;
      wordEnd: number;
      dist: Uint8Array;
    }
  | {
      type: 'gather';
      dist: Uint8Array;
      width: number;
      offsets: Uint32Array;
      targets: Uint32Array;
      perColumn: boolean;
      useMin: boolean;
      scores: Float32Array;
      drugStart: number;
      drugEnd: number;
      /** Also fold the new scores into these float64 moments. */
      moments: { count: Float64Array; mean: Float64Array; m2: Float64Array } | null;
    };

export type PoolMessage = { id: number; request: PoolRequest };
export type PoolReply = { id: number; ok: true } | { id: number; ok: false; error: string };
/** Sent once by a worker when its message handler is installed. */
export const POOL_READY = 'twinscreen-engine-pool-ready';

/** Runs one request synchronously. */
export function runPoolRequest(request: PoolRequest): void {
  switch (request.type) {
    case 'step': {
      // Dynamic scheduling: a worker that is descheduled (a busy machine) leaves its ranges to
      // the others instead of stalling the whole step. Every row is still computed by exactly
      // one worker with the same arithmetic, so the values do not depend on who did what.
      const last = request.ranges.length - 1;
      for (let k = Atomics.add(request.next, 0, 1); k < last; k = Atomics.add(request.next, 0, 1)) {
        propagationStepRows(
          request.arrays,
          request.params,
          request.ranges[k],
          request.ranges[k + 1],
          request.delta,
        );
      }
      return;
    }
    case 'bfs':
      bfsWordRange(
        { offsets: request.offsets, columns: request.columns },
        request.seedBits,
        request.nodeCount,
        request.words,
        request.width,
        request.wordStart,
        request.wordEnd,
        request.dist,
      );
      return;
    case 'gather':
      gatherRange(
        request.dist,
        request.width,
        request.offsets,
        request.targets,
        request.perColumn,
        request.useMin,
        request.scores,
        request.drugStart,
        request.drugEnd,
      );
      if (request.moments) {
        const { count, mean, m2 } = request.moments;
        accumulateMomentsRange(
          count,
          mean,
          m2,
          request.scores,
          request.width,
          request.drugStart,
          request.drugEnd,
        );
      }
      return;
  }
}

/** Handles one posted message and builds the reply (errors are returned, not thrown). */
export function handlePoolMessage(message: PoolMessage): PoolReply {
  return replyTo(message.id, () => runPoolRequest(message.request));
}

/** Runs one request and turns its outcome into the reply for message `id`. */
export function replyTo(id: number, run: () => void): PoolReply {
  try {
    run();
    return { id, ok: true };
  } catch (error) {
    return { id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
