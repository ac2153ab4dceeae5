/**
 * Per-node RWR significance on the compute engine (batched random seed sets)
 * ==========================================================================
 * The engine twin of core `propagationSignificance` with method 'random-walk'
 * (src/core/propagation/propagation-significance.ts; ALGORITHMS.md §3.7): a random walk with
 * restart r from the real seeds and from R random seed sets of the same null,
 *
 *   p(v) = #{r : score_r(v) ≥ score(v)}/R,   z(v) = (score(v) − mean_r)/sd_r  (population sd),
 *
 * with the R + 1 walks run as the columns of `engine.propagateRwr`, `batchColumns` at a time
 * (column 0 of the first batch is the real seeds, then the draws in order). Everything but
 * the walk is the core's code: validation, bins and the null stream
 * (`preparePropagationSignificance`, so the random sets are the core's for the same seed),
 * the per-node accumulator (`addNullScores`, draws in the core's order) and the statistics
 * (`finishPropagationSignificance`).
 *
 * Precision. The engine walks in float32 and stops a column once the L1 change of a step is
 * below `tolerance` (default 5e−8, checked every 10 steps); the core walks in float64 to 1e−10.
 * On the Menche LCC (RA seeds) the engine's scores are within 6e−5 relative of the float64
 * ones after 60 steps. Tighter is hardly better in float32: the iteration reaches its rounding
 * floor at 2.7e−6 relative, and some columns never get their L1 change below 1e−8, which
 * keeps a whole batch stepping to maxIterations (measured: 1 of 256 draws at 1e−8 doubled the
 * batch time; none at 2e−8 or 5e−8). So p can differ from the core only where a draw's
 * score lies within that relative distance of the real score (a near tie), and z by about
 * that relative amount of (score + mean)/sd; test/engine/propagation-significance.test.ts
 * checks exactly this against the core on the Menche RA set. The real walk and the draws are
 * columns of the same computation, so a random set equal to the real seeds gives the same
 * column (an exact tie stays a tie). `scores` are the engine's float32 walk from the real
 * seeds (widened); callers that show scores may prefer the core's float64 walk (one is cheap).
 *
 * Walkers on nodes without out-edges: the core sends them back to the seeds, the engine lets
 * their mass leak. Both fixed points are proportional (the core's is the engine's divided by
 * its column sum), so on a graph with such nodes every column is rescaled to sum 1 (float64);
 * a connected graph has none and no column is touched.
 *
 * Weights: `weighted: false` (default) needs an engine built on a graph whose edges all weigh
 * the same (the interactomes here); a weighted graph must use `weighted: true`.
 */
import type { CsrGraph } from '@/core/graph/csr';
import {
  addNullScores,
  createNullScoreAccumulator,
  finishPropagationSignificance,
  preparePropagationSignificance,
  PROPAGATION_SIGNIFICANCE_DEFAULTS,
  type NullScoreAccumulator,
  type PropagationSignificance,
  type PropagationSignificanceOptions,
} from '@/core/propagation/propagation-significance';
import { seedDistribution } from '@/core/propagation/random-walk-with-restart';
import { resolveRwrOptions } from '@/core/engine/random-walk-with-restart';
import type { Engine } from './engine';
import type { RunControl } from './engine-types';
import { progressReporter, throwIfAborted } from './run-control';

export interface EngineSignificanceOptions extends Omit<
  PropagationSignificanceOptions,
  'method' | 'time'
> {
  /** L1 change per column below which a walk stops (float32: keep it ≥ 2e−8, see the header). */
  tolerance: number;
  maxIterations: number;
  /** Convergence is tested every checkEvery steps. */
  checkEvery: number;
  /** Walks per engine call (the first call also carries the real seeds). */
  batchColumns: number;
}

export const ENGINE_SIGNIFICANCE_DEFAULTS: Readonly<EngineSignificanceOptions> = {
  restart: PROPAGATION_SIGNIFICANCE_DEFAULTS.restart,
  weighted: PROPAGATION_SIGNIFICANCE_DEFAULTS.weighted,
  iterations: PROPAGATION_SIGNIFICANCE_DEFAULTS.iterations,
  seed: PROPAGATION_SIGNIFICANCE_DEFAULTS.seed,
  nullModel: PROPAGATION_SIGNIFICANCE_DEFAULTS.nullModel,
  minBinSize: PROPAGATION_SIGNIFICANCE_DEFAULTS.minBinSize,
  tolerance: 5e-8,
  maxIterations: 100,
  checkEvery: 10,
  batchColumns: 256,
};

export interface EngineSignificance extends PropagationSignificance {
  /** Steps of the walk from the real seeds, and whether it met the tolerance. */
  readonly walkIterations: number;
  readonly converged: boolean;
  /** Random walks that stopped at maxIterations. */
  readonly unconvergedDraws: number;
  /** Where the walks ran ('cpu' after a device loss, too). */
  readonly backend: 'webgpu' | 'cpu';
}

/** R + 1 random walks with restart on the engine, p and z per node (see the header). */
export async function propagationSignificanceOnEngine(
  engine: Engine,
  graph: CsrGraph,
  seeds: ArrayLike<number>,
  options: Partial<EngineSignificanceOptions> = {},
  control: RunControl = {},
): Promise<EngineSignificance> {
  const resolved = { ...ENGINE_SIGNIFICANCE_DEFAULTS, ...options };
  const where = 'propagationSignificanceOnEngine';
  const { restart, tolerance, maxIterations, checkEvery, batchColumns, weighted } = resolved;
  const n = graph.nodeCount;
  if (engine.nodeCount !== n) {
    throw new RangeError(`${where}: the engine has ${engine.nodeCount} nodes, the graph ${n}`);
  }
  if (!Number.isInteger(batchColumns) || batchColumns < 2) {
    throw new RangeError(`${where}: batchColumns must be an integer ≥ 2, got ${batchColumns}`);
  }
  if (!weighted && !hasUniformWeights(graph)) {
    throw new RangeError(
      `${where}: weighted is false but the graph's edge weights differ; build the engine on a graph with equal weights, or pass weighted: true`,
    );
  }
  resolveRwrOptions({ restart, tolerance, maxIterations, checkEvery });
  const prepared = preparePropagationSignificance(graph, seeds, {
    ...resolved,
    method: 'random-walk',
  });
  const { set } = prepared;
  const seedWeights = resolved.seedWeights;
  seedDistribution(n, set, seedWeights); // validates the weights as the core does
  const weightOf = (slot: number) => (seedWeights ? seedWeights[slot] : 1);

  const total = prepared.options.iterations;
  const columns = total + 1;
  const rescale = hasLeakingNodes(graph);
  const report = progressReporter(control, total);
  const draw = new Uint32Array(set.length);
  const column = new Float64Array(n);
  let accumulator: NullScoreAccumulator | null = null;
  let walkIterations = 0;
  let converged = false;
  let unconvergedDraws = 0;
  report(0);

  for (let first = 0; first < columns; first += batchColumns) {
    throwIfAborted(control);
    const width = Math.min(batchColumns, columns - first);
    const block = new Float32Array(n * width);
    for (let c = 0; c < width; c++) {
      const nodes = first + c === 0 ? set : draw;
      const count = first + c === 0 ? set.length : prepared.sample(draw);
      for (let i = 0; i < count; i++) block[nodes[i] * width + c] += weightOf(i);
    }
    const walk = await engine.propagateRwr(block, width, {
      restart,
      tolerance,
      maxIterations,
      checkEvery,
      normalize: true,
      signal: control.signal,
      onProgress: (done, steps) =>
        report(Math.max(0, Math.floor(first - 1 + (width * done) / steps))),
    });
    for (let c = 0; c < width; c++) {
      let sum = 0;
      for (let v = 0, at = c; v < n; v++, at += width) {
        column[v] = walk.values[at];
        sum += column[v];
      }
      if (rescale && sum > 0) for (let v = 0; v < n; v++) column[v] /= sum;
      if (first + c === 0) {
        accumulator = createNullScoreAccumulator(Float64Array.from(column));
        walkIterations = walk.iterations[c];
        converged = walk.converged[c] === 1;
      } else {
        addNullScores(accumulator as NullScoreAccumulator, column);
        if (walk.converged[c] !== 1) unconvergedDraws++;
      }
    }
    report(first + width - 1);
  }
  return {
    ...finishPropagationSignificance(graph, prepared, accumulator as NullScoreAccumulator),
    walkIterations,
    converged,
    unconvergedDraws,
    backend: engine.backend,
  };
}

function hasUniformWeights(graph: CsrGraph): boolean {
  const weights = graph.weights;
  for (let e = 1; e < weights.length; e++) if (weights[e] !== weights[0]) return false;
  return true;
}

/** True when some node has no outgoing weight (the engine's walk leaks mass there). */
function hasLeakingNodes(graph: CsrGraph): boolean {
  const { offsets, weights } = graph;
  for (let v = 0; v < graph.nodeCount; v++) {
    let strength = 0;
    for (let e = offsets[v]; e < offsets[v + 1]; e++) strength += weights[e];
    if (!(strength > 0)) return true;
  }
  return false;
}
