/**
 * Drug-screen timings shared by Node (screen.bench.ts) and Chromium (screen-browser-page.ts)
 * =========================================================================================
 * Platform-neutral: times the whole `runScreen` (src/engine/screen-runner.ts: preparation, the
 * proximity null's BFS on the engine, the float64 RWR on the calling thread, ranking,
 * combinations and validation) for one backend and one method list, split by stage through
 * `onStage`. The caller builds the input (the same DrugCentral × Menche × RA input on both
 * platforms) and picks the backend. Also the transfer format of that input: typed arrays as
 * base64 strings, so Playwright can hand it to the page as plain JSON.
 */
import type { CsrGraph } from '@/core/graph/csr';
import type { ScreenInput, ScreenMethod, ScreenResult } from '@/core/screen/drug-screen';
import { runScreen, type ScreenStage } from '@/engine/screen-runner';
import type { BackendInfo } from '@/gpu/backend';

export const SCREEN_DRAWS = 1000;

export interface ScreenTiming {
  /** Backend label, e.g. "CPU engine, 2 threads". */
  label: string;
  methods: ScreenMethod[];
  /** Best wall time of the repeats (ms), and every repeat. */
  ms: number;
  samples: number[];
  /** Stage → ms, of the best repeat. */
  stages: Partial<Record<ScreenStage, number>>;
  /** The result's provenance engine line. */
  engine: string;
  /** Per library entry (entry order): proximity z, rwr score (NaN where absent). */
  z: number[];
  rwr: number[];
}

/** One timed `runScreen`, split by stage. */
async function timedRun(
  input: ScreenInput,
  methods: ScreenMethod[],
  backend: BackendInfo,
): Promise<{ ms: number; stages: Partial<Record<ScreenStage, number>>; result: ScreenResult }> {
  const stages: Partial<Record<ScreenStage, number>> = {};
  let stage: ScreenStage | null = null;
  let mark = performance.now();
  const close = () => {
    const now = performance.now();
    if (stage) stages[stage] = (stages[stage] ?? 0) + now - mark;
    mark = now;
  };
  const started = performance.now();
  const result = await runScreen(
    input,
    { methods, iterations: SCREEN_DRAWS },
    { backend },
    {
      onStage: (next) => {
        close();
        stage = next;
      },
    },
  );
  close();
  return { ms: performance.now() - started, stages, result };
}

/** Best of `repeats` runs of the screen on `backend` (after `warmups` untimed runs). */
export async function timeScreen(
  label: string,
  input: ScreenInput,
  methods: ScreenMethod[],
  backend: BackendInfo,
  repeats: number,
  warmups = 0,
): Promise<ScreenTiming> {
  for (let k = 0; k < warmups; k++) await timedRun(input, methods, backend);
  let best: Awaited<ReturnType<typeof timedRun>> | null = null;
  const samples: number[] = [];
  for (let k = 0; k < repeats; k++) {
    const run = await timedRun(input, methods, backend);
    samples.push(run.ms);
    if (!best || run.ms < best.ms) best = run;
  }
  if (!best) throw new RangeError(`timeScreen: repeats must be ≥ 1, got ${repeats}`);
  const byEntry = [...best.result.drugs].sort((a, b) => a.entry - b.entry);
  return {
    label,
    methods,
    ms: best.ms,
    samples,
    stages: best.stages,
    engine: best.result.provenance.engine,
    z: byEntry.map((d) => d.proximity?.z ?? NaN),
    rwr: byEntry.map((d) => d.rwr?.score ?? NaN),
  };
}

/** Largest |a − b| over two score lists (NaN pairs count as equal; Infinity if lengths differ). */
export function maxDifference(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) return Infinity;
  let worst = 0;
  for (let k = 0; k < a.length; k++) {
    if (Number.isNaN(a[k]) && Number.isNaN(b[k])) continue;
    worst = Math.max(worst, Number.isNaN(a[k] - b[k]) ? Infinity : Math.abs(a[k] - b[k]));
  }
  return worst;
}

/** A table row: seconds, stage split, speed-up against a baseline (ms). */
export function formatTiming(platform: string, t: ScreenTiming, baselineMs: number): string {
  const s = (ms: number | undefined) => ((ms ?? 0) / 1000).toFixed(3);
  const split = (['prepare', 'proximity', 'rwr', 'assemble'] as const)
    .filter((stage) => t.stages[stage] !== undefined)
    .map((stage) => `${stage} ${s(t.stages[stage])}`)
    .join(' + ');
  const goal = t.ms <= 2000 ? 'met' : 'NOT met';
  return `| ${platform} | ${t.label} | ${t.methods.join('+')} | ${s(t.ms)} | ${split} | ${(baselineMs / t.ms).toFixed(0)}× | ${goal} |`;
}

export const TIMING_HEADER = [
  '| platform | engine | methods | s (best) | stages (s) | × naive | ≤ 2 s |',
  '|---|---|---|---|---|---|---|',
];

// --- Transfer format (Node → page) ---------------------------------------------------------

type TypedArray = Uint32Array | Float32Array;

export interface EncodedArray {
  type: 'Uint32Array' | 'Float32Array';
  base64: string;
}

export interface EncodedScreenInput {
  graph: {
    nodeCount: number;
    offsets: EncodedArray;
    targets: EncodedArray;
    weights: EncodedArray;
  };
  /** Everything of the input but network.graph, as JSON. */
  rest: Omit<ScreenInput, 'network'> & { network: Omit<ScreenInput['network'], 'graph'> };
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let k = 0; k < bytes.length; k += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(k, k + 0x8000));
  }
  return btoa(binary);
}

function fromBase64(text: string): ArrayBuffer {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let k = 0; k < binary.length; k++) bytes[k] = binary.charCodeAt(k);
  return bytes.buffer;
}

function encodeArray(array: TypedArray): EncodedArray {
  return {
    type: array instanceof Uint32Array ? 'Uint32Array' : 'Float32Array',
    base64: toBase64(new Uint8Array(array.buffer, array.byteOffset, array.byteLength)),
  };
}

function decodeArray(encoded: EncodedArray): TypedArray {
  const buffer = fromBase64(encoded.base64);
  return encoded.type === 'Uint32Array' ? new Uint32Array(buffer) : new Float32Array(buffer);
}

export function encodeScreenInput(input: ScreenInput): EncodedScreenInput {
  const { graph, ...network } = input.network;
  return {
    graph: {
      nodeCount: graph.nodeCount,
      offsets: encodeArray(graph.offsets),
      targets: encodeArray(graph.targets),
      weights: encodeArray(graph.weights),
    },
    rest: { ...input, network },
  };
}

export function decodeScreenInput(encoded: EncodedScreenInput): ScreenInput {
  const graph: CsrGraph = {
    nodeCount: encoded.graph.nodeCount,
    offsets: decodeArray(encoded.graph.offsets) as Uint32Array,
    targets: decodeArray(encoded.graph.targets) as Uint32Array,
    weights: decodeArray(encoded.graph.weights) as Float32Array,
  };
  return { ...encoded.rest, network: { ...encoded.rest.network, graph } };
}
