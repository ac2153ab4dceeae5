import { describe, expect, it } from 'vitest';
import { createJobRegistry } from '@/app/job-registry';

describe('createJobRegistry', () => {
  it('runs a job with a live signal and forgets it when done', async () => {
    const jobs = createJobRegistry();
    const result = jobs.run('a', async (signal) => {
      expect(signal.aborted).toBe(false);
      expect(jobs.running()).toEqual(['a']);
      return 42;
    });
    await expect(result).resolves.toBe(42);
    expect(jobs.running()).toEqual([]);
  });

  it('never starts a job cancelled right after it was asked for', async () => {
    const jobs = createJobRegistry();
    let started = false;
    const result = jobs.run('a', async () => {
      started = true;
    });
    jobs.cancel('a');
    await expect(result).rejects.toThrow(/Cancelled by the user/);
    expect(started).toBe(false);
  });

  it('aborts the signal of a running job', async () => {
    const jobs = createJobRegistry();
    const result = jobs.run(
      'import-1',
      (signal) =>
        new Promise((_, reject) => {
          signal.addEventListener('abort', () => reject(signal.reason));
          jobs.cancel('import-1');
        }),
    );
    await expect(result).rejects.toMatchObject({ name: 'AbortError' });
    jobs.cancel('import-1'); // finished: ignored
    jobs.cancel('never-ran'); // unknown: ignored
  });

  it('refuses two jobs with one id', async () => {
    const jobs = createJobRegistry();
    const first = jobs.run('a', () => new Promise((resolve) => setTimeout(resolve, 5)));
    await expect(jobs.run('a', async () => 1)).rejects.toThrow(/job "a" is already running/);
    await first;
  });
});
