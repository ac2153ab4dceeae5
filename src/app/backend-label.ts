/**
 * Backend badge text
 * ==================
 * How the header names the compute backend the worker chose: a short name for the badge
 * ("WebGPU", "CPU · WASM ×4", "CPU") and the chooser's reason for the tooltip and the line
 * under it.
 */
import type { BackendInfo } from '@/gpu/backend';

export interface BackendLabel {
  /** Short badge text. */
  name: string;
  /** Why this backend, in the chooser's words. */
  reason: string;
  /** GPU adapter, when one was used or looked at, e.g. "google swiftshader (fallback)". */
  adapter: string | null;
}

export function backendLabel(info: BackendInfo): BackendLabel {
  let name = 'CPU';
  if (info.engine === 'webgpu') name = 'WebGPU';
  else if (info.tfjsBackend === 'wasm') {
    name = info.threads > 1 ? `CPU · WASM ×${info.threads}` : 'CPU · WASM';
  }
  const adapter = info.adapter
    ? [info.adapter.vendor, info.adapter.architecture, info.adapter.description]
        .filter((part) => part)
        .join(' ') + (info.adapter.isFallbackAdapter ? ' (software fallback)' : '')
    : null;
  return { name, reason: info.reason, adapter: adapter || null };
}
