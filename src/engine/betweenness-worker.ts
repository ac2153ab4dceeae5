/**
 * Betweenness pool: what a worker does with one request
 * =====================================================
 * The sources 0 … N − 1 are split into K fixed ranges; every worker claims the next unclaimed
 * range from a shared counter and adds that range's raw Brandes sums
 * (core `betweennessFromSources`) into the range's own row of a shared K × N array, so no two
 * workers ever write the same memory and the rows do not depend on who computed them.
 * Relative imports only: the Node worker loads this file through tsx without path aliases.
 */
import { betweennessFromSources } from '../core/centrality/betweenness-centrality';
import { replyTo, type PoolReply } from './cpu-pool-worker';

export interface BetweennessRequest {
  type: 'betweenness';
  nodeCount: number;
  offsets: Uint32Array;
  targets: Uint32Array;
  weights: Float32Array;
  weighted: boolean;
  directed: boolean;
  /** K + 1 source boundaries: range k is bounds[k] … bounds[k + 1] − 1. */
  bounds: Uint32Array;
  /** [next range to claim, ranges finished] (shared). */
  counters: Int32Array;
  /** K × N raw sums, row k for range k (shared, zero on entry). */
  rows: Float64Array;
}

export const BETWEENNESS_NEXT = 0;
export const BETWEENNESS_FINISHED = 1;

/** Claims ranges until none is left (synchronous). */
export function runBetweennessRequest(request: BetweennessRequest): void {
  const { nodeCount: n, bounds, counters, rows } = request;
  const graph = {
    nodeCount: n,
    offsets: request.offsets,
    targets: request.targets,
    weights: request.weights,
  };
  const options = { weighted: request.weighted, directed: request.directed };
  const ranges = bounds.length - 1;
  for (
    let k = Atomics.add(counters, BETWEENNESS_NEXT, 1);
    k < ranges;
    k = Atomics.add(counters, BETWEENNESS_NEXT, 1)
  ) {
    betweennessFromSources(
      graph,
      bounds[k],
      bounds[k + 1],
      rows.subarray(k * n, (k + 1) * n),
      options,
    );
    Atomics.add(counters, BETWEENNESS_FINISHED, 1);
  }
}

/** Handles one posted message and builds the reply (errors are returned, not thrown). */
export function handleBetweennessMessage(message: {
  id: number;
  request: BetweennessRequest;
}): PoolReply {
  return replyTo(message.id, () => runBetweennessRequest(message.request));
}
