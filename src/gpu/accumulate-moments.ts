/**
 * Moments accumulation on the GPU: host side of accumulate-moments.wgsl.ts
 */
import { createComputeProgram } from './compute-program';
import { ACCUMULATE_MOMENTS_WGSL } from './accumulate-moments.wgsl';

export interface MomentsPipeline {
  layout: GPUBindGroupLayout;
  pipeline: GPUComputePipeline;
}

export function createMomentsPipeline(device: GPUDevice): MomentsPipeline {
  const program = createComputeProgram(device, 'accumulate-moments', ACCUMULATE_MOMENTS_WGSL, [
    'uniform',
    'read-only-storage',
    'storage',
  ]);
  return { layout: program.layout, pipeline: program.pipeline() };
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
