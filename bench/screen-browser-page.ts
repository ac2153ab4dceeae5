/**
 * Drug-screen benchmark, browser side (loaded by screen-browser.html; driven by screen-browser.ts)
 * ==============================================================================================
 * Exposes `window.screenBench(encodedInput)`: decodes the DrugCentral × Menche × RA input sent
 * by Node and times `runScreen` in the page, as the app would run it:
 *   1. chooseBackend('auto'): the CPU engine's worker pool (Web Workers over SharedArrayBuffer;
 *      the page is cross-origin isolated by Vite's COOP/COEP headers) where the only WebGPU
 *      adapter is SwiftShader; proximity, then proximity + rwr (best of 3 after a warm-up);
 *   2. the CPU engine on 1 thread (proximity; best of 2);
 *   3. WebGPU forced onto that adapter, once (proximity; its first run, so the pipeline
 *      compilation is included): SwiftShader is a software adapter, not a GPU.
 */
import { chooseBackend, type BackendInfo } from '@/gpu/backend';
import { terminateSharedPools } from '@/engine/cpu-engine';
import {
  decodeScreenInput,
  timeScreen,
  type EncodedScreenInput,
  type ScreenTiming,
} from './screen-measure';

export interface BrowserScreenReport {
  /** The browser and the backend choice. */
  lines: string[];
  timings: ScreenTiming[];
  errors: string[];
}

const output = document.getElementById('log')!;
const log = (line: string) => {
  console.log(line);
  output.textContent += `${line}\n`;
};

const message = (error: unknown) =>
  error instanceof Error ? (error.stack ?? error.message) : String(error);

async function screenBench(encoded: EncodedScreenInput): Promise<BrowserScreenReport> {
  const report: BrowserScreenReport = { lines: [], timings: [], errors: [] };
  const note = (line: string) => {
    log(line);
    report.lines.push(line);
  };
  const input = decodeScreenInput(encoded);
  note(
    `${navigator.userAgent.match(/(?:Headless)?Chrome\/[\d.]+/)?.[0] ?? navigator.userAgent}, ` +
      `crossOriginIsolated = ${crossOriginIsolated}, hardwareConcurrency = ${navigator.hardwareConcurrency}`,
  );
  const auto = await chooseBackend('auto');
  note(`chooseBackend('auto') → ${auto.engine} engine: ${auto.reason}`);
  const cpu: BackendInfo = auto.engine === 'cpu' ? auto : await chooseBackend('cpu');
  const cpuOne: BackendInfo = { ...cpu, threads: 1, reason: 'bench: CPU engine on 1 thread' };
  const runs: [string, BackendInfo, ScreenTiming['methods'], number, number][] = [
    [`CPU engine, ${cpu.threads} threads`, cpu, ['proximity'], 3, 1],
    [`CPU engine, ${cpu.threads} threads`, cpu, ['proximity', 'rwr'], 3, 0],
    ['CPU engine, 1 thread', cpuOne, ['proximity'], 2, 1],
  ];
  for (const [label, backend, methods, repeats, warmups] of runs) {
    try {
      const timing = await timeScreen(label, input, methods, backend, repeats, warmups);
      report.timings.push(timing);
      log(`  ${label}, ${methods.join('+')}: ${(timing.ms / 1000).toFixed(3)} s`);
    } catch (error) {
      report.errors.push(`${label}, ${methods.join('+')}: ${message(error)}`);
    }
  }
  terminateSharedPools();

  try {
    const forced = await chooseBackend('webgpu');
    if (forced.engine !== 'webgpu' || !forced.adapter) {
      note(`WebGPU forced: no adapter (${forced.reason}); row skipped`);
    } else {
      const a = forced.adapter;
      const name = a.architecture || a.description || a.vendor || 'adapter';
      const label = a.isFallbackAdapter
        ? `WebGPU forced (${name}: software adapter, not a GPU), 1 run`
        : `WebGPU (${name}), 1 run`;
      const timing = await timeScreen(label, input, ['proximity'], forced, 1, 0);
      report.timings.push(timing);
      log(`  ${label}, proximity: ${(timing.ms / 1000).toFixed(3)} s`);
    }
  } catch (error) {
    report.errors.push(`WebGPU forced: ${message(error)}`);
  }
  return report;
}

const state = window as unknown as {
  screenBench?: typeof screenBench;
  screenBenchReady?: boolean;
};
state.screenBench = screenBench;
state.screenBenchReady = true;
