/**
 * Random node sets for null models (degree-preserving or uniform)
 * ===============================================================
 * Draws R random counterparts of a node set S, as one flat `Uint32Array` of R × |S| nodes
 * (row r = random set r), so batched and GPU code can consume them directly. For the scDrugPrio
 * and uniform nulls, slot i of every row is the random counterpart of S[i] (same degree bin for
 * the former), so per-node weights carry over by position. ALGORITHMS.md §3.2:
 *
 * - `'degree-scdrugprio'` (default, scDrugPrio): count the nodes of S in each bin and sample that
 *   many nodes from the bin without replacement. Exact size, no duplicates; S's own nodes may be
 *   drawn.
 * - `'degree-guney'` (Guney 2016 `pick_random_nodes_matching_selected`): for each u ∈ S draw
 *   uniformly from bin(u) \ {u}; if the draw is already in the set, redraw up to 20 times and
 *   keep the last draw. Colliding draws collapse, so a set can come out smaller: its valid
 *   nodes are packed to the front, the trailing slots hold `NO_NODE` and `sizes[r] < |S|`.
 * - `'uniform'`: |S| distinct nodes uniformly from all nodes (degree ignored).
 */
import type { DegreeBins } from './degree-bins';
import { createRandom, type Random } from './random';

export type NullModel = 'degree-scdrugprio' | 'degree-guney' | 'uniform';

/** Human-readable description of each null model, for reports and the UI. */
export const NULL_MODEL_DESCRIPTIONS: Record<NullModel, string> = {
  'degree-scdrugprio':
    'degree-preserving (scDrugPrio): per degree bin, as many nodes as the set has there, without replacement',
  'degree-guney':
    'degree-preserving (Guney 2016): per node, a draw from its degree bin excluding itself, ≤ 20 redraws on collision',
  uniform: 'uniform: random nodes regardless of degree',
};

/** Padding value in `RandomNodeSets.nodes` after a shrunken (Guney) set. */
export const NO_NODE = 0xffffffff;

export interface RandomNodeSetsOptions {
  /** Number of random sets R. */
  count: number;
  /** 32-bit seed for the xoshiro128** stream. */
  seed: number;
  /** Which null model draws the sets. */
  nullModel: NullModel;
}

export const RANDOM_NODE_SETS_DEFAULTS: RandomNodeSetsOptions = {
  count: 1000,
  seed: 1,
  nullModel: 'degree-scdrugprio',
};

export interface RandomNodeSets {
  /** R. */
  readonly count: number;
  /** |S|: the row length of `nodes`. */
  readonly setSize: number;
  /** Row-major R × |S| node indices; `NO_NODE` pads shrunken rows (Guney null only). */
  readonly nodes: Uint32Array;
  /** Number of valid nodes in each row (always |S| except with the Guney null). */
  readonly sizes: Uint32Array;
  readonly nullModel: NullModel;
  readonly seed: number;
}

/**
 * R random sets matched to `nodes` (distinct node indices of the graph the bins were built on).
 * `bins` is needed for the degree-preserving models and gives the node count for all of them.
 */
export function randomNodeSets(
  bins: DegreeBins,
  nodes: ArrayLike<number>,
  options: Partial<RandomNodeSetsOptions> = {},
): RandomNodeSets {
  const { count, seed, nullModel } = { ...RANDOM_NODE_SETS_DEFAULTS, ...options };
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`randomNodeSets: count must be a non-negative integer, got ${count}`);
  }
  if (!(nullModel in NULL_MODEL_DESCRIPTIONS)) {
    throw new RangeError(`randomNodeSets: unknown null model "${nullModel}"`);
  }
  const set = validateNodeSet('randomNodeSets', nodes, bins.binOf.length);
  const sampler = createNodeSetSampler(bins, set, nullModel, seed);
  const setSize = set.length;
  const out = new Uint32Array(count * setSize);
  const sizes = new Uint32Array(count);
  for (let r = 0; r < count; r++) {
    sizes[r] = sampler(out.subarray(r * setSize, (r + 1) * setSize));
  }
  return { count, setSize, nodes: out, sizes, nullModel, seed };
}

/**
 * A stateful sampler: each call writes one random counterpart of `set` into `out`
 * (length |set|) and returns how many slots are valid. Used by `randomNodeSets` and by loops
 * that do not want to hold all R sets in memory; the stream is identical either way.
 * `seed` is a 32-bit seed or an existing generator (to share one stream between samplers).
 */
export function createNodeSetSampler(
  bins: DegreeBins,
  set: Uint32Array,
  nullModel: NullModel,
  seed: number | Random,
): (out: Uint32Array) => number {
  const random = typeof seed === 'number' ? createRandom(seed) : seed;
  const nodeCount = bins.binOf.length;
  const setSize = set.length;

  if (nullModel === 'uniform') {
    const pool = new Uint32Array(nodeCount);
    for (let i = 0; i < nodeCount; i++) pool[i] = i;
    return (out) => {
      // Partial Fisher–Yates on a persistent pool: uniform whatever order the pool is in.
      for (let i = 0; i < setSize; i++) {
        const j = i + random.nextInt(nodeCount - i);
        const swap = pool[i];
        pool[i] = pool[j];
        pool[j] = swap;
        out[i] = pool[i];
      }
      return setSize;
    };
  }

  if (nullModel === 'degree-scdrugprio') {
    // Group the slots of S by bin: slotsByBin[slotStart[g] …] are the slots of the g-th used bin.
    const usedBins: number[] = [];
    const slotLists = new Map<number, number[]>();
    for (let i = 0; i < setSize; i++) {
      const b = bins.binOf[set[i]];
      let list = slotLists.get(b);
      if (!list) {
        list = [];
        slotLists.set(b, list);
        usedBins.push(b);
      }
      list.push(i);
    }
    const pools = usedBins.map((b) => bins.members.slice(bins.binStart[b], bins.binStart[b + 1]));
    const slots = usedBins.map((b) => Uint32Array.from(slotLists.get(b) as number[]));
    return (out) => {
      for (let g = 0; g < pools.length; g++) {
        const pool = pools[g];
        const slotList = slots[g];
        const size = pool.length;
        for (let i = 0; i < slotList.length; i++) {
          const j = i + random.nextInt(size - i);
          const swap = pool[i];
          pool[i] = pool[j];
          pool[j] = swap;
          out[slotList[i]] = pool[i];
        }
      }
      return setSize;
    };
  }

  // Guney: draw from bin(u) \ {u}, up to 20 redraws on collision, duplicates collapse.
  const seen = new Uint32Array(nodeCount); // generation stamps
  let stamp = 0;
  const binOfSlot = new Uint32Array(setSize);
  for (let i = 0; i < setSize; i++) binOfSlot[i] = bins.binOf[set[i]];
  const drawOther = (i: number): number => {
    const b = binOfSlot[i];
    const start = bins.binStart[b];
    const size = bins.binStart[b + 1] - start;
    if (size < 2) {
      throw new RangeError(
        `randomNodeSets: degree bin ${b} holds only node ${set[i]}; the Guney null needs ≥ 2 nodes per bin`,
      );
    }
    // Uniform over the bin minus u: draw among size − 1 positions and skip u's position.
    let position = random.nextInt(size - 1);
    if (start + position >= bins.positionOf[set[i]]) position++;
    return bins.members[start + position];
  };
  return (out) => {
    stamp++;
    if (stamp === 0xffffffff) {
      seen.fill(0);
      stamp = 1;
    }
    let filled = 0;
    for (let i = 0; i < setSize; i++) {
      let chosen = drawOther(i);
      for (let attempt = 0; attempt < 20 && seen[chosen] === stamp; attempt++) {
        chosen = drawOther(i);
      }
      if (seen[chosen] === stamp) continue; // collapses into the existing member
      seen[chosen] = stamp;
      out[filled++] = chosen;
    }
    out.fill(NO_NODE, filled);
    return filled;
  };
}

/** Checks that `nodes` are distinct, in range, and returns them as a Uint32Array copy. */
export function validateNodeSet(
  where: string,
  nodes: ArrayLike<number>,
  nodeCount: number,
): Uint32Array {
  const set = Uint32Array.from(nodes as ArrayLike<number>);
  const seen = new Uint8Array(nodeCount);
  for (let i = 0; i < set.length; i++) {
    const node = nodes[i];
    if (!Number.isInteger(node) || node < 0 || node >= nodeCount) {
      throw new RangeError(`${where}: node ${node} is not an index below ${nodeCount}`);
    }
    if (seen[node]) throw new RangeError(`${where}: node ${node} is listed twice`);
    seen[node] = 1;
  }
  return set;
}
