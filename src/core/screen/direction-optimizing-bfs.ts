/**
 * Direction-optimising multi-source BFS (the CPU fast path of the screen's null draws)
 * ===================================================================================
 *   dist[v · B + c] = min_{s ∈ S_c} d(s, v)        (uint8, node-major N×B, 255 = unreachable)
 * Same output as multiSourceBfs in src/core/engine/multi-source-bfs.ts, computed with
 * Beamer, Asanović & Patterson's hybrid search (SC 2012, "Direction-optimizing breadth-first
 * search"). A level is expanded either
 * - top-down: every frontier node marks its unvisited neighbours (cost: frontier edges), or
 * - bottom-up: every unvisited node looks for a neighbour on the frontier and stops at the first
 *   (cost: at most the unvisited nodes' edges, usually far fewer).
 * Switch to bottom-up when the frontier's edges exceed 1/α of the unvisited nodes' edges
 * (α = 14), and back to top-down when the frontier has fewer than N/β nodes (β = 24), the
 * paper's constants. On small-world interactomes the two or three middle levels hold most of
 * the nodes, so bottom-up skips most edge checks: about 4× fewer than a plain BFS on the
 * Menche interactome. Undirected graphs only (bottom-up reads a node's neighbours as its
 * in-neighbours). The level cap of 254 matches the engine kernels.
 */
import type { CsrGraph } from '../graph/csr';
import { MAX_DISTANCE, UNREACHABLE, validateNodeSets } from '../engine/multi-source-bfs';

const ALPHA = 14;
const BETA = 24;

/** Reusable scratch for one graph. */
export interface BfsScratch {
  readonly level: Uint8Array;
  readonly frontier: Uint32Array;
  readonly next: Uint32Array;
}

export function createBfsScratch(nodeCount: number): BfsScratch {
  return {
    level: new Uint8Array(nodeCount),
    frontier: new Uint32Array(nodeCount),
    next: new Uint32Array(nodeCount),
  };
}

/**
 * Distances of every node to one set, written to column `column` of a node-major block with
 * `width` columns (entries of other columns are left alone).
 */
export function directionOptimizingBfsColumn(
  graph: CsrGraph,
  sources: ArrayLike<number>,
  out: Uint8Array,
  width: number,
  column: number,
  scratch: BfsScratch = createBfsScratch(graph.nodeCount),
): void {
  const n = graph.nodeCount;
  const { offsets, targets } = graph;
  const level = scratch.level;
  let frontier = scratch.frontier;
  let next = scratch.next;
  level.fill(UNREACHABLE);
  let frontierSize = 0;
  let frontierEdges = 0;
  let unvisitedEdges = offsets[n];
  for (let i = 0; i < sources.length; i++) {
    const s = sources[i];
    if (level[s] === 0) continue;
    level[s] = 0;
    frontier[frontierSize++] = s;
    const degree = offsets[s + 1] - offsets[s];
    frontierEdges += degree;
    unvisitedEdges -= degree;
  }
  let isBottomUp = false;
  for (let depth = 1; frontierSize > 0 && depth <= MAX_DISTANCE; depth++) {
    if (!isBottomUp && frontierEdges * ALPHA > unvisitedEdges) isBottomUp = true;
    else if (isBottomUp && frontierSize * BETA < n) isBottomUp = false;
    let nextSize = 0;
    let nextEdges = 0;
    if (isBottomUp) {
      const previous = depth - 1;
      for (let v = 0; v < n; v++) {
        if (level[v] !== UNREACHABLE) continue;
        const e1 = offsets[v + 1];
        for (let e = offsets[v]; e < e1; e++) {
          if (level[targets[e]] === previous) {
            level[v] = depth;
            next[nextSize++] = v;
            nextEdges += e1 - offsets[v];
            break;
          }
        }
      }
    } else {
      for (let i = 0; i < frontierSize; i++) {
        const u = frontier[i];
        for (let e = offsets[u]; e < offsets[u + 1]; e++) {
          const w = targets[e];
          if (level[w] !== UNREACHABLE) continue;
          level[w] = depth;
          next[nextSize++] = w;
          nextEdges += offsets[w + 1] - offsets[w];
        }
      }
    }
    unvisitedEdges -= nextEdges;
    const swap = frontier;
    frontier = next;
    next = swap;
    frontierSize = nextSize;
    frontierEdges = nextEdges;
  }
  for (let v = 0, k = column; v < n; v++, k += width) out[k] = level[v];
}

/** multiSourceBfs (same arguments and output), direction-optimised. */
export function directionOptimizingBfs(
  graph: CsrGraph,
  sets: Uint32Array,
  setOffsets: Uint32Array,
): Uint8Array {
  const columns = validateNodeSets('directionOptimizingBfs', graph.nodeCount, sets, setOffsets);
  const out = new Uint8Array(graph.nodeCount * columns);
  const scratch = createBfsScratch(graph.nodeCount);
  for (let c = 0; c < columns; c++) {
    directionOptimizingBfsColumn(
      graph,
      sets.subarray(setOffsets[c], setOffsets[c + 1]),
      out,
      columns,
      c,
      scratch,
    );
  }
  return out;
}
