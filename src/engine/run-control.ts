/**
 * Cancellation, progress and yielding helpers for the engine loops
 * ================================================================
 */
import type { RunControl } from './engine-types';

/** Throws the signal's reason (an AbortError DOMException by default) once it is aborted. */
export function throwIfAborted(control: RunControl): void {
  const signal = control.signal;
  if (signal?.aborted) {
    throw signal.reason ?? new DOMException('The engine run was aborted', 'AbortError');
  }
}

/** True for the error an aborted signal produces. */
export function isAbortError(error: unknown, control: RunControl): boolean {
  return control.signal?.aborted === true && (error === control.signal.reason || isNamed(error));
}

function isNamed(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/** Lets other tasks (UI, messages, abort handlers) run between chunks of synchronous work. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Progress reporter that never reports the same `done` twice. */
export function progressReporter(control: RunControl, total: number): (done: number) => void {
  let last = -1;
  return (done) => {
    if (done === last || !control.onProgress) return;
    last = done;
    control.onProgress(Math.min(done, total), total);
  };
}
