/**
 * Convergence check on the GPU: pipeline and parameters for column-delta.wgsl.ts
 */
import { COLUMN_DELTA_WGSL } from './column-delta.wgsl';

export interface DeltaPipeline {
  layout: GPUBindGroupLayout;
  pipeline: GPUComputePipeline;
}

export function createDeltaPipeline(device: GPUDevice): DeltaPipeline {
  const entry = (binding: number, type: GPUBufferBindingType): GPUBindGroupLayoutEntry => ({
    binding,
    visibility: GPUShaderStage.COMPUTE,
    buffer: { type },
  });
  const layout = device.createBindGroupLayout({
    label: 'column-delta',
    entries: [
      entry(0, 'uniform'),
      entry(1, 'read-only-storage'),
      entry(2, 'read-only-storage'),
      entry(3, 'storage'),
      entry(4, 'storage'),
    ],
  });
  const pipeline = device.createComputePipeline({
    label: 'column-delta',
    layout: device.createPipelineLayout({ bindGroupLayouts: [layout] }),
    compute: {
      module: device.createShaderModule({ code: COLUMN_DELTA_WGSL, label: 'column-delta' }),
      entryPoint: 'main',
    },
  });
  return { layout, pipeline };
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
