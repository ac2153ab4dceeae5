/**
 * Null-model significance, run in cancellable steps
 * =================================================
 * The core's significance loops advance in slices without async code
 * (`createLccSignificanceRun`, `createPropagationSignificanceRun`: `advance(k)` draws the next
 * k random sets). This driver advances one random set at a time and, once the stepper's time
 * budget is spent, awaits `stepper.pause(done)`: progress is reported, queued worker messages
 * (a cancel) run, and an aborted job throws there (stepped-loop.ts). The draws and statistics
 * are the core's own, so the result is identical to the one-call core function for the same
 * seed, however often it pauses (test/app/stepped-significance.test.ts).
 * LCC significance: Menche et al., Science 347:1257601 (2015); ALGORITHMS.md §3.3.
 */
import type { CsrGraph } from '@/core/graph/csr';
import {
  createLccSignificanceRun,
  type LccSignificance,
  type LccSignificanceOptions,
} from '@/core/module/lcc-significance';
import type { Stepper } from './stepped-loop';

/** A core computation that advances in slices (the shape of both core runs). */
export interface SlicedRun<T> {
  readonly total: number;
  readonly done: number;
  advance(count: number): number;
  result(): T;
}

/** A stepper that never pauses (for callers that want the plain, synchronous behaviour). */
const NEVER: Stepper = { due: () => false, pause: async () => undefined };

/** Advances `run` to the end, pausing whenever the stepper says the budget is spent. */
export async function runInSteps<T>(run: SlicedRun<T>, stepper: Stepper = NEVER): Promise<T> {
  while (run.done < run.total) {
    run.advance(1);
    if (stepper.due()) await stepper.pause(run.done);
  }
  return run.result();
}

/** Core `lccSignificance`, in cancellable steps. */
export async function lccSignificanceStepped(
  graph: CsrGraph,
  nodes: ArrayLike<number>,
  options: Partial<LccSignificanceOptions> = {},
  stepper: Stepper = NEVER,
): Promise<LccSignificance> {
  return runInSteps(createLccSignificanceRun(graph, nodes, options), stepper);
}
