/**
 * Runs asynchronous jobs of one process one after another: the re-index and the daily backup share one, so a
 * backup never copies the database in the middle of an ingest (its index snapshot would not match and be left out).
 */

/** Runs `work` after every job handed in before it has finished. */
export type JobLock = <T>(work: () => Promise<T>) => Promise<T>;

/** Creates a lock; a failing job does not block the ones after it. */
export function createJobLock(): JobLock {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const run = tail.then(work, work);
    tail = run.catch(() => undefined);
    return run;
  };
}
