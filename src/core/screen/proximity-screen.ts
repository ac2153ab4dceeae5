/**
 * Closest-distance proximity for a whole drug library against one module
 * =====================================================================
 * Guney et al. 2016 (Nat Commun 7:10331), ALGORITHMS.md §3.4, for J target sets at once.
 * T = a drug's targets, S = module nodes, both in the LCC:
 *
 *   d_c(T, S) = (1/|T|) Σ_{t∈T} min_{s∈S} d(t, s)          (0 when t ∈ S)
 *
 * Observed: ONE multi-source BFS from S, labelled with the source it came from and the
 * predecessor on the way, gives every node's distance to S, one nearest module node and one
 * shortest path to it (`moduleDistanceField`), so d_c and the per-target explanation of every
 * drug cost one BFS in total.
 *
 * Null (screen-sampler.ts): for each draw r one random module set S_r and a random target set
 * T_{j,r} per target set j. Per draw: one multi-source BFS from S_r (δ_r(v) = min_{s∈S_r} d(s, v))
 * and a gather d_{j,r} = mean_{t∈T_{j,r}} δ_r(t) for every j, so R draws cost R BFS for the
 * whole library instead of R·J·|T| single-source searches.
 *
 * Statistics per target set (same conventions as src/core/metrics/proximity.ts):
 *   μ, σ = mean and **population** SD (ddof 0, Guney/NetMedPy; `ddof: 1` gives R's `sd` as in
 *   scDrugPrio) of the d_r, Welford in float64 in draw order; z = (d_c − μ)/σ, NaN when σ = 0;
 *   empirical one-sided p = #{d_r ≤ d_c}/R (NetMedPy; 0 means < 1/R), the comparison made in
 *   exact integer arithmetic (d = distance sum / set size); Gaussian P = Φ(z) (scDrugPrio).
 * Distances are uint8 (255 = unreachable, as the engine kernels); an unreachable target makes
 * d infinite (impossible on an LCC).
 */
import type { CsrGraph } from '../graph/csr';
import { UNREACHABLE } from '../engine/multi-source-bfs';
import { directionOptimizingBfs } from './direction-optimizing-bfs';
import { degreeBins, type DegreeBins } from '../random/degree-bins';
import { normalCdf } from '../stats/normal';
import { createScreenSampler, type ScreenDrawBatch, type ScreenSampling } from './screen-sampler';

export interface ProximityScreenOptions {
  /** Null draws R. */
  iterations: number;
  seed: number;
  sampling: ScreenSampling;
  /** Minimum degree-bin size B. */
  minBinSize: number;
  /** σ's degrees of freedom: 0 (Guney, NetMedPy) or 1 (scDrugPrio). */
  ddof: 0 | 1;
  /** Draws per BFS batch (does not change any result). */
  batchColumns: number;
}

export const PROXIMITY_SCREEN_DEFAULTS: Readonly<ProximityScreenOptions> = {
  iterations: 1000,
  seed: 1,
  sampling: 'shared',
  minBinSize: 100,
  ddof: 0,
  batchColumns: 64,
};

export function resolveProximityScreenOptions(
  options: Partial<ProximityScreenOptions> = {},
): ProximityScreenOptions {
  const resolved = { ...PROXIMITY_SCREEN_DEFAULTS, ...options };
  const { iterations, seed, sampling, minBinSize, ddof, batchColumns } = resolved;
  if (!Number.isInteger(iterations) || iterations < 1) {
    throw new RangeError(`proximity screen: iterations must be an integer ≥ 1, got ${iterations}`);
  }
  if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32) {
    throw new RangeError(`proximity screen: seed must be an integer in [0, 2^32), got ${seed}`);
  }
  if (sampling !== 'shared' && sampling !== 'guney') {
    throw new RangeError(
      `proximity screen: sampling must be 'shared' or 'guney', got "${sampling}"`,
    );
  }
  if (!Number.isInteger(minBinSize) || minBinSize < 1) {
    throw new RangeError(`proximity screen: minBinSize must be an integer ≥ 1, got ${minBinSize}`);
  }
  if (ddof !== 0 && ddof !== 1) throw new RangeError(`proximity screen: ddof must be 0 or 1`);
  if (!Number.isInteger(batchColumns) || batchColumns < 1) {
    throw new RangeError(
      `proximity screen: batchColumns must be an integer ≥ 1, got ${batchColumns}`,
    );
  }
  return resolved;
}

/** Distance of every node to the module, with one nearest module node and a BFS parent. */
export interface ModuleDistanceField {
  /** min_{s∈S} d(v, s); −1 when unreachable. */
  readonly distance: Int32Array;
  /** One module node at that distance (the BFS label); −1 when unreachable. */
  readonly nearest: Int32Array;
  /** Next node on one shortest path from v towards `nearest[v]`; −1 at module nodes. */
  readonly parent: Int32Array;
}

/** One labelled multi-source BFS from the module (module nodes seeded in the given order). */
export function moduleDistanceField(
  graph: CsrGraph,
  moduleNodes: ArrayLike<number>,
): ModuleDistanceField {
  const n = graph.nodeCount;
  const distance = new Int32Array(n).fill(-1);
  const nearest = new Int32Array(n).fill(-1);
  const parent = new Int32Array(n).fill(-1);
  const queue = new Uint32Array(n);
  let tail = 0;
  for (let i = 0; i < moduleNodes.length; i++) {
    const s = moduleNodes[i];
    if (!(s >= 0 && s < n)) throw new RangeError(`moduleDistanceField: bad module node ${s}`);
    if (distance[s] === 0) continue;
    distance[s] = 0;
    nearest[s] = s;
    queue[tail++] = s;
  }
  const { offsets, targets } = graph;
  for (let head = 0; head < tail; head++) {
    const v = queue[head];
    for (let e = offsets[v]; e < offsets[v + 1]; e++) {
      const w = targets[e];
      if (distance[w] !== -1) continue;
      distance[w] = distance[v] + 1;
      nearest[w] = nearest[v];
      parent[w] = v;
      queue[tail++] = w;
    }
  }
  return { distance, nearest, parent };
}

/** The node list of the field's shortest path from `node` to its nearest module node. */
export function pathToModule(field: ModuleDistanceField, node: number): number[] {
  if (field.distance[node] < 0) return [];
  const path = [node];
  let v = node;
  while (field.parent[v] !== -1) {
    v = field.parent[v];
    path.push(v);
  }
  return path;
}

/** Observed distance sums: sums[j] = Σ_{t∈T_j} d(t, S) (Infinity if any is unreachable). */
export function observedDistanceSums(
  field: ModuleDistanceField,
  setOffsets: Uint32Array,
  setNodes: Uint32Array,
): Float64Array {
  const count = setOffsets.length - 1;
  const sums = new Float64Array(count);
  for (let j = 0; j < count; j++) {
    let sum = 0;
    for (let k = setOffsets[j]; k < setOffsets[j + 1]; k++) {
      const d = field.distance[setNodes[k]];
      sum += d < 0 ? Infinity : d;
    }
    sums[j] = sum;
  }
  return sums;
}

/**
 * Distance sums of every target draw: sums[j · B + c] = Σ_{valid slots k of set j} dist[t · B + c]
 * with t = batch.targetNodes[k · B + c]; `distances` is the uint8 node-major N×B block of the
 * batch's module sets (255 = unreachable → Infinity).
 */
export function gatherDrawSums(
  distances: Uint8Array,
  nodeCount: number,
  batch: ScreenDrawBatch,
  setOffsets: Uint32Array,
): Float64Array {
  const columns = batch.columns;
  if (distances.length !== nodeCount * columns) {
    throw new RangeError(
      `gatherDrawSums: expected ${nodeCount} × ${columns} distances, got ${distances.length}`,
    );
  }
  const setCount = setOffsets.length - 1;
  const { targetNodes, targetSizes } = batch;
  const sums = new Float64Array(setCount * columns);
  for (let j = 0; j < setCount; j++) {
    const first = setOffsets[j];
    for (let c = 0; c < columns; c++) {
      const size = targetSizes[j * columns + c];
      let sum = 0;
      for (let k = 0; k < size; k++) {
        const d = distances[targetNodes[(first + k) * columns + c] * columns + c];
        sum += d === UNREACHABLE ? Infinity : d;
      }
      sums[j * columns + c] = sum;
    }
  }
  return sums;
}

/** Running null statistics of every target set (float64, draws in order). */
export interface ProximityAccumulator {
  readonly observedSums: Float64Array;
  readonly setSizes: Uint32Array;
  readonly draws: Float64Array;
  readonly mean: Float64Array;
  readonly m2: Float64Array;
  /** #{d_r ≤ d_c}. */
  readonly atMost: Float64Array;
}

export function createProximityAccumulator(
  observedSums: Float64Array,
  setOffsets: Uint32Array,
): ProximityAccumulator {
  const count = setOffsets.length - 1;
  const setSizes = new Uint32Array(count);
  for (let j = 0; j < count; j++) setSizes[j] = setOffsets[j + 1] - setOffsets[j];
  return {
    observedSums,
    setSizes,
    draws: new Float64Array(count),
    mean: new Float64Array(count),
    m2: new Float64Array(count),
    atMost: new Float64Array(count),
  };
}

/** Folds a batch's draw sums (J×B) and draw sizes (J×B) into the accumulator, in column order. */
export function accumulateProximityDraws(
  accumulator: ProximityAccumulator,
  sums: Float64Array,
  sizes: Uint32Array,
  columns: number,
): void {
  const { observedSums, setSizes, draws, mean, m2, atMost } = accumulator;
  const count = setSizes.length;
  if (sums.length !== count * columns || sizes.length !== count * columns) {
    throw new RangeError(`accumulateProximityDraws: expected ${count} × ${columns} sums and sizes`);
  }
  for (let j = 0; j < count; j++) {
    let n = draws[j];
    let mu = mean[j];
    let s = m2[j];
    let below = atMost[j];
    const observed = observedSums[j];
    const size = setSizes[j];
    for (let c = 0; c < columns; c++) {
      const sum = sums[j * columns + c];
      const drawSize = sizes[j * columns + c];
      // d_r ≤ d_c  ⇔  sum_r · |T| ≤ sum_obs · |T_r|   (integers: exact)
      if (sum * size <= observed * drawSize) below++;
      const x = sum / drawSize;
      n += 1;
      const delta = x - mu;
      mu += delta / n;
      s += delta * (x - mu);
    }
    draws[j] = n;
    mean[j] = mu;
    m2[j] = s;
    atMost[j] = below;
  }
}

/** Proximity of one target set. */
export interface SetProximity {
  /** d_c. */
  readonly distance: number;
  readonly z: number;
  /** #{d_r ≤ d_c}/R. */
  readonly pValue: number;
  /** Φ(z). */
  readonly gaussianP: number;
  readonly nullMean: number;
  readonly nullSd: number;
}

export function proximityStatistics(
  accumulator: ProximityAccumulator,
  ddof: 0 | 1,
): SetProximity[] {
  const { observedSums, setSizes, draws, mean, m2, atMost } = accumulator;
  const result: SetProximity[] = [];
  for (let j = 0; j < setSizes.length; j++) {
    const n = draws[j];
    const distance = observedSums[j] / setSizes[j];
    const sd = n > ddof ? Math.sqrt(Math.max(0, m2[j]) / (n - ddof)) : NaN;
    const nullMean = n > 0 ? mean[j] : NaN;
    const z = sd > 0 ? (distance - nullMean) / sd : NaN;
    result.push({
      distance,
      z,
      pValue: n > 0 ? atMost[j] / n : NaN,
      gaussianP: normalCdf(z),
      nullMean,
      nullSd: sd,
    });
  }
  return result;
}

export interface ProximityScreen {
  readonly field: ModuleDistanceField;
  readonly sets: SetProximity[];
  readonly options: ProximityScreenOptions;
  readonly bins: DegreeBins;
}

/**
 * The CPU reference: observed d_c of every target set, then R null draws in batches of
 * `batchColumns` (direction-optimizing-bfs.ts, same output as src/core/engine multiSourceBfs) + gatherDrawSums.
 */
export function screenProximity(
  graph: CsrGraph,
  moduleNodes: Uint32Array,
  setOffsets: Uint32Array,
  setNodes: Uint32Array,
  options: Partial<ProximityScreenOptions> = {},
  bins?: DegreeBins,
): ProximityScreen {
  const resolved = resolveProximityScreenOptions(options);
  if (moduleNodes.length === 0) throw new RangeError('proximity screen: the module is empty');
  const degreeBinsUsed = bins ?? degreeBins(graph, { minBinSize: resolved.minBinSize });
  const field = moduleDistanceField(graph, moduleNodes);
  const accumulator = createProximityAccumulator(
    observedDistanceSums(field, setOffsets, setNodes),
    setOffsets,
  );
  const sampler = createScreenSampler(
    degreeBinsUsed,
    moduleNodes,
    setOffsets,
    setNodes,
    resolved.seed,
    resolved.sampling,
  );
  for (let done = 0; done < resolved.iterations;) {
    const columns = Math.min(resolved.batchColumns, resolved.iterations - done);
    const batch = sampler.nextBatch(columns);
    const distances = directionOptimizingBfs(graph, batch.moduleNodes, batch.moduleOffsets);
    const sums = gatherDrawSums(distances, graph.nodeCount, batch, setOffsets);
    accumulateProximityDraws(accumulator, sums, batch.targetSizes, columns);
    done += columns;
  }
  return {
    field,
    sets: proximityStatistics(accumulator, resolved.ddof),
    options: resolved,
    bins: degreeBinsUsed,
  };
}
