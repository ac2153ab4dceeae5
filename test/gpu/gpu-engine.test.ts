/**
 * WebGPU engine in Node (Dawn through the `webgpu` package, SwiftShader: a software adapter,
 * so these check correctness, not speed). Skipped when no adapter is available.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomWalkWithRestart } from '@/core/engine/random-walk-with-restart';
import { terminateSharedPools } from '@/engine/cpu-engine';
import { createEngine } from '@/engine/engine';
import { chooseBackend } from '@/gpu/backend';
import {
  BufferScope,
  dispatchGrid,
  requestEngineAdapter,
  requestEngineDevice,
} from '@/gpu/gpu-device';
import { GPU_ONE_THREAD } from '../app/backends';
import { lazyMencheBall, loadEngineFixture } from '../engine/interactome-node';
import { fixtureGraph, flatten, maxAbsDiff } from '../engine/fixture-graphs';
import { csrFromEdges } from '@/core/graph/csr';
import { defineParitySuite, seededRandom } from '../engine/parity-suite';

const adapter = await requestEngineAdapter();
const hasGpu = adapter !== null;
const fixture = loadEngineFixture();
const bigGraph = lazyMencheBall(1500);
const gpuInfo = GPU_ONE_THREAD;

afterAll(() => terminateSharedPools());

describe.skipIf(!hasGpu)('WebGPU engine (Node, software adapter)', () => {
  defineParitySuite(
    'WebGPU (Node Dawn), small chunks',
    fixture,
    (graph) =>
      createEngine(gpuInfo, graph, { gpu: { maxColumnsPerChunk: 16, maxSetsPerChunk: 64 } }),
    { bigGraph, momentsTolerance: 1e-4 },
  );

  describe('chooseBackend', () => {
    it('treats SwiftShader as a fallback: CPU engine unless WebGPU is forced', async () => {
      const auto = await chooseBackend('auto');
      expect(auto.adapter?.isFallbackAdapter).toBe(true);
      expect(auto.engine).toBe('cpu');
      expect(auto.tfjsBackend).toBe('wasm');
      expect(auto.reason).toMatch(/fallback/);
      const forced = await chooseBackend('webgpu');
      expect(forced.engine).toBe('webgpu');
      expect(forced.reason).toMatch(/software adapter/);
      expect((await chooseBackend('cpu')).tfjsBackend).toBe('cpu');
      expect((await chooseBackend('wasm')).engine).toBe('cpu');
      expect(auto.threads).toBeGreaterThanOrEqual(1);
    });
  });

  describe('device limits', () => {
    let device: GPUDevice;
    let fresh: GPUAdapter;
    beforeAll(async () => {
      fresh = (await requestEngineAdapter())!; // an adapter makes one device only
      device = await requestEngineDevice(fresh);
    });
    afterAll(() => device.destroy());

    it('requests the adapter maxima', () => {
      expect(device.limits.maxStorageBufferBindingSize).toBe(
        fresh.limits.maxStorageBufferBindingSize,
      );
      expect(device.limits.maxBufferSize).toBe(fresh.limits.maxBufferSize);
    });

    it('chunks columns by maxStorageBufferBindingSize', async () => {
      // A ring of 600 nodes (sparse enough that the operator fits where 8 columns do) on a
      // device that reports room for only 8 columns of N floats per binding.
      const n = 600;
      const from = Uint32Array.from({ length: 2 * n }, (_, k) => (k < n ? k : (k - n + 1) % n));
      const to = Uint32Array.from({ length: 2 * n }, (_, k) => (k < n ? (k + 1) % n : k - n));
      const graph = csrFromEdges(n, from, to);
      const limits: Record<string, number> = {};
      for (const key in device.limits)
        limits[key] = (device.limits as unknown as Record<string, number>)[key];
      limits.maxStorageBufferBindingSize = n * 4 * 8 + 4;
      const small = new Proxy(device, {
        get(target, key) {
          if (key === 'limits') return limits;
          const value = Reflect.get(target, key, target);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
      const engine = await createEngine(gpuInfo, graph, { device: small });
      const columns = 21;
      const seeds = new Float64Array(n * columns);
      const random = seededRandom(1);
      for (let c = 0; c < columns; c++) seeds[Math.floor(random() * n) * columns + c] = 1;
      const totals: number[] = [];
      const options = { restart: 0.3, maxIterations: 60 };
      const result = await engine.propagateRwr(seeds, columns, {
        ...options,
        onProgress: (_done, total) => totals.push(total),
      });
      expect(totals[0]).toBe(3 * 60); // ⌈21/8⌉ chunks × 60 steps
      const reference = randomWalkWithRestart(graph, seeds, columns, options);
      expect(maxAbsDiff(result.values, reference.values)).toBeLessThan(1e-5);
      engine.dispose();
    });

    it('lays out 1-D work as a 2-D grid within the per-dimension limit', () => {
      const fake = { limits: { maxComputeWorkgroupsPerDimension: 10 } } as unknown as GPUDevice;
      expect(dispatchGrid(fake, 64 * 25)).toEqual({ x: 10, y: 3, stride: 640 });
      expect(() => dispatchGrid(fake, 64 * 101)).toThrow(/grid/);
    });
  });

  describe('device loss and cancellation', () => {
    it('finishes an in-flight run on the CPU with the same results after device.destroy()', async () => {
      const graph = bigGraph();
      const columns = 12;
      const seeds = new Float64Array(graph.nodeCount * columns);
      for (let c = 0; c < columns; c++) seeds[((c * 131) % graph.nodeCount) * columns + c] = 1;
      const device = await requestEngineDevice((await requestEngineAdapter())!);
      const changes: string[] = [];
      const engine = await createEngine(gpuInfo, graph, {
        device,
        threads: 2,
        onBackendChange: (backend, reason) => changes.push(`${backend}: ${reason}`),
      });
      expect(engine.backend).toBe('webgpu');
      let destroyed = false;
      const result = await engine.propagateRwr(seeds, columns, {
        onProgress: (done) => {
          if (!destroyed && done >= 10) {
            destroyed = true;
            device.destroy();
          }
        },
      });
      expect(destroyed).toBe(true);
      expect(engine.backend).toBe('cpu');
      expect(changes).toHaveLength(1);
      expect(changes[0]).toMatch(/^cpu: WebGPU device lost/);
      const reference = randomWalkWithRestart(graph, seeds, columns);
      expect(maxAbsDiff(result.values, reference.values)).toBeLessThan(1e-5);
      // later calls stay on the CPU
      const again = await engine.propagateRwr(seeds, columns);
      expect(again.values).toEqual(result.values);
      engine.dispose();
    });

    it('frees every run buffer when a propagation or a proximity batch is aborted', async () => {
      const graph = bigGraph();
      const engine = await createEngine(gpuInfo, graph, { gpu: { maxSetsPerChunk: 32 } });
      const before = BufferScope.live;
      const controller = new AbortController();
      const seeds = new Float64Array(graph.nodeCount * 4);
      seeds[0] = 1;
      const run = engine.propagateRwr(seeds, 4, {
        tolerance: 0,
        signal: controller.signal,
        onProgress: (done) => {
          if (done >= 20) controller.abort();
        },
      });
      await expect(run).rejects.toThrow(/abort/i);
      expect(BufferScope.live).toBe(before);

      const sets = Uint32Array.from({ length: 200 }, (_, k) => (k * 37) % graph.nodeCount);
      const setOffsets = Uint32Array.from({ length: 101 }, (_, k) => 2 * k);
      const second = new AbortController();
      const batch = engine.proximityScores(
        {
          sets,
          setOffsets,
          targets: { offsets: Uint32Array.of(0, 1), targets: Uint32Array.of(5), perColumn: false },
          moments: true,
        },
        {
          signal: second.signal,
          onProgress: () => second.abort(),
        },
      );
      await expect(batch).rejects.toThrow(/abort/i);
      expect(BufferScope.live).toBe(before);
      expect(engine.backend).toBe('webgpu');
      engine.dispose();
    });
  });

  it('runs a plain RWR on the real subgraph identically with one chunk', async () => {
    const graph = fixtureGraph(fixture);
    const engine = await createEngine(gpuInfo, graph);
    const result = await engine.propagateRwr(flatten(fixture.rwr.seeds), 2);
    expect(maxAbsDiff(result.values, flatten(fixture.rwr.expected))).toBeLessThan(1e-5);
    engine.dispose();
  });
});
