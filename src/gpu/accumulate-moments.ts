/**
 * Moments accumulation on the GPU: host side of accumulate-moments.wgsl.ts
 */
import { ACCUMULATE_MOMENTS_WGSL } from './accumulate-moments.wgsl';

export interface MomentsPipeline {
  layout: GPUBindGroupLayout;
  pipeline: GPUComputePipeline;
}

export function createMomentsPipeline(device: GPUDevice): MomentsPipeline {
  const entry = (binding: number, type: GPUBufferBindingType): GPUBindGroupLayoutEntry => ({
    binding,
    visibility: GPUShaderStage.COMPUTE,
    buffer: { type },
  });
  const layout = device.createBindGroupLayout({
    label: 'accumulate-moments',
    entries: [entry(0, 'uniform'), entry(1, 'read-only-storage'), entry(2, 'storage')],
  });
  const pipeline = device.createComputePipeline({
    label: 'accumulate-moments',
    layout: device.createPipelineLayout({ bindGroupLayouts: [layout] }),
    compute: {
      module: device.createShaderModule({
        code: ACCUMULATE_MOMENTS_WGSL,
        label: 'accumulate-moments',
      }),
      entryPoint: 'main',
    },
  });
  return { layout, pipeline };
}

/** Unpacks the interleaved f32 (count, mean, M₂) triples into float64 arrays. */
export function unpackMoments(packed: Float32Array, drugs: number) {
  const count = new Float64Array(drugs);
  const mean = new Float64Array(drugs);
  const m2 = new Float64Array(drugs);
  for (let j = 0; j < drugs; j++) {
    count[j] = packed[3 * j];
    mean[j] = packed[3 * j + 1];
    m2[j] = packed[3 * j + 2];
  }
  return { count, mean, m2 };
}
