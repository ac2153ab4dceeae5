/**
 * Bit-parallel multi-source BFS on the GPU: host side of multi-source-bfs.wgsl.ts
 * ==============================================================================
 * `runBfsChunk` searches from up to `width` sets (a multiple of 32) and leaves the encoded
 * distances (level + 1, 0 = unreachable) on the GPU, so the gather kernel can read them
 * without a round trip. Levels are encoded 8 at a time; after each batch one 12-byte state
 * readback says whether the last level reached anything new. `decodeDistances` turns the
 * bytes into the engine's uint8 output (255 = unreachable).
 */
import { createComputeProgram } from './compute-program';
import { setsToBits } from '@/engine/cpu-kernels';
import { MULTI_SOURCE_BFS_WGSL } from './multi-source-bfs.wgsl';
import { dispatchGrid, readBuffer, type BufferScope } from './gpu-device';

/** Levels encoded per submit (one small readback per batch). */
const LEVELS_PER_BATCH = 8;
const MAX_LEVEL = 254;

export interface BfsPipelines {
  layout: GPUBindGroupLayout;
  level: GPUComputePipeline;
  advance: GPUComputePipeline;
}

export function createBfsPipelines(device: GPUDevice): BfsPipelines {
  const program = createComputeProgram(device, 'multi-source-bfs', MULTI_SOURCE_BFS_WGSL, [
    'uniform',
    'read-only-storage',
    'read-only-storage',
    'storage',
    'storage',
    'storage',
    'storage',
  ]);
  return {
    layout: program.layout,
    level: program.pipeline('level'),
    advance: program.pipeline('advance'),
  };
}

export interface BfsChunkInput {
  device: GPUDevice;
  lost: Promise<GPUDeviceLostInfo>;
  scope: BufferScope;
  pipelines: BfsPipelines;
  /** Packed pattern [offsets | columns] and the node count. */
  pattern: GPUBuffer;
  rows: number;
  sets: Uint32Array;
  setOffsets: Uint32Array;
  /** First set of the chunk, and the chunk width (a multiple of 32). */
  firstSet: number;
  width: number;
  isAborted: () => void;
}

/** Runs the BFS for one chunk; returns the encoded distance buffer (N×width bytes). */
export async function runBfsChunk(input: BfsChunkInput): Promise<GPUBuffer> {
  const { device, scope, pipelines, rows, width } = input;
  const words = width / 32;
  const seeds = setsToBits(input.sets, input.setOffsets, rows, words, input.firstSet);
  const frontierA = scope.upload(seeds, 'bfs-frontier-a');
  const frontierB = scope.create(seeds.byteLength, GPUBufferUsage.STORAGE, 'bfs-frontier-b');
  const visited = scope.create(seeds.byteLength, GPUBufferUsage.STORAGE, 'bfs-visited');
  const dist = scope.create(
    rows * width,
    GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC,
    'bfs-dist',
  );
  const state = scope.create(16, GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC, 'bfs-state');
  const grid = dispatchGrid(device, rows * words);
  const params = new Uint32Array([rows, words, rows + 1, grid.stride]);
  const uniform = scope.create(16, GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST, 'bfs-params');
  device.queue.writeBuffer(uniform, 0, params);
  const bindGroup = (from: GPUBuffer, to: GPUBuffer) =>
    device.createBindGroup({
      layout: pipelines.layout,
      entries: [
        { binding: 0, resource: { buffer: uniform } },
        { binding: 1, resource: { buffer: input.pattern } },
        { binding: 2, resource: { buffer: from } },
        { binding: 3, resource: { buffer: to } },
        { binding: 4, resource: { buffer: visited } },
        { binding: 5, resource: { buffer: dist } },
        { binding: 6, resource: { buffer: state } },
      ],
    });
  const groups = [bindGroup(frontierA, frontierB), bindGroup(frontierB, frontierA)];
  for (let level = 0; level <= MAX_LEVEL;) {
    input.isAborted();
    const encoder = device.createCommandEncoder();
    const pass = encoder.beginComputePass();
    const last = Math.min(MAX_LEVEL, level + LEVELS_PER_BATCH - 1);
    for (; level <= last; level++) {
      pass.setBindGroup(0, groups[level % 2]);
      pass.setPipeline(pipelines.level);
      pass.dispatchWorkgroups(grid.x, grid.y);
      pass.setPipeline(pipelines.advance);
      pass.dispatchWorkgroups(1);
    }
    pass.end();
    const status = new Uint32Array(await readBuffer(device, scope, state, 12, input.lost, encoder));
    if (status[2] === 0) break; // the last level reached nothing new: every search is over
  }
  return dist;
}

/** Copies columns [0, count) of encoded N×width distances into an N×B uint8 block. */
export function decodeDistances(
  encoded: Uint8Array,
  rows: number,
  width: number,
  count: number,
  target: Uint8Array,
  targetWidth: number,
  targetColumn: number,
): void {
  for (let v = 0; v < rows; v++) {
    const from = v * width;
    const to = v * targetWidth + targetColumn;
    for (let c = 0; c < count; c++) {
      const code = encoded[from + c];
      target[to + c] = code === 0 ? 255 : code - 1;
    }
  }
}
