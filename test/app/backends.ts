// BackendInfo fixtures for the tests that choose where an engine runs.
import type { BackendInfo } from '@/gpu/backend';

/** What chooseBackend('auto') says on a real GPU with four CPU threads. */
export const GPU_BACKEND: BackendInfo = {
  engine: 'webgpu',
  tfjsBackend: 'webgpu',
  adapter: { vendor: 'nvidia', architecture: 'hopper', description: '', isFallbackAdapter: false },
  threads: 4,
  reason: 'WebGPU adapter nvidia hopper',
};

/** WebGPU forced (e.g. on the SwiftShader adapter of the Node tests); one thread after a loss. */
export const GPU_ONE_THREAD: BackendInfo = {
  engine: 'webgpu',
  tfjsBackend: 'webgpu',
  adapter: null,
  threads: 1,
  reason: 'test: forced WebGPU',
};

/** The CPU engine on one thread: no worker pool to start or stop. */
export const CPU_ONE_THREAD: BackendInfo = {
  engine: 'cpu',
  tfjsBackend: 'cpu',
  adapter: null,
  threads: 1,
  reason: 'test',
};
