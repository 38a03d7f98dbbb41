/**
 * `DailyRuns` on the shared SQL store (SQLite, or PostgreSQL through the bridge): one row per job; the
 * conditional upsert only moves the day forward, so of two replicas recording the same day one wins.
 */
import type { DailyRuns } from '../../ports/daily-runs.ts';
import { migrate, type SqliteDatabase } from './sqlite-database.ts';

const migrations = [`CREATE TABLE daily_runs (job TEXT PRIMARY KEY, day TEXT NOT NULL, at TEXT NOT NULL);`];

/** Last-run days in the `daily_runs` table. */
export class SqlDailyRuns implements DailyRuns {
  constructor(private readonly database: SqliteDatabase) {
    migrate(database, 'daily-runs', migrations);
  }

  lastDay(job: string): string | undefined {
    return this.database.prepare<[string], { day: string }>('SELECT day FROM daily_runs WHERE job = ?').get(job)?.day;
  }

  recordDay(job: string, day: string, at: string): boolean {
    this.database.prepare("INSERT INTO daily_runs (job, day, at) VALUES (?, '', ?) ON CONFLICT (job) DO NOTHING").run(job, at);
    return this.database.prepare('UPDATE daily_runs SET day = ?, at = ? WHERE job = ? AND day < ?').run(day, at, job, day).changes === 1;
  }
}
