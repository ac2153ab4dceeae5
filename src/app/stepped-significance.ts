/**
 * Null-model significance, run in cancellable steps
 * =================================================
 * The module panel's two long computations, driven from the core's own building blocks so
 * that a worker can report progress and stop on cancel between random sets (stepped-loop.ts):
 *
 * - `lccSignificanceStepped`: S_obs = |LCC(G[A])|, S_r for R random sets, z and empirical p
 *   (Menche et al., Science 347:1257601, 2015; ALGORITHMS.md §3.3). Same sampler, same
 *   component search and same statistics as core `lccSignificance`, in the same order, so the
 *   result is identical for the same seed (test/app/stepped-significance.test.ts checks it).
 * - `rwrSignificanceStepped`: random walk with restart from the seeds and from R random seed
 *   sets; per node p(v) = #{r : score_r(v) ≥ score(v)}/R and z(v) (ALGORITHMS.md §3.7), as core
 *   `propagationSignificance` with method 'random-walk' (unweighted), again identical.
 *
 * The core functions run to the end in one call (no progress, no AbortSignal); these loops
 * exist only for that and must follow the core if its definitions change.
 */
import type { CsrGraph } from '@/core/graph/csr';
import {
  createSetComponentWorkspace,
  largestComponentSizeOfSet,
  LCC_SIGNIFICANCE_DEFAULTS,
  type LccSignificance,
  type LccSignificanceOptions,
} from '@/core/module/lcc-significance';
import {
  PROPAGATION_SIGNIFICANCE_DEFAULTS,
  type PropagationSignificance,
} from '@/core/propagation/propagation-significance';
import {
  randomWalkWithRestart,
  seedDistribution,
} from '@/core/propagation/random-walk-with-restart';
import { degreeBins, type DegreeBins } from '@/core/random/degree-bins';
import {
  createNodeSetSampler,
  NULL_MODEL_DESCRIPTIONS,
  validateNodeSet,
  type NullModel,
} from '@/core/random/random-node-sets';
import { meanAndSd } from '@/core/stats/summary';
import type { Stepper } from './stepped-loop';

/** A stepper that never pauses (for callers that want the plain, synchronous behaviour). */
const NEVER: Stepper = { due: () => false, pause: async () => undefined };

export async function lccSignificanceStepped(
  graph: CsrGraph,
  nodes: ArrayLike<number>,
  options: Partial<LccSignificanceOptions> = {},
  stepper: Stepper = NEVER,
): Promise<LccSignificance> {
  const resolved = { ...LCC_SIGNIFICANCE_DEFAULTS, ...options };
  const { iterations, seed, nullModel } = resolved;
  if (!Number.isInteger(iterations) || iterations < 1) {
    throw new RangeError(`lccSignificance: iterations must be an integer ≥ 1, got ${iterations}`);
  }
  const set = validateNodeSet('lccSignificance', nodes, graph.nodeCount);
  const bins = resolved.bins ?? degreeBins(graph, { minBinSize: resolved.minBinSize });
  const workspace = createSetComponentWorkspace(graph);
  const members = new Uint32Array(set.length);
  const size = largestComponentSizeOfSet(workspace, set, set.length, members);

  const sample = createNodeSetSampler(bins, set, nullModel, seed);
  const draw = new Uint32Array(set.length);
  const nullSizes = new Uint32Array(iterations);
  let atLeast = 0;
  for (let r = 0; r < iterations; r++) {
    const valid = sample(draw);
    const s = largestComponentSizeOfSet(workspace, draw, valid);
    nullSizes[r] = s;
    if (s >= size) atLeast++;
    if (stepper.due()) await stepper.pause(r + 1);
  }
  const { mean, sd } = meanAndSd(nullSizes, 0);
  return {
    size,
    members: members.slice(0, size).sort(),
    setSize: set.length,
    z: sd > 0 ? (size - mean) / sd : NaN,
    pValue: atLeast / iterations,
    nullMean: mean,
    nullSd: sd,
    nullSizes,
    nullModel,
    nullDescription: NULL_MODEL_DESCRIPTIONS[nullModel],
    iterations,
    seed,
    minBinSize: bins.minBinSize,
  };
}

export interface RwrSignificanceOptions {
  restart: number;
  /** Number of random seed sets R. */
  iterations: number;
  seed: number;
  nullModel: NullModel;
  minBinSize: number;
  bins?: DegreeBins;
}

export const RWR_SIGNIFICANCE_DEFAULTS: Readonly<RwrSignificanceOptions> = {
  restart: PROPAGATION_SIGNIFICANCE_DEFAULTS.restart,
  iterations: PROPAGATION_SIGNIFICANCE_DEFAULTS.iterations,
  seed: PROPAGATION_SIGNIFICANCE_DEFAULTS.seed,
  nullModel: PROPAGATION_SIGNIFICANCE_DEFAULTS.nullModel,
  minBinSize: PROPAGATION_SIGNIFICANCE_DEFAULTS.minBinSize,
};

export interface RwrSignificance extends PropagationSignificance {
  /** Whether the walk from the real seeds converged, and in how many steps. */
  readonly converged: boolean;
  readonly walkIterations: number;
}

export async function rwrSignificanceStepped(
  graph: CsrGraph,
  seeds: ArrayLike<number>,
  options: Partial<RwrSignificanceOptions> = {},
  stepper: Stepper = NEVER,
): Promise<RwrSignificance> {
  const resolved = { ...RWR_SIGNIFICANCE_DEFAULTS, ...options };
  const { restart, iterations, seed, nullModel } = resolved;
  const n = graph.nodeCount;
  const set = validateNodeSet('propagationSignificance', seeds, n);
  if (set.length === 0) throw new RangeError('propagationSignificance: no seeds');
  if (!Number.isInteger(iterations) || iterations < 1) {
    throw new RangeError(`propagationSignificance: iterations must be ≥ 1, got ${iterations}`);
  }
  const walk = (nodes: ArrayLike<number>, count: number) => {
    const used = count === nodes.length ? nodes : Array.prototype.slice.call(nodes, 0, count);
    return randomWalkWithRestart(graph, seedDistribution(n, used), { restart, weighted: false });
  };

  const observed = walk(set, set.length);
  const scores = observed.scores;
  const bins = resolved.bins ?? degreeBins(graph, { minBinSize: resolved.minBinSize });
  const sample = createNodeSetSampler(bins, set, nullModel, seed);
  const draw = new Uint32Array(set.length);
  const atLeast = new Uint32Array(n);
  const mean = new Float64Array(n);
  const m2 = new Float64Array(n);
  for (let r = 0; r < iterations; r++) {
    const valid = sample(draw);
    const random = walk(draw, valid).scores;
    for (let v = 0; v < n; v++) {
      const x = random[v];
      if (x >= scores[v]) atLeast[v]++;
      const delta = x - mean[v];
      mean[v] += delta / (r + 1);
      m2[v] += delta * (x - mean[v]);
    }
    if (stepper.due()) await stepper.pause(r + 1);
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
    method: 'random-walk',
    converged: observed.converged,
    walkIterations: observed.iterations,
  };
}
