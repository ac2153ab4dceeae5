/**
 * BackendInfo fixture for the engine tests: the CPU engine on `threads` threads.
 */
import type { BackendInfo } from '@/gpu/backend';

export const cpuInfo = (threads: number): BackendInfo => ({
  engine: 'cpu',
  tfjsBackend: 'cpu',
  adapter: null,
  threads,
  reason: 'test',
});
