/**
 * The module panel's RWR null on a real WebGPU device that is lost mid-run (Node, Dawn with
 * SwiftShader; skipped without an adapter): the engine finishes on its CPU path, the worker's
 * onBackendChange hears of it, the provenance says the null ran on the CPU, and p and z are
 * the float64 core's (as on the CPU engine, test/app/module-analysis.test.ts).
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { BackendChange, ModuleOptions } from '@/app/analysis-types';
import { runModuleAnalysis } from '@/app/module-analysis';
import { MODULE_DEFAULTS } from '@/app/module-options';
import { terminateSharedPools } from '@/engine/cpu-engine';
import { createEngine } from '@/engine/engine';
import { requestEngineAdapter, requestEngineDevice } from '@/gpu/gpu-device';
import { GPU_ONE_THREAD } from '../app/backends';
import { expectCoreRwrNull } from '../app/expect-core-rwr-null';
import { loadMencheDemo, mencheModuleSet } from '../app/menche-demo';

const adapter = await requestEngineAdapter();

afterAll(() => terminateSharedPools());

describe.skipIf(adapter === null)('module RWR null: WebGPU device lost mid-run', () => {
  it('finishes on the CPU, reports the move, records it and keeps the core’s p', async () => {
    const demo = await loadMencheDemo();
    const { network, geneIndex } = demo;
    const ra = mencheModuleSet(demo, 'arthritis, rheumatoid', 'ra');
    const device = await requestEngineDevice(adapter!);
    const changes: BackendChange[] = [];
    let startedOn = '';
    let destroyed = false;
    const options: ModuleOptions = {
      ...MODULE_DEFAULTS,
      method: 'rwr',
      randomSets: 20,
      seed: 5,
      restart: 0.15,
    };
    const result = await runModuleAnalysis(network, ra, geneIndex, options, {
      view: { layout: { iterations: 3 } },
      backend: GPU_ONE_THREAD,
      engine: { onBackendChange: (engine, reason) => changes.push({ engine, reason }) },
      createEngine: async (info, graph, engineOptions) => {
        const engine = await createEngine(info, graph, { ...engineOptions, device });
        startedOn = engine.backend;
        return engine;
      },
      onProgress: (label, done) => {
        if (!destroyed && label.startsWith('Random walks') && done >= 1) {
          destroyed = true; // a few draws' worth of steps done on the GPU
          device.destroy();
        }
      },
    });
    expect(startedOn).toBe('webgpu');
    expect(destroyed).toBe(true);
    expect(changes).toHaveLength(1);
    expect(changes[0].engine).toBe('cpu');
    expect(changes[0].reason).toMatch(/^WebGPU device lost.*continuing on the CPU engine/);
    expect(result.provenance.rwr?.nullEngine).toMatchObject({
      backend: 'cpu',
      reason: changes[0].reason,
      precision: 'float32',
      tolerance: 5e-8,
    });

    expectCoreRwrNull(network, result.rwr?.rows ?? [], { iterations: 20, seed: 5, restart: 0.15 });
  }, 120_000);
});
