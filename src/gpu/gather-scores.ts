/**
 * Gather reduction on the GPU: host side of gather-scores.wgsl.ts
 */
import { GATHER_SCORES_WGSL } from './gather-scores.wgsl';

export interface GatherPipelines {
  layout: GPUBindGroupLayout;
  pipeline(useMin: boolean, perColumn: boolean): GPUComputePipeline;
}

export function createGatherPipelines(device: GPUDevice): GatherPipelines {
  const entry = (binding: number, type: GPUBufferBindingType): GPUBindGroupLayoutEntry => ({
    binding,
    visibility: GPUShaderStage.COMPUTE,
    buffer: { type },
  });
  const layout = device.createBindGroupLayout({
    label: 'gather-scores',
    entries: [
      entry(0, 'uniform'),
      entry(1, 'read-only-storage'),
      entry(2, 'read-only-storage'),
      entry(3, 'storage'),
    ],
  });
  const module = device.createShaderModule({ code: GATHER_SCORES_WGSL, label: 'gather-scores' });
  const pipelineLayout = device.createPipelineLayout({ bindGroupLayouts: [layout] });
  const cache = new Map<string, GPUComputePipeline>();
  return {
    layout,
    pipeline(useMin, perColumn) {
      const key = `${useMin}:${perColumn}`;
      let pipeline = cache.get(key);
      if (!pipeline) {
        pipeline = device.createComputePipeline({
          label: `gather-scores-${key}`,
          layout: pipelineLayout,
          compute: {
            module,
            entryPoint: 'main',
            constants: { USE_MIN: useMin ? 1 : 0, PER_COLUMN: perColumn ? 1 : 0 },
          },
        });
        cache.set(key, pipeline);
      }
      return pipeline;
    },
  };
}

/** Packs [offsets | targets] for one chunk (targets already in the chunk's layout). */
export function packTargetLists(offsets: Uint32Array, targets: Uint32Array): Uint32Array {
  const packed = new Uint32Array(offsets.length + targets.length);
  packed.set(offsets, 0);
  packed.set(targets, offsets.length);
  return packed;
}

/** Params of gather-scores.wgsl.ts: drugs, width, targetBase, stride, NaN bits. */
export function gatherParams(
  drugs: number,
  width: number,
  targetBase: number,
  stride: number,
): Uint32Array<ArrayBuffer> {
  return new Uint32Array([drugs, width, targetBase, stride, 0x7fc00000, 0, 0, 0]);
}
