/**
 * Propagation step on the GPU: pipelines, parameters and the packed operator
 * ==========================================================================
 * Host side of spmm.wgsl.ts. The operator (src/core/engine/sparse-matrix.ts, pull form) is
 * uploaded once per engine as one u32 buffer [offsets | columns | float32 value bits]; the
 * step parameters live in 256-byte uniform slots addressed with a dynamic offset, so a batch
 * of steps with different coefficients (the heat series' t/k) is one command buffer.
 */
import { createComputeProgram } from './compute-program';
import type { SparseMatrix } from '@/core/engine/sparse-matrix';
import type { StepMode } from '@/engine/cpu-kernels';
import { PROPAGATION_STEP_WGSL } from './spmm.wgsl';

export const STEP_PARAMS_BYTES = 48;

/** Packs a pull-form operator as [offsets (N + 1) | columns (nnz) | value bits (nnz)]. */
export function packMatrix(matrix: SparseMatrix, withValues = true): Uint32Array<ArrayBuffer> {
  const n = matrix.size;
  const nnz = matrix.columns.length;
  const packed = new Uint32Array(n + 1 + nnz + (withValues ? nnz : 0));
  packed.set(matrix.offsets, 0);
  packed.set(matrix.columns, n + 1);
  if (withValues) new Float32Array(packed.buffer, (n + 1 + nnz) * 4, nnz).set(matrix.values);
  return packed;
}

export interface StepPipelines {
  layout: GPUBindGroupLayout;
  pipeline(mode: StepMode, clamp: boolean): GPUComputePipeline;
}

const MODE_CODE: Record<StepMode, number> = { affine: 0, heat: 1, tanh: 2 };

export function createStepPipelines(device: GPUDevice): StepPipelines {
  const program = createComputeProgram(device, 'propagation-step', PROPAGATION_STEP_WGSL, [
    { type: 'uniform', hasDynamicOffset: true, minBindingSize: STEP_PARAMS_BYTES },
    'read-only-storage',
    'read-only-storage',
    'storage',
    'read-only-storage',
    'storage',
    'read-only-storage',
    'read-only-storage',
  ]);
  return {
    layout: program.layout,
    pipeline: (mode, clamp) =>
      program.pipeline('main', { MODE: MODE_CODE[mode], CLAMP: clamp ? 1 : 0 }),
  };
}

export interface StepParams {
  rows: number;
  vec4s: number;
  columnBase: number;
  valueBase: number;
  alpha: number;
  beta: number;
  clampWords: number;
  biasBase: number;
  stride: number;
}

/** Writes one parameter slot (matches the WGSL struct Params). */
export function writeStepParams(target: ArrayBuffer, byteOffset: number, params: StepParams): void {
  const view = new DataView(target, byteOffset, STEP_PARAMS_BYTES);
  view.setUint32(0, params.rows, true);
  view.setUint32(4, params.vec4s, true);
  view.setUint32(8, params.columnBase, true);
  view.setUint32(12, params.valueBase, true);
  view.setFloat32(16, params.alpha, true);
  view.setFloat32(20, params.beta, true);
  view.setUint32(24, params.clampWords, true);
  view.setUint32(28, params.biasBase, true);
  view.setUint32(32, params.stride, true);
}
