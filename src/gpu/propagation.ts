/**
 * Propagation loop on the GPU (any plan: RWR, heat, signed linear, signed tanh)
 * ============================================================================
 * Runs a PropagationPlan (src/engine/engine-types.ts) chunk by chunk. Per chunk, every block
 * stays on the GPU: x and y ping-pong between two buffers, each step is one dispatch of the
 * step kernel (spmm.wgsl.ts), and the steps up to the next convergence check are encoded into
 * one command buffer. A check is one dispatch of column-delta.wgsl.ts plus a 4-byte counter
 * readback: the only readback inside the loop (heat has no checks; it waits on the queue every
 * checkEvery steps so progress and cancellation stay responsive). The schedule is the one of
 * src/core/engine/column-iteration.ts, so iterations match the CPU paths.
 */
import { isCheckStep } from '@/core/engine/column-iteration';
import type { PropagationPlan, PropagationResult, RunControl } from '@/engine/engine-types';
import { progressReporter, throwIfAborted } from '@/engine/run-control';
import { deltaParams, type DeltaPipeline } from './column-delta';
import { BufferScope, dispatchGrid, readBuffer, unlessLost } from './gpu-device';
import { STEP_PARAMS_BYTES, writeStepParams, type StepPipelines } from './spmm';

export interface PropagationContext {
  device: GPUDevice;
  lost: Promise<GPUDeviceLostInfo>;
  steps: StepPipelines;
  delta: DeltaPipeline;
  /** Packed operator [offsets | columns | values] and its stored-value count. */
  matrix: GPUBuffer;
  nnz: number;
  rows: number;
  /** Largest chunk width (columns), a multiple of 4. */
  maxWidth: number;
  /** Steps between queue waits when there is no convergence check (heat). */
  batchSteps: number;
}

/** Runs the plan chunk by chunk; every chunk's buffers are destroyed when it ends. */
export async function runPropagationGpu(
  context: PropagationContext,
  plan: PropagationPlan,
  control: RunControl,
): Promise<PropagationResult> {
  const { rows } = context;
  const columns = plan.columns;
  const chunkWidth = Math.min(context.maxWidth, Math.ceil(columns / 4) * 4);
  const chunks = Math.ceil(columns / chunkWidth);
  const values = new Float32Array(rows * columns);
  const iterations = new Uint32Array(columns);
  const converged = new Uint8Array(columns);
  const report = progressReporter(control, chunks * plan.steps);
  for (let chunk = 0; chunk < chunks; chunk++) {
    throwIfAborted(control);
    const c0 = chunk * chunkWidth;
    const width = Math.min(chunkWidth, columns - c0);
    const scope = new BufferScope(context.device);
    try {
      const done = await runChunk(context, plan, scope, c0, width, control, (step) =>
        report(chunk * plan.steps + step),
      );
      for (let i = 0; i < rows; i++) {
        const from = i * done.padded;
        const to = i * columns + c0;
        for (let c = 0; c < width; c++) values[to + c] = done.values[from + c];
      }
      for (let c = 0; c < width; c++) {
        iterations[c0 + c] = done.flags[done.padded + c];
        converged[c0 + c] = done.flags[2 * done.padded + c];
      }
      report((chunk + 1) * plan.steps);
    } finally {
      scope.destroyAll();
    }
  }
  return { values, iterations, converged };
}

async function runChunk(
  context: PropagationContext,
  plan: PropagationPlan,
  scope: BufferScope,
  c0: number,
  width: number,
  control: RunControl,
  onStep: (step: number) => void,
): Promise<{ values: Float32Array; flags: Uint32Array; padded: number }> {
  const { device, lost, rows } = context;
  const padded = Math.ceil(width / 4) * 4;
  const vec4s = padded / 4;
  const blockBytes = rows * padded * 4;
  const isHeat = plan.mode === 'heat';

  // Host-side staging of the chunk's inputs (padded columns are zero and inactive).
  const start = new Float32Array(rows * padded);
  for (let i = 0; i < rows; i++) {
    for (let c = 0; c < width; c++) start[i * padded + c] = plan.start[i * plan.columns + c0 + c];
  }
  const clampWords = plan.clamp ? Math.ceil(padded / 32) : 0;
  const biasBase = rows * clampWords;
  // tanh always reads a bias (zeros when none was given): never index past the buffer.
  const hasBias = plan.mode === 'tanh';
  const aux = new Uint32Array(Math.max(1, biasBase + (hasBias ? rows : 0)));
  if (plan.clamp) {
    for (let i = 0; i < rows; i++) {
      for (let c = 0; c < width; c++) {
        if (plan.clamp[i * plan.columns + c0 + c]) aux[i * clampWords + (c >>> 5)] |= 1 << (c & 31);
      }
    }
  }
  if (plan.bias) new Float32Array(aux.buffer, biasBase * 4, rows).set(plan.bias);
  const flags = new Uint32Array(3 * padded);
  for (let c = 0; c < width; c++) {
    flags[c] = 1;
    flags[padded + c] = plan.steps;
    flags[2 * padded + c] = isHeat ? 1 : 0;
  }

  const usage = GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST;
  const bufferA = scope.upload(start, 'x-a', GPUBufferUsage.COPY_SRC);
  const bufferB = scope.create(blockBytes, usage, 'x-b');
  const startBuffer = scope.upload(start, 'start');
  const sumBuffer = isHeat
    ? scope.upload(start, 'heat-sum', GPUBufferUsage.COPY_SRC)
    : scope.create(16, usage, 'unused-sum');
  const flagsBuffer = scope.upload(flags, 'flags', GPUBufferUsage.COPY_SRC);
  const auxBuffer = scope.upload(aux, 'clamp-bias');
  const counter = scope.create(4, usage, 'active-counter');

  // Uniform slots: one per step for heat (α = t/k changes), one shared slot otherwise.
  const grid = dispatchGrid(device, rows * vec4s);
  const slot = Math.max(256, device.limits.minUniformBufferOffsetAlignment);
  const slots = isHeat ? plan.steps : 1;
  const paramBytes = new ArrayBuffer(slots * slot);
  for (let k = 0; k < slots; k++) {
    writeStepParams(paramBytes, k * slot, {
      rows,
      vec4s,
      columnBase: rows + 1,
      valueBase: rows + 1 + context.nnz,
      alpha: isHeat ? plan.heatTime / (k + 1) : plan.alpha,
      beta: plan.beta,
      clampWords,
      biasBase,
      stride: grid.stride,
    });
  }
  const paramBuffer = scope.create(
    paramBytes.byteLength,
    GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST,
    'step-params',
  );
  device.queue.writeBuffer(paramBuffer, 0, paramBytes);
  const deltaUniform = scope.create(
    16,
    GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST,
    'delta-params',
  );

  const stepGroup = (x: GPUBuffer, y: GPUBuffer) =>
    device.createBindGroup({
      layout: context.steps.layout,
      entries: [
        { binding: 0, resource: { buffer: paramBuffer, size: STEP_PARAMS_BYTES } },
        { binding: 1, resource: { buffer: context.matrix } },
        { binding: 2, resource: { buffer: x } },
        { binding: 3, resource: { buffer: y } },
        { binding: 4, resource: { buffer: startBuffer } },
        { binding: 5, resource: { buffer: sumBuffer } },
        { binding: 6, resource: { buffer: flagsBuffer } },
        { binding: 7, resource: { buffer: auxBuffer } },
      ],
    });
  const deltaGroup = (x: GPUBuffer, y: GPUBuffer) =>
    device.createBindGroup({
      layout: context.delta.layout,
      entries: [
        { binding: 0, resource: { buffer: deltaUniform } },
        { binding: 1, resource: { buffer: x } },
        { binding: 2, resource: { buffer: y } },
        { binding: 3, resource: { buffer: flagsBuffer } },
        { binding: 4, resource: { buffer: counter } },
      ],
    });
  // Step s (1-based) reads A and writes B when s is odd, the other way round when even.
  const stepGroups = [stepGroup(bufferA, bufferB), stepGroup(bufferB, bufferA)];
  const deltaGroups = [deltaGroup(bufferA, bufferB), deltaGroup(bufferB, bufferA)];
  const stepPipeline = context.steps.pipeline(plan.mode, plan.clamp !== null);
  const convergence = plan.convergence;

  let step = 1;
  let lastStep = 0;
  while (step <= plan.steps) {
    throwIfAborted(control);
    let batchEnd = Math.min(plan.steps, step + context.batchSteps - 1);
    if (convergence) {
      batchEnd = step;
      while (!isCheckStep(batchEnd, convergence)) batchEnd++;
    }
    const encoder = device.createCommandEncoder();
    const pass = encoder.beginComputePass();
    pass.setPipeline(stepPipeline);
    for (let s = step; s <= batchEnd; s++) {
      pass.setBindGroup(0, stepGroups[(s - 1) % 2], [isHeat ? (s - 1) * slot : 0]);
      pass.dispatchWorkgroups(grid.x, grid.y);
    }
    pass.end();
    lastStep = batchEnd;
    if (convergence) {
      device.queue.writeBuffer(
        deltaUniform,
        0,
        deltaParams(rows, vec4s, batchEnd, convergence.tolerance),
      );
      encoder.clearBuffer(counter);
      const check = encoder.beginComputePass();
      check.setPipeline(context.delta.pipeline);
      check.setBindGroup(0, deltaGroups[(batchEnd - 1) % 2]);
      check.dispatchWorkgroups(vec4s);
      check.end();
      const active = new Uint32Array(await readBuffer(device, scope, counter, 4, lost, encoder));
      onStep(batchEnd);
      if (active[0] === 0) break;
    } else {
      device.queue.submit([encoder.finish()]);
      await unlessLost(device.queue.onSubmittedWorkDone(), lost);
      onStep(batchEnd);
    }
    step = batchEnd + 1;
  }
  const current = lastStep % 2 === 1 ? bufferB : bufferA;
  const result = isHeat ? sumBuffer : current;
  const values = new Float32Array(await readBuffer(device, scope, result, blockBytes, lost));
  const finalFlags = new Uint32Array(
    await readBuffer(device, scope, flagsBuffer, flags.byteLength, lost),
  );
  return { values, flags: finalFlags, padded };
}
