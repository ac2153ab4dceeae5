/**
 * Engine benchmark: `npm run bench -- engine`
 * ===========================================
 * SpMM propagation steps (y = W·x, node-major N×B float32) on the Menche 2015 and do Valle
 * 2021 interactomes for B = 1, 64, 256, 2048, by:
 *   plain JS      the triple loop y[i·B + c] += w·x[j·B + c] (one thread): the baseline
 *   CPU 1 thread  cpu-kernels.ts spmmRows (8-column register blocking)
 *   CPU pool      CpuEngine on 2 worker threads (shared memory; one message per step)
 *   WebGPU        GpuEngine through the `webgpu` npm package (Dawn). Without a GPU this is
 *                 SwiftShader, a software adapter: NOT a GPU, listed for completeness only.
 * Each figure comes with in-run baselines: the plain JS loop (speed-up) and the memory
 * bandwidth of a large Float32Array copy (GB/s, counting read + write bytes).
 * Bytes touched per step, two ways:
 *   compulsory  4(N + 1) + 8·nnz + 8·N·B            (CSR once, X read once, Y written once)
 *   gather      4(N + 1) + 8·nnz + 4·nnz·B + 4·N·B  (every stored value reads a B-float row of
 *               X: the traffic of a machine without caches)
 * "%BW" = compulsory bytes / time as a fraction of the copy bandwidth.
 * Also: multi-source BFS for 1000 random 40-node sets (queue BFS per set vs the bit-parallel
 * kernels) and the drug-screen null loop (1000 draws × 1300 drugs × 3 targets drawn per draw:
 * BFS + gather + Welford). Figures on a 2-core machine shared with other jobs are noisy: each
 * is the best of a few repeats, and the load average is printed. GPU steps are the difference
 * between a long and a short run, so upload and readback cancel out.
 * The same measurements in headless Chromium: `npx tsx bench/engine-browser.ts`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { gunzipSync } from 'node:zlib';
import type { CsrGraph } from '@/core/graph/csr';
import { terminateSharedPools } from '@/engine/cpu-engine';
import { requestEngineAdapter, summarizeAdapter } from '@/gpu/gpu-device';
import { parseInteractome } from '../test/engine/interactome';
import { measureEngine, memoryBandwidth } from './engine-measure';

function loadGraph(name: string): CsrGraph {
  const path = new URL(`../public/data/interactome_${name}.tsv.gz`, import.meta.url);
  return parseInteractome(gunzipSync(readFileSync(path)).toString('utf8')).graph;
}

/** Exposes WebGPU through Dawn with Chromium's SwiftShader driver, as test/setup-node.ts does. */
async function setupNodeWebGpu(): Promise<string | null> {
  const icd = '/usr/lib/chromium/vk_swiftshader_icd.json';
  const g = globalThis as { navigator?: { gpu?: unknown } };
  if (!g.navigator?.gpu) {
    if (!existsSync(icd)) return null;
    process.env.VK_ICD_FILENAMES ??= icd;
    process.env.XDG_RUNTIME_DIR ??= '/tmp';
    const { create, globals } = await import('webgpu');
    Object.assign(globalThis, globals);
    if (!g.navigator) (globalThis as { navigator?: object }).navigator = {};
    // The navigator keeps the Dawn instance alive: a collected instance crashes the process.
    Object.defineProperty(g.navigator, 'gpu', { value: create([]), configurable: true });
  }
  const adapter = await requestEngineAdapter();
  if (!adapter) return null;
  const s = summarizeAdapter(adapter);
  return s.isFallbackAdapter
    ? `${s.architecture || s.description}: software adapter, not a GPU`
    : s.description;
}

export async function run(): Promise<void> {
  const log = (line: string) => console.log(line);
  const gpuLabel = await setupNodeWebGpu();
  log(
    `WebGPU: ${gpuLabel ?? 'no adapter (install libvulkan1 and chromium for SwiftShader): rows skipped'}`,
  );
  log(
    `Load average at start: ${loadavg()
      .map((v) => v.toFixed(2))
      .join(' ')} (2 cores)`,
  );
  await measureEngine(loadGraph, gpuLabel, log);
  log('');
  log(`Memory bandwidth at the end: ${memoryBandwidth().toFixed(2)} GB/s`);
  log(
    `Load average at the end: ${loadavg()
      .map((v) => v.toFixed(2))
      .join(' ')}`,
  );
  terminateSharedPools();
}
