/**
 * Engine types shared by the facade and both backends
 * ===================================================
 * The facade (engine.ts) validates user input once and turns every request into a plan that
 * both backends (cpu-engine.ts, src/gpu/gpu-engine.ts) execute the same way, so they can only
 * differ in float32 rounding, never in what they compute.
 * Layouts: node blocks are node-major N×B (value of node i, column c at i·B + c); per-drug
 * blocks are drug-major J×B.
 */
import type { ConvergenceOptions } from '@/core/engine/column-iteration';
import type { GatherReduction, TargetLists } from '@/core/engine/gather-scores';
import type { MatrixKind } from '@/core/engine/sparse-matrix';
import type { StepMode } from './cpu-kernels';

/** Progress and cancellation for every long call. */
export interface RunControl {
  /** Aborting rejects the call with the signal's reason and frees its buffers. */
  signal?: AbortSignal;
  /** Called as work completes; `done` reaches `total` at the end. */
  onProgress?: (done: number, total: number) => void;
}

/** N×B result of a propagation. */
export interface PropagationResult {
  /** Node-major N×B float32 block. */
  values: Float32Array;
  /** Steps run on each column. */
  iterations: Uint32Array;
  /** 1 where the column met the tolerance (always 1 for heat diffusion). */
  converged: Uint8Array;
}

/** What a propagation does, resolved and validated (see the kernels' headers for the maths). */
export interface PropagationPlan {
  /** Which sparse operator (random-walk W or signed in-average Ŝ). */
  matrix: Exclude<MatrixKind, 'pattern'>;
  mode: StepMode;
  /** Step coefficients: affine y = α·Mx + β·x₀; tanh y = tanh(α·Mx + b). */
  alpha: number;
  beta: number;
  /** Heat only: step k uses α = heatTime / k and accumulates the series. */
  heatTime: number;
  /** Start block x₀ (N×B); for heat already multiplied by e^{−t}. */
  start: Float32Array;
  columns: number;
  clamp: Uint8Array | null;
  bias: Float32Array | null;
  /** Column-wise convergence schedule; null for a fixed number of steps (heat). */
  convergence: ConvergenceOptions | null;
  /** Steps to run: maxIterations, or the K heat terms. */
  steps: number;
}

/** Closest-distance proximity batch: BFS from every set, then gather over drug targets. */
export interface ProximityPlan {
  sets: Uint32Array;
  setOffsets: Uint32Array;
  /** Number of sets = number of columns. */
  columns: number;
  targets: TargetLists;
  drugCount: number;
  reduction: GatherReduction;
  /** Return the J×B scores. */
  keepScores: boolean;
  /** Return Welford moments over the columns. */
  moments: boolean;
}

export interface ProximityResult {
  drugCount: number;
  columns: number;
  /** Drug-major J×B float32 scores (NaN where no target was reached), or null. */
  scores: Float32Array | null;
  /** Running moments over the columns (float64; the GPU accumulates them in float32). */
  moments: { count: Float64Array; mean: Float64Array; m2: Float64Array } | null;
}

/** What each backend implements; the facade adds validation, fallback and the adjoint path. */
export interface EngineBackend {
  readonly kind: 'webgpu' | 'cpu';
  propagate(plan: PropagationPlan, control: RunControl): Promise<PropagationResult>;
  multiSourceBfs(
    sets: Uint32Array,
    setOffsets: Uint32Array,
    control: RunControl,
  ): Promise<Uint8Array>;
  proximity(plan: ProximityPlan, control: RunControl): Promise<ProximityResult>;
  dispose(): void;
}
