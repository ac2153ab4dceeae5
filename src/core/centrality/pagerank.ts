/**
 * PageRank (networkx conventions)
 * ===============================
 * Brin & Page 1998; networkx `pagerank(G, alpha=0.85)`: x ← α (x·P + Σ_{dangling} x · d) +
 * (1 − α) · v, where P is row-stochastic over (weighted) out-edges, v the personalization
 * vector (uniform by default) and dangling nodes (no out-edges) redistribute their mass along
 * d = v. Undirected graphs are walked both ways, as networkx does after `to_directed`.
 * This is the random walk with restart r = 1 − α started from x = v, so it shares that code;
 * networkx starts from 1/N, which changes only the path to the same fixed point.
 * Stops when ‖Δx‖₁ < tolerance (networkx: N · 1e-6; ours 1e-12 for exact agreement).
 */
import type { CsrGraph } from '../graph/csr';
import { randomWalkWithRestart } from '../propagation/random-walk-with-restart';

export interface PageRankOptions {
  /** Damping α. */
  alpha: number;
  /** Personalization v (length nodeCount, normalised here); uniform when absent. */
  personalization?: ArrayLike<number>;
  weighted: boolean;
  tolerance: number;
  maxIterations: number;
}

export const PAGERANK_DEFAULTS: PageRankOptions = {
  alpha: 0.85,
  weighted: false,
  tolerance: 1e-12,
  maxIterations: 10_000,
};

export interface PageRankResult {
  readonly scores: Float64Array;
  readonly iterations: number;
  readonly converged: boolean;
}

export function pageRank(graph: CsrGraph, options: Partial<PageRankOptions> = {}): PageRankResult {
  const { alpha, personalization, weighted, tolerance, maxIterations } = {
    ...PAGERANK_DEFAULTS,
    ...options,
  };
  if (!(alpha >= 0 && alpha < 1)) {
    throw new RangeError(`pageRank: alpha must be in [0, 1), got ${alpha}`);
  }
  const v = personalization ?? new Float64Array(graph.nodeCount).fill(1);
  const { scores, iterations, converged } = randomWalkWithRestart(graph, v, {
    restart: 1 - alpha,
    weighted,
    tolerance,
    maxIterations,
  });
  return { scores, iterations, converged };
}
