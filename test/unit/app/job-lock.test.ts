/**
 * The lock shared by the re-index and the daily backup of one process (issue #22): jobs run one after another,
 * and a failing job does not block the next.
 */
import { describe, expect, it } from 'vitest';
import { createJobLock } from '../../../bot/app/job-lock.ts';

describe('createJobLock', () => {
  it('starts a job only after the one before it finished, also when that one failed', async () => {
    const lock = createJobLock();
    const steps: string[] = [];
    let finishFirst: () => void = () => undefined;
    const first = lock(
      () =>
        new Promise<void>((done) => {
          steps.push('first started');
          finishFirst = () => {
            steps.push('first finished');
            done();
          };
        }),
    );
    const second = lock(async () => {
      steps.push('second started');
      throw new Error('disk full');
    });
    const third = lock(async () => steps.push('third started'));
    await Promise.resolve();
    expect(steps).toEqual(['first started']);
    finishFirst();
    await first;
    await expect(second).rejects.toThrow('disk full');
    await third;
    expect(steps).toEqual(['first started', 'first finished', 'second started', 'third started']);
  });
});
