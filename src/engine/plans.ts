/**
 * From user options to backend plans
 * ==================================
 * Validates each request once (shapes, option ranges, non-negative weights for the random
 * walk) and resolves it into the PropagationPlan / ProximityPlan both backends execute.
 * Normalisation and the heat series' e^{−t} factor happen here, in float64, before the
 * blocks are rounded to float32, so every backend starts from the same numbers.
 */
import type { CsrGraph } from '@/core/graph/csr';
import { normalizeColumns } from '@/core/engine/column-iteration';
import {
  validateTargetLists,
  type GatherReduction,
  type TargetLists,
} from '@/core/engine/gather-scores';
import {
  heatKernelTerms,
  resolveHeatDiffusionOptions,
  type HeatDiffusionOptions,
} from '@/core/engine/heat-diffusion';
import { validateNodeSets } from '@/core/engine/multi-source-bfs';
import { resolveRwrOptions, type RwrOptions } from '@/core/engine/random-walk-with-restart';
import {
  resolveSignedDynamicsOptions,
  validatePerturbation,
  type SignedDynamicsOptions,
  type SignedPerturbation,
} from '@/core/engine/signed-dynamics';
import { assertBlock } from '@/core/engine/spmm';
import type { PropagationPlan, ProximityPlan } from './engine-types';

function assertNonNegativeWeights(where: string, graph: CsrGraph): void {
  const weights = graph.weights;
  for (let e = 0; e < weights.length; e++) {
    if (!(weights[e] >= 0)) {
      throw new RangeError(
        `${where}: the random walk needs non-negative edge weights; edge ${e} has ${weights[e]}`,
      );
    }
  }
}

/** RWR: affine step y = (1 − r)·W·x + r·x₀ with column-wise convergence. */
export function rwrPlan(
  graph: CsrGraph,
  seeds: ArrayLike<number>,
  columns: number,
  options: Partial<RwrOptions>,
): PropagationPlan {
  const resolved = resolveRwrOptions(options);
  assertBlock('propagateRwr', graph.nodeCount, columns, seeds.length);
  assertNonNegativeWeights('propagateRwr', graph);
  const start = resolved.normalize
    ? Float32Array.from(normalizeColumns(seeds, graph.nodeCount, columns))
    : Float32Array.from(seeds);
  return {
    matrix: 'randomWalk',
    mode: 'affine',
    alpha: 1 - resolved.restart,
    beta: resolved.restart,
    heatTime: 0,
    start,
    columns,
    clamp: null,
    bias: null,
    convergence: {
      tolerance: resolved.tolerance,
      maxIterations: resolved.maxIterations,
      checkEvery: resolved.checkEvery,
    },
    steps: resolved.maxIterations,
  };
}

/** Heat kernel: K fixed steps v_k = (t/k)·W·v_{k−1}, summed, from v₀ = e^{−t}·x₀. */
export function heatPlan(
  graph: CsrGraph,
  initial: ArrayLike<number>,
  columns: number,
  options: Partial<HeatDiffusionOptions>,
): PropagationPlan {
  const resolved = resolveHeatDiffusionOptions(options);
  assertBlock('heatDiffusion', graph.nodeCount, columns, initial.length);
  assertNonNegativeWeights('heatDiffusion', graph);
  const base = resolved.normalize
    ? normalizeColumns(initial, graph.nodeCount, columns)
    : Float64Array.from(initial);
  const decay = Math.exp(-resolved.time);
  const start = new Float32Array(base.length);
  for (let k = 0; k < base.length; k++) start[k] = base[k] * decay;
  return {
    matrix: 'randomWalk',
    mode: 'heat',
    alpha: 0,
    beta: 0,
    heatTime: resolved.time,
    start,
    columns,
    clamp: null,
    bias: null,
    convergence: null,
    steps: heatKernelTerms(resolved.time, resolved.tolerance),
  };
}

/** Signed dynamics: affine (linear) or tanh steps on Ŝ, clamped entries held at x₀. */
export function signedPlan(
  graph: CsrGraph,
  perturbation: SignedPerturbation,
  columns: number,
  options: Partial<SignedDynamicsOptions>,
): PropagationPlan {
  const resolved = resolveSignedDynamicsOptions(options);
  validatePerturbation(
    'signedDynamics',
    graph.nodeCount,
    columns,
    perturbation,
    resolved.activation,
  );
  const isTanh = resolved.activation === 'tanh';
  return {
    matrix: 'signedAverage',
    mode: isTanh ? 'tanh' : 'affine',
    alpha: resolved.coupling,
    beta: isTanh ? 0 : 1 - resolved.coupling,
    heatTime: 0,
    start: Float32Array.from(perturbation.initial),
    columns,
    clamp: perturbation.clamp ?? null,
    bias: perturbation.bias ? Float32Array.from(perturbation.bias) : null,
    convergence: {
      tolerance: resolved.tolerance,
      maxIterations: resolved.maxIterations,
      checkEvery: resolved.checkEvery,
    },
    steps: resolved.maxIterations,
  };
}

/** One proximity batch: one BFS column per set, one score per (drug, set). */
export interface ProximityRequest {
  /** Node sets in CSR form (one set per column, e.g. one null draw each). */
  sets: Uint32Array;
  setOffsets: Uint32Array;
  /** Drug target lists (fixed, or one draw per column). */
  targets: TargetLists;
  /** mean (closest-distance d_c, default) or min. */
  reduction?: GatherReduction;
  /** Return the J×B scores (default true). */
  keepScores?: boolean;
  /** Return Welford moments over the columns (default false). */
  moments?: boolean;
}

export function proximityPlan(nodeCount: number, request: ProximityRequest): ProximityPlan {
  const columns = validateNodeSets('proximityScores', nodeCount, request.sets, request.setOffsets);
  const drugCount = validateTargetLists('proximityScores', nodeCount, columns, request.targets);
  const reduction = request.reduction ?? 'mean';
  if (reduction !== 'mean' && reduction !== 'min') {
    throw new RangeError(
      `proximityScores: reduction must be 'mean' or 'min', got ${String(reduction)}`,
    );
  }
  return {
    sets: request.sets,
    setOffsets: request.setOffsets,
    columns,
    targets: request.targets,
    drugCount,
    reduction,
    keepScores: request.keepScores ?? true,
    moments: request.moments ?? false,
  };
}
