// Finds the system Chromium for browser tests; installs Debian's package when running as root.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumPath, hasChromium } from './chromium.mjs';

const VULKAN_LOADER = '/usr/lib/x86_64-linux-gnu/libvulkan.so.1';
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function aptInstall(packages) {
  console.log(`Installing Debian package(s) ${packages.join(', ')} (apt-get)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env });
}

export function ensureChromium() {
  // The Vulkan loader lets Node's `webgpu` package reach Chromium's SwiftShader driver, so the
  // WebGPU kernels are tested in Node too; without it those tests skip (not fail).
  const wanted = [];
  if (!hasChromium() && !process.env.CHROME_PATH) wanted.push('chromium');
  if (!existsSync(VULKAN_LOADER) && process.arch === 'x64') wanted.push('libvulkan1');
  if (wanted.length > 0 && isRoot) aptInstall(wanted);
  if (hasChromium()) return chromiumPath();
  if (process.env.CHROME_PATH) {
    console.error(
      `CHROME_PATH=${process.env.CHROME_PATH} does not exist: point it at a Chromium binary.`,
    );
    process.exit(1);
  }
  if (!isRoot) {
    console.error(
      'Chromium not found at /usr/bin/chromium: install it (sudo apt-get install chromium) or set CHROME_PATH.',
    );
    process.exit(1);
  }
  console.error('apt-get finished but /usr/bin/chromium is still missing; set CHROME_PATH.');
  process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) ensureChromium();
