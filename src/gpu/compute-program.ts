/**
 * Compute-program plumbing: bind-group layout, pipeline layout, shader module and pipelines
 * =========================================================================================
 * Every engine kernel is one WGSL module whose bindings 0…k are buffers seen by the compute
 * stage, in binding order. `createComputeProgram` builds the shared layout and module once and
 * hands out pipelines per (entry point, override constants), each created on first use and
 * cached, so a kernel with specialisations (gather-scores, propagation-step) compiles each one
 * once. WebGPU: https://www.w3.org/TR/webgpu/#compute-pipeline
 */

/** One binding: a buffer type, or a full buffer layout (dynamic offsets, minimum size). */
export type ProgramBinding = GPUBufferBindingType | GPUBufferBindingLayout;

export interface ComputeProgram {
  layout: GPUBindGroupLayout;
  /** The pipeline of `entryPoint` with these override constants (created once, then cached). */
  pipeline(entryPoint?: string, constants?: Record<string, number>): GPUComputePipeline;
}

/** Layout and module of the WGSL program `code`; bindings[i] is binding i (compute stage). */
export function createComputeProgram(
  device: GPUDevice,
  label: string,
  code: string,
  bindings: readonly ProgramBinding[],
): ComputeProgram {
  const layout = device.createBindGroupLayout({
    label,
    entries: bindings.map((binding, index) => ({
      binding: index,
      visibility: GPUShaderStage.COMPUTE,
      buffer: typeof binding === 'string' ? { type: binding } : binding,
    })),
  });
  const module = device.createShaderModule({ code, label });
  const pipelineLayout = device.createPipelineLayout({ bindGroupLayouts: [layout] });
  const cache = new Map<string, GPUComputePipeline>();
  return {
    layout,
    pipeline(entryPoint = 'main', constants) {
      const suffix = constants
        ? Object.entries(constants)
            .map(([name, value]) => `${name}=${value}`)
            .join(',')
        : '';
      const key = `${entryPoint}:${suffix}`;
      let pipeline = cache.get(key);
      if (!pipeline) {
        pipeline = device.createComputePipeline({
          label: `${label}-${key}`,
          layout: pipelineLayout,
          compute: constants ? { module, entryPoint, constants } : { module, entryPoint },
        });
        cache.set(key, pipeline);
      }
      return pipeline;
    },
  };
}
