/**
 * Adjoint fast path: every drug's RWR influence on a module from ONE propagation
 * =============================================================================
 * Score. Walkers start uniformly on a drug's targets T (u_T = 1_T/|T|) and walk with restart
 * on W = A·D⁻¹; the drug's influence on module M is the stationary share found in M:
 *   I(T → M) = Σ_{m∈M} (F·u_T)[m] = 1_Mᵀ·F·u_T,   F = r·(I − (1 − r)·W)⁻¹
 * Directly that is one propagation per drug. Transposing instead:
 *   I(T → M) = (1/|T|)·Σ_{t∈T} g[t],   g = Fᵀ·1_M,   g[t] = Σ_{m∈M} F[m, t]
 * Identity used (A symmetric with non-negative weights, D = diag(k), k = weighted degree > 0):
 *   Wᵀ = (A·D⁻¹)ᵀ = D⁻¹·A = D⁻¹·(A·D⁻¹)·D = D⁻¹·W·D
 *   Fᵀ = r·(I − (1 − r)·D⁻¹WD)⁻¹ = D⁻¹·[r·(I − (1 − r)·W)⁻¹]·D = D⁻¹·F·D
 *        (equivalently F·D is symmetric: F[i, j]·k_j = F[j, i]·k_i, detailed balance)
 *   g = Fᵀ·1_M = D⁻¹·F·(D·1_M) = D⁻¹·F·k_M,   k_M = k on M, 0 elsewhere
 *   ⇒ Σ_{m∈M} F[m, t] = (F·k_M)[t] / k_t.
 * So ONE walk seeded with p₀ = k_M / K (K = Σ_{m∈M} k_m) gives p = F·k_M / K and
 *   g[t] = K·p[t] / k_t.
 * An isolated node t (k_t = 0) has a zero column in W, so F[:, t] = r·e_t and g[t] = r·1[t ∈ M].
 * Cost: one propagation (B = 1) plus a gather, instead of J propagations.
 *
 * Which scores qualify: scores linear in the start vector whose operator is a power series
 * f(W) of W = A·D⁻¹ on a symmetric network, since D⁻¹·f(W)·D = f(W)ᵀ for all of them: the
 * RWR influence here, and the heat-kernel influence exp(−t(I − W)) of heat-diffusion.ts.
 * (The unclamped linear signed dynamics on a symmetric network obey the mirrored identity
 * with D⁻¹ and D swapped.) Which do not: clamped dynamics (held nodes change the operator
 * for each perturbation), tanh dynamics (nonlinear), closest-distance proximity (a minimum
 * over paths), and directed or asymmetrically weighted networks (Wᵀ ≠ D⁻¹·W·D).
 * The result carries the walk's truncation error: |Δ| ≤ K·tolerance·(1 − r)/r / k_t per node.
 */
import type { CsrGraph } from '../graph/csr';
import type { ColumnIterationResult } from './column-iteration';
import {
  randomWalkWithRestart,
  resolveRwrOptions,
  type RwrOptions,
} from './random-walk-with-restart';
import { isSymmetric, nodeStrengths } from './sparse-matrix';

/** Fixed per-drug target lists: drug j owns targets[offsets[j]] … targets[offsets[j + 1] − 1]. */
export interface DrugTargets {
  offsets: Uint32Array;
  targets: Uint32Array;
}

export interface InfluenceResult {
  /** g[t] = Σ_{m∈M} F[m, t]: influence on the module of a walk started at t alone. */
  perNode: Float64Array;
  /** I(T_j → M) = mean of g over drug j's targets (NaN for a drug without targets). */
  perDrug: Float64Array;
  /** Steps the single propagation took, and whether it met the tolerance. */
  iterations: number;
  converged: boolean;
}

/** The degree-weighted module seed p₀ = k_M / K, and K. Checks the graph is symmetric. */
export function influenceSeed(
  graph: CsrGraph,
  moduleNodes: Uint32Array,
): { seed: Float64Array; total: number; strengths: Float64Array } {
  if (moduleNodes.length === 0) throw new RangeError('rwrInfluence: the module is empty');
  for (let k = 0; k < moduleNodes.length; k++) {
    if (moduleNodes[k] >= graph.nodeCount) {
      throw new RangeError(
        `rwrInfluence: moduleNodes[${k}] = ${moduleNodes[k]} is not below nodeCount ${graph.nodeCount}`,
      );
    }
  }
  if (!isSymmetric(graph)) {
    throw new RangeError(
      'rwrInfluence: the adjoint identity needs a symmetric network (every edge stored both ways with equal weight)',
    );
  }
  const strengths = nodeStrengths(graph);
  const seed = new Float64Array(graph.nodeCount);
  for (let k = 0; k < moduleNodes.length; k++) seed[moduleNodes[k]] = strengths[moduleNodes[k]];
  let total = 0;
  for (let i = 0; i < seed.length; i++) total += seed[i];
  if (total > 0) for (let i = 0; i < seed.length; i++) seed[i] /= total;
  return { seed, total, strengths };
}

/** g[t] from the propagated seed p (see the header). */
export function influencePerNode(
  propagated: ArrayLike<number>,
  strengths: Float64Array,
  total: number,
  moduleNodes: Uint32Array,
  restart: number,
): Float64Array {
  const perNode = new Float64Array(strengths.length);
  for (let t = 0; t < strengths.length; t++) {
    if (strengths[t] > 0) perNode[t] = (total * propagated[t]) / strengths[t];
  }
  for (let k = 0; k < moduleNodes.length; k++) {
    if (strengths[moduleNodes[k]] === 0) perNode[moduleNodes[k]] = restart;
  }
  return perNode;
}

/** Mean of a per-node score over each drug's targets (NaN for an empty list). */
export function meanOverTargets(perNode: ArrayLike<number>, drugs: DrugTargets): Float64Array {
  const count = drugs.offsets.length - 1;
  const result = new Float64Array(count);
  for (let j = 0; j < count; j++) {
    const from = drugs.offsets[j];
    const to = drugs.offsets[j + 1];
    let sum = 0;
    for (let k = from; k < to; k++) {
      if (drugs.targets[k] >= perNode.length) {
        throw new RangeError(
          `rwrInfluence: drug ${j} lists node ${drugs.targets[k]} outside the graph`,
        );
      }
      sum += perNode[drugs.targets[k]];
    }
    result[j] = to > from ? sum / (to - from) : NaN;
  }
  return result;
}

/** Every drug's RWR influence on the module, from one propagation (float64 reference). */
export function rwrInfluence(
  graph: CsrGraph,
  moduleNodes: Uint32Array,
  drugs: DrugTargets,
  options: Partial<RwrOptions> = {},
): InfluenceResult {
  const resolved = resolveRwrOptions({ ...options, normalize: false });
  const { seed, total, strengths } = influenceSeed(graph, moduleNodes);
  const walk = randomWalkWithRestart(graph, seed, 1, resolved);
  return influenceFromWalk(walk, { total, strengths }, moduleNodes, drugs, resolved.restart);
}

/** The result of the one-column walk from `influenceSeed`'s seed (any engine's propagation). */
export function influenceFromWalk(
  walk: ColumnIterationResult<Float32Array | Float64Array>,
  seed: { total: number; strengths: Float64Array },
  moduleNodes: Uint32Array,
  drugs: DrugTargets,
  restart: number,
): InfluenceResult {
  const perNode = influencePerNode(walk.values, seed.strengths, seed.total, moduleNodes, restart);
  return {
    perNode,
    perDrug: meanOverTargets(perNode, drugs),
    iterations: walk.iterations[0],
    converged: walk.converged[0] === 1,
  };
}
