/**
 * Long loops that stay cancellable in a worker
 * ============================================
 * A worker busy in one long synchronous loop reads no messages, so `cancel(jobId)` would only
 * arrive after the work is done. A loop therefore asks `stepper.due()` (one clock read) every
 * iteration, and once `budgetMs` of work has passed awaits `stepper.pause(done)`: that reports
 * progress, yields one macrotask (queued comlink messages, such as a cancel, run then) and
 * throws the job's abort reason if it was cancelled meanwhile. With the default 40 ms budget a
 * cancel is seen within about 40 ms and the yields cost well under 10 % of the run.
 */

export interface StepperOptions {
  signal?: AbortSignal;
  /** Work between two yields, in milliseconds. */
  budgetMs: number;
  /** Called at every pause with the iterations done. */
  onProgress?: (done: number) => void;
  /** Clock (tests replace it). */
  now: () => number;
  /** Lets queued messages run (tests replace it). */
  yieldToEventLoop: () => Promise<void>;
}

export const STEPPER_DEFAULTS: Readonly<StepperOptions> = {
  budgetMs: 40,
  now: () => performance.now(),
  yieldToEventLoop: () => new Promise((resolve) => setTimeout(resolve, 0)),
};

export interface Stepper {
  /** True once the budget since the last pause is spent. */
  due(): boolean;
  /** Reports progress, yields, and throws if the job was cancelled. */
  pause(done: number): Promise<void>;
}

export function createStepper(options: Partial<StepperOptions> = {}): Stepper {
  const { signal, budgetMs, onProgress, now, yieldToEventLoop } = {
    ...STEPPER_DEFAULTS,
    ...options,
  };
  signal?.throwIfAborted();
  let last = now();
  return {
    due: () => now() - last >= budgetMs,
    async pause(done) {
      onProgress?.(done);
      await yieldToEventLoop();
      signal?.throwIfAborted();
      last = now();
    },
  };
}
