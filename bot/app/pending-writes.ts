/**
 * Writes started from code that is still synchronous (issue #20: the HR stores are not converted
 * yet) but that must go to the asynchronous audit log: each is tracked, its failure reported, and `settled()` waits
 * for those in flight (on close, so that nothing is lost at shutdown).
 */

/** A set of writes in flight. */
export interface PendingWrites {
  /** Starts tracking `write`; a rejection goes to the `onError` of `createPendingWrites`. */
  track(write: Promise<unknown>): void;
  settled(): Promise<void>;
}

/** Creates an empty set; `onError` receives every failed write (log it). */
export function createPendingWrites(onError: (error: unknown) => void): PendingWrites {
  const pending = new Set<Promise<void>>();
  return {
    track(write) {
      const tracked: Promise<void> = write.then(() => undefined, onError).finally(() => pending.delete(tracked));
      pending.add(tracked);
    },
    settled: async () => {
      await Promise.all([...pending]);
    },
  };
}
