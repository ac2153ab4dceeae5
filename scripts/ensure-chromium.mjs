// Finds the system Chromium for browser tests; installs Debian's package when running as root.
import { execFileSync } from 'node:child_process';
import { chromiumPath, hasChromium } from './chromium.mjs';

export function ensureChromium() {
  if (hasChromium()) return chromiumPath();
  if (process.env.CHROME_PATH) {
    console.error(
      `CHROME_PATH=${process.env.CHROME_PATH} does not exist: point it at a Chromium binary.`,
    );
    process.exit(1);
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(
      'Chromium not found at /usr/bin/chromium: install it (sudo apt-get install chromium) or set CHROME_PATH.',
    );
    process.exit(1);
  }
  console.log('Chromium missing: installing Debian package "chromium" (apt-get)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
  if (!hasChromium()) {
    console.error('apt-get finished but /usr/bin/chromium is still missing; set CHROME_PATH.');
    process.exit(1);
  }
  return chromiumPath();
}

if (import.meta.url === `file://${process.argv[1]}`) ensureChromium();
