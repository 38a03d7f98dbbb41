/**
 * `JobLeases` on the shared SQL store (SQLite, or PostgreSQL through the bridge): one row per lease; the
 * conditional UPDATE is atomic on both, so of two replicas racing for an expired lease exactly one wins.
 */
import type { JobLeases, LeaseResult } from '../../ports/job-lease.ts';
import { migrate, type SqliteDatabase } from './sqlite-database.ts';

const migrations = [
  `CREATE TABLE job_leases (name TEXT PRIMARY KEY, holder TEXT NOT NULL, until TEXT NOT NULL);`,
];

interface Row {
  holder: string;
  until: string;
}

/** Leases in the `job_leases` table. */
export class SqlJobLeases implements JobLeases {
  constructor(private readonly database: SqliteDatabase) {
    migrate(database, 'job-leases', migrations);
  }

  acquire(name: string, holder: string, now: Date, ttlMs: number): LeaseResult {
    const until = new Date(now.getTime() + ttlMs).toISOString();
    const at = now.toISOString();
    this.database.prepare('INSERT INTO job_leases (name, holder, until) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING').run(name, '', at);
    const won = this.database
      .prepare('UPDATE job_leases SET holder = ?, until = ? WHERE name = ? AND (holder = ? OR until <= ?)')
      .run(holder, until, name, holder, at).changes === 1;
    if (won) return { kind: 'held', until };
    const row = this.database.prepare<[string], Row>('SELECT holder, until FROM job_leases WHERE name = ?').get(name)!;
    return { kind: 'taken', holder: row.holder, until: row.until };
  }

  release(name: string, holder: string): void {
    this.database.prepare("UPDATE job_leases SET holder = '', until = ? WHERE name = ? AND holder = ?").run(new Date(0).toISOString(), name, holder);
  }

  holderOf(name: string, now: Date): string | undefined {
    const row = this.database.prepare<[string], Row>('SELECT holder, until FROM job_leases WHERE name = ?').get(name);
    return row && row.holder !== '' && row.until > now.toISOString() ? row.holder : undefined;
  }
}
