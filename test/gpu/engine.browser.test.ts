/**
 * The engine in headless Chromium: WebGPU compute passes (SwiftShader here; a real GPU on a
 * machine that has one) and the CPU pool on Web Workers, both checked against the CPU
 * references with the shared parity suite; backend choice and tfjs wasm paths.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import type { CsrGraph } from '@/core/graph/csr';
import { multiSourceBfs } from '@/core/engine/multi-source-bfs';
import { randomWalkWithRestart } from '@/core/engine/random-walk-with-restart';
import { terminateSharedPools } from '@/engine/cpu-engine';
import { createEngine } from '@/engine/engine';
import { chooseBackend, type BackendInfo } from '@/gpu/backend';
import { requestEngineAdapter } from '@/gpu/gpu-device';
import { initTfjsBackend, TFJS_WASM_PATHS } from '@/gpu/tfjs-backend';
import fixtureJson from '../fixtures/engine/menche-subgraph.json';
import { maxAbsDiff, type EngineFixture } from '../engine/fixture-graphs';
import { bfsBall, parseInteractome } from '../engine/interactome';
import { defineParitySuite, randomSets, seededRandom } from '../engine/parity-suite';

const fixture = fixtureJson as unknown as EngineFixture;
const adapter = await requestEngineAdapter();

// Vite's dev server sends .gz files with `Content-Encoding: gzip`, so the browser may have
// inflated the body already: decompress only when the gzip magic bytes are still there.
async function fetchGzipText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return new TextDecoder().decode(bytes);
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).text();
}

let big: CsrGraph | null = null;
beforeAll(async () => {
  const menche = parseInteractome(await fetchGzipText('/data/interactome_menche2015.tsv.gz'));
  big = bfsBall(menche.graph, menche.index.get('3569')!, 1500);
});
afterAll(() => terminateSharedPools());
const bigGraph = () => big!;

const info = (engine: 'webgpu' | 'cpu', threads: number): BackendInfo => ({
  engine,
  tfjsBackend: 'cpu',
  adapter: null,
  threads,
  reason: 'test',
});

describe('engine in Chromium', () => {
  it('serves the bundled interactome to the page', () => {
    expect(big!.nodeCount).toBe(1500);
  });

  it('runs a WebGPU compute pass that agrees with the CPU reference', async ({ skip }) => {
    if (!adapter) skip();
    const graph = bigGraph();
    const engine = await createEngine(info('webgpu', 1), graph);
    expect(engine.backend).toBe('webgpu');
    const columns = 9;
    const seeds = new Float64Array(graph.nodeCount * columns);
    const random = seededRandom(2);
    for (let c = 0; c < columns; c++)
      seeds[Math.floor(random() * graph.nodeCount) * columns + c] = 1;
    const result = await engine.propagateRwr(seeds, columns);
    const reference = randomWalkWithRestart(graph, seeds, columns);
    expect(maxAbsDiff(result.values, reference.values)).toBeLessThan(1e-5);
    const { sets, offsets } = randomSets(graph.nodeCount, 40, 40, 9);
    expect(await engine.multiSourceBfs(sets, offsets)).toEqual(
      multiSourceBfs(graph, sets, offsets),
    );
    engine.dispose();
  });

  it('chooses the CPU engine on a software adapter, WebGPU when forced', async () => {
    const auto = await chooseBackend('auto');
    if (auto.adapter && !auto.adapter.isFallbackAdapter) {
      expect(auto.engine).toBe('webgpu'); // a real GPU
    } else {
      expect(auto.engine).toBe('cpu');
      expect(auto.tfjsBackend).toBe('wasm');
    }
    if (auto.adapter) expect((await chooseBackend('webgpu')).engine).toBe('webgpu');
    expect(auto.threads).toBe(crossOriginIsolated ? navigator.hardwareConcurrency : 1);
  });

  it('loads tfjs wasm from this origin only', async () => {
    for (const url of Object.values(TFJS_WASM_PATHS)) {
      expect(new URL(url, location.href).origin).toBe(location.origin);
    }
    expect(await initTfjsBackend({ tfjsBackend: 'wasm' })).toBe('wasm');
    const product = tf.matMul(tf.tensor2d([[1, 2]]), tf.tensor2d([[3], [4]]));
    expect(Array.from(await product.data())).toEqual([11]);
  });
});

describe.skipIf(!adapter)('WebGPU in Chromium', () => {
  defineParitySuite(
    'WebGPU (Chromium)',
    fixture,
    (graph) => createEngine(info('webgpu', 1), graph),
    {
      bigGraph,
      momentsTolerance: 1e-4,
    },
  );
});

describe.skipIf(!crossOriginIsolated)('CPU pool on Web Workers', () => {
  defineParitySuite(
    'CPU pool (Chromium workers)',
    fixture,
    (graph) =>
      createEngine(info('cpu', 2), graph, {
        cpu: { minParallelWork: 0, maxColumnsPerChunk: 16, maxSetsPerChunk: 64 },
      }),
    { bigGraph, momentsTolerance: 1e-5 },
  );
});

it('reports whether the page is cross-origin isolated', () => {
  console.log(`crossOriginIsolated = ${crossOriginIsolated}`);
  expect(typeof crossOriginIsolated).toBe('boolean');
});
