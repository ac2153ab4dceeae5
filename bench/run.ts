/**
 * Benchmark runner: `npm run bench [-- NAME ...]`
 * ===============================================
 * Each `bench/NAME.bench.ts` exports `run(): Promise<void>` that prints its figures together
 * with a baseline measured in the same run. Benchmarks never run as tests.
 * With no name, every benchmark runs in alphabetical order. A few have a short alias
 * (`h5ad` → h5ad-import).
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here)
  .filter((file) => file.endsWith('.bench.ts'))
  .map((file) => file.replace(/\.bench\.ts$/, ''))
  .sort();
const ALIASES: Record<string, string> = { h5ad: 'h5ad-import' };
const requested = process.argv
  .slice(2)
  .filter((arg) => !arg.startsWith('-'))
  .map((name) => ALIASES[name] ?? name);
const names = requested.length > 0 ? requested : available;
for (const name of names) {
  if (!available.includes(name)) {
    console.error(`bench: no benchmark "${name}"; available: ${available.join(', ')}`);
    process.exit(2);
  }
}
for (const name of names) {
  console.log(`\n=== bench ${name} ===`);
  const module = (await import(pathToFileURL(join(here, `${name}.bench.ts`)).href)) as {
    run: () => Promise<void>;
  };
  await module.run();
}
