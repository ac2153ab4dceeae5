import { describe, expect, it } from 'vitest';
import { backendLabel } from '@/app/backend-label';
import type { BackendInfo } from '@/gpu/backend';

const swiftshader = {
  vendor: 'google',
  architecture: 'swiftshader',
  description: 'SwiftShader Device',
  isFallbackAdapter: true,
};

describe('backendLabel', () => {
  it.each<[string, BackendInfo, string]>([
    [
      'WebGPU',
      {
        engine: 'webgpu',
        tfjsBackend: 'webgpu',
        adapter: { ...swiftshader, isFallbackAdapter: false },
        threads: 1,
        reason: 'hardware adapter',
      },
      'WebGPU',
    ],
    [
      'threaded wasm',
      { engine: 'cpu', tfjsBackend: 'wasm', adapter: null, threads: 4, reason: 'asked for wasm' },
      'CPU · WASM ×4',
    ],
    [
      'single-thread wasm',
      { engine: 'cpu', tfjsBackend: 'wasm', adapter: null, threads: 1, reason: 'asked for wasm' },
      'CPU · WASM',
    ],
    [
      'plain CPU',
      {
        engine: 'cpu',
        tfjsBackend: 'cpu',
        adapter: swiftshader,
        threads: 1,
        reason: 'software WebGPU adapter ignored',
      },
      'CPU',
    ],
  ])('names %s', (_case, info, name) => {
    expect(backendLabel(info).name).toBe(name);
    expect(backendLabel(info).reason).toBe(info.reason);
  });

  it('describes the adapter, saying when it is a software fallback', () => {
    const info: BackendInfo = {
      engine: 'cpu',
      tfjsBackend: 'cpu',
      adapter: swiftshader,
      threads: 1,
      reason: 'software WebGPU adapter ignored',
    };
    expect(backendLabel(info).adapter).toBe(
      'google swiftshader SwiftShader Device (software fallback)',
    );
    expect(backendLabel({ ...info, adapter: null }).adapter).toBeNull();
  });
});
