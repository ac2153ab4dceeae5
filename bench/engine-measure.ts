/**
 * Engine benchmark measurements, shared by Node (engine.bench.ts) and Chromium
 * (engine-browser.ts → engine-browser-page.ts)
 * ==========================================================================
 * Platform-neutral: the callers load the graphs and provide the engines. See engine.bench.ts
 * for what is measured and the bytes-per-step formulas.
 */
import type { CsrGraph } from '@/core/graph/csr';
import { multiSourceBfs } from '@/core/engine/multi-source-bfs';
import { randomWalkMatrix } from '@/core/engine/sparse-matrix';
import { CpuEngine } from '@/engine/cpu-engine';
import { spmmRows, type MatrixArrays } from '@/engine/cpu-kernels';
import type { EngineBackend, PropagationPlan } from '@/engine/engine-types';
import { proximityPlan } from '@/engine/plans';
import { GpuEngine } from '@/gpu/gpu-engine';
import { requestEngineAdapter, requestEngineDevice } from '@/gpu/gpu-device';

export const COLUMNS = [1, 64, 256, 2048];
const MIN_MS = 600;

export type Log = (line: string) => void;

/** Best wall time (ms) of `run` over a few repeats (at least MIN_MS in total, unless slow). */
export async function best(run: () => unknown, maxRepeats = 5): Promise<number> {
  let bestMs = Infinity;
  let spent = 0;
  for (let k = 0; k < maxRepeats && (k < 2 || spent < MIN_MS); k++) {
    const t0 = performance.now();
    await run();
    const ms = performance.now() - t0;
    spent += ms;
    bestMs = Math.min(bestMs, ms);
    if (ms > 8000) break; // slow paths: one or two samples are enough
  }
  return bestMs;
}

/** Read + write GB/s of copying a 256 MB Float32Array (best of 4). */
export function memoryBandwidth(): number {
  const n = 1 << 26;
  const source = new Float32Array(n).fill(1);
  const target = new Float32Array(n);
  let bestSeconds = Infinity;
  for (let k = 0; k < 4; k++) {
    const t0 = performance.now();
    target.set(source);
    bestSeconds = Math.min(bestSeconds, (performance.now() - t0) / 1000);
  }
  return (2 * n * 4) / bestSeconds / 1e9;
}

/** The baseline: the straightforward triple loop, one thread. */
export function plainSpmm(m: MatrixArrays, x: Float32Array, y: Float32Array, width: number): void {
  const n = m.offsets.length - 1;
  y.fill(0);
  for (let i = 0; i < n; i++) {
    for (let e = m.offsets[i]; e < m.offsets[i + 1]; e++) {
      const w = m.values[e];
      const base = m.columns[e] * width;
      for (let c = 0; c < width; c++) y[i * width + c] += w * x[base + c];
    }
  }
}

/** A plan whose steps are pure SpMMs: y = 1·W·x + 0·x₀, no convergence test. */
export function stepPlan(nodeCount: number, width: number, steps: number): PropagationPlan {
  const start = new Float32Array(nodeCount * width);
  for (let k = 0; k < start.length; k++) start[k] = ((k * 2654435761) % 1000) / 1000;
  return {
    matrix: 'randomWalk',
    mode: 'affine',
    alpha: 1,
    beta: 0,
    heatTime: 0,
    start,
    columns: width,
    clamp: null,
    bias: null,
    convergence: null,
    steps,
  };
}

export interface SpmmRow {
  graph: string;
  B: number;
  method: string;
  /** ms per step, or NaN when the run was too noisy to tell. */
  ms: number;
  baselineMs: number;
  nnz: number;
  n: number;
}

export interface SpmmSetup {
  label: string;
  graph: CsrGraph;
  /** A GPU engine for this graph, or null; destroyed by the caller afterwards. */
  gpu: GpuEngine | null;
  gpuLabel: string;
}

export async function measureSpmm(setup: SpmmSetup, log: Log): Promise<SpmmRow[]> {
  const { graph, gpu, label } = setup;
  const rows: SpmmRow[] = [];
  const n = graph.nodeCount;
  const w = randomWalkMatrix(graph);
  const matrix: MatrixArrays = {
    offsets: w.offsets,
    columns: w.columns,
    values: Float32Array.from(w.values),
  };
  const nnz = matrix.values.length;
  log(`${label}: ${n} nodes, ${nnz} stored values`);
  const pool = new CpuEngine(graph, { threads: 2, minParallelWork: 0 });
  for (const width of COLUMNS) {
    const x = stepPlan(n, width, 1).start;
    const y = new Float32Array(n * width);
    const add = (method: string, ms: number, baselineMs: number) =>
      rows.push({ graph: label, B: width, method, ms, baselineMs, nnz, n });
    const plain = await best(() => plainSpmm(matrix, x, y, width), width >= 2048 ? 2 : 5);
    add('plain JS loop (1 thread)', plain, plain);
    add('CPU kernel, 1 thread', await best(() => spmmRows(matrix, x, y, width, 0, n)), plain);
    // Pool: a long run divided by its steps (set-up and copies are once per run).
    const steps = width >= 2048 ? 3 : width >= 256 ? 10 : 40;
    const plan = stepPlan(n, width, steps);
    await pool.propagate(stepPlan(n, width, 1), {}); // starts the workers
    add('CPU pool, 2 threads', (await best(() => pool.propagate(plan, {}), 3)) / steps, plain);
    if (gpu) {
      // Difference of a long and a short run: uploads and readbacks cancel out.
      const few = 1;
      const many = width >= 2048 ? 3 : width >= 256 ? 6 : 12;
      await gpu.propagate(stepPlan(n, width, 1), {});
      const repeats = width >= 2048 ? 1 : 2;
      const short = await best(() => gpu.propagate(stepPlan(n, width, few), {}), repeats);
      const long = await best(() => gpu.propagate(stepPlan(n, width, many), {}), repeats);
      const perStep = (long - short) / (many - few);
      add(`WebGPU (${setup.gpuLabel})`, perStep > 0 ? perStep : NaN, plain);
    }
    log(`  B = ${width} done`);
  }
  pool.dispose();
  return rows;
}

export function formatSpmm(rows: SpmmRow[], bandwidth: number): string[] {
  const lines = [
    '| graph | B | method | ms / step | Gnnz·col/s | × plain JS | %BW (compulsory) | GB/s (gather model) |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    if (Number.isNaN(r.ms)) {
      lines.push(`| ${r.graph} | ${r.B} | ${r.method} | (noise) | | | | |`);
      continue;
    }
    const seconds = r.ms / 1000;
    const rate = (r.nnz * r.B) / seconds / 1e9;
    const compulsory = 4 * (r.n + 1) + 8 * r.nnz + 8 * r.n * r.B;
    const gather = 4 * (r.n + 1) + 8 * r.nnz + 4 * r.nnz * r.B + 4 * r.n * r.B;
    lines.push(
      `| ${r.graph} | ${r.B} | ${r.method} | ${r.ms.toFixed(r.ms < 10 ? 2 : 1)} | ${rate.toFixed(3)} | ${(r.baselineMs / r.ms).toFixed(2)} | ${((100 * compulsory) / seconds / 1e9 / bandwidth).toFixed(1)}% | ${(gather / seconds / 1e9).toFixed(1)} |`,
    );
  }
  return lines;
}

function randomSetsCsr(nodeCount: number, count: number, size: number, seed: number) {
  let state = seed >>> 0;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  const sets = new Uint32Array(count * size);
  const offsets = new Uint32Array(count + 1);
  for (let b = 0; b < count; b++) {
    const members = new Set<number>();
    while (members.size < size) members.add(Math.floor(random() * nodeCount));
    sets.set([...members], b * size);
    offsets[b + 1] = (b + 1) * size;
  }
  return { sets, offsets, random };
}

/** BFS for 1000 random 40-node sets, and the drug-screen null loop, on every backend. */
export async function measureBfs(
  graph: CsrGraph,
  gpu: GpuEngine | null,
  gpuLabel: string,
): Promise<string[]> {
  const n = graph.nodeCount;
  const { sets, offsets, random } = randomSetsCsr(n, 1000, 40, 42);
  const backends: [string, EngineBackend][] = [
    ['CPU bit-parallel, 1 thread', new CpuEngine(graph, { threads: 1 })],
    ['CPU bit-parallel, pool of 2', new CpuEngine(graph, { threads: 2, minParallelWork: 0 })],
  ];
  if (gpu) backends.push([`WebGPU bit-parallel (${gpuLabel})`, gpu]);
  const lines = [
    `Multi-source BFS (${n} nodes): 1000 sets of 40 random nodes`,
    '| method | ms total | sets / s |',
    '|---|---|---|',
  ];
  const reference = await best(() => multiSourceBfs(graph, sets, offsets), 2);
  lines.push(
    `| queue BFS per set (core reference, 1 thread) | ${reference.toFixed(1)} | ${(1e6 / reference).toFixed(0)} |`,
  );
  for (const [label, backend] of backends) {
    await backend.multiSourceBfs(sets, offsets, {});
    const ms = await best(() => backend.multiSourceBfs(sets, offsets, {}), 3);
    lines.push(`| ${label} | ${ms.toFixed(1)} | ${(1e6 / ms).toFixed(0)} |`);
  }
  // Drug-screen null loop: 1000 draws, 1300 drugs × 3 targets drawn afresh per draw
  // (slot-major), mean distance, Welford moments; no scores read back.
  const drugs = 1300;
  const drugOffsets = Uint32Array.from({ length: drugs + 1 }, (_, j) => 3 * j);
  const draws = Uint32Array.from({ length: 3 * drugs * 1000 }, () => Math.floor(random() * n));
  const plan = proximityPlan(n, {
    sets,
    setOffsets: offsets,
    targets: { offsets: drugOffsets, targets: draws, perColumn: true },
    keepScores: false,
    moments: true,
  });
  lines.push(
    '',
    'Null loop: 1000 draws × 1300 drugs × 3 targets (BFS + gather + Welford)',
    '| method | ms total |',
    '|---|---|',
  );
  for (const [label, backend] of backends) {
    await backend.proximity(plan, {});
    const ms = await best(() => backend.proximity(plan, {}), 3);
    lines.push(`| ${label} | ${ms.toFixed(1)} |`);
  }
  for (const [, backend] of backends) if (backend !== gpu) backend.dispose();
  return lines;
}

/** A GpuEngine on a fresh device of the engine adapter (null without one). */
export async function gpuEngine(graph: CsrGraph): Promise<GpuEngine | null> {
  const adapter = await requestEngineAdapter();
  return adapter ? new GpuEngine(graph, await requestEngineDevice(adapter)) : null;
}

function releaseGpu(gpu: GpuEngine | null): void {
  gpu?.dispose();
  gpu?.device.destroy();
}

/**
 * The whole engine run, shared by Node and Chromium: bandwidth, SpMM rows on both
 * interactomes, then the BFS rows on Menche (GPU rows only where `gpuLabel` is set).
 */
export async function measureEngine(
  loadGraph: (name: 'menche2015' | 'dovalle2021') => CsrGraph | Promise<CsrGraph>,
  gpuLabel: string | null,
  log: Log,
): Promise<void> {
  const bandwidth = memoryBandwidth();
  log(`Memory bandwidth (Float32Array copy, read + write): ${bandwidth.toFixed(2)} GB/s`);
  const rows: SpmmRow[] = [];
  for (const [label, name] of [
    ['Menche', 'menche2015'],
    ['do Valle', 'dovalle2021'],
  ] as const) {
    const graph = await loadGraph(name);
    const gpu = gpuLabel ? await gpuEngine(graph) : null;
    rows.push(...(await measureSpmm({ label, graph, gpu, gpuLabel: gpuLabel ?? '' }, log)));
    releaseGpu(gpu);
  }
  log('');
  for (const line of formatSpmm(rows, bandwidth)) log(line);
  const menche = await loadGraph('menche2015');
  const gpu = gpuLabel ? await gpuEngine(menche) : null;
  log('');
  for (const line of await measureBfs(menche, gpu, gpuLabel ?? '')) log(line);
  releaseGpu(gpu);
}
