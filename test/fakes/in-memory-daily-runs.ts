/** Deterministic in-memory `DailyRuns` (one map; the same rules as the SQL store), asynchronous like the port. */
import type { DailyRuns } from '../../bot/ports/daily-runs.ts';

/** Last-run days in a Map; share one instance between "replicas" to simulate the shared store. */
export class InMemoryDailyRuns implements DailyRuns {
  private readonly days = new Map<string, string>();

  async lastDay(job: string): Promise<string | undefined> {
    return this.days.get(job);
  }

  async recordDay(job: string, day: string): Promise<boolean> {
    if ((this.days.get(job) ?? '') >= day) return false;
    this.days.set(job, day);
    return true;
  }
}
