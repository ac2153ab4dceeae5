/**
 * Sparse operators for the engine kernels
 * =======================================
 * Every propagation kernel computes y = M·x with M stored in *pull* form: row i of M lists the
 * nodes j that node i reads from, so one output row is one independent dot product (no
 * atomics on the GPU, no write conflicts between CPU threads). For a graph with edges i → j
 * (CsrGraph out-edges), information flows along the edge, so row j of M lists the *sources*
 * of j's in-edges: M is built from the transpose of the graph. For an undirected graph (every
 * edge stored both ways) the transpose is the graph itself.
 *
 *   randomWalkMatrix    W = A·D⁻¹, column-stochastic: W[j, i] = w(i → j) / s(i), where
 *                       s(i) = Σ_j w(i → j) is the out-strength. A node with s(i) = 0 has an
 *                       all-zero column (its mass leaks; none exist in a connected graph).
 *                       Weights must be ≥ 0.
 *   signedAverageMatrix Ŝ[j, i] = w(i → j) / Σ_{i'} |w(i' → j)|: each node takes the signed,
 *                       weighted average of its regulators, so Σ_i |Ŝ[j, i]| ≤ 1 and α·Ŝ is a
 *                       contraction in the ∞-norm for α < 1. Rows without in-edges are zero.
 *   adjacencyPattern    in-neighbour lists only (values 1), for breadth-first search.
 *
 * Values are float64 here (the reference); the engines round them to float32 once.
 * References: Cowen et al., Nat Rev Genet 18:551 (2017) for W; Köhler et al., AJHG 82:949
 * (2008) for the walk with restart built on it.
 */
import type { CsrGraph } from '../graph/csr';

/** A square sparse matrix in CSR form: row i holds M[i, columns[e]] = values[e]. */
export interface SparseMatrix {
  /** Number of rows = number of columns = node count. */
  readonly size: number;
  /** Row i is offsets[i] … offsets[i + 1] − 1. Length: size + 1. */
  readonly offsets: Uint32Array;
  /** Column index of each stored value, ascending within a row. */
  readonly columns: Uint32Array;
  readonly values: Float64Array;
}

/** Which operator a kernel needs; the engines cache one upload per kind. */
export type MatrixKind = 'randomWalk' | 'signedAverage' | 'pattern';

/** The transpose of the graph's adjacency: row j lists every i with an edge i → j. */
export function transposeGraph(graph: CsrGraph): {
  offsets: Uint32Array;
  sources: Uint32Array;
  weights: Float64Array;
} {
  const n = graph.nodeCount;
  const nnz = graph.targets.length;
  const offsets = new Uint32Array(n + 1);
  for (let e = 0; e < nnz; e++) offsets[graph.targets[e] + 1] += 1;
  for (let j = 0; j < n; j++) offsets[j + 1] += offsets[j];
  const cursor = offsets.slice(0, n);
  const sources = new Uint32Array(nnz);
  const weights = new Float64Array(nnz);
  // Walking sources in ascending order keeps every transposed row sorted.
  for (let i = 0; i < n; i++) {
    for (let e = graph.offsets[i]; e < graph.offsets[i + 1]; e++) {
      const slot = cursor[graph.targets[e]]++;
      sources[slot] = i;
      weights[slot] = graph.weights[e];
    }
  }
  return { offsets, sources, weights };
}

/** Column-stochastic random-walk matrix W = A·D⁻¹ in pull form (see the header). */
export function randomWalkMatrix(graph: CsrGraph): SparseMatrix {
  assertNonNegative('randomWalkMatrix', graph);
  const strength = new Float64Array(graph.nodeCount);
  for (let i = 0; i < graph.nodeCount; i++) {
    for (let e = graph.offsets[i]; e < graph.offsets[i + 1]; e++) strength[i] += graph.weights[e];
  }
  const { offsets, sources, weights } = transposeGraph(graph);
  for (let e = 0; e < sources.length; e++) {
    const s = strength[sources[e]];
    weights[e] = s > 0 ? weights[e] / s : 0;
  }
  return { size: graph.nodeCount, offsets, columns: sources, values: weights };
}

/** Signed in-average matrix Ŝ in pull form (see the header). */
export function signedAverageMatrix(graph: CsrGraph): SparseMatrix {
  const { offsets, sources, weights } = transposeGraph(graph);
  for (let j = 0; j < graph.nodeCount; j++) {
    let total = 0;
    for (let e = offsets[j]; e < offsets[j + 1]; e++) total += Math.abs(weights[e]);
    for (let e = offsets[j]; e < offsets[j + 1]; e++)
      weights[e] = total > 0 ? weights[e] / total : 0;
  }
  return { size: graph.nodeCount, offsets, columns: sources, values: weights };
}

/** In-neighbour structure with unit values, for breadth-first search. */
export function adjacencyPattern(graph: CsrGraph): SparseMatrix {
  const { offsets, sources, weights } = transposeGraph(graph);
  weights.fill(1);
  return { size: graph.nodeCount, offsets, columns: sources, values: weights };
}

/** Builds the operator of the given kind. */
export function buildMatrix(graph: CsrGraph, kind: MatrixKind): SparseMatrix {
  if (kind === 'randomWalk') return randomWalkMatrix(graph);
  if (kind === 'signedAverage') return signedAverageMatrix(graph);
  return adjacencyPattern(graph);
}

/** Weighted degree (out-strength) of every node, float64. */
export function nodeStrengths(graph: CsrGraph): Float64Array {
  const strength = new Float64Array(graph.nodeCount);
  for (let i = 0; i < graph.nodeCount; i++) {
    for (let e = graph.offsets[i]; e < graph.offsets[i + 1]; e++) strength[i] += graph.weights[e];
  }
  return strength;
}

/** True when every edge i → j of weight w has a twin j → i of the same weight. */
export function isSymmetric(graph: CsrGraph): boolean {
  for (let i = 0; i < graph.nodeCount; i++) {
    for (let e = graph.offsets[i]; e < graph.offsets[i + 1]; e++) {
      const j = graph.targets[e];
      const twin = findEdge(graph, j, i);
      if (twin < 0 || graph.weights[twin] !== graph.weights[e]) return false;
    }
  }
  return true;
}

// Binary search in row `from` (rows are sorted by target).
function findEdge(graph: CsrGraph, from: number, to: number): number {
  let lo = graph.offsets[from];
  let hi = graph.offsets[from + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const t = graph.targets[mid];
    if (t === to) return mid;
    if (t < to) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

function assertNonNegative(where: string, graph: CsrGraph): void {
  for (let e = 0; e < graph.weights.length; e++) {
    if (!(graph.weights[e] >= 0)) {
      throw new RangeError(
        `${where}: edge weights must be non-negative numbers, edge ${e} has ${graph.weights[e]}`,
      );
    }
  }
}
