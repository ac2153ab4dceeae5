/**
 * Network separation of two node sets, and its z-score
 * ====================================================
 * Menche et al. 2015, ALGORITHMS.md §3.5, with d the shortest-path length:
 *
 *   d_AA = mean over a ∈ A of min_{a'∈A, a'≠a} d(a, a')          (0 when |A| = 1, toolbox)
 *   d_AB = mean over a ∈ A and b ∈ B of min_{b∈B} d(a, b) and min_{a∈A} d(a, b)
 *   s_AB = d_AB − (d_AA + d_BB)/2
 *
 * s_AB < 0: the two neighbourhoods overlap; s_AB ≥ 0: topologically separated. Shared nodes
 * contribute distance 0 to d_AB. On a disconnected graph (the whole interactome), a gene that
 * reaches no gene of the other set (no other gene of its own set, for d_AA) is skipped: the
 * means run over the minima that exist, as Menche 2015's separation.py computes them
 * (`calc_single_set_distance`, `calc_set_pair_distances`), so on a connected graph d_AB is the
 * familiar [Σ_a min_b d + Σ_b min_a d]/(|A| + |B|). A mean over no finite minimum is NaN. Each
 * minimum is one multi-source BFS (or a two-label BFS for d_AA, ../graph/shortest-paths.ts), so
 * a call costs O(nodes + edges), not |A|·|B| searches.
 *
 * z-score (NetMedPy `separation_z_score`): both sets are replaced by random sets from the same
 * null model in each of R iterations; z = (s_AB − mean)/sd (population sd), and the one-sided
 * empirical p = #{s_r ≤ s_AB}/R (small when the sets are closer than chance).
 */
import type { CsrGraph } from '../graph/csr';
import { multiSourceDistances, nearestOtherSourceDistances } from '../graph/shortest-paths';
import { degreeBins, type DegreeBins } from '../random/degree-bins';
import { createRandom } from '../random/random';
import {
  createNodeSetSampler,
  NULL_MODEL_DESCRIPTIONS,
  validateNodeSet,
  type NullModel,
} from '../random/random-node-sets';
import { meanAndSd } from '../stats/summary';

export interface Separation {
  readonly dAA: number;
  readonly dBB: number;
  readonly dAB: number;
  readonly sAB: number;
}

/** Mean distance of each member to its nearest other member (d_AA). */
export function meanShortestDistanceWithin(graph: CsrGraph, nodes: ArrayLike<number>): number {
  if (nodes.length === 0) throw new RangeError('meanShortestDistanceWithin: empty set');
  if (nodes.length === 1) return 0;
  const nearest = nearestOtherSourceDistances(graph, nodes);
  let total = 0;
  let reached = 0;
  for (let i = 0; i < nearest.length; i++) {
    if (nearest[i] < 0) continue; // reaches no other member: skipped (Menche 2015)
    total += nearest[i];
    reached++;
  }
  return reached > 0 ? total / reached : NaN;
}

/** d_AB (see header), using `distScratch` (length nodeCount) if given. */
export function meanShortestDistanceBetween(
  graph: CsrGraph,
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  distScratch?: Int32Array,
): number {
  if (a.length === 0 || b.length === 0) {
    throw new RangeError('meanShortestDistanceBetween: empty set');
  }
  let total = 0;
  let reached = 0;
  const fromB = multiSourceDistances(graph, b, distScratch);
  for (let i = 0; i < a.length; i++) {
    if (fromB[a[i]] < 0) continue; // reaches no member of B: skipped (Menche 2015)
    total += fromB[a[i]];
    reached++;
  }
  const fromA = multiSourceDistances(graph, a, fromB);
  for (let i = 0; i < b.length; i++) {
    if (fromA[b[i]] < 0) continue;
    total += fromA[b[i]];
    reached++;
  }
  return reached > 0 ? total / reached : NaN;
}

/** d_AA, d_BB, d_AB and s_AB of two node sets (distinct nodes within each set). */
export function separation(
  graph: CsrGraph,
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  distScratch?: Int32Array,
): Separation {
  const dAA = meanShortestDistanceWithin(graph, a);
  const dBB = meanShortestDistanceWithin(graph, b);
  const dAB = meanShortestDistanceBetween(graph, a, b, distScratch);
  return { dAA, dBB, dAB, sAB: dAB - (dAA + dBB) / 2 };
}

export interface SeparationSignificanceOptions {
  iterations: number;
  seed: number;
  nullModel: NullModel;
  minBinSize: number;
  bins?: DegreeBins;
}

export const SEPARATION_SIGNIFICANCE_DEFAULTS: SeparationSignificanceOptions = {
  iterations: 1000,
  seed: 1,
  nullModel: 'degree-scdrugprio',
  minBinSize: 100,
};

export interface SeparationSignificance extends Separation {
  readonly z: number;
  /** #{s_r ≤ s_AB}/R. */
  readonly pValue: number;
  readonly nullMean: number;
  readonly nullSd: number;
  readonly nullValues: Float64Array;
  readonly iterations: number;
  readonly seed: number;
  readonly nullModel: NullModel;
  readonly nullDescription: string;
}

/** s_AB with a z-score against random set pairs (one xoshiro stream draws A_r, then B_r). */
export function separationSignificance(
  graph: CsrGraph,
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  options: Partial<SeparationSignificanceOptions> = {},
): SeparationSignificance {
  const resolved = { ...SEPARATION_SIGNIFICANCE_DEFAULTS, ...options };
  const { iterations, seed, nullModel } = resolved;
  if (!Number.isInteger(iterations) || iterations < 1) {
    throw new RangeError(`separationSignificance: iterations must be ≥ 1, got ${iterations}`);
  }
  const setA = validateNodeSet('separationSignificance (A)', a, graph.nodeCount);
  const setB = validateNodeSet('separationSignificance (B)', b, graph.nodeCount);
  const scratch = new Int32Array(graph.nodeCount);
  const observed = separation(graph, setA, setB, scratch);
  const bins = resolved.bins ?? degreeBins(graph, { minBinSize: resolved.minBinSize });
  const random = createRandom(seed);
  const sampleA = createNodeSetSampler(bins, setA, nullModel, random);
  const sampleB = createNodeSetSampler(bins, setB, nullModel, random);
  const drawA = new Uint32Array(setA.length);
  const drawB = new Uint32Array(setB.length);
  const nullValues = new Float64Array(iterations);
  let atMost = 0;
  for (let r = 0; r < iterations; r++) {
    const sizeA = sampleA(drawA);
    const sizeB = sampleB(drawB);
    const s = separation(graph, drawA.subarray(0, sizeA), drawB.subarray(0, sizeB), scratch).sAB;
    nullValues[r] = s;
    if (s <= observed.sAB) atMost++;
  }
  const { mean, sd } = meanAndSd(nullValues, 0);
  return {
    ...observed,
    z: sd > 0 ? (observed.sAB - mean) / sd : NaN,
    pValue: atMost / iterations,
    nullMean: mean,
    nullSd: sd,
    nullValues,
    iterations,
    seed,
    nullModel,
    nullDescription: NULL_MODEL_DESCRIPTIONS[nullModel],
  };
}
