/**
 * The day on which a scheduled job last ran, kept in the shared store: a restart or another replica sees
 * that today's run is done (retention purge). Days are UTC calendar days `YYYY-MM-DD`.
 */

/** Last-run days of daily jobs (asynchronous, issue #20). */
export interface DailyRuns {
  /** The day the job last ran, undefined when never. */
  lastDay(job: string): Promise<string | undefined>;
  /** Records `day` for the job; `false` when that day (or a later one) is already recorded. */
  recordDay(job: string, day: string, at: string): Promise<boolean>;
}
