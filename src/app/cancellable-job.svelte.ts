/**
 * Cancellable job: one long worker call that a panel starts, cancels and reports on
 * ==================================================================================
 * The module panel (session.svelte.ts) and the screen panel (screen-session.svelte.ts) run
 * their analysis the same way: a job id sent with the call, a state the panel shows
 * (running → cancelling → cancelled, done or error), and a newer run, a cancel or a reset
 * that makes a late answer of the older one count for nothing. This class is that shared part;
 * what a result changes stays with the caller (`run`'s onDone).
 * A cancel is asked of the worker (`cancel(jobId)`, job-registry.ts); the job's promise then
 * rejects with an AbortError, and only then does the state say "cancelled".
 */

export type JobState = 'idle' | 'running' | 'cancelling' | 'done' | 'cancelled' | 'error';

export const errorMessage = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** A job stopped by `cancel(jobId)` (comlink keeps the error's name and message). */
export const isCancellation = (error: unknown): boolean =>
  error instanceof Error && (error.name === 'AbortError' || /cancel|abort/i.test(error.message));

export class CancellableJob {
  /** The running job's id, null when none runs. */
  id = $state<string | null>(null);
  state = $state<JobState>('idle');
  error = $state<string | null>(null);
  isRunning = $derived(this.state === 'running' || this.state === 'cancelling');

  readonly #cancel: (jobId: string) => unknown;

  /** `cancel` asks the worker to stop a job (AnalysisRemote.cancel). */
  constructor(cancel: (jobId: string) => unknown) {
    this.#cancel = cancel;
  }

  /**
   * Runs `work` as job `jobId`; its result goes to `onDone` unless a newer run or a reset came
   * first. Never rejects: a failure becomes `error`, a cancellation the state 'cancelled'.
   */
  async run<T>(jobId: string, work: () => Promise<T>, onDone: (result: T) => void): Promise<void> {
    this.id = jobId;
    this.state = 'running';
    this.error = null;
    try {
      const result = await work();
      if (this.id !== jobId) return;
      onDone(result);
      this.state = 'done';
    } catch (error) {
      if (this.id !== jobId) return;
      if (isCancellation(error)) {
        this.state = 'cancelled';
      } else {
        this.fail(errorMessage(error));
      }
    } finally {
      if (this.id === jobId) this.id = null;
    }
  }

  /** Asks the worker to stop the running job; the state says 'cancelling' until it has. */
  cancel(): void {
    if (this.id === null || this.state !== 'running') return;
    this.state = 'cancelling';
    void this.#cancel(this.id);
  }

  /** Shows an error without running anything (e.g. invalid options). */
  fail(message: string): void {
    this.error = message;
    this.state = 'error';
  }

  /** Cancels a running job without waiting for it, and forgets it: back to 'idle'. */
  reset(): void {
    if (this.id !== null) void this.#cancel(this.id);
    this.id = null;
    this.state = 'idle';
    this.error = null;
  }
}
