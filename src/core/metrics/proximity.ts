/**
 * Closest-distance proximity of a drug's targets to a disease module, with its z-score
 * ====================================================================================
 * Guney et al. 2016 (Nat Commun 7:10331), ALGORITHMS.md §3.4. T = targets, S = module nodes
 * (both already restricted to the LCC):
 *
 *   d_c(T, S) = (1/|T|) Σ_{t∈T} min_{s∈S} d(t, s)          (0 when t ∈ S)
 *
 * Null: for r = 1 … R draw T_r and S_r from the null model (degree-preserving bins by default)
 * and compute d_r = d_c(T_r, S_r). μ, σ = mean and sd of d_r (ddof 0 as Guney/NetMedPy by
 * default; ddof 1 as scDrugPrio's R `sd`); z = (d_c − μ)/σ (NaN when σ = 0); empirical
 * p = #{d_r ≤ d_c}/R (NetMedPy) and Gaussian P = Φ(z) (scDrugPrio). Operating points: z ≤ −0.15
 * "proximal" (Guney), z ≤ −2 significant, z < −1.64 ∧ d_c < 1 scDrugPrio candidate.
 * This is the CPU reference for one drug–module pair; each d_r is one multi-source BFS from S_r.
 * Per-target explanation: the distance of each target to S and one nearest module node.
 */
import type { CsrGraph } from '../graph/csr';
import { degreeBins, type DegreeBins } from '../random/degree-bins';
import { createRandom } from '../random/random';
import {
  createNodeSetSampler,
  NULL_MODEL_DESCRIPTIONS,
  validateNodeSet,
  type NullModel,
} from '../random/random-node-sets';
import { multiSourceDistances } from '../graph/shortest-paths';
import { normalCdf } from '../stats/normal';
import { meanAndSd } from '../stats/summary';

export interface ProximityOptions {
  iterations: number;
  seed: number;
  nullModel: NullModel;
  minBinSize: number;
  bins?: DegreeBins;
  /** Degrees of freedom of σ: 0 (Guney, NetMedPy) or 1 (scDrugPrio). */
  ddof: 0 | 1;
}

export const PROXIMITY_DEFAULTS: ProximityOptions = {
  iterations: 1000,
  seed: 1,
  nullModel: 'degree-scdrugprio',
  minBinSize: 100,
  ddof: 0,
};

export interface ClosestDistances {
  /** d_c. */
  readonly distance: number;
  /** min_s d(t, s) per target (−1 when unreachable). */
  readonly targetDistances: Int32Array;
  /** One nearest module node per target (−1 when unreachable). */
  readonly nearestModuleNode: Int32Array;
}

export interface Proximity extends ClosestDistances {
  readonly z: number;
  /** #{d_r ≤ d_c}/R. */
  readonly pValue: number;
  /** Φ(z). */
  readonly gaussianP: number;
  readonly nullMean: number;
  readonly nullSd: number;
  readonly nullValues: Float64Array;
  readonly iterations: number;
  readonly seed: number;
  readonly ddof: 0 | 1;
  readonly nullModel: NullModel;
  readonly nullDescription: string;
}

/** d_c(T, S) and the per-target explanation. */
export function closestDistance(
  graph: CsrGraph,
  targets: ArrayLike<number>,
  moduleNodes: ArrayLike<number>,
): ClosestDistances {
  const n = graph.nodeCount;
  validateNodeSet('closestDistance (targets)', targets, n);
  validateNodeSet('closestDistance (module)', moduleNodes, n);
  if (targets.length === 0 || moduleNodes.length === 0) {
    throw new RangeError('closestDistance: targets and module must be non-empty');
  }
  // Multi-source BFS that also carries the source label.
  const dist = new Int32Array(n).fill(-1);
  const label = new Int32Array(n).fill(-1);
  const queue = new Uint32Array(n);
  let tail = 0;
  for (let i = 0; i < moduleNodes.length; i++) {
    const s = moduleNodes[i];
    dist[s] = 0;
    label[s] = s;
    queue[tail++] = s;
  }
  const { offsets, targets: heads } = graph;
  for (let head = 0; head < tail; head++) {
    const v = queue[head];
    for (let e = offsets[v]; e < offsets[v + 1]; e++) {
      const w = heads[e];
      if (dist[w] === -1) {
        dist[w] = dist[v] + 1;
        label[w] = label[v];
        queue[tail++] = w;
      }
    }
  }
  const targetDistances = new Int32Array(targets.length);
  const nearestModuleNode = new Int32Array(targets.length);
  let total = 0;
  for (let i = 0; i < targets.length; i++) {
    targetDistances[i] = dist[targets[i]];
    nearestModuleNode[i] = label[targets[i]];
    total += dist[targets[i]] < 0 ? Infinity : dist[targets[i]];
  }
  return { distance: total / targets.length, targetDistances, nearestModuleNode };
}

/** d_c with its null distribution, z and p-values (see header). */
export function proximity(
  graph: CsrGraph,
  targets: ArrayLike<number>,
  moduleNodes: ArrayLike<number>,
  options: Partial<ProximityOptions> = {},
): Proximity {
  const resolved = { ...PROXIMITY_DEFAULTS, ...options };
  const { iterations, seed, nullModel, ddof } = resolved;
  if (!Number.isInteger(iterations) || iterations < 1) {
    throw new RangeError(`proximity: iterations must be ≥ 1, got ${iterations}`);
  }
  const observed = closestDistance(graph, targets, moduleNodes);
  const setT = validateNodeSet('proximity (targets)', targets, graph.nodeCount);
  const setS = validateNodeSet('proximity (module)', moduleNodes, graph.nodeCount);
  const bins = resolved.bins ?? degreeBins(graph, { minBinSize: resolved.minBinSize });
  const random = createRandom(seed);
  const sampleT = createNodeSetSampler(bins, setT, nullModel, random);
  const sampleS = createNodeSetSampler(bins, setS, nullModel, random);
  const drawT = new Uint32Array(setT.length);
  const drawS = new Uint32Array(setS.length);
  const dist = new Int32Array(graph.nodeCount);
  const nullValues = new Float64Array(iterations);
  let atMost = 0;
  for (let r = 0; r < iterations; r++) {
    const sizeT = sampleT(drawT);
    const sizeS = sampleS(drawS);
    multiSourceDistances(graph, drawS.subarray(0, sizeS), dist);
    let total = 0;
    for (let i = 0; i < sizeT; i++) total += dist[drawT[i]] < 0 ? Infinity : dist[drawT[i]];
    const d = total / sizeT;
    nullValues[r] = d;
    if (d <= observed.distance) atMost++;
  }
  const { mean, sd } = meanAndSd(nullValues, ddof);
  const z = sd > 0 ? (observed.distance - mean) / sd : NaN;
  return {
    ...observed,
    z,
    pValue: atMost / iterations,
    gaussianP: normalCdf(z),
    nullMean: mean,
    nullSd: sd,
    nullValues,
    iterations,
    seed,
    ddof,
    nullModel,
    nullDescription: NULL_MODEL_DESCRIPTIONS[nullModel],
  };
}
