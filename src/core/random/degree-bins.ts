/**
 * Degree bins for degree-preserving random node sets
 * ==================================================
 * Guney et al. 2016 (`get_degree_binning(g, bin_size)`, emreg00/toolbox), also used by
 * scDrugPrio (`bin_creation_by_min_bin_size`); ALGORITHMS.md §3.2:
 *
 * 1. Sort the distinct degrees ascending.
 * 2. Walk them, adding whole degree classes to the current bin until it holds ≥ B nodes
 *    (B = `minBinSize`, default 100); then start a new bin.
 * 3. If the last bin has < B nodes, merge it into the previous bin.
 *
 * Every bin is a contiguous degree range [lowDegree, highDegree]. On the Menche 2015 LCC
 * (13,329 nodes) B = 100 gives 46 bins. A graph with fewer than B nodes in total gets one bin
 * (the reference code would fail there).
 */
import type { CsrGraph } from '../graph/csr';

export interface DegreeBinsOptions {
  /** Minimum number of nodes per bin (B). */
  minBinSize: number;
}

export const DEGREE_BINS_DEFAULTS: DegreeBinsOptions = { minBinSize: 100 };

/** Degree classes grouped into bins; all arrays are indexed as documented. */
export interface DegreeBins {
  readonly binCount: number;
  readonly minBinSize: number;
  /** Bin of each node. Length: nodeCount. */
  readonly binOf: Uint32Array;
  /** Nodes of bin b are members[binStart[b] … binStart[b+1] − 1], ascending. Length: binCount + 1. */
  readonly binStart: Uint32Array;
  /** All nodes, grouped by bin, ascending node index within a bin. Length: nodeCount. */
  readonly members: Uint32Array;
  /** Position of each node inside `members`. Length: nodeCount. */
  readonly positionOf: Uint32Array;
  /** Smallest and largest degree of each bin. Length: binCount. */
  readonly lowDegree: Uint32Array;
  readonly highDegree: Uint32Array;
  /** The degree of every node the bins were built from. */
  readonly degree: Uint32Array;
}

/** Degree bins of an undirected graph (degree = row length of the CSR). */
export function degreeBins(graph: CsrGraph, options: Partial<DegreeBinsOptions> = {}): DegreeBins {
  const degree = new Uint32Array(graph.nodeCount);
  for (let i = 0; i < graph.nodeCount; i++) degree[i] = graph.offsets[i + 1] - graph.offsets[i];
  return degreeBinsFromDegrees(degree, options);
}

/** Degree bins from a degree array (one entry per node). */
export function degreeBinsFromDegrees(
  degree: Uint32Array,
  options: Partial<DegreeBinsOptions> = {},
): DegreeBins {
  const { minBinSize } = { ...DEGREE_BINS_DEFAULTS, ...options };
  if (!Number.isInteger(minBinSize) || minBinSize < 1) {
    throw new RangeError(`degreeBins: minBinSize must be an integer ≥ 1, got ${minBinSize}`);
  }
  const nodeCount = degree.length;
  let maxDegree = 0;
  for (let i = 0; i < nodeCount; i++) if (degree[i] > maxDegree) maxDegree = degree[i];
  const classSize = new Uint32Array(maxDegree + 1);
  for (let i = 0; i < nodeCount; i++) classSize[degree[i]]++;

  // Walk the distinct degrees, closing a bin once it holds ≥ minBinSize nodes.
  const lows: number[] = [];
  const highs: number[] = [];
  const sizes: number[] = [];
  let open = false;
  let size = 0;
  for (let d = 0; d <= maxDegree; d++) {
    if (classSize[d] === 0) continue;
    if (!open) {
      lows.push(d);
      open = true;
      size = 0;
    }
    size += classSize[d];
    if (size >= minBinSize) {
      highs.push(d);
      sizes.push(size);
      open = false;
    }
  }
  if (open) {
    // A short last bin joins the previous one (or stands alone if there is none).
    const last = lows.pop() as number;
    if (sizes.length > 0) {
      highs[highs.length - 1] = maxDegree;
      sizes[sizes.length - 1] += size;
    } else {
      lows.push(last);
      highs.push(maxDegree);
      sizes.push(size);
    }
  }

  const binCount = lows.length;
  const binOfDegree = new Uint32Array(maxDegree + 1);
  for (let b = 0; b < binCount; b++) binOfDegree.fill(b, lows[b], highs[b] + 1);
  const binOf = new Uint32Array(nodeCount);
  const binStart = new Uint32Array(binCount + 1);
  for (let i = 0; i < nodeCount; i++) {
    binOf[i] = binOfDegree[degree[i]];
    binStart[binOf[i] + 1]++;
  }
  for (let b = 0; b < binCount; b++) binStart[b + 1] += binStart[b];
  const cursor = binStart.slice(0, binCount);
  const members = new Uint32Array(nodeCount);
  const positionOf = new Uint32Array(nodeCount);
  for (let i = 0; i < nodeCount; i++) {
    const slot = cursor[binOf[i]]++;
    members[slot] = i;
    positionOf[i] = slot;
  }
  return {
    binCount,
    minBinSize,
    binOf,
    binStart,
    members,
    positionOf,
    lowDegree: Uint32Array.from(lows),
    highDegree: Uint32Array.from(highs),
    degree,
  };
}
