/**
 * Per-node significance of propagation scores against random seed sets
 * =====================================================================
 * ALGORITHMS.md §3.7 (degree correction): run the propagation (random walk with restart, or
 * heat diffusion) from the real seeds and from R random seed sets of the same size drawn with a
 * null model (default: degree-preserving bins, scDrugPrio variant); for every node v
 *
 *   p(v) = #{r : score_r(v) ≥ score(v)}/R,
 *
 * with z(v) = (score(v) − mean_r)/sd_r (population sd; NaN when sd = 0). Seed weights move with
 * the slot they belong to (slot i of a random set replaces seed i). Cost: R + 1 propagations;
 * on the 13k-node Menche LCC one RWR takes about 0.1 s on one core.
 */
import type { CsrGraph } from '../graph/csr';
import { degreeBins, type DegreeBins } from '../random/degree-bins';
import {
  createNodeSetSampler,
  NULL_MODEL_DESCRIPTIONS,
  validateNodeSet,
  type NullModel,
} from '../random/random-node-sets';
import { heatDiffusion, HEAT_DIFFUSION_DEFAULTS } from './heat-diffusion';
import {
  randomWalkWithRestart,
  RANDOM_WALK_WITH_RESTART_DEFAULTS,
  seedDistribution,
} from './random-walk-with-restart';

export interface PropagationSignificanceOptions {
  method: 'random-walk' | 'heat';
  /** Restart r (random walk). */
  restart: number;
  /** Diffusion time t (heat). */
  time: number;
  weighted: boolean;
  iterations: number;
  seed: number;
  nullModel: NullModel;
  minBinSize: number;
  bins?: DegreeBins;
  /** One weight per seed (same order); uniform when absent. */
  seedWeights?: ArrayLike<number>;
}

export const PROPAGATION_SIGNIFICANCE_DEFAULTS: PropagationSignificanceOptions = {
  method: 'random-walk',
  restart: RANDOM_WALK_WITH_RESTART_DEFAULTS.restart,
  time: HEAT_DIFFUSION_DEFAULTS.time,
  weighted: false,
  iterations: 1000,
  seed: 1,
  nullModel: 'degree-scdrugprio',
  minBinSize: 100,
};

export interface PropagationSignificance {
  readonly scores: Float64Array;
  /** scores / degree (NaN for degree 0). */
  readonly degreeCorrected: Float64Array;
  /** Empirical p per node. */
  readonly pValues: Float64Array;
  /** z per node against the null (NaN where sd = 0). */
  readonly z: Float64Array;
  readonly iterations: number;
  readonly seed: number;
  readonly nullModel: NullModel;
  readonly nullDescription: string;
  readonly method: 'random-walk' | 'heat';
}

export function propagationSignificance(
  graph: CsrGraph,
  seeds: ArrayLike<number>,
  options: Partial<PropagationSignificanceOptions> = {},
): PropagationSignificance {
  const resolved = { ...PROPAGATION_SIGNIFICANCE_DEFAULTS, ...options };
  const { method, restart, time, weighted, iterations, seed, nullModel, seedWeights } = resolved;
  const n = graph.nodeCount;
  const set = validateNodeSet('propagationSignificance', seeds, n);
  if (set.length === 0) throw new RangeError('propagationSignificance: no seeds');
  if (!Number.isInteger(iterations) || iterations < 1) {
    throw new RangeError(`propagationSignificance: iterations must be ≥ 1, got ${iterations}`);
  }
  if (seedWeights && nullModel === 'degree-guney') {
    throw new RangeError(
      'propagationSignificance: seed weights need a null that keeps slots (not "degree-guney")',
    );
  }
  if (method !== 'random-walk' && method !== 'heat') {
    throw new RangeError(`propagationSignificance: unknown method "${method as string}"`);
  }
  const propagate = (nodes: ArrayLike<number>, count: number): Float64Array => {
    const used = count === nodes.length ? nodes : Array.prototype.slice.call(nodes, 0, count);
    const weights = seedWeights ? Array.prototype.slice.call(seedWeights, 0, count) : undefined;
    if (method === 'random-walk') {
      return randomWalkWithRestart(graph, seedDistribution(n, used, weights), { restart, weighted })
        .scores;
    }
    const h0 = new Float64Array(n);
    for (let i = 0; i < count; i++) h0[nodes[i]] = weights ? weights[i] : 1;
    return heatDiffusion(graph, h0, { time, weighted }).heat;
  };

  const scores = propagate(set, set.length);
  const bins = resolved.bins ?? degreeBins(graph, { minBinSize: resolved.minBinSize });
  const sample = createNodeSetSampler(bins, set, nullModel, seed);
  const draw = new Uint32Array(set.length);
  const atLeast = new Uint32Array(n);
  const mean = new Float64Array(n);
  const m2 = new Float64Array(n);
  for (let r = 0; r < iterations; r++) {
    const valid = sample(draw);
    const random = propagate(draw, valid);
    for (let v = 0; v < n; v++) {
      const x = random[v];
      if (x >= scores[v]) atLeast[v]++;
      const delta = x - mean[v];
      mean[v] += delta / (r + 1);
      m2[v] += delta * (x - mean[v]);
    }
  }
  const pValues = new Float64Array(n);
  const z = new Float64Array(n);
  const degreeCorrected = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    pValues[v] = atLeast[v] / iterations;
    const sd = Math.sqrt(Math.max(m2[v], 0) / iterations);
    z[v] = sd > 0 ? (scores[v] - mean[v]) / sd : NaN;
    const degree = graph.offsets[v + 1] - graph.offsets[v];
    degreeCorrected[v] = degree > 0 ? scores[v] / degree : NaN;
  }
  return {
    scores,
    degreeCorrected,
    pValues,
    z,
    iterations,
    seed,
    nullModel,
    nullDescription: NULL_MODEL_DESCRIPTIONS[nullModel],
    method,
  };
}
