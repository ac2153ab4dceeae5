/**
 * tfjs backend set-up, with every binary served from our own origin
 * ================================================================
 * Applies BackendInfo.tfjsBackend. The wasm binaries are imported with Vite's `?url`, so they
 * are emitted next to the app and fetched from the same origin: tfjs-backend-wasm's default
 * would fetch them from a CDN, which the app's Content-Security-Policy forbids. Threads are
 * only available when the page is cross-origin isolated; otherwise the SIMD build runs on
 * one thread. Vite-only (the `?url` imports): Node code never imports this module, and the
 * app should load it lazily (it pulls in all of tfjs). tfjs imports stay inside src/gpu.
 */
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import type { BackendInfo } from './backend';

/** Same-origin locations of the three tfjs wasm builds. */
export const TFJS_WASM_PATHS = {
  'tfjs-backend-wasm.wasm': wasmPlainUrl,
  'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedUrl,
};

/** Registers and selects the tfjs backend; falls back to 'cpu'. Returns the backend in use. */
export async function initTfjsBackend(info: Pick<BackendInfo, 'tfjsBackend'>): Promise<string> {
  let wanted: string = info.tfjsBackend;
  if (wanted === 'wasm') {
    setWasmPaths(TFJS_WASM_PATHS);
    const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
    if (!isolated) tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  }
  let ok = false;
  try {
    ok = await tf.setBackend(wanted);
  } catch {
    ok = false;
  }
  if (!ok) {
    wanted = 'cpu';
    await tf.setBackend('cpu');
  }
  await tf.ready();
  return tf.getBackend();
}
