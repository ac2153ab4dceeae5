/**
 * Compute backend selection
 * =========================
 * Decides where the engine's sparse kernels run and which tfjs backend dense work uses:
 *   real (non-fallback) WebGPU adapter            → engine 'webgpu', tfjs 'webgpu'
 *   fallback adapter (isFallbackAdapter, or the
 *   SwiftShader architecture), or no adapter      → engine 'cpu' (worker pool), tfjs 'wasm'
 *                                                   (SIMD; threaded when cross-origin
 *                                                   isolated), or tfjs 'cpu' without wasm
 *   preference 'webgpu'                           → WebGPU even on a fallback adapter
 *   preference 'wasm' / 'cpu'                     → engine 'cpu', tfjs as named
 * Why a software adapter is not a GPU: measured here, WGSL SpMM on SwiftShader takes
 * 1.45–1.83 s per 20k-node / 600k-nnz / B = 256 step, against 0.72–0.85 s for a plain JS loop
 * and ~0.1 s for the CPU pool (RECIPES.md §2; bench/engine.bench.ts).
 * tfjs itself is set up by tfjs-backend.ts (kept separate: it imports the wasm binaries).
 */
import { canShareMemory } from '@/engine/cpu-engine';
import { requestEngineAdapter, summarizeAdapter, type AdapterSummary } from './gpu-device';

export type BackendPreference = 'auto' | 'webgpu' | 'wasm' | 'cpu';

export interface BackendInfo {
  /** Where the engine's sparse kernels run. */
  engine: 'webgpu' | 'cpu';
  /** Which tfjs backend dense tensor work should use. */
  tfjsBackend: 'webgpu' | 'wasm' | 'cpu';
  /** The WebGPU adapter found (whether or not it is used), or null. */
  adapter: AdapterSummary | null;
  /** CPU threads the engine's CPU path may use (1 without SharedArrayBuffer). */
  threads: number;
  /** One sentence for the UI: why this choice. */
  reason: string;
}

const MAX_THREADS = 8;

/** Threads for the CPU pool: the machine's cores, when memory can be shared with workers. */
export async function cpuThreads(): Promise<number> {
  if (!canShareMemory()) return 1;
  const nav = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator;
  let cores = nav?.hardwareConcurrency ?? 0;
  const node = (globalThis as { process?: { versions?: { node?: string } } }).process;
  if (!cores && node?.versions?.node) {
    const specifier = 'node:os';
    const os = (await import(/* @vite-ignore */ specifier)) as { availableParallelism(): number };
    cores = os.availableParallelism();
  }
  return Math.max(1, Math.min(MAX_THREADS, cores || 1));
}

function hasWasm(): boolean {
  return typeof WebAssembly === 'object' && typeof WebAssembly.instantiate === 'function';
}

export async function chooseBackend(preference: BackendPreference = 'auto'): Promise<BackendInfo> {
  if (!['auto', 'webgpu', 'wasm', 'cpu'].includes(preference)) {
    throw new RangeError(
      `chooseBackend: preference must be auto, webgpu, wasm or cpu, got ${String(preference)}`,
    );
  }
  const threads = await cpuThreads();
  const adapter = await requestEngineAdapter();
  const summary = adapter ? summarizeAdapter(adapter) : null;
  const cpuTfjs = hasWasm() ? 'wasm' : 'cpu';
  const name = summary
    ? `${summary.vendor || 'unknown vendor'} ${summary.architecture || summary.description || ''}`.trim()
    : '';
  const cpuPath = `CPU engine on ${threads} thread${threads === 1 ? '' : 's'}`;

  if (preference === 'cpu' || preference === 'wasm') {
    return {
      engine: 'cpu',
      tfjsBackend: preference === 'wasm' ? cpuTfjs : 'cpu',
      adapter: summary,
      threads,
      reason: `${preference} requested: ${cpuPath}`,
    };
  }
  if (summary && (preference === 'webgpu' || !summary.isFallbackAdapter)) {
    return {
      engine: 'webgpu',
      tfjsBackend: 'webgpu',
      adapter: summary,
      threads,
      reason: summary.isFallbackAdapter
        ? `WebGPU forced on a software adapter (${name}): expect it to be slower than the CPU`
        : `WebGPU adapter ${name}`,
    };
  }
  const why = summary
    ? `the only WebGPU adapter is a software fallback (${name}), which is slower than the CPU`
    : preference === 'webgpu'
      ? 'WebGPU was requested but no adapter is available'
      : 'no WebGPU adapter';
  return {
    engine: 'cpu',
    tfjsBackend: cpuTfjs,
    adapter: summary,
    threads,
    reason: `${why}: ${cpuPath}`,
  };
}
