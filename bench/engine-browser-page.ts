/**
 * Engine benchmark, browser side (loaded by engine-browser.html; driven by engine-browser.ts)
 * ==========================================================================================
 * The same measurements as engine.bench.ts, in the page: CPU kernels, the CPU pool on Web
 * Workers (the page is cross-origin isolated by Vite's COOP/COEP headers), and WebGPU through
 * the browser's adapter (SwiftShader in headless Chromium without a GPU: not a GPU).
 */
import { terminateSharedPools } from '@/engine/cpu-engine';
import { requestEngineAdapter, summarizeAdapter } from '@/gpu/gpu-device';
import { parseInteractome } from '../test/engine/interactome';
import { measureEngine } from './engine-measure';

const output = document.getElementById('log')!;
const log = (line: string) => {
  console.log(line);
  output.textContent += `${line}\n`;
};

// Vite's dev server sends .gz with Content-Encoding: gzip: the body may arrive inflated.
async function loadGraph(name: string) {
  const bytes = new Uint8Array(
    await (await fetch(`/data/interactome_${name}.tsv.gz`)).arrayBuffer(),
  );
  const text =
    bytes[0] === 0x1f && bytes[1] === 0x8b
      ? await new Response(
          new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip')),
        ).text()
      : new TextDecoder().decode(bytes);
  return parseInteractome(text).graph;
}

async function main(): Promise<void> {
  const adapter = await requestEngineAdapter();
  const summary = adapter ? summarizeAdapter(adapter) : null;
  const gpuLabel = summary
    ? summary.isFallbackAdapter
      ? `${summary.architecture || summary.description}: software adapter, not a GPU`
      : summary.description || summary.architecture
    : null;
  log(
    `Chromium ${navigator.userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? ''}, crossOriginIsolated = ${crossOriginIsolated}, cores = ${navigator.hardwareConcurrency}`,
  );
  log(`WebGPU: ${gpuLabel ?? 'no adapter: rows skipped'}`);
  await measureEngine(loadGraph, gpuLabel, log);
  terminateSharedPools();
}

const state = window as unknown as { engineBenchDone?: boolean; engineBenchError?: string };
main()
  .catch((error: unknown) => {
    state.engineBenchError =
      error instanceof Error ? (error.stack ?? error.message) : String(error);
  })
  .finally(() => {
    state.engineBenchDone = true;
  });
