/**
 * GPU engine: the network as sparse tensors on a WebGPU device
 * ============================================================
 * Implements EngineBackend (src/engine/engine-types.ts) with the WGSL kernels of this folder.
 * The operators (random-walk W, signed Ŝ, BFS pattern) are uploaded once, on first use, and
 * stay on the device; every other buffer belongs to one run and is destroyed when the run
 * ends, however it ends. Column batches are chunked so that no binding exceeds the device's
 * maxStorageBufferBindingSize / maxBufferSize (or `maxColumnsPerChunk`, for tests).
 * Proximity batches run BFS → gather → Welford entirely on the device; only the final moments
 * (and, on request, the scores) come back.
 */
import type { CsrGraph } from '@/core/graph/csr';
import { buildMatrix, type MatrixKind } from '@/core/engine/sparse-matrix';
import type {
  EngineBackend,
  PropagationPlan,
  PropagationResult,
  ProximityPlan,
  ProximityResult,
  RunControl,
} from '@/engine/engine-types';
import { progressReporter, throwIfAborted } from '@/engine/run-control';
import { createMomentsPipeline, unpackMoments, type MomentsPipeline } from './accumulate-moments';
import { createDeltaPipeline, type DeltaPipeline } from './column-delta';
import {
  createGatherPipelines,
  gatherParams,
  packTargetLists,
  type GatherPipelines,
} from './gather-scores';
import {
  BufferScope,
  DeviceLostError,
  dispatchGrid,
  maxBindingBytes,
  readBuffer,
  unlessLost,
} from './gpu-device';
import {
  createBfsPipelines,
  decodeDistances,
  runBfsChunk,
  type BfsPipelines,
} from './multi-source-bfs';
import { runPropagationGpu } from './propagation';
import { createStepPipelines, packMatrix, type StepPipelines } from './spmm';

export interface GpuEngineOptions {
  /** Upper bound on the columns of one propagation chunk (rounded down to a multiple of 4). */
  maxColumnsPerChunk: number;
  /** Upper bound on the sets of one BFS / proximity chunk (rounded down to a multiple of 32). */
  maxSetsPerChunk: number;
  /** Steps per command buffer when a loop has no convergence check (heat). */
  batchSteps: number;
}

export const GPU_ENGINE_DEFAULTS: Readonly<GpuEngineOptions> = {
  maxColumnsPerChunk: 2048,
  maxSetsPerChunk: 4096,
  batchSteps: 10,
};

interface Pipelines {
  steps: StepPipelines;
  delta: DeltaPipeline;
  bfs: BfsPipelines;
  gather: GatherPipelines;
  moments: MomentsPipeline;
}

export class GpuEngine implements EngineBackend {
  readonly kind = 'webgpu' as const;
  readonly device: GPUDevice;
  /** Resolves when the device is lost (or destroyed). */
  readonly lost: Promise<GPUDeviceLostInfo>;
  readonly #graph: CsrGraph;
  readonly #options: GpuEngineOptions;
  readonly #matrices = new Map<MatrixKind, { buffer: GPUBuffer; nnz: number }>();
  #pipelines: Pipelines | null = null;
  #isLost = false;
  #disposed = false;

  constructor(graph: CsrGraph, device: GPUDevice, options: Partial<GpuEngineOptions> = {}) {
    this.#graph = graph;
    this.device = device;
    this.#options = { ...GPU_ENGINE_DEFAULTS, ...options };
    this.lost = device.lost;
    void device.lost.then(() => {
      this.#isLost = true;
    });
  }

  /** True once the device is known to be lost. */
  get isLost(): boolean {
    return this.#isLost;
  }

  /** Waits up to `ms` for the loss to be reported (a failed map can arrive before it). */
  async confirmLost(ms = 200): Promise<boolean> {
    if (this.#isLost) return true;
    await Promise.race([this.lost, new Promise((resolve) => setTimeout(resolve, ms))]);
    return this.#isLost;
  }

  #assertUsable(): void {
    if (this.#disposed) throw new Error('GpuEngine: used after dispose()');
    if (this.#isLost) throw new DeviceLostError('GpuEngine: the WebGPU device is lost');
  }

  #pipelinesFor(): Pipelines {
    if (!this.#pipelines) {
      const device = this.device;
      this.#pipelines = {
        steps: createStepPipelines(device),
        delta: createDeltaPipeline(device),
        bfs: createBfsPipelines(device),
        gather: createGatherPipelines(device),
        moments: createMomentsPipeline(device),
      };
    }
    return this.#pipelines;
  }

  #matrix(kind: MatrixKind): { buffer: GPUBuffer; nnz: number } {
    let entry = this.#matrices.get(kind);
    if (!entry) {
      const matrix = buildMatrix(this.#graph, kind);
      const packed = packMatrix(matrix, kind !== 'pattern');
      if (packed.byteLength > maxBindingBytes(this.device)) {
        throw new RangeError(
          `GpuEngine: the ${kind} operator needs ${packed.byteLength} bytes, more than one binding allows (${maxBindingBytes(this.device)})`,
        );
      }
      const buffer = this.device.createBuffer({
        size: Math.max(16, Math.ceil(packed.byteLength / 16) * 16),
        usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST,
        label: `operator-${kind}`,
      });
      this.device.queue.writeBuffer(buffer, 0, packed);
      entry = { buffer, nnz: matrix.columns.length };
      this.#matrices.set(kind, entry);
    }
    return entry;
  }

  /** Largest chunk width such that `bytesPerColumn × width` fits one binding. */
  #chunkWidth(bytesPerColumn: number, multiple: number, cap: number): number {
    const byLimit = Math.floor(maxBindingBytes(this.device) / Math.max(1, bytesPerColumn));
    const width = Math.floor(Math.min(byLimit, cap) / multiple) * multiple;
    if (width < multiple) {
      throw new RangeError(
        `GpuEngine: not even ${multiple} columns fit one binding (${bytesPerColumn} bytes per column)`,
      );
    }
    return width;
  }

  async propagate(plan: PropagationPlan, control: RunControl): Promise<PropagationResult> {
    this.#assertUsable();
    const pipelines = this.#pipelinesFor();
    const matrix = this.#matrix(plan.matrix);
    const rows = this.#graph.nodeCount;
    return runPropagationGpu(
      {
        device: this.device,
        lost: this.lost,
        steps: pipelines.steps,
        delta: pipelines.delta,
        matrix: matrix.buffer,
        nnz: matrix.nnz,
        rows,
        maxWidth: this.#chunkWidth(rows * 4, 4, this.#options.maxColumnsPerChunk),
        batchSteps: this.#options.batchSteps,
      },
      plan,
      control,
    );
  }

  async multiSourceBfs(
    sets: Uint32Array,
    setOffsets: Uint32Array,
    control: RunControl,
  ): Promise<Uint8Array> {
    this.#assertUsable();
    const rows = this.#graph.nodeCount;
    const columns = setOffsets.length - 1;
    const result = new Uint8Array(rows * columns);
    const width = Math.min(
      this.#chunkWidth(rows, 32, this.#options.maxSetsPerChunk),
      Math.ceil(columns / 32) * 32,
    );
    const report = progressReporter(control, columns);
    for (let c0 = 0; c0 < columns; c0 += width) {
      throwIfAborted(control);
      const scope = new BufferScope(this.device);
      try {
        const dist = await this.#bfs(scope, sets, setOffsets, c0, width, control);
        const encoded = new Uint8Array(
          await readBuffer(this.device, scope, dist, rows * width, this.lost),
        );
        decodeDistances(encoded, rows, width, Math.min(width, columns - c0), result, columns, c0);
        report(Math.min(columns, c0 + width));
      } finally {
        scope.destroyAll();
      }
    }
    return result;
  }

  #bfs(
    scope: BufferScope,
    sets: Uint32Array,
    setOffsets: Uint32Array,
    firstSet: number,
    width: number,
    control: RunControl,
  ): Promise<GPUBuffer> {
    return runBfsChunk({
      device: this.device,
      lost: this.lost,
      scope,
      pipelines: this.#pipelinesFor().bfs,
      pattern: this.#matrix('pattern').buffer,
      rows: this.#graph.nodeCount,
      sets,
      setOffsets,
      firstSet,
      width,
      isAborted: () => throwIfAborted(control),
    });
  }

  async proximity(plan: ProximityPlan, control: RunControl): Promise<ProximityResult> {
    this.#assertUsable();
    const device = this.device;
    const pipelines = this.#pipelinesFor();
    const rows = this.#graph.nodeCount;
    const { columns, drugCount, targets } = plan;
    const slots = targets.offsets[drugCount];
    const perColumnBytes = Math.max(rows, 4 * drugCount, targets.perColumn ? 4 * slots : 0);
    const width = Math.min(
      this.#chunkWidth(perColumnBytes, 32, this.#options.maxSetsPerChunk),
      Math.ceil(columns / 32) * 32,
    );
    const scores = plan.keepScores ? new Float32Array(drugCount * columns) : null;
    const report = progressReporter(control, columns);
    const runScope = new BufferScope(device);
    try {
      const moments = runScope.create(
        12 * drugCount,
        GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC,
        'moments',
      );
      const fixedLists = targets.perColumn
        ? null
        : runScope.upload(packTargetLists(targets.offsets, targets.targets), 'target-lists');
      const gatherPipeline = pipelines.gather.pipeline(plan.reduction === 'min', targets.perColumn);
      for (let c0 = 0; c0 < columns; c0 += width) {
        throwIfAborted(control);
        const count = Math.min(width, columns - c0);
        const scope = new BufferScope(device);
        try {
          const dist = await this.#bfs(scope, plan.sets, plan.setOffsets, c0, width, control);
          let lists = fixedLists;
          if (!lists) {
            const chunkTargets = new Uint32Array(slots * width);
            for (let k = 0; k < slots; k++) {
              for (let c = 0; c < count; c++) {
                chunkTargets[k * width + c] = targets.targets[k * columns + c0 + c];
              }
            }
            lists = scope.upload(packTargetLists(targets.offsets, chunkTargets), 'target-draws');
          }
          const chunkScores = scope.create(
            4 * drugCount * width,
            GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC,
            'scores',
          );
          const grid = dispatchGrid(device, drugCount * width);
          const gatherUniform = scope.create(
            32,
            GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST,
            'gather-params',
          );
          device.queue.writeBuffer(
            gatherUniform,
            0,
            gatherParams(drugCount, width, drugCount + 1, grid.stride),
          );
          const momentsUniform = scope.create(
            16,
            GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST,
            'moments-params',
          );
          device.queue.writeBuffer(
            momentsUniform,
            0,
            new Uint32Array([drugCount, width, count, 0]),
          );
          const encoder = device.createCommandEncoder();
          const pass = encoder.beginComputePass();
          pass.setPipeline(gatherPipeline);
          pass.setBindGroup(
            0,
            device.createBindGroup({
              layout: pipelines.gather.layout,
              entries: [
                { binding: 0, resource: { buffer: gatherUniform } },
                { binding: 1, resource: { buffer: lists } },
                { binding: 2, resource: { buffer: dist } },
                { binding: 3, resource: { buffer: chunkScores } },
              ],
            }),
          );
          pass.dispatchWorkgroups(grid.x, grid.y);
          if (plan.moments) {
            pass.setPipeline(pipelines.moments.pipeline);
            pass.setBindGroup(
              0,
              device.createBindGroup({
                layout: pipelines.moments.layout,
                entries: [
                  { binding: 0, resource: { buffer: momentsUniform } },
                  { binding: 1, resource: { buffer: chunkScores } },
                  { binding: 2, resource: { buffer: moments } },
                ],
              }),
            );
            pass.dispatchWorkgroups(Math.ceil(drugCount / 64));
          }
          pass.end();
          if (scores) {
            const block = new Float32Array(
              await readBuffer(
                device,
                scope,
                chunkScores,
                4 * drugCount * width,
                this.lost,
                encoder,
              ),
            );
            for (let j = 0; j < drugCount; j++) {
              for (let c = 0; c < count; c++) scores[j * columns + c0 + c] = block[j * width + c];
            }
          } else {
            device.queue.submit([encoder.finish()]);
            await unlessLost(device.queue.onSubmittedWorkDone(), this.lost);
          }
          report(c0 + count);
        } finally {
          scope.destroyAll();
        }
      }
      const packed = plan.moments
        ? new Float32Array(await readBuffer(device, runScope, moments, 12 * drugCount, this.lost))
        : null;
      return {
        drugCount,
        columns,
        scores,
        moments: packed ? unpackMoments(packed, drugCount) : null,
      };
    } finally {
      runScope.destroyAll();
    }
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    for (const { buffer } of this.#matrices.values()) buffer.destroy();
    this.#matrices.clear();
  }
}
