/**
 * Gather reduction on the GPU: host side of gather-scores.wgsl.ts
 */
import { createComputeProgram } from './compute-program';
import { GATHER_SCORES_WGSL } from './gather-scores.wgsl';

export interface GatherPipelines {
  layout: GPUBindGroupLayout;
  pipeline(useMin: boolean, perColumn: boolean): GPUComputePipeline;
}

export function createGatherPipelines(device: GPUDevice): GatherPipelines {
  const program = createComputeProgram(device, 'gather-scores', GATHER_SCORES_WGSL, [
    'uniform',
    'read-only-storage',
    'read-only-storage',
    'storage',
  ]);
  return {
    layout: program.layout,
    pipeline: (useMin, perColumn) =>
      program.pipeline('main', { USE_MIN: useMin ? 1 : 0, PER_COLUMN: perColumn ? 1 : 0 }),
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
