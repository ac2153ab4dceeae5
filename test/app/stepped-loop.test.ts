import { describe, expect, it } from 'vitest';
import { createStepper } from '@/app/stepped-loop';

/** A clock the test moves by hand. */
function fakeClock() {
  let time = 0;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

describe('createStepper', () => {
  it('is due only once the budget is spent, and restarts the budget after a pause', async () => {
    const clock = fakeClock();
    const progress: number[] = [];
    let yields = 0;
    const stepper = createStepper({
      budgetMs: 40,
      now: clock.now,
      onProgress: (done) => progress.push(done),
      yieldToEventLoop: async () => {
        yields++;
      },
    });
    clock.advance(39);
    expect(stepper.due()).toBe(false);
    clock.advance(1);
    expect(stepper.due()).toBe(true);
    await stepper.pause(7);
    expect(stepper.due()).toBe(false);
    expect(progress).toEqual([7]);
    expect(yields).toBe(1);
  });

  it('throws the abort reason at the pause after a cancel', async () => {
    const controller = new AbortController();
    const stepper = createStepper({
      signal: controller.signal,
      yieldToEventLoop: async () => controller.abort(new DOMException('Cancelled', 'AbortError')),
    });
    await expect(stepper.pause(1)).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('refuses to start a job that is already cancelled', () => {
    const controller = new AbortController();
    controller.abort(new DOMException('Cancelled', 'AbortError'));
    expect(() => createStepper({ signal: controller.signal })).toThrow(/Cancelled/);
  });

  it('lets a message queued during the work run at the pause (real event loop)', async () => {
    const controller = new AbortController();
    const stepper = createStepper({ signal: controller.signal, budgetMs: 0 });
    setTimeout(() => controller.abort(new DOMException('Cancelled', 'AbortError')), 0);
    let iterations = 0;
    const loop = async () => {
      for (;;) {
        iterations++;
        if (stepper.due()) await stepper.pause(iterations);
      }
    };
    await expect(loop()).rejects.toMatchObject({ name: 'AbortError' });
    expect(iterations).toBeGreaterThan(0);
  });
});
