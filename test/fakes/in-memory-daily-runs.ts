/** Deterministic in-memory `DailyRuns` (one map; the same rules as the SQL store). */
import type { DailyRuns } from '../../bot/ports/daily-runs.ts';

/** Last-run days in a Map; share one instance between "replicas" to simulate the shared store. */
export class InMemoryDailyRuns implements DailyRuns {
  private readonly days = new Map<string, string>();

  lastDay(job: string): string | undefined {
    return this.days.get(job);
  }

  recordDay(job: string, day: string): boolean {
    if ((this.days.get(job) ?? '') >= day) return false;
    this.days.set(job, day);
    return true;
  }
}
