// Where the system Chromium lives and the flags every headless run uses (see README, RECIPES).
import { existsSync } from 'node:fs';

/** `CHROME_PATH` if set, else Debian's `/usr/bin/chromium`. Never a downloaded browser. */
export function chromiumPath() {
  return process.env.CHROME_PATH || '/usr/bin/chromium';
}

export function hasChromium() {
  return existsSync(chromiumPath());
}

/**
 * WebGPU on (a software adapter where no GPU exists), and every background service that would
 * try to reach the network off.
 */
export const CHROMIUM_ARGS = [
  '--enable-unsafe-webgpu',
  '--enable-unsafe-swiftshader',
  '--disable-gpu-watchdog',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
