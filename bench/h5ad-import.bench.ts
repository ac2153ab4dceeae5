/**
 * Benchmark: h5ad import, 50,000 cells × 20,000 genes, 1,500 non-zeros per cell
 * ============================================================================
 * `npm run bench -- h5ad`. The target: import ≤ 15 s, peak memory reported, and the
 * file must not be held twice.
 *
 * 1. The file (synthetic CSR counts, 75 M non-zeros, written by anndata through
 *    scripts/fixtures/gen_h5ad_fixtures.py --bench) is generated once into the system's temp
 *    folder and reused; without Debian's python3-anndata the benchmark says so and stops.
 * 2. Baseline, same run: reading the whole file into memory with fs.readFileSync (the floor
 *    for any reader that touches every byte), and the size of the result (cells + 1 offsets,
 *    nnz column indices and values: 8 bytes per non-zero).
 * 3. `readH5adPath` in a fresh Node process, which reports wall time, CPU time and peak RSS
 *    (`process.resourceUsage().maxRSS`; the read is synchronous, so sampling would miss it)
 *    before and after the import. Peak − start, beside file size + result size, shows whether
 *    the file is held twice.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CELLS = 50_000;
const GENES = 20_000;
const PER_CELL = 1_500;
const here = dirname(fileURLToPath(import.meta.url));
const root = dirname(here);

const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

interface ChildResult {
  wallMs: number;
  cpuMs: number;
  /** RSS before h5wasm and the reader are loaded. */
  rssBeforeLoadBytes: number;
  maxRssStartBytes: number;
  maxRssEndBytes: number;
  cells: number;
  genes: number;
  nonZeros: number;
  isRawCounts: boolean;
}

/** Runs in the child process: one import, then its figures as JSON on stdout. */
async function child(path: string): Promise<void> {
  const rssBeforeLoadBytes = process.memoryUsage().rss;
  const { readH5adPath } = await import('../src/io/single-cell/h5ad-node');
  const h5wasm = (await import('h5wasm/node')).default;
  await h5wasm.ready; // load the wasm before measuring
  const maxRssStartBytes = process.resourceUsage().maxRSS * 1024;
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const data = await readH5adPath(path);
  const wallMs = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  const result: ChildResult = {
    wallMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    rssBeforeLoadBytes,
    maxRssStartBytes,
    maxRssEndBytes: process.resourceUsage().maxRSS * 1024,
    cells: data.report.cells,
    genes: data.report.genes,
    nonZeros: data.report.nonZeros,
    isRawCounts: data.report.values.isRawCounts,
  };
  console.log(JSON.stringify(result));
}

export async function run(): Promise<void> {
  const python = '/usr/bin/python3';
  const probe = spawnSync(python, ['-c', 'import anndata, h5py'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    console.log(
      "h5ad: skipped — needs Debian's python3-anndata and python3-h5py to write the file " +
        '(apt-get install python3-anndata python3-h5py)',
    );
    return;
  }
  const folder = join(tmpdir(), 'twinscreen-bench');
  mkdirSync(folder, { recursive: true });
  const path = join(folder, `h5ad_${CELLS}x${GENES}x${PER_CELL}.h5ad`);
  if (!existsSync(path)) {
    console.log(`writing ${path} with anndata (once; reused by later runs) …`);
    const start = performance.now();
    const generator = join(root, 'scripts', 'fixtures', 'gen_h5ad_fixtures.py');
    const written = spawnSync(
      python,
      [generator, '--bench', path, String(CELLS), String(GENES), String(PER_CELL)],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    );
    if (written.status !== 0)
      throw new Error(`bench h5ad: the generator failed (${written.status})`);
    console.log(`  written in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  }
  const fileBytes = statSync(path).size;
  const nonZeros = CELLS * PER_CELL;
  const resultBytes = (CELLS + 1) * 4 + nonZeros * 8;

  let start = performance.now();
  const whole = readFileSync(path);
  const readMs = performance.now() - start;
  const checksum = whole[whole.length - 1]; // keep the read from being optimised away
  console.log(
    `file ${mb(fileBytes)}; baseline readFileSync of the whole file: ${(readMs / 1000).toFixed(2)} s ` +
      `(${(fileBytes / 2 ** 20 / (readMs / 1000)).toFixed(0)} MiB/s, last byte ${checksum})`,
  );

  start = performance.now();
  const tsx = join(root, 'node_modules', '.bin', 'tsx');
  const spawned = spawnSync(
    tsx,
    ['--tsconfig', join(root, 'tsconfig.json'), fileURLToPath(import.meta.url), '--child', path],
    { encoding: 'utf8', cwd: root, stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 },
  );
  if (spawned.status !== 0)
    throw new Error(`bench h5ad: the import process failed (${spawned.status})`);
  const result = JSON.parse(spawned.stdout.trim().split('\n').pop() as string) as ChildResult;
  const grew = result.maxRssEndBytes - result.maxRssStartBytes;
  console.log(
    `readH5adPath: ${result.cells} cells × ${result.genes} genes, ${result.nonZeros} non-zeros ` +
      `(raw counts: ${result.isRawCounts})`,
  );
  console.log(
    `  import ${(result.wallMs / 1000).toFixed(2)} s wall, ${(result.cpuMs / 1000).toFixed(2)} s CPU ` +
      `(target ≤ 15 s; ${(result.wallMs / readMs).toFixed(1)}× the whole-file read)`,
  );
  const overhead = grew - resultBytes;
  const plain = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      "const h = (await import('h5wasm/node')).default; await h.ready; " +
        'console.log(process.resourceUsage().maxRSS * 1024, process.memoryUsage().rss)',
    ],
    { encoding: 'utf8', cwd: root },
  );
  const [plainPeak, plainAfter] =
    plain.status === 0 ? plain.stdout.trim().split(' ').map(Number) : [NaN, NaN];
  console.log(
    `  loading h5wasm and the reader under tsx (as the CLI runs): RSS ${mb(result.rssBeforeLoadBytes)} → ` +
      `${mb(result.maxRssStartBytes)}; h5wasm alone under plain Node: peak ${mb(plainPeak)} while ` +
      `its wasm compiles, ${mb(plainAfter)} after`,
  );
  console.log(
    `  peak RSS ${mb(result.maxRssEndBytes)} (process before import ${mb(result.maxRssStartBytes)}; ` +
      `grew ${mb(grew)}): result ${mb(resultBytes)} + ${mb(overhead)} working memory, ` +
      `vs file ${mb(fileBytes)}: ${
        overhead < fileBytes / 2
          ? 'the file is not held in memory'
          : 'the file may be held in memory'
      }`,
  );
}

if (process.argv[2] === '--child') await child(process.argv[3]);
