/**
 * DIAMOnD: disease module detection by connectivity significance
 * ==============================================================
 * Ghiassian, Menche & Barabási 2015 (PLoS Comput Biol 11:e1004120), ALGORITHMS.md §3.6.
 * Start from the seed set S0 (C ← S0) and repeat n times:
 *
 * 1. candidates = nodes outside C with at least one neighbour in C;
 * 2. for a candidate v: k = k(v), k_s = |N(v) ∩ C|, s = |C|;
 * 3. p(v) = Σ_{x = k_s}^{min(k, s)} C(s, x) · C(N − s, k − x) / C(N, k)   (hypergeometric tail,
 *    in log space with log-gamma, cached by (k, k_s, s));
 * 4. add v* = argmin p to C, and report (v*, k, k_s, p).
 *
 * Ties are broken deterministically: lowest p, then highest k_s, then lowest k, then lowest node
 * index (the reference code's order depends on Python dict iteration).
 *
 * Seed weight α (integer ≥ 1) comes in two variants (`mode`):
 * - `'paper'` (default): every seed counts as α nodes. With k_seed = links of v to seeds,
 *   k' = k + (α−1)·k_seed, k_s' = k_s + (α−1)·k_seed, s' = |C| + (α−1)·|S0|,
 *   N' = N + (α−1)·|S0|.
 * - `'reference'` (DIAMOnD.py, for parity): links to *all* of C are weighted, k' = k + (α−1)·k_s,
 *   k_s' = α·k_s; s' = α·|S0| in the first iteration and |C| afterwards (GitHub issue #7); and
 *   N' = N + (α−1)·α·|S0|, because the script updates s0 before it updates N.
 * With α = 1 both modes coincide. The reported k and k_s are the weighted k' and k_s'.
 *
 * Speed: k_s is kept incrementally (adding v* bumps its neighbours), and in each iteration only
 * the Pareto frontier is evaluated: for every k_s' value the candidate with the smallest k'
 * (then smallest index). p falls with k_s' and rises with k', so no dominated candidate can be
 * the argmin (the reference code uses the same reduction).
 */
import type { CsrGraph } from '../graph/csr';
import { validateNodeSet } from '../random/random-node-sets';
import { upperTail } from '../stats/hypergeometric';
import { logFactorialTable } from '../stats/log-gamma';

export type DiamondMode = 'paper' | 'reference';

export interface DiamondOptions {
  /** Number of nodes to add. */
  iterations: number;
  /** Seed weight α, an integer ≥ 1. */
  alpha: number;
  mode: DiamondMode;
}

export const DIAMOND_DEFAULTS: DiamondOptions = { iterations: 200, alpha: 1, mode: 'paper' };

export interface DiamondResult {
  /** Added nodes in the order DIAMOnD added them. */
  readonly nodes: Uint32Array;
  /** (Weighted) degree k' of each added node when it was added. */
  readonly k: Uint32Array;
  /** (Weighted) links k_s' to the module when it was added. */
  readonly ks: Uint32Array;
  /** Connectivity p-value when it was added. */
  readonly pValues: Float64Array;
  readonly seeds: Uint32Array;
  readonly options: DiamondOptions;
  /** True when the candidates ran out before `iterations` nodes were added. */
  readonly exhausted: boolean;
}

export function diamond(
  graph: CsrGraph,
  seeds: ArrayLike<number>,
  options: Partial<DiamondOptions> = {},
): DiamondResult {
  const resolved: DiamondOptions = { ...DIAMOND_DEFAULTS, ...options };
  const { iterations, alpha, mode } = resolved;
  if (!Number.isInteger(iterations) || iterations < 0) {
    throw new RangeError(`diamond: iterations must be a non-negative integer, got ${iterations}`);
  }
  if (!Number.isInteger(alpha) || alpha < 1) {
    throw new RangeError(`diamond: alpha must be an integer ≥ 1, got ${alpha}`);
  }
  if (mode !== 'paper' && mode !== 'reference') {
    throw new RangeError(`diamond: mode must be "paper" or "reference", got "${mode as string}"`);
  }
  const n = graph.nodeCount;
  const { offsets, targets } = graph;
  const seedSet = validateNodeSet('diamond', seeds, n);
  const s0 = seedSet.length;
  if (s0 === 0) throw new RangeError('diamond: the seed set is empty');

  const weightedN = mode === 'paper' ? n + (alpha - 1) * s0 : n + (alpha - 1) * alpha * s0;
  const logFactorial = logFactorialTable(weightedN);

  const inCluster = new Uint8Array(n);
  const isCandidate = new Uint8Array(n);
  const linksToCluster = new Uint32Array(n);
  const linksToSeeds = new Uint32Array(n);
  let candidates = new Uint32Array(Math.min(n, 1024));
  let candidateCount = 0;
  let maxDegree = 0;
  for (let v = 0; v < n; v++) maxDegree = Math.max(maxDegree, offsets[v + 1] - offsets[v]);

  const addCandidate = (w: number): void => {
    if (candidateCount === candidates.length) {
      const grown = new Uint32Array(Math.min(n, candidates.length * 2));
      grown.set(candidates);
      candidates = grown;
    }
    candidates[candidateCount++] = w;
    isCandidate[w] = 1;
  };
  for (let i = 0; i < s0; i++) inCluster[seedSet[i]] = 1;
  for (let i = 0; i < s0; i++) {
    const c = seedSet[i];
    for (let e = offsets[c]; e < offsets[c + 1]; e++) {
      const w = targets[e];
      linksToCluster[w]++;
      linksToSeeds[w]++;
      if (!inCluster[w] && !isCandidate[w]) addCandidate(w);
    }
  }

  // Per k_s' value: the best (smallest k', then smallest node) candidate of this iteration.
  const maxWeighted = alpha * maxDegree + 1;
  const frontierK = new Int32Array(maxWeighted + 1).fill(-1);
  const frontierNode = new Uint32Array(maxWeighted + 1);
  const touched = new Uint32Array(maxWeighted + 1);

  const added: number[] = [];
  const addedK: number[] = [];
  const addedKs: number[] = [];
  const addedP: number[] = [];
  const cache = new Map<number, number>();
  let cacheS = -1;

  for (let iteration = 0; iteration < iterations; iteration++) {
    const clusterSize = s0 + iteration;
    const weightedS =
      mode === 'paper'
        ? clusterSize + (alpha - 1) * s0
        : iteration === 0
          ? alpha * s0
          : clusterSize;
    if (weightedS !== cacheS) {
      cache.clear();
      cacheS = weightedS;
    }

    // Frontier of (k_s', k'), compacting the candidate list on the way.
    let touchedCount = 0;
    let kept = 0;
    for (let i = 0; i < candidateCount; i++) {
      const v = candidates[i];
      if (inCluster[v]) continue;
      candidates[kept++] = v;
      const degree = offsets[v + 1] - offsets[v];
      let k: number;
      let ks: number;
      if (mode === 'paper') {
        const extra = (alpha - 1) * linksToSeeds[v];
        k = degree + extra;
        ks = linksToCluster[v] + extra;
      } else {
        k = degree + (alpha - 1) * linksToCluster[v];
        ks = alpha * linksToCluster[v];
      }
      const bestK = frontierK[ks];
      if (bestK === -1) {
        touched[touchedCount++] = ks;
        frontierK[ks] = k;
        frontierNode[ks] = v;
      } else if (k < bestK || (k === bestK && v < frontierNode[ks])) {
        frontierK[ks] = k;
        frontierNode[ks] = v;
      }
    }
    candidateCount = kept;
    if (touchedCount === 0) break;

    let bestP = Infinity;
    let bestKs = -1;
    let bestK = 0;
    let bestNode = 0;
    for (let t = 0; t < touchedCount; t++) {
      const ks = touched[t];
      const k = frontierK[ks];
      const v = frontierNode[ks];
      frontierK[ks] = -1;
      const key = k * (maxWeighted + 1) + ks;
      let p = cache.get(key);
      if (p === undefined) {
        p = upperTail(ks, weightedN, weightedS, k, logFactorial);
        cache.set(key, p);
      }
      if (
        p < bestP ||
        (p === bestP &&
          (ks > bestKs || (ks === bestKs && (k < bestK || (k === bestK && v < bestNode)))))
      ) {
        bestP = p;
        bestKs = ks;
        bestK = k;
        bestNode = v;
      }
    }

    added.push(bestNode);
    addedK.push(bestK);
    addedKs.push(bestKs);
    addedP.push(bestP);
    inCluster[bestNode] = 1;
    for (let e = offsets[bestNode]; e < offsets[bestNode + 1]; e++) {
      const w = targets[e];
      linksToCluster[w]++;
      if (!inCluster[w] && !isCandidate[w]) addCandidate(w);
    }
  }

  return {
    nodes: Uint32Array.from(added),
    k: Uint32Array.from(addedK),
    ks: Uint32Array.from(addedKs),
    pValues: Float64Array.from(addedP),
    seeds: seedSet,
    options: resolved,
    exhausted: added.length < iterations,
  };
}
