/**
 * Batched heat-kernel diffusion: reference
 * ========================================
 * Continuous-time diffusion of the random walk (the "heat kernel PageRank" of Chung, PNAS
 * 104:19735, 2007):
 *   x(t) = exp(−t·(I − W))·x₀ = e^{−t} · Σ_{k≥0} (t^k / k!) · W^k · x₀,   W = A·D⁻¹
 * W is column-stochastic, so every column keeps its total heat (I − W is the random-walk
 * Laplacian, eigenvalues in [0, 2]: the series converges fast for moderate t). The series is
 * cut after K terms, K the smallest integer with P(Poisson(t) > K) < tolerance; since
 * ‖W‖₁ ≤ 1, the dropped tail is below tolerance·‖x₀‖₁. Every backend runs the same K steps:
 *   v₀ = e^{−t}·x₀,  v_k = (t / k)·W·v_{k−1},  x = v₀ + v₁ + … + v_K
 * so there is no convergence test and every column reports K iterations.
 * This is not HotNet2's "diffusion", which is the RWR operator F = β(I − (1 − β)W)⁻¹ (use
 * random-walk-with-restart.ts with r = β for that).
 * GPU twin: src/gpu/heat-diffusion.ts; CPU engine: src/engine/cpu-engine.ts.
 */
import type { CsrGraph } from '../graph/csr';
import { normalizeColumns, type ColumnIterationResult } from './column-iteration';
import { randomWalkMatrix } from './sparse-matrix';
import { assertBlock } from './spmm';

export interface HeatDiffusionOptions {
  /** Diffusion time t, in (0, 50]. */
  time: number;
  /** Bound on the truncated Poisson tail (relative L1 error per column). */
  tolerance: number;
  /** Scale every column of x₀ to sum 1 first. */
  normalize: boolean;
}

export const HEAT_DIFFUSION_DEFAULTS: Readonly<HeatDiffusionOptions> = {
  time: 3,
  tolerance: 1e-7,
  normalize: false,
};

/** Largest diffusion time accepted: e^{−t} must stay a normal float32. */
export const MAX_HEAT_TIME = 50;

export function resolveHeatDiffusionOptions(
  options: Partial<HeatDiffusionOptions> = {},
): HeatDiffusionOptions {
  const resolved = { ...HEAT_DIFFUSION_DEFAULTS, ...options };
  if (!(resolved.time > 0 && resolved.time <= MAX_HEAT_TIME)) {
    throw new RangeError(
      `heatDiffusion: time must be in (0, ${MAX_HEAT_TIME}], got ${resolved.time}`,
    );
  }
  if (!(resolved.tolerance > 0 && resolved.tolerance < 1)) {
    throw new RangeError(`heatDiffusion: tolerance must be in (0, 1), got ${resolved.tolerance}`);
  }
  return resolved;
}

/** Number of W-steps K: the smallest K with P(Poisson(time) > K) < tolerance. */
export function heatKernelTerms(time: number, tolerance: number): number {
  let term = Math.exp(-time); // P(Poisson = 0)
  let cdf = term;
  let k = 0;
  while (1 - cdf >= tolerance && k < 10_000) {
    k++;
    term *= time / k;
    cdf += term;
  }
  return k;
}

/** Heat-kernel diffusion of every column of the node-major N×B block (float64). */
export function heatDiffusion(
  graph: CsrGraph,
  initial: ArrayLike<number>,
  columns: number,
  options: Partial<HeatDiffusionOptions> = {},
): ColumnIterationResult<Float64Array> {
  const { time, tolerance, normalize } = resolveHeatDiffusionOptions(options);
  const n = graph.nodeCount;
  assertBlock('heatDiffusion', n, columns, initial.length);
  const w = randomWalkMatrix(graph);
  const terms = heatKernelTerms(time, tolerance);
  let v: Float64Array = normalize
    ? normalizeColumns(initial, n, columns)
    : Float64Array.from(initial);
  const decay = Math.exp(-time);
  for (let k = 0; k < v.length; k++) v[k] *= decay;
  const sum = Float64Array.from(v);
  let next: Float64Array = new Float64Array(n * columns);
  for (let k = 1; k <= terms; k++) {
    const scale = time / k;
    for (let i = 0; i < n; i++) {
      const row = i * columns;
      for (let c = 0; c < columns; c++) next[row + c] = 0;
      for (let e = w.offsets[i]; e < w.offsets[i + 1]; e++) {
        const value = scale * w.values[e];
        const base = w.columns[e] * columns;
        for (let c = 0; c < columns; c++) next[row + c] += value * v[base + c];
      }
    }
    for (let m = 0; m < sum.length; m++) sum[m] += next[m];
    [v, next] = [next, v];
  }
  return {
    values: sum,
    iterations: new Uint32Array(columns).fill(terms),
    converged: new Uint8Array(columns).fill(1),
  };
}
