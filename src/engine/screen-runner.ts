/**
 * Drug screen on the compute engine (GPU on a real adapter, CPU pool otherwise)
 * ============================================================================
 * Runs the pipeline of src/core/screen/drug-screen.ts with its two heavy kernels on the engine
 * facade (engine.ts):
 *   proximity null   engine.multiSourceBfs on batches of random module sets (one column per
 *                    draw; bit-parallel on the CPU pool, WGSL on the GPU), then the core's
 *                    gather and accumulator (gatherDrawSums, accumulateProximityDraws);
 *   digital cure     engine.signedDynamics, one column per drug, linear and tanh (float32).
 * Everything else is the core's code on this thread: preparation, the random draws (same
 * streams, in the same order), the one float64 RWR propagation (rwr-screen.ts: one walk is
 * cheap, and float64 keeps the rwr numbers identical), ranking, explanations, combinations
 * and validation (`assembleScreen`).
 * Parity: BFS distances are small integers, so proximity (d_c, z, p, FDR) is bit-identical to
 * `screenDrugs`; rwr is the same code; the cure's fixed points differ by float32 rounding
 * (≈1e−6), so a signature gene within that of the move threshold can flip and Spearman's ρ
 * may differ in the last digits.
 */
import {
  assembleScreen,
  prepareScreen,
  runRwrPart,
  type ScreenContext,
  type ScreenInput,
  type ScreenOptions,
  type ScreenResult,
} from '@/core/screen/drug-screen';
import {
  curePerturbationBlock,
  cureScoresByEntry,
  scoreCureColumns,
  type CureProblem,
  type CureScore,
  type CureScreen,
} from '@/core/screen/digital-cure';
import {
  accumulateProximityDraws,
  createProximityAccumulator,
  gatherDrawSums,
  moduleDistanceField,
  observedDistanceSums,
  proximityStatistics,
  resolveProximityScreenOptions,
  type ProximityScreen,
} from '@/core/screen/proximity-screen';
import { createScreenSampler } from '@/core/screen/screen-sampler';
import type { Activation } from '@/core/engine/signed-dynamics';
import { chooseBackend, type BackendInfo } from '@/gpu/backend';
import { createEngine, type Engine, type EngineOptions } from './engine';
import type { RunControl } from './engine-types';
import { throwIfAborted } from './run-control';

export interface ScreenRunnerOptions {
  /** Where the kernels run; default chooseBackend('auto') (WebGPU on a real adapter, else the CPU pool). */
  backend: BackendInfo | null;
  engine: EngineOptions;
  /** Null draws per engine BFS call. */
  bfsBatchColumns: number;
  /** Drugs per engine signed-dynamics call. */
  cureBatchColumns: number;
  /** Builds the engine for a graph (tests inject one); default createEngine(backend, graph, engine). */
  createEngine: ((graph: ScreenContext['network']['graph']) => Promise<Engine>) | null;
}

export const SCREEN_RUNNER_DEFAULTS: Readonly<ScreenRunnerOptions> = {
  backend: null,
  engine: {},
  bfsBatchColumns: 256,
  cureBatchColumns: 256,
  createEngine: null,
};

/** Progress stages reported through `onStage`. */
export type ScreenStage = 'prepare' | 'proximity' | 'rwr' | 'cure' | 'assemble';

export interface ScreenRunControl extends RunControl {
  onStage?: (stage: ScreenStage) => void;
}

/** The whole screen, kernels on the engine (see the header). Same result type as screenDrugs. */
export async function runScreen(
  input: ScreenInput,
  options: Partial<ScreenOptions> = {},
  runner: Partial<ScreenRunnerOptions> = {},
  control: ScreenRunControl = {},
): Promise<ScreenResult> {
  const resolved = { ...SCREEN_RUNNER_DEFAULTS, ...runner };
  for (const key of ['bfsBatchColumns', 'cureBatchColumns'] as const) {
    if (!Number.isInteger(resolved[key]) || resolved[key] < 1) {
      throw new RangeError(`runScreen: ${key} must be a positive integer, got ${resolved[key]}`);
    }
  }
  let backend = resolved.backend;
  const build =
    resolved.createEngine ??
    (async (graph: ScreenContext['network']['graph']) => {
      backend ??= await chooseBackend('auto');
      return createEngine(backend, graph, resolved.engine);
    });

  control.onStage?.('prepare');
  const context = prepareScreen(input, options);
  const cureColumns = context.cureProblem
    ? context.cureProblem.columns.length * context.cureProblem.options.activations.length
    : 0;
  const total =
    (context.methods.includes('proximity') ? context.options.iterations : 0) + cureColumns;
  let done = 0;
  const report = (step: number) => {
    done += step;
    control.onProgress?.(Math.min(done, total), total);
  };
  const inner: RunControl = { signal: control.signal };

  const engines: Engine[] = [];
  try {
    let proximity: ProximityScreen | null = null;
    let engineLabel = '';
    if (context.methods.includes('proximity')) {
      control.onStage?.('proximity');
      const engine = await build(context.network.graph);
      engines.push(engine);
      proximity = await runProximityOnEngine(
        context,
        engine,
        resolved.bfsBatchColumns,
        inner,
        report,
      );
      // Read after the run: a GPU device lost mid-run leaves the engine on the CPU path.
      engineLabel = `${engine.backend}: ${engine.backendReason}`;
    }
    throwIfAborted(control);
    let rwr = null;
    if (context.methods.includes('rwr')) {
      control.onStage?.('rwr');
      rwr = runRwrPart(context);
    }
    let cure: CureScreen | null = null;
    if (context.cureProblem) {
      control.onStage?.('cure');
      const engine = await build(context.cureProblem.network.graph);
      engines.push(engine);
      cure = await runCureOnEngine(
        context.cureProblem,
        engine,
        resolved.cureBatchColumns,
        inner,
        report,
      );
      if (engineLabel === '') engineLabel = `${engine.backend}: ${engine.backendReason}`;
    }
    throwIfAborted(control);
    control.onStage?.('assemble');
    return assembleScreen(
      context,
      { proximity, rwr, cure },
      `engine (${engineLabel || 'no engine kernel needed'}); rwr float64 on the calling thread`,
    );
  } finally {
    for (const engine of engines) engine.dispose();
  }
}

/** Proximity with the null's BFS on the engine (results identical to screenProximity). */
export async function runProximityOnEngine(
  context: ScreenContext,
  engine: Engine,
  batchColumns: number,
  control: RunControl = {},
  onDraws: (count: number) => void = () => {},
): Promise<ProximityScreen> {
  const { network, module, library, bins, options } = context;
  const resolved = resolveProximityScreenOptions({
    iterations: options.iterations,
    seed: options.seed,
    sampling: options.sampling,
    minBinSize: options.minBinSize,
    ddof: options.ddof,
  });
  const { offsets, nodes } = library.targetSets;
  const field = moduleDistanceField(network.graph, module.nodes);
  const accumulator = createProximityAccumulator(
    observedDistanceSums(field, offsets, nodes),
    offsets,
  );
  const sampler = createScreenSampler(
    bins,
    module.nodes,
    offsets,
    nodes,
    resolved.seed,
    resolved.sampling,
  );
  for (let done = 0; done < resolved.iterations;) {
    throwIfAborted(control);
    const columns = Math.min(batchColumns, resolved.iterations - done);
    const batch = sampler.nextBatch(columns);
    const distances = await engine.multiSourceBfs(batch.moduleNodes, batch.moduleOffsets, control);
    const sums = gatherDrawSums(distances, network.graph.nodeCount, batch, offsets);
    accumulateProximityDraws(accumulator, sums, batch.targetSizes, columns);
    done += columns;
    onDraws(columns);
  }
  return { field, sets: proximityStatistics(accumulator, resolved.ddof), options: resolved, bins };
}

/** The digital cure with the dynamics on the engine (float32). */
export async function runCureOnEngine(
  problem: CureProblem,
  engine: Engine,
  batchColumns: number,
  control: RunControl = {},
  onColumns: (count: number) => void = () => {},
): Promise<CureScreen> {
  const { options } = problem;
  const total = problem.columns.length;
  const byActivation = new Map<Activation, (CureScore | null)[]>();
  for (const activation of options.activations) {
    const scores: CureScore[] = [];
    if (problem.signatureNodes.length > 0) {
      for (let first = 0; first < total; first += batchColumns) {
        throwIfAborted(control);
        const count = Math.min(batchColumns, total - first);
        const block = curePerturbationBlock(problem, first, count);
        const result = await engine.signedDynamics(block, count, {
          activation,
          coupling: options.coupling,
          tolerance: options.tolerance,
          maxIterations: options.maxIterations,
          checkEvery: options.checkEvery,
          signal: control.signal,
        });
        scores.push(
          ...scoreCureColumns(problem, activation, result.values, result.converged, first, count),
        );
        onColumns(count);
      }
    } else {
      onColumns(total);
    }
    byActivation.set(
      activation,
      scores.length === total
        ? cureScoresByEntry(problem, scores)
        : problem.perturbations.map(() => null),
    );
  }
  return { problem, byActivation };
}
