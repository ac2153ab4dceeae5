// `npm test`: the whole verification, in the order a failure is cheapest to find.
// Type check, lint, format check, production build, then every vitest project
// (unit in Node, browser in headless Chromium, e2e against the built app).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { ensureChromium } from './ensure-chromium.mjs';

const SUMMARY_FILE = 'test-results/vitest-summary.json';

/** One plain closing line that any CI can read: "tests: N passed, N failed, N skipped". */
function printSummary() {
  if (!existsSync(SUMMARY_FILE)) return;
  const s = JSON.parse(readFileSync(SUMMARY_FILE, 'utf8'));
  const skipped = s.numPendingTests + s.numTodoTests;
  console.log(`tests: ${s.numPassedTests} passed, ${s.numFailedTests} failed, ${skipped} skipped`);
}

ensureChromium();
const steps = [
  ['type check', 'npx', ['svelte-check', '--tsconfig', './tsconfig.json', '--fail-on-warnings']],
  ['lint', 'npx', ['eslint', '.']],
  ['format', 'npx', ['prettier', '--check', '.']],
  ['build', 'npx', ['vite', 'build', '--logLevel', 'warn']],
  [
    'tests',
    'npx',
    [
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${SUMMARY_FILE}`,
      ...process.argv.slice(2),
    ],
  ],
];
const started = Date.now();
for (const [name, command, args] of steps) {
  const t0 = Date.now();
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  if (name === 'tests') rmSync(SUMMARY_FILE, { force: true });
  const { status } = spawnSync(command, args, { stdio: 'inherit' });
  if (name === 'tests') printSummary();
  console.log(
    `◀ ${name}: ${status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
  if (status !== 0) process.exit(status ?? 1);
}
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
