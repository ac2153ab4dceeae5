/**
 * Convergence check on the GPU: pipeline and parameters for column-delta.wgsl.ts
 */
import { createComputeProgram } from './compute-program';
import { COLUMN_DELTA_WGSL } from './column-delta.wgsl';

export interface DeltaPipeline {
  layout: GPUBindGroupLayout;
  pipeline: GPUComputePipeline;
}

export function createDeltaPipeline(device: GPUDevice): DeltaPipeline {
  const program = createComputeProgram(device, 'column-delta', COLUMN_DELTA_WGSL, [
    'uniform',
    'read-only-storage',
    'read-only-storage',
    'storage',
    'storage',
  ]);
  return { layout: program.layout, pipeline: program.pipeline() };
}

/** Params of column-delta.wgsl.ts: rows, vec4s, step, tolerance. */
export function deltaParams(
  rows: number,
  vec4s: number,
  step: number,
  tolerance: number,
): ArrayBuffer {
  const buffer = new ArrayBuffer(16);
  const view = new DataView(buffer);
  view.setUint32(0, rows, true);
  view.setUint32(4, vec4s, true);
  view.setUint32(8, step, true);
  view.setFloat32(12, tolerance, true);
  return buffer;
}
