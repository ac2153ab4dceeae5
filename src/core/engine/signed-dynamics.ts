/**
 * Signed network dynamics with clamped perturbations: reference
 * =============================================================
 * Each column is one perturbation experiment on a signed (possibly directed) network.
 * Ŝ is the signed in-average matrix of sparse-matrix.ts: Ŝ[j, i] = w(i → j) / Σ_{i'} |w(i' → j)|
 * (a regulator i activates j when w > 0 and represses it when w < 0). Starting from x = x₀:
 *
 *   linear:  x_j ← α·(Ŝx)_j + (1 − α)·x₀_j          for free entries
 *   tanh:    x_j ← tanh(α·(Ŝx)_j + b_j)             for free entries
 *   clamped entries (clamp[j·B + c] = 1) stay at x₀_j,c: the perturbed nodes are held fixed.
 *
 * α ∈ (0, 1] is the coupling. Rows of Ŝ have absolute sum ≤ 1, so for α < 1 both updates are
 * contractions in the ∞-norm (tanh is 1-Lipschitz) and converge from any start. The linear
 * fixed point without clamps is x = (1 − α)(I − αŜ)⁻¹x₀: a signed analogue of the walk with
 * restart. Clamping makes the response depend on which nodes are held, so it is not linear
 * in the perturbation (see rwr-influence.ts for what that rules out). Convergence follows
 * column-iteration.ts. Typical use: knock a gene down by setting x₀ = −1 and clamping it.
 * GPU twin: src/gpu/signed-dynamics.ts; CPU engine: src/engine/cpu-engine.ts.
 */
import type { CsrGraph } from '../graph/csr';
import {
  iterateColumns,
  validateConvergence,
  type ColumnIterationResult,
  type ConvergenceOptions,
} from './column-iteration';
import { signedAverageMatrix } from './sparse-matrix';
import { assertBlock, spmmRow } from './spmm';

export type Activation = 'linear' | 'tanh';

export interface SignedDynamicsOptions extends ConvergenceOptions {
  activation: Activation;
  /** Coupling α, in (0, 1]. */
  coupling: number;
}

export const SIGNED_DYNAMICS_DEFAULTS: Readonly<SignedDynamicsOptions> = {
  activation: 'linear',
  coupling: 0.85,
  tolerance: 1e-6,
  maxIterations: 200,
  checkEvery: 10,
};

/** The perturbation: start values, which entries are held, and (tanh only) a bias per node. */
export interface SignedPerturbation {
  /** Node-major N×B start values x₀ (also the values clamped entries are held at). */
  initial: ArrayLike<number>;
  /** Node-major N×B, 1 = held at x₀. Omit for no clamping. */
  clamp?: Uint8Array | null;
  /** Length N bias b (tanh only). Omit for zero. */
  bias?: ArrayLike<number> | null;
}

export function resolveSignedDynamicsOptions(
  options: Partial<SignedDynamicsOptions> = {},
): SignedDynamicsOptions {
  const resolved = { ...SIGNED_DYNAMICS_DEFAULTS, ...options };
  if (resolved.activation !== 'linear' && resolved.activation !== 'tanh') {
    throw new RangeError(
      `signedDynamics: activation must be 'linear' or 'tanh', got ${String(resolved.activation)}`,
    );
  }
  if (!(resolved.coupling > 0 && resolved.coupling <= 1)) {
    throw new RangeError(`signedDynamics: coupling must be in (0, 1], got ${resolved.coupling}`);
  }
  validateConvergence('signedDynamics', resolved);
  return resolved;
}

/** Throws unless the perturbation's shapes match N×B (and N for the bias). */
export function validatePerturbation(
  where: string,
  nodeCount: number,
  columns: number,
  perturbation: SignedPerturbation,
  activation: Activation,
): void {
  assertBlock(where, nodeCount, columns, perturbation.initial.length);
  if (perturbation.clamp && perturbation.clamp.length !== nodeCount * columns) {
    throw new RangeError(
      `${where}: clamp must have ${nodeCount * columns} entries (N×B), got ${perturbation.clamp.length}`,
    );
  }
  if (perturbation.bias) {
    if (activation !== 'tanh') {
      throw new RangeError(`${where}: bias applies to activation 'tanh' only`);
    }
    if (perturbation.bias.length !== nodeCount) {
      throw new RangeError(
        `${where}: bias must have one value per node (${nodeCount}), got ${perturbation.bias.length}`,
      );
    }
  }
}

/** Runs the dynamics on every column (float64). */
export function signedDynamics(
  graph: CsrGraph,
  perturbation: SignedPerturbation,
  columns: number,
  options: Partial<SignedDynamicsOptions> = {},
): ColumnIterationResult<Float64Array> {
  const resolved = resolveSignedDynamicsOptions(options);
  const n = graph.nodeCount;
  validatePerturbation('signedDynamics', n, columns, perturbation, resolved.activation);
  const start = Float64Array.from(perturbation.initial);
  const clamp = perturbation.clamp ?? null;
  const bias = perturbation.bias ?? null;
  const s = signedAverageMatrix(graph);
  const alpha = resolved.coupling;
  const isTanh = resolved.activation === 'tanh';
  return iterateColumns(
    n,
    columns,
    start,
    (x, y) => {
      for (let i = 0; i < n; i++) {
        spmmRow(s, x, y, i, columns);
        const row = i * columns;
        const b = bias ? bias[i] : 0;
        for (let c = 0; c < columns; c++) {
          const k = row + c;
          if (clamp && clamp[k]) y[k] = start[k];
          else if (isTanh) y[k] = Math.tanh(alpha * y[k] + b);
          else y[k] = alpha * y[k] + (1 - alpha) * start[k];
        }
      }
    },
    resolved,
  );
}
