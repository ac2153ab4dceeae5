/**
 * The backend behind every engine run
 * ===================================
 * The header's choice (auto / webgpu / wasm / cpu) becomes a BackendInfo in the worker's
 * `init` (src/gpu/backend.ts chooseBackend). The Session sends that BackendInfo with every run
 * that builds a compute engine (the module panel's RWR null, the drug screen), so they all run
 * where the header says. Before the backend has started (or when it failed to), the worker
 * chooses one from the user's last preference instead of 'auto'.
 *
 * When a WebGPU device is lost mid-run the engine finishes on the CPU (engine.ts
 * `onBackendChange`); `backendAfterChange` is what the Session then shows, and what later runs
 * are given, so they do not ask the lost GPU again.
 */
import type { BackendInfo, BackendPreference } from '@/gpu/backend';
import type { BackendChange } from './analysis-types';

/** A plain copy (the Session's BackendInfo may be reactive; the worker needs cloneable data). */
export function plainBackendInfo(info: BackendInfo | null): BackendInfo | null {
  return info ? { ...info, adapter: info.adapter ? { ...info.adapter } : null } : null;
}

/** The backend a run asked for, or one chosen now from the user's preference. */
export async function engineBackend(
  asked: BackendInfo | null | undefined,
  preference: BackendPreference = 'auto',
): Promise<BackendInfo> {
  if (asked) return asked;
  const { chooseBackend } = await import('@/gpu/backend');
  return chooseBackend(preference);
}

/** What the header shows after an engine moved (a lost GPU device: the CPU from now on). */
export function backendAfterChange(info: BackendInfo, change: BackendChange): BackendInfo {
  if (change.engine === info.engine) return info;
  const reason =
    change.engine === 'cpu'
      ? `GPU device lost: continued on CPU · ${change.reason}`
      : `Moved to ${change.engine}: ${change.reason}`;
  return { ...info, engine: change.engine, reason };
}
