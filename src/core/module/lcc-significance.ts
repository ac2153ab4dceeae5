/**
 * Largest connected component of a node set, and its significance
 * ================================================================
 * Menche et al. 2015 (Science 347:1257601), ALGORITHMS.md §3.3:
 *
 * - S_obs = |LCC(G[A])|, the size of the largest connected component of the subgraph induced by
 *   the node set A.
 * - For r = 1 … R (default 1000) draw a random set A_r (degree-preserving bins or uniform,
 *   ./random/random-node-sets.ts) and compute S_r = |LCC(G[A_r])|.
 * - z = (S_obs − mean S_r)/sd(S_r) with the population sd (ddof 0, NetMedPy). z is NaN when
 *   sd = 0 (NetMedPy's choice; the toolbox reports 0), e.g. for single-node sets.
 * - Empirical p = #{S_r ≥ S_obs}/R.
 *
 * Speed: the component search is a BFS restricted to the set, using generation-stamped mark
 * arrays that are allocated once per call, so each random set costs O(Σ_{v∈A_r} k(v)).
 * `createLccSignificanceRun` runs the same loop in slices (progress and cancellation for the
 * app without async code in the core); `lccSignificance` is that run done in one slice.
 */
import type { CsrGraph } from '../graph/csr';
import { degreeBins, type DegreeBins } from '../random/degree-bins';
import {
  createNodeSetSampler,
  NULL_MODEL_DESCRIPTIONS,
  validateNodeSet,
  type NullModel,
} from '../random/random-node-sets';
import { meanAndSd } from '../stats/summary';

export interface LccSignificanceOptions {
  /** Number of random sets R. */
  iterations: number;
  /** 32-bit seed for the random sets. */
  seed: number;
  nullModel: NullModel;
  /** Minimum degree-bin size B (ignored when `bins` is given). */
  minBinSize: number;
  /** Precomputed bins of the same graph (reuse them across many sets). */
  bins?: DegreeBins;
}

export const LCC_SIGNIFICANCE_DEFAULTS: LccSignificanceOptions = {
  iterations: 1000,
  seed: 1,
  nullModel: 'degree-scdrugprio',
  minBinSize: 100,
};

export interface LccSignificance {
  /** S_obs: nodes in the largest connected component of the set. */
  readonly size: number;
  /** Those nodes, ascending. */
  readonly members: Uint32Array;
  /** Nodes in the input set. */
  readonly setSize: number;
  /** (S_obs − mean)/sd; NaN when sd = 0. */
  readonly z: number;
  /** #{S_r ≥ S_obs}/R. */
  readonly pValue: number;
  readonly nullMean: number;
  /** Population standard deviation (ddof 0) of the null sizes. */
  readonly nullSd: number;
  /** S_r for r = 1 … R (for a histogram). */
  readonly nullSizes: Uint32Array;
  readonly nullModel: NullModel;
  /** Human-readable description of the null model. */
  readonly nullDescription: string;
  readonly iterations: number;
  readonly seed: number;
  /** Minimum bin size of the bins used (degree-preserving nulls). */
  readonly minBinSize: number;
}

/**
 * Reusable workspace for repeated LCC-size queries on one graph: the mark arrays are
 * generation-stamped so nothing is cleared between queries.
 */
export interface SetComponentWorkspace {
  readonly graph: CsrGraph;
  readonly inSet: Uint32Array;
  readonly visited: Uint32Array;
  readonly queue: Uint32Array;
  stamp: number;
}

export function createSetComponentWorkspace(graph: CsrGraph): SetComponentWorkspace {
  const n = graph.nodeCount;
  return {
    graph,
    inSet: new Uint32Array(n),
    visited: new Uint32Array(n),
    queue: new Uint32Array(n),
    stamp: 0,
  };
}

/**
 * Size of the largest connected component of G[nodes[0 … count−1]]. When `membersOut` is given,
 * the LCC nodes are written to it and their number is the return value too.
 */
export function largestComponentSizeOfSet(
  workspace: SetComponentWorkspace,
  nodes: ArrayLike<number>,
  count: number = nodes.length,
  membersOut?: Uint32Array,
): number {
  const { graph, inSet, visited, queue } = workspace;
  const { offsets, targets } = graph;
  if (workspace.stamp >= 0xfffffffe) {
    inSet.fill(0);
    visited.fill(0);
    workspace.stamp = 0;
  }
  const stamp = ++workspace.stamp;
  for (let i = 0; i < count; i++) inSet[nodes[i]] = stamp;
  let best = 0;
  let bestStart = 0;
  let tail = 0;
  for (let i = 0; i < count; i++) {
    const root = nodes[i];
    if (visited[root] === stamp) continue;
    visited[root] = stamp;
    const start = tail;
    queue[tail++] = root;
    for (let head = start; head < tail; head++) {
      const v = queue[head];
      for (let e = offsets[v]; e < offsets[v + 1]; e++) {
        const w = targets[e];
        if (inSet[w] === stamp && visited[w] !== stamp) {
          visited[w] = stamp;
          queue[tail++] = w;
        }
      }
    }
    if (tail - start > best) {
      best = tail - start;
      bestStart = start;
    }
    // Stop once the unexplored rest of the set cannot hold a larger component.
    if (best >= count - tail) break;
  }
  if (membersOut) membersOut.set(queue.subarray(bestStart, bestStart + best));
  return best;
}

/** The nodes of the largest connected component of G[nodes], ascending. */
export function largestComponentOfSet(graph: CsrGraph, nodes: ArrayLike<number>): Uint32Array {
  const set = validateNodeSet('largestComponentOfSet', nodes, graph.nodeCount);
  const members = new Uint32Array(set.length);
  const size = largestComponentSizeOfSet(
    createSetComponentWorkspace(graph),
    set,
    set.length,
    members,
  );
  return members.slice(0, size).sort();
}

/**
 * An LCC-significance computation that is advanced in slices: `advance(k)` draws the next k
 * random sets, so a caller can report progress, yield and stop between slices without any
 * async code here. The draws, their order and the statistics are those of `lccSignificance`
 * (which is `advance(R)` then `result()`), so the result is identical however it is sliced.
 */
export interface LccSignificanceRun {
  /** R: random sets to draw. */
  readonly total: number;
  /** Random sets drawn so far. */
  readonly done: number;
  /** Draws up to `count` more random sets (never past R); returns `done`. */
  advance(count: number): number;
  /** The result; throws until all R sets are drawn. */
  result(): LccSignificance;
}

/** Validates the inputs, computes S_obs and sets up the null stream (see `LccSignificanceRun`). */
export function createLccSignificanceRun(
  graph: CsrGraph,
  nodes: ArrayLike<number>,
  options: Partial<LccSignificanceOptions> = {},
): LccSignificanceRun {
  const resolved = { ...LCC_SIGNIFICANCE_DEFAULTS, ...options };
  const { iterations, seed, nullModel } = resolved;
  if (!Number.isInteger(iterations) || iterations < 1) {
    throw new RangeError(`lccSignificance: iterations must be an integer ≥ 1, got ${iterations}`);
  }
  const set = validateNodeSet('lccSignificance', nodes, graph.nodeCount);
  const bins = resolved.bins ?? degreeBins(graph, { minBinSize: resolved.minBinSize });
  if (bins.binOf.length !== graph.nodeCount) {
    throw new RangeError(
      `lccSignificance: bins cover ${bins.binOf.length} nodes, the graph has ${graph.nodeCount}`,
    );
  }
  const workspace = createSetComponentWorkspace(graph);
  const members = new Uint32Array(set.length);
  const size = largestComponentSizeOfSet(workspace, set, set.length, members);

  const sample = createNodeSetSampler(bins, set, nullModel, seed);
  const draw = new Uint32Array(set.length);
  const nullSizes = new Uint32Array(iterations);
  let atLeast = 0;
  let done = 0;
  return {
    total: iterations,
    get done() {
      return done;
    },
    advance(count) {
      const end = Math.min(iterations, done + Math.max(0, Math.floor(count)));
      for (; done < end; done++) {
        const valid = sample(draw);
        const s = largestComponentSizeOfSet(workspace, draw, valid);
        nullSizes[done] = s;
        if (s >= size) atLeast++;
      }
      return done;
    },
    result() {
      if (done < iterations) {
        throw new Error(`lccSignificance: result() after ${done} of ${iterations} random sets`);
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
    },
  };
}

/** S_obs and its significance against R random sets (see header). */
export function lccSignificance(
  graph: CsrGraph,
  nodes: ArrayLike<number>,
  options: Partial<LccSignificanceOptions> = {},
): LccSignificance {
  const run = createLccSignificanceRun(graph, nodes, options);
  run.advance(run.total);
  return run.result();
}
