/**
 * WebGPU device, limits and buffer bookkeeping for the engine kernels
 * ===================================================================
 * - The engine asks for the adapter's maxima of the limits it depends on (storage binding
 *   and buffer size, workgroups per dimension, storage buffers per stage), so column chunks
 *   can be as large as the hardware allows; chunk sizes are then derived from the limits the
 *   device actually got.
 * - Every buffer a run creates goes through a BufferScope and is destroyed when the run ends,
 *   whether it finished, failed, was aborted or lost its device.
 * - Waits on the GPU race the device's `lost` promise, so a lost device surfaces as a
 *   DeviceLostError instead of a hang.
 * Reference: WebGPU spec §3.6 (limits), §22 (device loss); RECIPES.md §1 and §3.
 */

/** Thrown by engine GPU code when the device goes away mid-run. */
export class DeviceLostError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeviceLostError';
  }
}

/** What the UI shows about an adapter. */
export interface AdapterSummary {
  vendor: string;
  architecture: string;
  description: string;
  isFallbackAdapter: boolean;
}

/** The WebGPU entry point, or null where there is none. */
export function webGpu(): GPU | null {
  const nav = (globalThis as { navigator?: { gpu?: GPU } }).navigator;
  return nav?.gpu ?? null;
}

/** Requests the high-performance adapter; null when WebGPU is missing or refuses. */
export async function requestEngineAdapter(): Promise<GPUAdapter | null> {
  const gpu = webGpu();
  if (!gpu) return null;
  try {
    return await gpu.requestAdapter({ powerPreference: 'high-performance' });
  } catch {
    return null;
  }
}

/**
 * Adapter identity. `isFallbackAdapter` moved from GPUAdapter to GPUAdapterInfo (Chrome 136+);
 * both places are read. SwiftShader counts as a fallback whatever the flag says.
 */
export function summarizeAdapter(adapter: GPUAdapter): AdapterSummary {
  const info = (adapter.info ?? {}) as Partial<GPUAdapterInfo> & { isFallbackAdapter?: boolean };
  const legacy = (adapter as { isFallbackAdapter?: boolean }).isFallbackAdapter;
  const architecture = info.architecture ?? '';
  const description = info.description ?? '';
  return {
    vendor: info.vendor ?? '',
    architecture,
    description,
    isFallbackAdapter:
      info.isFallbackAdapter === true ||
      legacy === true ||
      /swiftshader/i.test(architecture) ||
      /swiftshader/i.test(description),
  };
}

const LIMITS_TO_MAXIMISE = [
  'maxStorageBufferBindingSize',
  'maxBufferSize',
  'maxComputeWorkgroupsPerDimension',
  'maxStorageBuffersPerShaderStage',
  'maxComputeInvocationsPerWorkgroup',
  'maxComputeWorkgroupSizeX',
  'maxComputeWorkgroupStorageSize',
] as const;

/** A device with the adapter's maxima for the limits the engine uses. */
export async function requestEngineDevice(adapter: GPUAdapter): Promise<GPUDevice> {
  const requiredLimits: Record<string, number> = {};
  for (const name of LIMITS_TO_MAXIMISE) {
    const value = (adapter.limits as unknown as Record<string, number>)[name];
    if (typeof value === 'number') requiredLimits[name] = value;
  }
  return adapter.requestDevice({ requiredLimits, label: 'twinscreen-engine' });
}

/** Largest bytes one storage binding (and one buffer) may have on this device. */
export function maxBindingBytes(device: GPUDevice): number {
  return Math.min(device.limits.maxStorageBufferBindingSize, device.limits.maxBufferSize);
}

/**
 * A 1-D workload of `invocations` threads as a 2-D grid of 64-wide workgroups (a dimension
 * holds at most maxComputeWorkgroupsPerDimension groups). Invocation index = x + y·stride.
 */
export function dispatchGrid(
  device: GPUDevice,
  invocations: number,
  workgroupSize = 64,
): { x: number; y: number; stride: number } {
  const groups = Math.max(1, Math.ceil(invocations / workgroupSize));
  const perDimension = device.limits.maxComputeWorkgroupsPerDimension;
  const x = Math.min(groups, perDimension);
  const y = Math.ceil(groups / x);
  if (y > perDimension) {
    throw new RangeError(`dispatchGrid: ${invocations} invocations exceed the device's grid`);
  }
  return { x, y, stride: x * workgroupSize };
}

/** Creates buffers for one run and destroys them all at the end. */
export class BufferScope {
  readonly #device: GPUDevice;
  readonly #buffers = new Set<GPUBuffer>();
  /** Buffers created and not yet destroyed, across every scope (for leak tests). */
  static live = 0;

  constructor(device: GPUDevice) {
    this.#device = device;
  }

  create(size: number, usage: number, label: string): GPUBuffer {
    // Bindings need a non-zero size that is a multiple of 4 (16 for vec4 arrays).
    const bytes = Math.max(16, Math.ceil(size / 16) * 16);
    const buffer = this.#device.createBuffer({ size: bytes, usage, label });
    this.#buffers.add(buffer);
    BufferScope.live++;
    return buffer;
  }

  /** A storage buffer holding `data` (padded to 16 bytes). */
  upload(data: ArrayBufferView, label: string, extraUsage = 0): GPUBuffer {
    const buffer = this.create(
      data.byteLength,
      GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST | extraUsage,
      label,
    );
    if (data.byteLength > 0) {
      this.#device.queue.writeBuffer(buffer, 0, data.buffer, data.byteOffset, data.byteLength);
    }
    return buffer;
  }

  /** Destroys one buffer early. */
  release(buffer: GPUBuffer): void {
    if (this.#buffers.delete(buffer)) {
      buffer.destroy();
      BufferScope.live--;
    }
  }

  destroyAll(): void {
    for (const buffer of this.#buffers) buffer.destroy();
    BufferScope.live -= this.#buffers.size;
    this.#buffers.clear();
  }
}

/** Resolves with `promise` unless the device is lost first (then rejects DeviceLostError). */
export function unlessLost<T>(promise: Promise<T>, lost: Promise<GPUDeviceLostInfo>): Promise<T> {
  return Promise.race([
    promise,
    lost.then((info) => {
      throw new DeviceLostError(`WebGPU device lost (${info.reason}): ${info.message}`);
    }),
  ]);
}

/** Copies `bytes` from a GPU buffer to the CPU (one staging buffer, one map). */
export async function readBuffer(
  device: GPUDevice,
  scope: BufferScope,
  source: GPUBuffer,
  bytes: number,
  lost: Promise<GPUDeviceLostInfo>,
  encoder?: GPUCommandEncoder,
): Promise<ArrayBuffer> {
  const size = Math.max(4, Math.ceil(bytes / 4) * 4);
  const staging = scope.create(size, GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST, 'staging');
  const commands = encoder ?? device.createCommandEncoder();
  commands.copyBufferToBuffer(source, 0, staging, 0, size);
  device.queue.submit([commands.finish()]);
  await unlessLost(staging.mapAsync(GPUMapMode.READ), lost);
  const copy = staging.getMappedRange(0, size).slice(0);
  staging.unmap();
  scope.release(staging);
  return copy;
}
