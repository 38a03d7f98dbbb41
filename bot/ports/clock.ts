/**
 * Time and ids are injected so that tests are deterministic.
 */

/** The current time. */
export interface Clock {
  now(): Date;
}

/** Creates unique ids (random UUIDs in production, counters in tests). */
export interface IdGenerator {
  next(prefix: string): string;
}
