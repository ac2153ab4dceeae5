/**
 * Batched multi-source breadth-first search (distance to a node set): reference
 * ============================================================================
 *   dist[v · B + b] = min_{s ∈ S_b} d(s, v)
 * for B node sets S_0 … S_{B−1} (one output column per set), where d(s, v) is the number of
 * edges on a shortest directed path s → … → v (for an undirected graph: the hop distance).
 * This is δ(v) = min_{s∈S} d(v, s) of the closest-distance proximity (Guney et al., Nat Commun
 * 7:10331, 2016; ALGORITHMS.md §3.4), without an all-pairs matrix. Sources have distance 0.
 * Output is uint8, node-major N×B; UNREACHABLE (255) marks nodes no source reaches. The search
 * stops at MAX_DISTANCE (254): a node farther away reads as unreachable (biological networks
 * have diameters below 20). Sets arrive in CSR form: set b is
 * sets[setOffsets[b]] … sets[setOffsets[b + 1] − 1]; an empty set gives an all-255 column.
 * One queue-based BFS per set; the fast kernels are bit-parallel (src/engine/cpu-kernels.ts,
 * src/gpu/multi-source-bfs.ts).
 */
import type { CsrGraph } from '../graph/csr';

export const UNREACHABLE = 255;
export const MAX_DISTANCE = 254;

/** Throws unless setOffsets is a valid CSR over sets with node indices below nodeCount. */
export function validateNodeSets(
  where: string,
  nodeCount: number,
  sets: Uint32Array,
  setOffsets: Uint32Array,
): number {
  if (setOffsets.length < 2) {
    throw new RangeError(
      `${where}: setOffsets needs at least 2 entries (one set), got ${setOffsets.length}`,
    );
  }
  if (setOffsets[0] !== 0 || setOffsets[setOffsets.length - 1] !== sets.length) {
    throw new RangeError(
      `${where}: setOffsets must start at 0 and end at sets.length (${sets.length}), got ${setOffsets[0]} … ${setOffsets[setOffsets.length - 1]}`,
    );
  }
  for (let b = 0; b + 1 < setOffsets.length; b++) {
    if (setOffsets[b + 1] < setOffsets[b]) {
      throw new RangeError(`${where}: setOffsets must be non-decreasing (at set ${b})`);
    }
  }
  for (let k = 0; k < sets.length; k++) {
    if (sets[k] >= nodeCount) {
      throw new RangeError(`${where}: sets[${k}] = ${sets[k]} is not below nodeCount ${nodeCount}`);
    }
  }
  return setOffsets.length - 1;
}

/** Distances from every set to every node (uint8, node-major N×B; 255 = unreachable). */
export function multiSourceBfs(
  graph: CsrGraph,
  sets: Uint32Array,
  setOffsets: Uint32Array,
): Uint8Array {
  const n = graph.nodeCount;
  const columns = validateNodeSets('multiSourceBfs', n, sets, setOffsets);
  const dist = new Uint8Array(n * columns).fill(UNREACHABLE);
  const queue = new Uint32Array(n);
  const level = new Int32Array(n);
  for (let b = 0; b < columns; b++) {
    level.fill(-1);
    let head = 0;
    let tail = 0;
    for (let k = setOffsets[b]; k < setOffsets[b + 1]; k++) {
      const s = sets[k];
      if (level[s] === 0) continue;
      level[s] = 0;
      queue[tail++] = s;
    }
    while (head < tail) {
      const u = queue[head++];
      dist[u * columns + b] = level[u];
      if (level[u] === MAX_DISTANCE) continue;
      for (let e = graph.offsets[u]; e < graph.offsets[u + 1]; e++) {
        const v = graph.targets[e];
        if (level[v] !== -1) continue;
        level[v] = level[u] + 1;
        queue[tail++] = v;
      }
    }
  }
  return dist;
}
