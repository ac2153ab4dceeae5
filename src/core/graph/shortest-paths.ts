/**
 * Unweighted shortest-path distances by breadth-first search
 * ==========================================================
 * d(u, v) = number of edges on a shortest path (ALGORITHMS.md notation); −1 marks "unreachable".
 *
 * - `bfsDistances`: single source, O(nodes + edges).
 * - `multiSourceDistances`: δ_S(v) = min_{s∈S} d(s, v) with one BFS seeded by all of S at once.
 * - `nearestOtherSourceDistances`: for each s ∈ S, min_{s'∈S, s'≠s} d(s, s'), the quantity in the
 *   separation measure d_AA (Menche 2015). One BFS that keeps, per node, the two nearest
 *   *distinct* sources: a node's second-nearest distinct source is reachable through a neighbour
 *   that holds it among its own two, so two labels per node suffice and the cost stays
 *   O(2 · (nodes + edges)). For s itself the first label is (s, 0) and the second is the answer.
 */
import type { CsrGraph } from './csr';

/** Distances from `source` to every node (−1 when unreachable). */
export function bfsDistances(graph: CsrGraph, source: number, out?: Int32Array): Int32Array {
  return multiSourceDistances(graph, [source], out);
}

/** min over sources of the distance to every node (−1 when no source reaches it). */
export function multiSourceDistances(
  graph: CsrGraph,
  sources: ArrayLike<number>,
  out?: Int32Array,
): Int32Array {
  const n = graph.nodeCount;
  const dist = out ?? new Int32Array(n);
  if (dist.length !== n) {
    throw new RangeError(`multiSourceDistances: out has length ${dist.length}, expected ${n}`);
  }
  dist.fill(-1);
  const queue = new Uint32Array(n);
  let tail = 0;
  for (let i = 0; i < sources.length; i++) {
    const s = sources[i];
    if (!(s >= 0 && s < n)) throw new RangeError(`multiSourceDistances: bad source ${s}`);
    if (dist[s] === 0) continue;
    dist[s] = 0;
    queue[tail++] = s;
  }
  const { offsets, targets } = graph;
  for (let head = 0; head < tail; head++) {
    const v = queue[head];
    const next = dist[v] + 1;
    for (let e = offsets[v]; e < offsets[v + 1]; e++) {
      const w = targets[e];
      if (dist[w] === -1) {
        dist[w] = next;
        queue[tail++] = w;
      }
    }
  }
  return dist;
}

/**
 * For each sources[i]: the distance to the nearest *other* source (−1 if none is reachable).
 * Sources must be distinct.
 */
export function nearestOtherSourceDistances(
  graph: CsrGraph,
  sources: ArrayLike<number>,
): Int32Array {
  const n = graph.nodeCount;
  const { offsets, targets } = graph;
  // Up to two labels (source, distance) per node; label slot 2v and 2v + 1.
  const labelSource = new Int32Array(2 * n).fill(-1);
  const labelDistance = new Int32Array(2 * n);
  const labelCount = new Uint8Array(n);
  // Queue of label events: (node, slot); processed in non-decreasing distance.
  const queueNode = new Uint32Array(2 * n);
  const queueSlot = new Uint32Array(2 * n);
  let tail = 0;
  for (let i = 0; i < sources.length; i++) {
    const s = sources[i];
    if (!(s >= 0 && s < n)) throw new RangeError(`nearestOtherSourceDistances: bad source ${s}`);
    if (labelCount[s] !== 0) {
      throw new RangeError(`nearestOtherSourceDistances: source ${s} is listed twice`);
    }
    labelSource[2 * s] = s;
    labelDistance[2 * s] = 0;
    labelCount[s] = 1;
    queueNode[tail] = s;
    queueSlot[tail++] = 2 * s;
  }
  for (let head = 0; head < tail; head++) {
    const v = queueNode[head];
    const slot = queueSlot[head];
    const source = labelSource[slot];
    const next = labelDistance[slot] + 1;
    for (let e = offsets[v]; e < offsets[v + 1]; e++) {
      const w = targets[e];
      const count = labelCount[w];
      if (count === 2) continue;
      if (count === 1 && labelSource[2 * w] === source) continue;
      const wSlot = 2 * w + count;
      labelSource[wSlot] = source;
      labelDistance[wSlot] = next;
      labelCount[w] = count + 1;
      queueNode[tail] = w;
      queueSlot[tail++] = wSlot;
    }
  }
  const result = new Int32Array(sources.length);
  for (let i = 0; i < sources.length; i++) {
    const s = sources[i];
    result[i] = labelCount[s] === 2 ? labelDistance[2 * s + 1] : -1;
  }
  return result;
}
