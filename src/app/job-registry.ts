/**
 * Cancellable jobs
 * ================
 * One AbortController per running job, found by the job id the caller chose, so a later
 * message (`cancel(jobId)`) can stop it. Before the work starts the job yields once to the
 * event loop: in a worker, a cancel that was posted right after the job's own message is then
 * seen before any work is done (a job replaced by a newer one never starts).
 */

export interface JobRegistry {
  /** Runs `work` with the job's AbortSignal; rejects with the abort reason when cancelled first. */
  run<T>(jobId: string, work: (signal: AbortSignal) => Promise<T>): Promise<T>;
  /** Aborts a running job; unknown or finished ids are ignored. */
  cancel(jobId: string, reason?: unknown): void;
  /** Ids of the jobs running now. */
  running(): string[];
}

export function createJobRegistry(): JobRegistry {
  const jobs = new Map<string, AbortController>();
  return {
    async run(jobId, work) {
      if (jobs.has(jobId)) throw new Error(`JobRegistry: job "${jobId}" is already running`);
      const controller = new AbortController();
      jobs.set(jobId, controller);
      try {
        await new Promise((resolve) => setTimeout(resolve, 0));
        controller.signal.throwIfAborted();
        return await work(controller.signal);
      } finally {
        jobs.delete(jobId);
      }
    },
    cancel(jobId, reason = new DOMException('Cancelled by the user', 'AbortError')) {
      jobs.get(jobId)?.abort(reason);
    },
    running: () => [...jobs.keys()],
  };
}
