import { describe, expect, it, vi } from 'vitest';
import { CancellableJob, errorMessage, isCancellation } from '@/app/cancellable-job.svelte';
import { deferred } from './deferred';

const abortError = () => new DOMException('Cancelled by the user', 'AbortError');

describe('CancellableJob', () => {
  it('runs, hands the result over and says done', async () => {
    const job = new CancellableJob(vi.fn());
    const pending = deferred<number>();
    const done = vi.fn();
    const running = job.run('job-1', () => pending.promise, done);
    expect([job.id, job.state, job.isRunning]).toEqual(['job-1', 'running', true]);
    pending.resolve(42);
    await running;
    expect(done).toHaveBeenCalledWith(42);
    expect([job.id, job.state, job.isRunning, job.error]).toEqual([null, 'done', false, null]);
  });

  it('asks the worker to cancel, says "cancelling", then "cancelled" once it stopped', async () => {
    const cancel = vi.fn();
    const job = new CancellableJob(cancel);
    const pending = deferred<number>();
    const done = vi.fn();
    const running = job.run('job-2', () => pending.promise, done);
    job.cancel();
    expect(cancel).toHaveBeenCalledWith('job-2');
    expect(job.state).toBe('cancelling');
    job.cancel(); // asked once only
    expect(cancel).toHaveBeenCalledTimes(1);
    pending.reject(abortError());
    await running;
    expect(done).not.toHaveBeenCalled();
    expect([job.state, job.error, job.isRunning]).toEqual(['cancelled', null, false]);
  });

  it('turns a failure into its message and never rejects', async () => {
    const job = new CancellableJob(vi.fn());
    await job.run(
      'job-3',
      async () => {
        throw new Error('Module analysis: no interactome');
      },
      vi.fn(),
    );
    expect([job.state, job.error]).toEqual(['error', 'Module analysis: no interactome']);
    await job.run('job-4', async () => 1, vi.fn());
    expect([job.state, job.error]).toEqual(['done', null]);
  });

  it('ignores the late answer of a job that a newer run or a reset replaced', async () => {
    const cancel = vi.fn();
    const job = new CancellableJob(cancel);
    const older = deferred<string>();
    const done = vi.fn();
    const first = job.run('old', () => older.promise, done);
    const second = job.run('new', async () => 'new result', done);
    older.resolve('old result');
    await Promise.all([first, second]);
    expect(done.mock.calls).toEqual([['new result']]);
    expect(job.state).toBe('done');

    const stale = deferred<string>();
    const third = job.run('dropped', () => stale.promise, done);
    job.reset();
    expect(cancel).toHaveBeenCalledWith('dropped');
    expect([job.id, job.state]).toEqual([null, 'idle']);
    stale.reject(new Error('boom'));
    await third;
    expect([job.state, job.error]).toEqual(['idle', null]); // the failure of a dropped job is not shown
  });

  it('shows an error without running anything', () => {
    const job = new CancellableJob(vi.fn());
    job.fail('Check the options: R must be a whole number ≥ 1');
    expect([job.state, job.error, job.isRunning]).toEqual([
      'error',
      'Check the options: R must be a whole number ≥ 1',
      false,
    ]);
  });
});

describe('job errors', () => {
  it('tells a cancellation from a failure', () => {
    expect(isCancellation(abortError())).toBe(true);
    expect(isCancellation(new Error('Job aborted'))).toBe(true);
    expect(isCancellation(new Error('out of memory'))).toBe(false);
    expect(isCancellation('cancelled')).toBe(false);
    expect(errorMessage(new Error('x'))).toBe('x');
    expect(errorMessage(42)).toBe('42');
  });
});
