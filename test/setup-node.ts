// Node test setup: expose WebGPU through the `webgpu` package (Dawn) with Chromium's bundled
// SwiftShader Vulkan driver, when that driver is installed (RECIPES.md §3). GPU tests skip
// themselves when `navigator.gpu` is absent.
import { existsSync } from 'node:fs';

const swiftshaderIcd = '/usr/lib/chromium/vk_swiftshader_icd.json';
if (!('gpu' in (globalThis.navigator ?? {})) && existsSync(swiftshaderIcd)) {
  process.env.VK_ICD_FILENAMES ??= swiftshaderIcd;
  process.env.XDG_RUNTIME_DIR ??= '/tmp';
  const { create, globals } = await import('webgpu');
  Object.assign(globalThis, globals);
  const g = globalThis as { navigator?: object };
  if (!g.navigator) g.navigator = {};
  // The navigator keeps the Dawn instance alive; a collected instance crashes the process.
  Object.defineProperty(g.navigator, 'gpu', { value: create([]), configurable: true });
}
