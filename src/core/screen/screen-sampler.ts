/**
 * Null draws for a whole drug library at once
 * ============================================
 * The proximity null of Guney 2016 (ALGORITHMS.md §3.4) compares d_c(T, S) with
 * d_r = d_c(T_r, S_r) for degree-matched random sets. Screening J target sets, each draw r
 * produces one random module set S_r and one random target set T_{j,r} per target set j.
 *
 * Two sampling schemes:
 * - **'shared'** (default; scDrugPrio, "one random DEG set per iteration shared by all drugs;
 *   independent random target sets"): S_r and every T_{j,r} come from the scDrugPrio null
 *   (sampling variant (b) of ALGORITHMS.md §3.2: per degree bin, as many nodes as the set has
 *   there, without replacement). S_r is drawn from a stream seeded with `seed`; target set j
 *   has its own stream, seeded by a hash of `seed` and its node list. So a drug's null, and
 *   hence its z, does not depend on which other drugs are screened or in which order.
 *   Sharing S_r across drugs leaves each drug's null distribution unchanged; it is what makes a
 *   draw cost one BFS for all drugs.
 * - **'guney'** (Guney's `calculate_proximity`, for comparison with published values): sampling
 *   variant (a) (per node, a draw from its degree bin without the node itself, ≤ 20 redraws
 *   on a collision; a set may shrink). Guney draws both sets anew for every drug–disease pair
 *   but calls `random.seed(seed)` before each draw, so every pair restarts the generator: the
 *   module's random sets are the same for every drug (so one BFS per draw still serves all
 *   drugs), and every target set's stream starts from the same state (drugs whose targets sit
 *   in the same degree bins get the same random sets). Here the module stream is seeded with
 *   `seed` and every target stream with `seed` xor 0x9e3779b9. Not reproduced: the reference
 *   restarts ONE generator for both sets, which correlates S_r with T_r (on a 5-node path the
 *   two draws even coincide); nor Python's Mersenne Twister: values agree with published ones
 *   within Monte-Carlo error.
 *
 * Batches are drawn column by column from each stream in order, so any batch size gives the
 * same draws (the CPU reference and the engine runner rely on this).
 */
import type { DegreeBins } from '../random/degree-bins';
import { createRandom } from '../random/random';
import { createNodeSetSampler, NO_NODE, type NullModel } from '../random/random-node-sets';

export type ScreenSampling = 'shared' | 'guney';

export const SCREEN_SAMPLING_DESCRIPTIONS: Record<ScreenSampling, string> = {
  shared:
    'shared (scDrugPrio): per draw one degree-matched random module set shared by all drugs and an independent degree-matched random target set per drug (per-bin sampling without replacement); each target set has its own stream seeded by hash(seed, targets)',
  guney:
    "guney (Guney 2016 calculate_proximity): per node a draw from its degree bin without itself, ≤ 20 redraws on collision; the generator restarts from the seed for every drug–module pair, so the module's random sets are the same for every drug",
};

/** The null model each scheme uses for both sets. */
export const SCREEN_SAMPLING_NULL_MODEL: Record<ScreenSampling, NullModel> = {
  shared: 'degree-scdrugprio',
  guney: 'degree-guney',
};

/**
 * `columns` draws. Module sets in CSR form (column c: moduleNodes[moduleOffsets[c]] …);
 * target draws slot-major: slot k (k over all target sets, as in the library's offsets) of
 * column c is targetNodes[k · columns + c], `NO_NODE` past the draw's size (Guney only);
 * targetSizes[j · columns + c] is the size of set j's draw c.
 */
export interface ScreenDrawBatch {
  readonly columns: number;
  readonly moduleNodes: Uint32Array;
  readonly moduleOffsets: Uint32Array;
  readonly targetNodes: Uint32Array;
  readonly targetSizes: Uint32Array;
}

export interface ScreenSampler {
  readonly sampling: ScreenSampling;
  readonly setCount: number;
  /** Slot offsets of the target sets (length J + 1). */
  readonly setOffsets: Uint32Array;
  /** The next `columns` draws. With `withModule: false` the module stream is not advanced. */
  nextBatch(columns: number, withModule?: boolean): ScreenDrawBatch;
}

/** Guney sampling: every target stream starts from seed xor this (the module stream from seed). */
export const GUNEY_TARGET_STREAM = 0x9e3779b9;

/** 32-bit seed of a target set's own stream: FNV-1a over the seed and the sorted node list. */
export function targetSetSeed(seed: number, nodes: ArrayLike<number>): number {
  let hash = 0x811c9dc5;
  const mix = (word: number) => {
    for (let byte = 0; byte < 4; byte++) {
      hash ^= (word >>> (8 * byte)) & 0xff;
      hash = Math.imul(hash, 0x01000193);
    }
  };
  mix(seed >>> 0);
  mix(nodes.length);
  for (let i = 0; i < nodes.length; i++) mix(nodes[i]);
  return hash >>> 0;
}

/**
 * A sampler over the module and the library's target sets (CSR `setOffsets`/`setNodes`,
 * node indices of the graph the bins were built on).
 */
export function createScreenSampler(
  bins: DegreeBins,
  moduleNodes: Uint32Array,
  setOffsets: Uint32Array,
  setNodes: Uint32Array,
  seed: number,
  sampling: ScreenSampling,
): ScreenSampler {
  if (!(sampling in SCREEN_SAMPLING_NULL_MODEL)) {
    throw new RangeError(`screen sampler: sampling must be 'shared' or 'guney', got "${sampling}"`);
  }
  if (moduleNodes.length === 0) throw new RangeError('screen sampler: the module is empty');
  const nullModel = SCREEN_SAMPLING_NULL_MODEL[sampling];
  const setCount = setOffsets.length - 1;
  const moduleSampler = createNodeSetSampler(bins, moduleNodes, nullModel, createRandom(seed));
  const setSamplers: ((out: Uint32Array) => number)[] = [];
  for (let j = 0; j < setCount; j++) {
    const nodes = setNodes.subarray(setOffsets[j], setOffsets[j + 1]);
    const streamSeed =
      sampling === 'shared' ? targetSetSeed(seed, nodes) : (seed ^ GUNEY_TARGET_STREAM) >>> 0;
    setSamplers.push(createNodeSetSampler(bins, nodes, nullModel, createRandom(streamSeed)));
  }
  let maxSetSize = 0;
  for (let j = 0; j < setCount; j++) {
    maxSetSize = Math.max(maxSetSize, setOffsets[j + 1] - setOffsets[j]);
  }
  const moduleDraw = new Uint32Array(moduleNodes.length);
  const setDraw = new Uint32Array(maxSetSize);
  const slots = setOffsets[setCount];

  return {
    sampling,
    setCount,
    setOffsets,
    nextBatch(columns, withModule = true) {
      if (!Number.isInteger(columns) || columns < 1) {
        throw new RangeError(`screen sampler: columns must be a positive integer, got ${columns}`);
      }
      const moduleOffsets = new Uint32Array(columns + 1);
      const moduleBuffer = new Uint32Array(withModule ? columns * moduleNodes.length : 0);
      if (withModule) {
        for (let c = 0; c < columns; c++) {
          const size = moduleSampler(moduleDraw);
          moduleBuffer.set(moduleDraw.subarray(0, size), moduleOffsets[c]);
          moduleOffsets[c + 1] = moduleOffsets[c] + size;
        }
      }
      const targetNodes = new Uint32Array(slots * columns);
      const targetSizes = new Uint32Array(setCount * columns);
      for (let j = 0; j < setCount; j++) {
        const first = setOffsets[j];
        const width = setOffsets[j + 1] - first;
        const sample = setSamplers[j];
        const draw = setDraw.subarray(0, width);
        for (let c = 0; c < columns; c++) {
          const size = sample(draw);
          targetSizes[j * columns + c] = size;
          for (let k = 0; k < width; k++) {
            targetNodes[(first + k) * columns + c] = k < size ? draw[k] : NO_NODE;
          }
        }
      }
      return {
        columns,
        moduleNodes: moduleBuffer.subarray(0, moduleOffsets[columns]),
        moduleOffsets,
        targetNodes,
        targetSizes,
      };
    },
  };
}
