/**
 * `DailyRuns` on the shared SQL store (SQLite or PostgreSQL, issue #20): one row per job in `daily_runs`
 * (migration `0007-daily-runs`). Recording is one conditional upsert that only moves the day forward, so of
 * two replicas recording the same day exactly one gets `true`.
 */
import { sql } from 'kysely';
import type { DailyRuns } from '../../ports/daily-runs.ts';
import { first, type StoreDatabase } from '../sql/store-database.ts';

/** Last-run days in the `daily_runs` table. */
export class SqlDailyRuns implements DailyRuns {
  constructor(private readonly database: StoreDatabase) {}

  async lastDay(job: string): Promise<string | undefined> {
    return (await first(this.database.db, sql<{ day: string }>`SELECT day FROM daily_runs WHERE job = ${job}`))?.day;
  }

  async recordDay(job: string, day: string, at: string): Promise<boolean> {
    const recorded = await first(
      this.database.db,
      sql<{ job: string }>`
      INSERT INTO daily_runs (job, day, at) VALUES (${job}, ${day}, ${at})
      ON CONFLICT (job) DO UPDATE SET day = excluded.day, at = excluded.at WHERE daily_runs.day < excluded.day
      RETURNING job`,
    );
    return recorded !== undefined;
  }
}
