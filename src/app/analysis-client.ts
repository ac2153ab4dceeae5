/**
 * Analysis worker client
 * ======================
 * Starts workers/analysis.worker.ts and wraps it with comlink. The worker's API type is
 * imported as a type only, so none of the worker's code (tfjs, parsers, layout) lands in the
 * main bundle.
 */
import * as Comlink from 'comlink';
import type { AnalysisApi } from '../../workers/analysis.worker';

export type AnalysisRemote = Comlink.Remote<AnalysisApi>;

export interface AnalysisClient {
  api: AnalysisRemote;
  /** Wraps a callback so the worker can call it back across the boundary. */
  callback<T extends (...args: never[]) => unknown>(fn: T): T;
  terminate(): void;
}

export function createAnalysisClient(): AnalysisClient {
  const worker = new Worker(new URL('../../workers/analysis.worker.ts', import.meta.url), {
    type: 'module',
    name: 'twinscreen-analysis',
  });
  return {
    api: Comlink.wrap<AnalysisApi>(worker),
    callback: (fn) => Comlink.proxy(fn),
    terminate: () => worker.terminate(),
  };
}
