import { describe, expect, it } from 'vitest';
import { backendAfterChange, engineBackend, plainBackendInfo } from '@/app/engine-backend';
import type { BackendInfo } from '@/gpu/backend';
import { GPU_BACKEND as GPU } from './backends';

describe('engineBackend', () => {
  it('uses the backend the session sent, as it is', async () => {
    expect(await engineBackend(GPU, 'cpu')).toBe(GPU);
  });

  it('without one, chooses from the preference (not auto)', async () => {
    const cpu = await engineBackend(null, 'cpu');
    expect(cpu.engine).toBe('cpu');
    expect(cpu.tfjsBackend).toBe('cpu');
    expect(cpu.reason).toMatch(/^cpu requested: CPU engine on \d+ threads?$/);
    const wasm = await engineBackend(undefined, 'wasm');
    expect(wasm.engine).toBe('cpu');
    expect(wasm.reason).toMatch(/^wasm requested/);
  });
});

describe('plainBackendInfo', () => {
  it('copies the info and its adapter into plain, cloneable objects', () => {
    const copy = plainBackendInfo(GPU);
    expect(copy).toEqual(GPU);
    expect(copy).not.toBe(GPU);
    expect(copy?.adapter).not.toBe(GPU.adapter);
    expect(structuredClone(copy)).toEqual(GPU);
    expect(plainBackendInfo(null)).toBeNull();
  });
});

describe('backendAfterChange', () => {
  it('moves a WebGPU backend to the CPU after a device loss and says why', () => {
    const reason = 'WebGPU device lost (destroyed): continuing on the CPU engine (4 threads)';
    const after = backendAfterChange(GPU, { engine: 'cpu', reason });
    expect(after).toEqual({
      ...GPU,
      engine: 'cpu',
      reason: `GPU device lost: continued on CPU · ${reason}`,
    });
    expect(GPU.engine).toBe('webgpu'); // the input is left alone
  });

  it('leaves a backend that is already where the change says alone', () => {
    const cpu: BackendInfo = { ...GPU, engine: 'cpu', reason: 'cpu requested' };
    expect(backendAfterChange(cpu, { engine: 'cpu', reason: 'lost' })).toBe(cpu);
  });
});
